// Training windows pooled from several series for the global LSTM. Each series is scaled by its
// own training statistics (series-scale.ts), windowed like the plain LSTM's (value relative to the
// last input, or to the window's mean: WindowAnchor; calendar features beside it), and the pool is
// capped: every series gets an equal share of MAX_POOLED_WINDOWS (a short series' unused share goes
// to the others), spread evenly over its history. Adding series then adds variety, not cost. The
// windows are ordered by the time of their first target, so the validation part (the pool's last
// `validationCount` windows, which trainModel takes from the end) holds the most recent windows of
// every series, as it does for one series. As for one series (train.ts, `gap`), no training target
// is also a validation target: per series, the training windows whose targets reach its first
// validation window's are left out.
import { calendarCovariates, type CalendarFeature } from '../calendar';
import type { ColumnScaling, CovariateBlock } from '../covariates';
import { anchorOf, windowCount, type WindowAnchor, type Windows } from '../windows';
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
  /** Share of the pool kept for validation (the most recent windows); 0 or unset: none. */
  validationSplit?: number;
  /** Validation windows at most. */
  maxValidationWindows?: number;
  /** Columns of each part's `extra.inputs` and `extra.future` (0 or absent: none). */
  extraWidth?: number;
  futureWidth?: number;
  /** What each window's values and targets are made relative to (default 'last'; WindowAnchor). */
  anchor?: WindowAnchor;
}

export interface Pool {
  windows: Windows;
  /** Windows taken from each part, in the parts' order (0 for a part too short for one). */
  perSeries: number[];
  /** The last this many windows are the validation part (0: none); the training ones come first. */
  validationCount: number;
  /** Each part's scale, fit on that part alone. */
  scales: SeriesScale[];
  /** The part each window came from, in the windows' order. */
  partOf: Int32Array;
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

  const spread = parts.flatMap((part, p) =>
    spreadIndices(counts[p], shares[p]).map((w) => ({ p, w, time: part.t[w + lookback] })),
  );
  spread.sort((a, b) => a.time - b.time || a.p - b.p);
  const { picked, validationCount } = splitPool(spread, parts.length, horizon, options);

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
    const anchor = anchorOf(values, w, lookback, options.anchor);
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
  const perSeries = parts.map(() => 0);
  picked.forEach(({ p }) => perSeries[p]++);
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
    perSeries,
    validationCount,
    scales,
    partOf: Int32Array.from(picked, ({ p }) => p),
  };
}

/** A forecast's covariates (covariates.ts): the block, a fit's scaling, and where its known-future rows go. */
export interface LookbackCovariates {
  block: CovariateBlock;
  scaling: ColumnScaling;
  horizon: number;
  /** Windows x horizon x block.futureWidth: the forecast steps' known-future rows. */
  future?: Float32Array;
}

/**
 * Writes the `lookback` steps of `part` before `origin` into window `k` of `inputs` (`features`
 * columns a step) as the pool's windows hold them: the value scaled by `scale` and made relative to
 * the anchor, then the calendar features at its timestamps, then with `covariates` their
 * columns at those steps (before the origin only: a past-only covariate is cut there) and their
 * known-future rows for the `horizon` steps after it. Columns after those are left as they are.
 * Returns the anchor (the last scaled input, or their mean: PoolOptions.anchor), which the
 * model's outputs are relative to.
 */
export function writeLookback(
  inputs: Float32Array,
  k: number,
  features: number,
  part: PoolPart,
  origin: number,
  scale: SeriesScale,
  {
    lookback,
    calendar,
    timeZone,
    anchor: anchorKind,
  }: Pick<PoolOptions, 'lookback' | 'calendar' | 'timeZone' | 'anchor'>,
  covariates?: LookbackCovariates,
): number {
  const window = scaleSeries(scale, Array.prototype.slice.call(part.v, origin - lookback, origin) as number[]);
  const anchor = anchorOf(window, 0, lookback, anchorKind);
  const calendarWidth = 2 * calendar.length;
  const calendarFeatures =
    calendarWidth > 0
      ? calendarCovariates(
          Array.prototype.slice.call(part.t, origin - lookback, origin) as number[],
          calendar,
          timeZone,
        ).values
      : undefined;
  const extra = covariates && covariates.block.inputRows(covariates.scaling, origin - lookback, origin);
  const extraWidth = covariates?.block.width ?? 0;
  for (let i = 0; i < lookback; i++) {
    const row = (k * lookback + i) * features;
    inputs[row] = window[i] - anchor;
    if (calendarFeatures) inputs.set(calendarFeatures.subarray(i * calendarWidth, (i + 1) * calendarWidth), row + 1);
    if (extra) inputs.set(extra.subarray(i * extraWidth, (i + 1) * extraWidth), row + 1 + calendarWidth);
  }
  if (covariates?.future) {
    const { block, scaling, horizon, future } = covariates;
    future.set(block.futureRows(scaling, origin, origin + horizon), k * horizon * block.futureWidth);
  }
  return anchor;
}

interface PickedWindow {
  /** Part index. */
  p: number;
  /** Window index within its part (its first input). */
  w: number;
  /** Time of its first target. */
  time: number;
}

/**
 * The pool (`windows` in time order) as training windows, then the validation part: the most
 * recent `validationSplit` of the windows (at most maxValidationWindows; every window from the
 * time of the first of them on). Per series, a training window whose targets reach those of that
 * series' first validation window (the horizon - 1 windows before it) is left out.
 */
export function splitPool(
  windows: readonly PickedWindow[],
  partCount: number,
  horizon: number,
  {
    validationSplit = 0,
    maxValidationWindows = Infinity,
  }: Pick<PoolOptions, 'validationSplit' | 'maxValidationWindows'>,
): { picked: PickedWindow[]; validationCount: number } {
  const wanted = Math.min(Math.floor(windows.length * validationSplit), maxValidationWindows);
  if (wanted < 1) return { picked: [...windows], validationCount: 0 };
  const from = windows[windows.length - wanted].time;
  const validation = windows.filter((x) => x.time >= from);
  const firstValidation = new Array<number>(partCount).fill(Infinity);
  validation.forEach(({ p, w }) => (firstValidation[p] = Math.min(firstValidation[p], w)));
  // Targets w + lookback .. w + lookback + horizon - 1 stay before those of window firstValidation[p].
  const training = windows.filter((x) => x.time < from && x.w + horizon - 1 < firstValidation[x.p]);
  if (training.length === 0) return { picked: [...windows], validationCount: 0 };
  return { picked: [...training, ...validation], validationCount: validation.length };
}
