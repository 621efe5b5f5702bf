import { Table } from '@/components/ui/table';

interface PreviewTableProps {
  columns: readonly string[];
  rows: readonly string[][];
  timeColumn: string | null;
  valueColumns: readonly string[];
}

/** The first rows as read, with the time column marked and unused columns dimmed. */
export function PreviewTable({ columns, rows, timeColumn, valueColumns }: PreviewTableProps) {
  const used = new Set(valueColumns);
  const role = (name: string) => (name === timeColumn ? 'is-time' : used.has(name) ? '' : 'is-skipped');
  return (
    <Table
      caption={`First ${rows.length} rows of the file`}
      compact
      className="preview-table"
      data-testid="preview-table"
    >
      <thead>
        <tr>
          {columns.map((name, index) => (
            <th key={index} scope="col" className={role(name)}>
              {name || `column ${index + 1}`}
              {name === timeColumn && <span className="visually-hidden"> (time column)</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {columns.map((name, index) => (
              <td key={index} className={role(name) === 'is-skipped' ? 'is-skipped' : undefined} title={row[index]}>
                {row[index] ?? ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
