import { Table } from '@/components/ui/table';
import type { DrawnModels } from '@/lib/client/drawn-models';
import { formatSeriesTime } from '@/lib/client/format';
import { formatAt, forecastTableRows } from '@/lib/client/forecast-table';
import type { Frequency, RunForecast } from '@/lib/client/types';

interface ForecastTableProps {
  forecast: RunForecast;
  drawn: DrawnModels;
  frequency: Frequency;
  timeOffset?: string | null;
  /** Decimals of the series' own values; forecasts get two more. */
  decimals: number;
}

/**
 * The drawn model's forecast as numbers, under the chart: over the last backtest window beside
 * the actuals, then into the future with its 80% and 95% interval bounds. Folded by default.
 */
export function ForecastTable({ forecast, drawn, frequency, timeOffset, decimals }: ForecastTableProps) {
  const rows = forecastTableRows(forecast, drawn);
  const value = (v: number | null) => formatAt(v, decimals + 2);
  const interval = (lo: number | null, hi: number | null) =>
    lo === null || hi === null ? '—' : `${value(lo)} – ${value(hi)}`;
  return (
    <details className="disclosure" data-testid="forecast-table">
      <summary>
        {drawn.mainLabel}’s forecast as a table ({rows.length} rows)
      </summary>
      <Table
        caption={`${drawn.mainLabel}: forecast over the last backtest window and into the future, with interval bounds`}
        compact
        moreColumns
      >
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" className="num">
              Forecast
            </th>
            <th scope="col" className="num col-more">
              80% interval
            </th>
            <th scope="col" className="num">
              95% interval
            </th>
            <th scope="col" className="num">
              Actual
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.t} data-segment={row.segment}>
              <th scope="row">
                {formatSeriesTime(Date.parse(row.t), frequency, timeOffset, false)}
                {row.segment === 'backtest' && <span className="visually-hidden"> (last backtest window)</span>}
              </th>
              <td className="num">{value(row.forecast)}</td>
              <td className="num col-more">{interval(row.lo80, row.hi80)}</td>
              <td className="num">{interval(row.lo95, row.hi95)}</td>
              <td className="num">{row.actual === null ? '—' : formatAt(row.actual, decimals)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </details>
  );
}
