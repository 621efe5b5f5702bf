// A batch's shared global LSTM (issue 21): ONE network trained across every series of a batch, whose
// forecasts each series' own run then scores beside its other models (registry/lstm-global.ts reads
// them instead of training). Unlike the in-run global LSTM (global-lstm.ts), which pools a target
// with a few related series and is trained once per run, this is trained once per batch.
//
// - Inputs per step: the value scaled by the series' own training statistics (DeepAR-style) and
//   made relative to the window's mean, the series' own calendar features (its timestamps), and a
//   learned embedding of the series (models/lstm.ts, seriesCount). Before, a one-hot series id at
//   every step did the same through the LSTM's input weights, with 100 inputs a step at 100
//   series; the embedding's 16 took the batch bench's global fit from 276 to 165 s and its peak
//   memory from 592 to 480 MB, mean MASE 0.595 -> 0.590 (100 series, in a process of its own).
// - Fits: one per cutoff, oldest first, each warm-started from the one before (as the per-series
//   LSTMs do), then a refit on everything for the future. A fit at cutoff c sees every series only
//   strictly before c. The cutoffs are the timestamps of the series' backtest origins (sharedCutoffs),
//   and each origin of each series is forecast by the latest fit whose cutoff is not after the
//   origin's timestamp: so no series ever shows the model anything from a period it is scored on,
//   even when the series end on different days.
// - For every origin it stores what the backtest asks of a model: the forecasts from the origin and
//   from each later calibration origin (backtest.ts, calibrationOrigins), read from the actual
//   values up to each, exactly as a model fit inside the run would be asked.
// - Covariates and holidays (issue 22): a batch's known-future and past covariates and its holiday
//   calendar are inputs per step, as for the in-run LSTMs (covariates.ts): each series reads them at
//   its own timestamps, scaled on its own part before each fit's cutoff; a past-only covariate is
//   read before an origin only, a known-future one also for the forecast steps (joined before the
//   head). So that each series' run can say what they did (covariateEffect), the same model is
//   then trained again without them and its forecasts stored beside (`withoutCovariates`).
import type * as tf from '@tensorflow/tfjs';
import { calibrationOrigins } from '../backtest';
import { calendarFeaturesFor, type CalendarFeature } from '../calendar';
import type { ColumnScaling, CovariateBlock } from '../covariates';
import {
  budgetEpochs,
  EPOCH_BUDGET_STEPS,
  MAX_VALIDATION_WINDOWS,
  MAX_WINDOWS_PER_EPOCH,
  minimumPoints,
} from '../config';
import { fineTuneEpochs } from '../lstm-forecaster';
import { buildLstm, disposeModel, predictWindows } from '../models/lstm';
import { runInThread, THREAD_OUT_OF_MEMORY, threadsByDefault } from '../parallel/run-in-thread';
import { FREQUENCY_SPECS } from '../time/frequency';
import { trainModel, type TrainResult } from '../train';
import type { ForecastConfig, Frequency } from '../types';
import { windowCount, type Windows } from '../windows';
import type { WindowAnchor } from '../windows';
import { pooledWindows, spreadIndices, writeLookback, type PoolPart } from './pooled-windows';
import { pointsBefore } from './related-series';
import { fitSeriesScale, unscaleSeries, type SeriesScale } from './series-scale';

/** What the shared model's windows are relative to: their mean (pooled-windows.ts, WindowAnchor). */
const SHARED_ANCHOR: WindowAnchor = 'mean';

/** Backtest fits the shared model makes at most (the refit not counted), however the series' ends differ. */
export const MAX_SHARED_FITS = 12;

