// The global LSTM ("lstmGlobal"): one network trained on windows pooled from the target series and
// the related series of its dataset, each scaled by its own training statistics (DeepAR-style),
// then used to forecast the target alone. Series that share seasonality and dynamics lend each
// other training windows, which a short series on its own lacks.
//
// It follows the plain LSTM's procedure (one fit per backtest window, each warm-started from the
// one before, then a refit on all data) with one rule more: for a backtest window, every related
// series is cut at the timestamp of the window's first point, so no series shows the model
// anything from the period it is scored on. The refit sees every related point up to the target's
// last timestamp. Its epochs follow the same work budget as any LSTM fit, counted on the pooled
// windows (config.ts, budgetEpochs): a pool of several series is trained like one long series,
// not for as many epochs as the short target alone would get.
//
// Inputs per step are the scaled value (relative to the window's mean, GLOBAL_ANCHOR) and the
// calendar features, as for the plain LSTM. There is no per-series input such as the log of a
// series' scale: after standardisation, what sets series apart shows in the lookback window
// itself, and the raw scale mostly reflects the unit a series happens to be recorded in.
import type * as tf from '@tensorflow/tfjs';
import type { FittedModel, ModelFitter, WindowInfo } from '../backtest';
import { calendarFeaturesFor, type CalendarFeature } from '../calendar';
import type { ColumnScaling, CovariateBlock } from '../covariates';
import { budgetEpochs, MAX_VALIDATION_WINDOWS, MAX_WINDOWS_PER_EPOCH } from '../config';
import { epochProgress, fineTuneEpochs, fitPlans, type FitPlan } from '../lstm-forecaster';
import { buildLstm, disposeModel, predictWindows } from '../models/lstm';
import { lstmPatching, lstmSteps } from '../models/patching';
import { trainModel, type TrainResult } from '../train';
import type { ForecastConfig, Frequency, RunCallbacks } from '../types';
import type { WindowAnchor } from '../windows';
import { pooledWindows, writeLookback, type PoolPart } from './pooled-windows';
import { compatibleRelated, cutBefore, type RelatedSeries } from './related-series';
import { unscaleSeries, type SeriesScale } from './series-scale';

/** What its windows are relative to: their mean, as the plain LSTM's (pooled-windows.ts, WindowAnchor). */
const GLOBAL_ANCHOR: WindowAnchor = 'mean';

/** The series a global LSTM forecasts: its timestamps (its values come with each fit). */
export interface GlobalTarget {
  t: ArrayLike<number>;
  frequency: Frequency;
  /** The target's IANA zone: calendar features read its wall clock (the dataset's series share it). */
  timeZone?: string | null;
  /**
   * The run's covariates and holidays by target index (covariates.ts). Covariates are series of the
   * dataset, so each related series reads them at its own timestamps (an as-of join, as the target).
   */
  covariates?: CovariateBlock;
}

/** A global model after one fit, and what forecasting the target with it needs. */
export interface FittedGlobalLstm extends TrainResult {
  model: tf.LayersModel;
  /** The target's scale, fit on the target values of this fit only. */
  scale: SeriesScale;
  /** Training windows each series gave (target first, then the related series in order). */
  perSeries: number[];
  /** The covariates' scaling, fit on the target's training part of this fit. */
  covariateScaling?: ColumnScaling;
}

export class GlobalLstmRun {
  /** Related series with the target's frequency: the ones the pool uses. */
  readonly related: RelatedSeries[];
  /** Why some related series were not pooled, if any were left out. */
  readonly leftOut: string | undefined;
  private readonly calendar: CalendarFeature[];
  private readonly plans: FitPlan[];
  private previous: FittedGlobalLstm | undefined;
  private fits = 0;
  /** Epochs of the first fit, fixed by its pool; later fits fine-tune for half of them. */
  private firstEpochs: number | undefined;

  constructor(
    private readonly config: ForecastConfig,
    private readonly windows: number,
    private readonly target: GlobalTarget,
    related: readonly RelatedSeries[],
    private readonly callbacks: RunCallbacks = {},
  ) {
    const { usable, leftOut } = compatibleRelated(target.frequency, related);
    this.related = usable;
    this.leftOut = leftOut;
    this.calendar = config.calendarFeatures ? calendarFeaturesFor(target.frequency) : [];
    // Progress shares as the plain LSTM's; the epochs themselves are fixed by the first pool (fitNext).
    this.plans = fitPlans(config.epochs, windows);
  }

  /** Series the model learns from: the target and the pooled related series. */
  get seriesCount(): number {
    return 1 + this.related.length;
  }

  /** The latest fit (the refit once the run is done). */
  get latest(): FittedGlobalLstm | undefined {
    return this.previous;
  }

  /**
   * What a fit on the target's first `train.length` values learns from: those values, and every
   * related series cut before the timestamp of the first target point the fit must not see.
   */
  trainingParts(train: ArrayLike<number>): PoolPart[] {
    const n = train.length;
    const { t } = this.target;
    const cutoff = n < t.length ? t[n] : t[t.length - 1] + 1;
    const targetPart: PoolPart = { t: Array.prototype.slice.call(t, 0, n), v: train };
    const parts = [targetPart, ...this.related.map((series) => cutBefore(series, cutoff))];
    const block = this.target.covariates;
    if (!block) return parts;
    // Scaled on the target's training part; every part reads the same columns at its own steps.
    const scaling = block.scaling(n);
    return parts.map((part, p) => {
      const inputs =
        p === 0 ? block.inputRows(scaling, 0, n) : block.scaleRaw(scaling, block.rawAt(part.t), part.t.length);
      const future = new Float32Array(part.t.length * block.futureWidth);
      for (let i = 0; i < part.t.length; i++) {
        block.futureColumns.forEach((k, c) => (future[i * block.futureWidth + c] = inputs[i * block.width + k]));
      }
      return { ...part, extra: { inputs, future } };
    });
  }

