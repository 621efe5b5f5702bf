import { Table } from '@/components/ui/table';
import { formatCount, formatFrequency, formatSeriesTime } from '@/lib/client/format';
import type { PreviewSeries } from '@/lib/client/types';

/** Rows listed; a long-format file can hold hundreds of series. */
const SHOWN = 20;

/** The series the import would create, as detected from the part of the file that was read. */
export function DetectedSeries({ series, partial }: { series: readonly PreviewSeries[]; partial: boolean }) {
  const mark = partial ? '*' : '';
  return (
    <Table caption="Detected series" compact data-testid="detected-series">
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Frequency</th>
          <th scope="col" className="num">
            Points{mark}
          </th>
          <th scope="col">Start</th>
          <th scope="col">End{mark}</th>
        </tr>
      </thead>
      <tbody>
        {series.slice(0, SHOWN).map((s, index) => (
          <tr key={`${index}:${s.name}`}>
            <th scope="row">{s.name}</th>
            <td>{formatFrequency(s.frequency)}</td>
            <td className="num">{formatCount(s.points)}</td>
            <td>{formatSeriesTime(s.start, s.frequency)}</td>
            <td>{formatSeriesTime(s.end, s.frequency)}</td>
          </tr>
        ))}
        {series.length > SHOWN && (
          <tr>
            <td colSpan={5} className="muted">
              … and {formatCount(series.length - SHOWN)} more
            </td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
