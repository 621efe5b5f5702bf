// Training windows pooled from several series for the global LSTM. Each series is scaled by its
// own training statistics (series-scale.ts), windowed like the plain LSTM's (value relative to the
// last input, calendar features beside it), and the pool is capped: every series gets an equal
// share of MAX_POOLED_WINDOWS (a short series' unused share goes to the others), spread evenly over
// its history. Adding series then adds variety, not cost. The windows are ordered by the time of
// their first target, so the validation split that trainModel takes from the end holds the most
// recent windows of every series, as it does for one series.
import { calendarCovariates, type CalendarFeature } from '../calendar';
import { windowCount, type Windows } from '../windows';
import { fitSeriesScale, scaleSeries, type SeriesScale } from './series-scale';

/** Windows the pool holds at most, whatever the number and length of the series. */
export const MAX_POOLED_WINDOWS = 4096;

/** One series' training part: values and their timestamps (epoch ms). */
export interface PoolPart {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  /**
   * Covariates and holiday features at the part's steps (covariates.ts), scaled: `inputs`
   * length x PoolOptions.extraWidth, `future` (the known-future columns) length x futureWidth.
   */
  extra?: { inputs: Float32Array; future: Float32Array };
}

export interface PoolOptions {
  lookback: number;
  horizon: number;
  calendar: readonly CalendarFeature[];
  /** The IANA zone calendar features read the time in; unset: UTC. */
  timeZone?: string | null;
  /** Defaults to MAX_POOLED_WINDOWS. */
  maxWindows?: number;
  /** Columns of each part's `extra.inputs` and `extra.future` (0 or absent: none). */
  extraWidth?: number;
  futureWidth?: number;
}

export interface Pool {
  windows: Windows;
  /** Windows taken from each part, in the parts' order (0 for a part too short for one). */
  perSeries: number[];
  /** Each part's scale, fit on that part alone. */
  scales: SeriesScale[];
}

/** `take` indices spread evenly over 0..count-1, always ending with the last (most recent). */
export function spreadIndices(count: number, take: number): number[] {
  if (take >= count) return Array.from({ length: count }, (_, i) => i);
  if (take <= 0) return [];
  if (take === 1) return [count - 1];
  const step = (count - 1) / (take - 1);
  return Array.from({ length: take }, (_, k) => Math.round(k * step));
}

/** Shares of `total` for parts with `counts` windows: equal, a small part's leftover to the rest. */
export function windowShares(counts: readonly number[], total: number): number[] {
  const shares = counts.map(() => 0);
  const order = counts.map((_, i) => i).sort((a, b) => counts[a] - counts[b]);
  let remaining = total;
  order.forEach((part, k) => {
    const share = Math.floor(remaining / (order.length - k));
    shares[part] = Math.min(counts[part], share);
    remaining -= shares[part];
  });
  return shares;
}

export function pooledWindows(parts: readonly PoolPart[], options: PoolOptions): Pool {
  const { lookback, horizon, calendar, timeZone } = options;
  const counts = parts.map((p) => windowCount(p.v.length, lookback, horizon));
  const shares = windowShares(counts, options.maxWindows ?? MAX_POOLED_WINDOWS);
  const scales = parts.map((p) => fitSeriesScale(p.v));
  const extraWidth = options.extraWidth ?? 0;
  const futureWidth = options.futureWidth ?? 0;
  const calendarWidth = 2 * calendar.length;
  const features = 1 + calendarWidth + extraWidth;

  const picked = parts.flatMap((part, p) =>
    spreadIndices(counts[p], shares[p]).map((w) => ({ p, w, time: part.t[w + lookback] })),
  );
  picked.sort((a, b) => a.time - b.time || a.p - b.p);

  const scaled = parts.map((part, p) => scaleSeries(scales[p], part.v));
  const covariates = parts.map((part, p) =>
    calendar.length > 0 && counts[p] > 0 ? calendarCovariates(part.t, calendar, timeZone).values : undefined,
  );
  const inputs = new Float32Array(picked.length * lookback * features);
  const targets = new Float32Array(picked.length * horizon);
  const future = futureWidth > 0 ? new Float32Array(picked.length * horizon * futureWidth) : undefined;
  picked.forEach(({ p, w }, k) => {
    const values = scaled[p];
    // Relative to the last input, like the plain LSTM: the model learns shapes, not levels.
    const anchor = values[w + lookback - 1];
    for (let i = 0; i < lookback; i++) {
      const row = (k * lookback + i) * features;
      inputs[row] = values[w + i] - anchor;
      if (calendarWidth > 0)
        inputs.set(covariates[p]!.subarray((w + i) * calendarWidth, (w + i + 1) * calendarWidth), row + 1);
      if (extraWidth > 0)
        inputs.set(
          parts[p].extra!.inputs.subarray((w + i) * extraWidth, (w + i + 1) * extraWidth),
          row + 1 + calendarWidth,
        );
    }
    for (let i = 0; i < horizon; i++) targets[k * horizon + i] = values[w + lookback + i] - anchor;
    if (future) {
      const from = (w + lookback) * futureWidth;
      future.set(parts[p].extra!.future.subarray(from, from + horizon * futureWidth), k * horizon * futureWidth);
    }
  });
  return {
    windows: {
      count: picked.length,
      lookback,
      horizon,
      features,
      inputs,
      targets,
      ...(future && { future, futureFeatures: futureWidth }),
    },
    perSeries: shares,
    scales,
  };
}