/**
 * Work budget of the shared model's first fit, in window-steps (config.ts, budgetEpochs): twelve
 * times a run's LSTM's, since it is trained once for the whole batch instead of once per series
 * (daily series, lookback 28: 60 epochs of 1,024 windows). Early stopping ends it sooner once the
 * validation loss stops improving. Measured (with a one-hot series id and windows relative to
 * their last input) on the first 30 of the batch bench's daily series: mean MASE 0.567 with this
 * budget, 0.595 with half of it, 0.64-0.68 with a run's budget and lookback; at full size (100
 * series) it took the batch's global LSTM from 0.701 to 0.595. The later fits, warm-started, go
 * on for up to half of it each: cut to a fifth, the 30 series' MASE rose from 0.567 to 0.635.
 */
export const SHARED_EPOCH_BUDGET_STEPS = 12 * EPOCH_BUDGET_STEPS;

/**
 * The shared model's lookback: four seasons (twice the runs' at most) where every series has room
 * for it (ten training windows before its first origin); else the runs' own. With the noise of a
 * series averaged over more values it reads the level better: on the bench's daily series 28 days
 * scored a mean MASE of 0.567 where 14 days scored 0.595-0.600 at 40 to 80 epochs. Trained once
 * per batch, the model can afford the longer windows.
 */
export function sharedLookback(
  series: readonly Pick<SharedSeries, 'origins'>[],
  config: Pick<ForecastConfig, 'lookback' | 'horizon'>,
  season: number,
): number {
  const longer = Math.min(2 * config.lookback, Math.max(config.lookback, 4 * season));
  const room = minimumPoints({ lookback: longer, horizon: config.horizon }, 0);
  return series.every((s) => s.origins.length > 0 && s.origins[0] >= room) ? longer : config.lookback;
}

/** One series of a batch, as the shared model sees it. */
export interface SharedSeries {
  /** The series' run id: its forecasts are stored under it. */
  key: string;
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  /** Backtest origins of the series' own run (runOrigins in forecast.ts), oldest first. */
  origins: readonly number[];
  /**
   * The series' covariates and holiday features over its points and its `horizon` future steps
   * (covariates.ts, covariateBlock). Every series of one model has the same inputLayout.
   */
  covariates?: CovariateBlock;
}

/** One backtest window of one series: forecasts from its origin and each later calibration origin. */
export interface SharedWindow {
  origin: number;
  /** The fit's cutoff (epoch ms): the fit saw no point at or after it, of any series. */
  cutoff: number;
  /** forecasts[j]: the `horizon` steps after values[0 .. origin + j). */
  forecasts: number[][];
}

/** What the shared model stores for one series (and its run reads). */
export interface SharedForecasts {
  /** Points of the series when the model was trained: a run on different data cannot use them. */
  points: number;
  windows: SharedWindow[];
  /** The `horizon` steps after the series, from the refit on all data. */
  future: number[];
  /** Trained with covariates or holidays: the same model's forecasts without them. */
  withoutCovariates?: Pick<SharedForecasts, 'windows' | 'future'>;
}

export interface SharedGlobalInfo {
  /** Series the model learned from. */
  series: number;
  /** Cutoffs of the backtest fits (epoch ms), oldest first; the refit comes after them. */
  cutoffs: number[];
  /** Fits made: the backtest's and the refit (each twice with covariates: with and without them). */
  fits: number;
  /** Epochs each fit trained, in order (with covariates: those with them, then those without). */
  epochs: number[];
  /** Training windows of the refit's pool. */
  windows: number;
  /** Steps each window reads (sharedLookback, or the one the user fixed). */
  lookback: number;
  /** Wall time of all fits and forecasts (with the model trained again without covariates, when it was). */
  fitMs: number;
  /** What it read besides the values, in words: the covariates' names and "the US holiday calendar" (absent: nothing). */
  inputs?: string[];
}

/** What training the shared model gives: each series' forecasts, by key, and what was trained. */
export interface SharedGlobalResult {
  forecasts: Map<string, SharedForecasts>;
  info: SharedGlobalInfo;
}

/**
 * What a series' run gets from its batch's shared global LSTM: the stored forecasts (lstmGlobal then
 * reads them and trains nothing) and how many series the model learned from, or why there are none.
 */
export type SharedGlobalInput = { forecasts: SharedForecasts; series: number } | { note: string };

