// The run's forecast as numbers: the drawn model over the last backtest window (beside the
// actuals) and into the future with its 80% and 95% interval bounds. Pure, so it is unit-tested.
import { decimalsOf } from '@/lib/runs/precision';
import { mainValue, type DrawnModels } from './drawn-models';
import type { RunForecast } from './types';

export interface ForecastTableRow {
  /** ISO timestamp. */
  t: string;
  /** 'backtest': the last backtest window, where the actual is known; 'future': after the last point. */
  segment: 'backtest' | 'future';
  forecast: number | null;
  actual: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

const none = { lo80: null, hi80: null, lo95: null, hi95: null };

export function forecastTableRows(
  forecast: RunForecast,
  drawn: Pick<DrawnModels, 'main' | 'members'>,
): ForecastTableRow[] {
  return [
    ...forecast.test.map((p) => ({
      t: p.t,
      segment: 'backtest' as const,
      forecast: mainValue(p, drawn),
      actual: p.actual,
      ...none,
    })),
    ...forecast.future.map((p) => ({
      t: p.t,
      segment: 'future' as const,
      forecast: mainValue(p, drawn),
      actual: null,
      ...none,
      ...p.intervals[drawn.main],
    })),
  ];
}

/**
 * Decimals that show a series' values as precisely as they were written (see decimalsOf), plus
 * `extra` for forecasts, which carry more.
 */
export function seriesDecimals(values: readonly (number | null | undefined)[], extra = 0): number {
  return decimalsOf(values) + extra;
}

/** A value at `decimals` decimals with thousands separators: 12500 → "12,500", 3.14159 at 2 → "3.14". */
export function formatAt(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
