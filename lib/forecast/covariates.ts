// Covariates and holidays as model inputs (issue 22): one block of extra columns per run that the
// LSTMs (plain, hybrid, global) and AutoARIMA all read the same way.
//
// Alignment is by timestamp, never by position: the value of a covariate at a step is its last
// value at or before that step's timestamp (an as-of join, so a gap is forward-filled and a
// covariate sampled at other instants still lines up). Steps before a covariate's first value have
// none; they read 0 after scaling. Forward-filling only looks back, so a past-only covariate at a
// step never depends on anything after it — cut at each origin simply by reading rows before it.
//
// Columns: every covariate (past-only and known-future) and the holiday features (holidays.ts).
// The LSTM reads all of them in its input window; the known-future ones (known-future covariates and
// the holiday features, which are calendar facts) also for the forecast steps, joined before its
// output head. Covariates are min-max scaled on each fit's training part only (rows before its
// cut); holiday features are 0..1 already.
import { tzOffset } from '@date-fns/tz';
import { CovariateFutureMissingError, type MissingCovariateFuture } from './errors';
import { holidayFeaturesFor, holidayMatrix, holidaysBetween, type HolidayFeatures } from './holidays';
import type { CovariateSeries, ForecastConfig, SeriesData } from './types';

/** Index of the last of `t` (ascending) at or before `at`, or -1. */
function lastAtOrBefore(t: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The covariate's value at each of `steps` (ascending epoch ms): its last finite value at or
 * before the step, NaN before its first.
 */
export function alignCovariate(covariate: Pick<CovariateSeries, 't' | 'v'>, steps: ArrayLike<number>): Float64Array {
  const out = new Float64Array(steps.length);
  for (let i = 0; i < steps.length; i++) {
    let j = lastAtOrBefore(covariate.t, steps[i]);
    while (j >= 0 && !Number.isFinite(covariate.v[j])) j--;
    out[i] = j >= 0 ? covariate.v[j] : NaN;
  }
  return out;
}

/** The forecast steps each known-future covariate has no value for (an exact timestamp with a finite value). */
export function missingFuture(
  covariates: readonly CovariateSeries[],
  futureT: readonly number[],
): MissingCovariateFuture[] {
  return covariates
    .filter((c) => c.knownFuture)
    .map((c) => ({
      seriesId: c.seriesId,
      name: c.name,
      timestamps: futureT.filter((at) => {
        const j = lastAtOrBefore(c.t, at);
        return j < 0 || c.t[j] !== at || !Number.isFinite(c.v[j]);
      }),
    }))
    .filter((m) => m.timestamps.length > 0);
}

/** Per-column min and max of one fit's training rows. */
export interface ColumnScaling {
  min: Float64Array;
  max: Float64Array;
}

export interface CovariateColumn {
  name: string;
  /** Also read for the forecast steps (known-future covariates and holiday features). */
  knownFuture: boolean;
  /** Scaled per fit (covariates); holiday features are used as they are. */
  scaled: boolean;
}

/**
 * A run's extra inputs at the target's steps and its `horizon` forecast steps: rows 0..n-1 are the
 * target's timestamps, n..n+horizon-1 its future ones.
 */
export class CovariateBlock {
  readonly columns: CovariateColumn[];
  /** Indices (into columns) of the known-future columns, in order. */
  readonly futureColumns: number[];
  /** Rows (steps) the block covers: the target's points and the horizon. */
  readonly steps: number;
  private readonly matrix: Float64Array;

  constructor(
    private readonly covariates: readonly CovariateSeries[],
    private readonly holidays: HolidayFeatures | undefined,
    readonly t: readonly number[],
    private readonly timeZone?: string | null,
  ) {
    this.columns = [
      ...covariates.map((c) => ({ name: c.name, knownFuture: c.knownFuture, scaled: true })),
      ...(holidays?.names ?? []).map((name) => ({ name, knownFuture: true, scaled: false })),
    ];
    this.futureColumns = this.columns.flatMap((c, k) => (c.knownFuture ? [k] : []));
    this.steps = t.length;
    this.matrix = this.rawAt(t);
  }

  /**
   * A block posted to a worker thread arrives as a plain object of its fields (a structured clone
   * keeps no class); this gives it its methods back. Every field is data, none a closure.
   */
  static revive(posted: CovariateBlock): CovariateBlock {
    return Object.assign(Object.create(CovariateBlock.prototype) as CovariateBlock, posted);
  }

  /** Input columns per step. */
  get width(): number {
    return this.columns.length;
  }

  /** Known-future columns per forecast step. */
  get futureWidth(): number {
    return this.futureColumns.length;
  }

  get holidayCalendar(): string | undefined {
    return this.holidays?.calendar;
  }

  /** Names of the covariates (not the holiday features). */
  get covariateNames(): string[] {
    return this.covariates.map((c) => c.name);
  }

  /** The unscaled columns at arbitrary timestamps (another series of the dataset: the global LSTM). */
  rawAt(t: ArrayLike<number>): Float64Array {
    const width = this.width;
    const out = new Float64Array(t.length * width);
    this.covariates.forEach((c, k) => {
      const aligned = alignCovariate(c, t);
      for (let i = 0; i < t.length; i++) out[i * width + k] = aligned[i];
    });
    if (this.holidays) {
      const h = holidayMatrix(this.holidays, t, this.timeZone);
      const hw = this.holidays.names.length;
      const offset = this.covariates.length;
      for (let i = 0; i < t.length; i++) for (let k = 0; k < hw; k++) out[i * width + offset + k] = h[i * hw + k];
    }
    return out;
  }

  /** Min and max of each scaled column over rows 0..trainEnd-1 (a fit's training part). */
  scaling(trainEnd: number): ColumnScaling {
    const width = this.width;
    const min = new Float64Array(width).fill(Infinity);
    const max = new Float64Array(width).fill(-Infinity);
    for (let i = 0; i < Math.min(trainEnd, this.steps); i++) {
      for (let k = 0; k < width; k++) {
        const x = this.matrix[i * width + k];
        if (!Number.isFinite(x)) continue;
        if (x < min[k]) min[k] = x;
        if (x > max[k]) max[k] = x;
      }
    }
    return { min, max };
  }

  /** Rows from..to-1 of every column, scaled: (to - from) x width. */
  inputRows(scaling: ColumnScaling, from: number, to: number): Float32Array {
    return this.rows(
      this.matrix,
      scaling,
      from,
      to,
      this.columns.map((_, k) => k),
    );
  }

  /** Rows from..to-1 of the known-future columns, scaled: (to - from) x futureWidth. */
  futureRows(scaling: ColumnScaling, from: number, to: number): Float32Array {
    return this.rows(this.matrix, scaling, from, to, this.futureColumns);
  }

  /**
   * Regressors for AutoARIMA (classical/arimax.ts), rows from..to-1, unscaled: the known-future
   * covariates and the holiday flag (a missing value reads 0). Width 0 when there are none.
   */
  regressorRows(from: number, to: number): { values: Float32Array; width: number } {
    const columns = this.columns.flatMap((c, k) => ((c.knownFuture && c.scaled) || c.name === 'holiday' ? [k] : []));
    return { values: this.rows(this.matrix, undefined, from, to, columns), width: columns.length };
  }

  /** Every column of `raw` (from rawAt), scaled. */
  scaleRaw(scaling: ColumnScaling, raw: Float64Array, rows: number): Float32Array {
    return this.rows(
      raw,
      scaling,
      0,
      rows,
      this.columns.map((_, k) => k),
    );
  }

  /** Rows from..to-1 of `columns` of `source`: a missing value reads 0; without `scaling`, unscaled. */
  private rows(
    source: Float64Array,
    scaling: ColumnScaling | undefined,
    from: number,
    to: number,
    columns: number[],
  ): Float32Array {
    if (from < 0 || to > source.length / this.width) {
      throw new Error(`Covariates cover steps 0..${source.length / this.width - 1}, not ${from}..${to - 1}.`);
    }
    const width = this.width;
    const out = new Float32Array((to - from) * columns.length);
    for (let i = from; i < to; i++) {
      columns.forEach((k, c) => {
        const x = source[i * width + k];
        let y: number;
        if (!Number.isFinite(x)) y = 0;
        else if (!scaling || !this.columns[k].scaled) y = x;
        else {
          const lo = scaling.min[k];
          const range = scaling.max[k] - lo;
          y = Number.isFinite(lo) ? (range > 0 ? (x - lo) / range : 0) : 0;
        }
        out[(i - from) * columns.length + c] = y;
      });
    }
    return out;
  }
}

/**
 * The block of a run: its covariates (in config order) and holiday calendar over the target's
 * timestamps and `futureT`; undefined when the run has neither. Throws CovariateFutureMissingError
 * when a known-future covariate lacks a value for a forecast step.
 */
export function covariateBlock(
  data: Pick<SeriesData, 't' | 'timeZone'>,
  futureT: readonly number[],
  config: Pick<ForecastConfig, 'covariates' | 'holidays'>,
  covariates: readonly CovariateSeries[],
): CovariateBlock | undefined {
  const used = orderedCovariates(config, covariates);
  if (used.length === 0 && !config.holidays) return undefined;
  const missing = missingFuture(used, futureT);
  if (missing.length > 0) throw new CovariateFutureMissingError(missing);
  const t = [...data.t, ...futureT];
  const holidays = config.holidays ? holidayFeaturesFor(config.holidays, t, data.timeZone) : undefined;
  return new CovariateBlock(used, holidays, t, data.timeZone);
}

/** The covariates config.covariates names, in its order and with its knownFuture; an unnamed one is an error. */
function orderedCovariates(
  config: Pick<ForecastConfig, 'covariates'>,
  covariates: readonly CovariateSeries[],
): CovariateSeries[] {
  return config.covariates.map(({ seriesId, knownFuture }) => {
    const series = covariates.find((c) => c.seriesId === seriesId);
    if (!series) throw new Error(`Covariate ${seriesId} is in the config but its values were not passed.`);
    return { ...series, knownFuture };
  });
}

/** Holiday dates between the first timestamp and the last forecast step: the charts' markers. */
export function holidayMarkers(
  calendar: string,
  t: readonly number[],
  futureT: readonly number[],
  timeZone?: string | null,
): { date: string; t: number; name: string }[] {
  const last = futureT.at(-1) ?? t.at(-1);
  if (t.length === 0 || last === undefined) return [];
  return holidaysBetween(calendar, t[0], last, timeZone).map((h) => ({
    date: h.date,
    // Local midnight: the date's UTC midnight moved by the zone's offset there.
    t: timeZone ? h.day - tzOffset(timeZone, new Date(h.day)) * 60_000 : h.day,
    name: h.name,
  }));
}