export interface SharedGlobalOptions {
  frequency: Frequency;
  timeZone?: string | null;
  /** Fraction of the whole job done, after every epoch. */
  onProgress?: (fraction: number) => void | Promise<void>;
  shouldCancel?: () => boolean | Promise<boolean>;
  /** Defaults to MAX_SHARED_FITS. */
  maxFits?: number;
  /**
   * Settings the user left to the engine (absent from a batch's own config): true trains the shared
   * model with its own epoch budget (SHARED_EPOCH_BUDGET_STEPS) or lookback (sharedLookback)
   * instead of the runs' config.
   */
  own?: { epochs?: boolean; lookback?: boolean };
}

/** What the shared model's thread is posted (shared-global-thread.ts): plain data, no callbacks. */
export interface SharedGlobalThreadInput {
  series: readonly SharedSeries[];
  config: ForecastConfig;
  options: Omit<SharedGlobalOptions, 'onProgress' | 'shouldCancel'>;
}

/**
 * Trains the shared model on a worker thread of its own (shared-global-thread.ts), so that the
 * memory its training grows is freed when it ends: a batch's worker then forecasts the series with
 * what a run needs. Most of that memory is JavaScript garbage (TensorFlow.js makes objects for
 * every op of every step; its wasm heap stays small), which V8 lets pile up far past what is live;
 * the thread's old generation is therefore capped (sharedThreadHeapMb), which makes its collector
 * run sooner. On the batch bench's 100 daily series (one fit) the thread added 395 MB to the
 * process at its peak uncapped, 227 MB capped; the bench's worker peaked at 542 MB (676 MB when the
 * model trained in the worker's own thread). A thread that outgrows the cap trains again
 * here, on this thread, as when threads are off (HORIZON_FORECAST_THREADS=0) or none can start.
 */
export async function trainSharedGlobal(
  series: readonly SharedSeries[],
  config: ForecastConfig,
  options: SharedGlobalOptions,
): Promise<SharedGlobalResult> {
  const { onProgress, shouldCancel, ...plain } = options;
  const input: SharedGlobalThreadInput = { series, config, options: plain };
  const thread = threadsByDefault()
    ? runInThread<SharedGlobalResult, number>(
        new URL('./shared-global-thread.ts', import.meta.url),
        input,
        { onProgress, shouldCancel },
        { maxOldGenerationSizeMb: sharedThreadHeapMb(series) },
      )
    : undefined;
  if (thread) {
    try {
      return await thread.result;
    } catch (error) {
      if ((error as { code?: unknown }).code !== THREAD_OUT_OF_MEMORY) throw error;
    }
  }
  return new SharedGlobalTrainer(series, config, options).train();
}

/**
 * The shared model's thread's old-generation cap (MB): what training needs whatever the data (its
 * live heap stayed under 100 MB at 100 series) and room for the series, their covariates and
 * forecasts, generously (200 bytes a point; the values and timestamps take 16).
 */
export function sharedThreadHeapMb(series: readonly Pick<SharedSeries, 'v' | 'covariates'>[]): number {
  const points = series.reduce((sum, s) => sum + s.v.length * (1 + (s.covariates?.width ?? 0)), 0);
  return 160 + Math.ceil((points * 200) / 2 ** 20);
}

/** SharedGlobalOptions.own for a batch's own settings (a partial config): what they leave open. */
export function ownSettings(
  settings: Partial<Pick<ForecastConfig, 'epochs' | 'lookback'>>,
): SharedGlobalOptions['own'] {
  return { epochs: settings.epochs === undefined, lookback: settings.lookback === undefined };
}

/**
 * The fits' cutoffs for the series' origin timestamps: every distinct one when there are few (the
 * usual batch, whose series end together, has one per window), else the earliest and an even
 * spread up to the latest. The earliest is always kept, so every origin has a cutoff not after it.
 */
