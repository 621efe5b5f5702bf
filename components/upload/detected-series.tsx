import { Table } from '@/components/ui/table';
import { formatCount, formatFrequency, formatSeriesTime } from '@/lib/client/format';
import type { PreviewSeries } from '@/lib/client/types';

/** Rows listed; a long-format file can hold hundreds of series. */
const SHOWN = 20;

/** Zeros as a dash, so the rows with something to say stand out. */
const countOrDash = (count: number) => (count === 0 ? '—' : formatCount(count));

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
          <th scope="col" className="num" title="Timestamps missing between start and end">
            Gaps{mark}
          </th>
          <th scope="col" className="num" title="Points the gap policy inserted">
            Filled{mark}
          </th>
          <th scope="col" className="num" title="Repeated timestamps merged by the duplicate policy">
            Duplicates{mark}
          </th>
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
            <td className="num">{countOrDash(s.gaps)}</td>
            <td className="num">{countOrDash(s.filled)}</td>
            <td className="num">{countOrDash(s.duplicates)}</td>
          </tr>
        ))}
        {series.length > SHOWN && (
          <tr>
            <td colSpan={8} className="muted">
              … and {formatCount(series.length - SHOWN)} more
            </td>
          </tr>
        )}
      </tbody>
    </Table>
  );
}