  /** The backtest's model: one call per window, oldest first (warm-started across them). */
  readonly fitter: ModelFitter = async (train: Float64Array, window: WindowInfo): Promise<FittedModel> => {
    const fitted = await this.fitNext(train, window);
    return { forecastFrom: (values, origins) => this.forecastFrom(fitted, values, origins) };
  };

  /** The future `horizon` steps after `values` (the whole target), from the refit on all data. */
  async future(values: ArrayLike<number>): Promise<number[]> {
    if (this.fits !== this.windows)
      throw new Error(`Refit after all ${this.windows} backtest fits, not after ${this.fits}.`);
    // As many epochs as the last window's early stopping kept, at most a fine-tune's.
    const refit = await this.fitNext(values, undefined, {
      maxEpochs: Math.max(1, this.previous?.bestEpoch ?? Infinity),
      validationSplit: 0,
    });
    const [forecast] = await this.forecastFrom(refit, values, [values.length]);
    return forecast;
  }

  /** For each origin, the `horizon` target steps after values[0 .. origin), in the target's units. */
  async forecastFrom(
    fitted: FittedGlobalLstm,
    values: ArrayLike<number>,
    origins: readonly number[],
  ): Promise<number[][]> {
    const { lookback, horizon } = this.config;
    const block = this.target.covariates;
    const scaling = fitted.covariateScaling;
    const extraWidth = block?.width ?? 0;
    const calendarWidth = 2 * this.calendar.length;
    const features = 1 + calendarWidth + extraWidth;
    const inputs = new Float32Array(origins.length * lookback * features);
    const futureWidth = block?.futureWidth ?? 0;
    const future = futureWidth > 0 ? new Float32Array(origins.length * horizon * futureWidth) : undefined;
    const anchors = origins.map((origin, k) => {
      if (origin < lookback || origin > values.length) {
        throw new Error(`Cannot forecast from origin ${origin}: it needs ${lookback} values before it.`);
      }
      return writeLookback(
        inputs,
        k,
        features,
        { t: this.target.t, v: values },
        origin,
        fitted.scale,
        { lookback, calendar: this.calendar, timeZone: this.target.timeZone, anchor: GLOBAL_ANCHOR },
        block && scaling && { block, scaling, horizon, future },
      );
    });
    const output = await predictWindows(fitted.model, inputs, origins.length, lookback, features, future);
    return origins.map((_, k) =>
      unscaleSeries(
        fitted.scale,
        Array.from(output.subarray(k * horizon, (k + 1) * horizon), (y) => y + anchors[k]),
      ),
    );
  }

  dispose(): void {
    if (this.previous) disposeModel(this.previous.model);
    this.previous = undefined;
  }

  private async fitNext(
    values: ArrayLike<number>,
    window: WindowInfo | undefined,
    overrides: { maxEpochs?: number; validationSplit?: number } = {},
  ): Promise<FittedGlobalLstm> {
    const plan = this.plans[this.fits];
    if (!plan) throw new Error('This global LSTM run has done all its fits.');
    const { config, callbacks } = this;
    const validationSplit = overrides.validationSplit ?? config.validationSplit;
    const pool = pooledWindows(this.trainingParts(values), {
      lookback: config.lookback,
      horizon: config.horizon,
      calendar: this.calendar,
      timeZone: this.target.timeZone,
      validationSplit,
      maxValidationWindows: MAX_VALIDATION_WINDOWS,
      extraWidth: this.target.covariates?.width ?? 0,
      futureWidth: this.target.covariates?.futureWidth ?? 0,
      anchor: GLOBAL_ANCHOR,
    });
    const trainWindows = pool.windows.count - pool.validationCount;
    this.firstEpochs ??= Math.min(
      config.epochs,
      budgetEpochs(trainWindows, lstmSteps(this.target.frequency, config.lookback)),
    );
    const planned = this.fits === 0 ? this.firstEpochs : fineTuneEpochs(this.firstEpochs);
    const epochs = Math.min(planned, overrides.maxEpochs ?? Infinity);
    const model = buildLstm({
      ...config,
      features: pool.windows.features,
      futureFeatures: pool.windows.futureFeatures ?? 0,
      ...lstmPatching(this.target.frequency, config.lookback),
    });
    try {
      if (this.previous) model.setWeights(this.previous.model.getWeights());
      const result = await trainModel(model, pool.windows, {
        ...config,
        epochs,
        validationSplit,
        // The pool's own split: its validation part last, with the gap per series already left out.
        validationWindows: pool.validationCount,
        maxWindowsPerEpoch: MAX_WINDOWS_PER_EPOCH,
        shouldCancel: callbacks.shouldCancel,
        onEpochEnd: (log) =>
          callbacks.onProgress?.(
            epochProgress(
              plan.phase,
              plan,
              epochs,
              log,
              window,
              (this.plans.length - this.fits - 1) * fineTuneEpochs(this.firstEpochs ?? config.epochs),
            ),
          ),
      });
      this.dispose();
      this.previous = {
        ...result,
        model,
        scale: pool.scales[0],
        perSeries: pool.perSeries,
        ...(this.target.covariates && { covariateScaling: this.target.covariates.scaling(values.length) }),
      };
      this.fits++;
      return this.previous;
    } catch (error) {
      disposeModel(model);
      throw error;
    }
  }
}