export function sharedCutoffs(originTimes: readonly (readonly number[])[], maxFits = MAX_SHARED_FITS): number[] {
  const distinct = [...new Set(originTimes.flat())].sort((a, b) => a - b);
  return spreadIndices(distinct.length, Math.max(1, maxFits)).map((i) => distinct[i]);
}

/**
 * What one network's input columns must agree on across its series: each covariate's kind (its own
 * series may differ: each store reads its own promotions) and the holiday features by name (the
 * holiday one-hot is over the most frequent names of the series' dates). '' for none.
 */
export function inputLayout(block: CovariateBlock | undefined): string {
  return block?.columns.map((c) => (c.scaled ? `covariate:${c.knownFuture}` : c.name)).join('|') ?? '';
}

/** Index of the latest cutoff at or before `time` (ascending cutoffs); -1 when all are after it. */
export function cutoffFor(cutoffs: readonly number[], time: number): number {
  return pointsBefore(cutoffs, time + 1) - 1;
}

interface SharedFit extends TrainResult {
  model: tf.LayersModel;
  /** Each series' scale in this fit (fit on its points before the cutoff); undefined: not pooled. */
  scales: (SeriesScale | undefined)[];
  /** Each series' covariate scaling in this fit, likewise (none without covariates). */
  covariateScales: (ColumnScaling | undefined)[];
}

export class SharedGlobalTrainer {
  private readonly calendar: CalendarFeature[];
  private readonly features: number;
  private readonly lookback: number;
  /** Covariate and holiday columns per step, and the known-future ones per forecast step. */
  private readonly extraWidth: number;
  private readonly futureWidth: number;
  private previous: SharedFit | undefined;
  private firstEpochs: number | undefined;
  private readonly epochs: number[] = [];

  constructor(
    private readonly series: readonly SharedSeries[],
    private readonly config: ForecastConfig,
    private readonly options: SharedGlobalOptions,
  ) {
    if (series.length === 0) throw new Error('A shared global LSTM needs at least one series.');
    this.calendar = config.calendarFeatures ? calendarFeaturesFor(options.frequency) : [];
    const layouts = series.map((s) => inputLayout(s.covariates));
    if (layouts.some((layout) => layout !== layouts[0])) {
      throw new Error('Every series of a shared global LSTM needs the same kinds of covariate columns, or none.');
    }
    this.extraWidth = series[0].covariates?.width ?? 0;
    this.futureWidth = series[0].covariates?.futureWidth ?? 0;
    this.features = 1 + 2 * this.calendar.length + this.extraWidth;
    this.lookback = options.own?.lookback
      ? sharedLookback(series, config, FREQUENCY_SPECS[options.frequency].season)
      : config.lookback;
  }

  /**
   * Trains every fit and returns each series' forecasts (by key) and what was trained; with
   * covariates, then the same without them (half the progress bar each).
   */
  async train(): Promise<SharedGlobalResult> {
    if (this.extraWidth === 0) return this.trainOnce();
    const { onProgress } = this.options;
    const half = (from: number) => (fraction: number) => onProgress?.(from + fraction / 2);
    const withThem = await new SharedGlobalTrainer(this.series, this.config, {
      ...this.options,
      onProgress: half(0),
    }).trainOnce();
    const plain = this.series.map(({ covariates: _, ...rest }) => rest);
    const without = await new SharedGlobalTrainer(plain, this.config, {
      ...this.options,
      onProgress: half(0.5),
    }).trainOnce();
    for (const [key, forecasts] of withThem.forecasts) {
      const other = without.forecasts.get(key)!;
      forecasts.withoutCovariates = { windows: other.windows, future: other.future };
    }
    const block = this.series[0].covariates!;
    const inputs = [
      ...block.covariateNames.map((name, k) =>
        // Each series its own (a long file's column per id: "store=north / promo"): the column.
        this.series.every((one) => one.covariates!.covariateNames[k] === name)
          ? name
          : `${name.includes(' / ') ? name.slice(name.lastIndexOf(' / ') + 3) : name} (each series' own)`,
      ),
      ...(block.holidayCalendar ? [`the ${block.holidayCalendar} holiday calendar`] : []),
    ];
    return {
      forecasts: withThem.forecasts,
      info: {
        ...withThem.info,
        fits: withThem.info.fits + without.info.fits,
        epochs: [...withThem.info.epochs, ...without.info.epochs],
        fitMs: withThem.info.fitMs + without.info.fitMs,
        inputs,
      },
    };
  }

  private async trainOnce(): Promise<SharedGlobalResult> {
    const started = performance.now();
    const { series, config } = this;
    const cutoffs = sharedCutoffs(
      series.map((s) => s.origins.map((o) => s.t[o])),
      this.options.maxFits,
    );
    const windows = series.map(() => [] as SharedWindow[]);
    const totalFits = cutoffs.length + 1;
    try {
      for (const [k, cutoff] of cutoffs.entries()) {
        const fit = await this.fit(cutoff, k, totalFits);
        for (const [s, one] of series.entries()) {
          for (const origin of one.origins) {
            if (cutoffFor(cutoffs, one.t[origin]) !== k) continue;
            const from = calibrationOrigins(origin, one.v.length, config.horizon);
            windows[s].push({ origin, cutoff, forecasts: await this.forecast(fit, s, from) });
          }
        }
      }
      const refit = await this.fit(Infinity, cutoffs.length, totalFits, {
        maxEpochs: Math.max(1, this.previous?.bestEpoch ?? Infinity),
        validationSplit: 0,
      });
      const refitWindows = this.poolSize;
      const forecasts = new Map<string, SharedForecasts>();
      for (const [s, one] of series.entries()) {
        windows[s].sort((a, b) => a.origin - b.origin);
        const [future] = await this.forecast(refit, s, [one.v.length]);
        forecasts.set(one.key, { points: one.v.length, windows: windows[s], future });
      }
      return {
        forecasts,
        info: {
          series: series.length,
          cutoffs,
          fits: totalFits,
          epochs: [...this.epochs],
          windows: refitWindows,
          lookback: this.lookback,
          fitMs: Math.round(performance.now() - started),
        },
      };
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    if (this.previous) disposeModel(this.previous.model);
    this.previous = undefined;
  }

  private poolSize = 0;

  /** One fit on every series' points strictly before `cutoff` (Infinity: all of them). */
  private async fit(
    cutoff: number,
    index: number,
    totalFits: number,
    overrides: { maxEpochs?: number; validationSplit?: number } = {},
  ): Promise<SharedFit> {
    const { config, options, lookback } = this;
    const { horizon } = config;
    const validationSplit = overrides.validationSplit ?? config.validationSplit;
    const covariateScales: (ColumnScaling | undefined)[] = this.series.map(() => undefined);
    const parts: PoolPart[] = this.series.map((s, k) => {
      const n = pointsBefore(s.t, cutoff);
      const part = {
        t: Array.prototype.slice.call(s.t, 0, n) as number[],
        v: Array.prototype.slice.call(s.v, 0, n) as number[],
      };
      const block = s.covariates;
      if (!block) return part;
      // Scaled on the series' own points before the cutoff, as its own run's LSTMs scale them.
      const scaling = (covariateScales[k] = block.scaling(n));
      return { ...part, extra: { inputs: block.inputRows(scaling, 0, n), future: block.futureRows(scaling, 0, n) } };
    });
    const pooled = parts.map((p, s) => ({ p, s })).filter(({ p }) => windowCount(p.v.length, lookback, horizon) > 0);
    if (pooled.length === 0) throw new Error(`No series has ${lookback + horizon} points before the cutoff.`);
    const pool = pooledWindows(
      pooled.map(({ p }) => p),
      {
        lookback,
        horizon,
        calendar: this.calendar,
        timeZone: options.timeZone,
        extraWidth: this.extraWidth,
        futureWidth: this.futureWidth,
        validationSplit,
        maxValidationWindows: MAX_VALIDATION_WINDOWS,
        anchor: SHARED_ANCHOR,
      },
    );
    const windows = { ...pool.windows, ...this.seriesIds(Array.from(pool.partOf, (p) => pooled[p].s)) };
    this.poolSize = windows.count;
    const scales: (SeriesScale | undefined)[] = this.series.map(() => undefined);
    pooled.forEach(({ s }, p) => (scales[s] = pool.scales[p]));

    const trainWindows = Math.round(windows.count * (1 - validationSplit));
    this.firstEpochs ??= options.own?.epochs
      ? budgetEpochs(trainWindows, lookback, SHARED_EPOCH_BUDGET_STEPS)
      : Math.min(config.epochs, budgetEpochs(trainWindows, lookback));
    const planned = index === 0 ? this.firstEpochs : fineTuneEpochs(this.firstEpochs);
    const epochs = Math.min(planned, overrides.maxEpochs ?? Infinity);
    const model = buildLstm({
      ...config,
      lookback,
      features: this.features,
      futureFeatures: this.futureWidth,
      seriesCount: this.series.length,
    });
    try {
      if (this.previous) model.setWeights(this.previous.model.getWeights());
      const result = await trainModel(model, windows, {
        ...config,
        epochs,
        validationSplit,
        // The pool's own split: its validation part last, with the gap per series already left out.
        validationWindows: pool.validationCount,
        maxWindowsPerEpoch: MAX_WINDOWS_PER_EPOCH,
        shouldCancel: options.shouldCancel,
        onEpochEnd: (log) => options.onProgress?.((index + log.epoch / epochs) / totalFits),
      });
      this.dispose();
      this.previous = { ...result, model, scales, covariateScales };
      this.epochs.push(result.history.length);
      return this.previous;
    } catch (error) {
      disposeModel(model);
      throw error;
    }
  }

  /** One-hot rows of series indices, as the model's series input takes them. */
  private seriesIds(seriesOf: readonly number[]): Required<Pick<Windows, 'seriesIds' | 'seriesCount'>> {
    const seriesCount = this.series.length;
    const seriesIds = new Float32Array(seriesOf.length * seriesCount);
    seriesOf.forEach((s, k) => (seriesIds[k * seriesCount + s] = 1));
    return { seriesIds, seriesCount };
  }

  /** For each origin, the `horizon` steps of series `s` after its values[0 .. origin), in its units. */
  private async forecast(fit: SharedFit, s: number, origins: readonly number[]): Promise<number[][]> {
    const { lookback } = this;
    const { horizon } = this.config;
    const { t, v, covariates: block } = this.series[s];
    const { features, futureWidth } = this;
    const inputs = new Float32Array(origins.length * lookback * features);
    const future = futureWidth > 0 ? new Float32Array(origins.length * horizon * futureWidth) : undefined;
    const scales = origins.map((origin) => {
      if (origin < lookback || origin > v.length) {
        throw new Error(`Cannot forecast from origin ${origin}: it needs ${lookback} values before it.`);
      }
      // A series the fit had no window of (too short before the cutoff): scaled by its own past.
      return fit.scales[s] ?? fitSeriesScale(Array.prototype.slice.call(v, 0, origin) as number[]);
    });
    const anchors = origins.map((origin, k) => {
      const anchor = writeLookback(
        inputs,
        k,
        features,
        { t, v },
        origin,
        scales[k],
        { lookback, calendar: this.calendar, timeZone: this.options.timeZone, anchor: SHARED_ANCHOR },
        block && { block, scaling: fit.covariateScales[s] ?? block.scaling(origin), horizon, future },
      );
      return anchor;
    });
    const { seriesIds } = this.seriesIds(origins.map(() => s));
    const output = await predictWindows(fit.model, inputs, origins.length, lookback, features, future, seriesIds);
    return origins.map((_, k) =>
      unscaleSeries(
        scales[k],
        Array.from(output.subarray(k * horizon, (k + 1) * horizon), (y) => y + anchors[k]),
      ),
    );
  }
}
