// The LSTM through a whole run: one fit per backtest window, then the refit on all data. Fits
// after the first are warm-started from the previous fit's weights and fine-tuned for fewer
// epochs: the next window adds only `horizon` points, so starting over would spend most of the
// run relearning what the last model already knew. It stays leakage-free, because the previous
// model only saw values before an earlier origin. The refit is warm-started the same way, so the
// windows after the first measure exactly the procedure that produces the future forecast.
//
// The first fit also fixes how inputs are built for the whole run (warm starts need the same
// inputs): the transform, chosen on that fit's validation split (short trials of every transform
// name a challenger, then it and 'none' both get the full first fit; see firstFit and
// transforms-choice.ts), and the calendar features the frequency has.
import * as tf from '@tensorflow/tfjs';
import type { FittedModel, ModelFitter, WindowInfo } from './backtest';
import { calendarFeaturesFor } from './calendar';
import type { CovariateBlock } from './covariates';
import { MAX_VALIDATION_WINDOWS, MAX_WINDOWS_PER_EPOCH, MIN_TRAIN_WINDOWS } from './config';
import { InvalidConfigError } from './errors';
import { buildLstm, disposeModel, predictWindows } from './models/lstm';
import { lstmPatching } from './models/patching';
import {
  covariateInputs,
  decodeForecasts,
  futureFeatures,
  inputFeatures,
  LSTM_ANCHOR,
  originInputs,
  PLAIN_ENCODING,
  trainingWindows,
  type CovariateInputs,
  type LstmInputEncoding,
} from './models/lstm-inputs';
import type { MinMaxScaler } from './scaling';
import { seasonLength as frequencySeason } from './season';
import { LR_DECAY, trainModel, type TrainOptions, type TrainResult } from './train';
import { TRANSFORM_NAMES, seriesTransform, whyNotApplicable, type TransformName } from './transforms';
import { pickTransform, validationOrigins, type TransformChoice, type TransformTrial } from './transforms-choice';
import type { EpochLog, ForecastConfig, Frequency, LstmPreprocessing, RunCallbacks, TrainProgress } from './types';
import { windowCount, type WindowAnchor } from './windows';

/** Epochs of a warm-started fit, as a share of config.epochs. */
const FINE_TUNE_SHARE = 0.5;
/** A transform trial: a few epochs on a small random share of the windows, enough to rank them. */
const TRIAL_EPOCHS = 3;
const TRIAL_WINDOWS_PER_EPOCH = 256;
/** Validation forecasts each trial is scored on (spread over the validation split). */
const TRIAL_VALIDATION_ORIGINS = 128;

export function fineTuneEpochs(epochs: number): number {
  return Math.max(1, Math.ceil(epochs * FINE_TUNE_SHARE));
}

export interface FittedLstm extends TrainResult {
  model: tf.LayersModel;
  /** Fit on exactly the (transformed) values the model trained on. */
  scaler: MinMaxScaler;
  /** How inputs are built; absent means the plain encoding (value alone, no transform). */
  encoding?: LstmInputEncoding;
  /** Timestamps the values index into: needed when the encoding has calendar features. */
  t?: ArrayLike<number>;
  /** The run's covariates and holiday features, scaled on this fit's training part; absent: none. */
  covariates?: CovariateInputs;
}

/** What an LstmRun knows about its series besides the values. All optional. */
export interface LstmSeriesInfo {
  /** Timestamps (epoch ms) of the whole series: values passed to fits are prefixes of it. */
  t?: ArrayLike<number>;
  frequency?: Frequency;
  /** Season for seasonal differencing; defaults to the frequency's. */
  seasonLength?: number;
  /** The series' IANA zone: calendar features read its wall clock (see calendar.ts). */
  timeZone?: string | null;
  /** Covariates and holiday features by series index (covariates.ts); absent: none. */
  covariates?: CovariateBlock;
  /** What the windows are relative to (windows.ts); absent: LSTM_ANCHOR. */
  anchor?: WindowAnchor;
}

/**
 * Forecasts from several origins at once, each from the values before it, through the fitted
 * model's encoding (transform, scaling relative to the last input, calendar features).
 */
export async function lstmForecastFrom(
  fitted: Pick<FittedLstm, 'model' | 'scaler' | 'encoding' | 't' | 'covariates'>,
  values: ArrayLike<number>,
  origins: readonly number[],
  lookback: number,
): Promise<number[][]> {
  const encoding = fitted.encoding ?? PLAIN_ENCODING;
  const { covariates } = fitted;
  const horizon = fitted.model.outputs[0].shape.at(-1) as number;
  const { inputs, anchors, future } = originInputs(
    encoding,
    fitted.scaler,
    values,
    origins,
    lookback,
    fitted.t,
    covariates,
    horizon,
  );
  const features = inputFeatures(encoding, covariates);
  const output = await predictWindows(fitted.model, inputs, origins.length, lookback, features, future);
  return decodeForecasts(encoding, fitted.scaler, values, origins, output, anchors);
}

export interface FitPlan {
  phase: TrainProgress['phase'];
  epochs: number;
  /** Share of the whole run's progress, from..to. */
  from: number;
  to: number;
}

/**
 * The fits of a run of `windows` backtest windows, each with its phase and epochs: one full fit,
 * then fine-tunes (windows 2.. and the refit). Progress shares follow the epoch budgets.
 */
export function fitPlans(epochs: number, windows: number): FitPlan[] {
  const budgets = [epochs, ...Array.from({ length: windows }, () => fineTuneEpochs(epochs))];
  const total = budgets.reduce((a, b) => a + b, 0);
  let done = 0;
  return budgets.map((budget, i) => {
    const phase = i === windows ? 'refit' : i === windows - 1 ? 'evaluate' : 'backtest';
    const from = done / total;
    done += budget;
    return { phase, epochs: budget, from, to: i === windows ? 1 : done / total };
  });
}

/**
 * The run's progress after epoch `log.epoch` of `epochs` of a fit that spans from..to of the run;
 * `laterEpochs` are this model's planned epochs in the fits after this one.
 */
export function epochProgress(
  phase: TrainProgress['phase'],
  span: { from: number; to: number },
  epochs: number,
  log: EpochLog,
  window: WindowInfo | undefined,
  laterEpochs = 0,
): TrainProgress {
  return {
    progress: span.from + ((span.to - span.from) * log.epoch) / epochs,
    phase,
    epoch: log.epoch,
    epochs,
    remainingEpochs: Math.max(0, epochs - log.epoch) + laterEpochs,
    loss: log.loss,
    valLoss: log.valLoss,
    ...(window && { window: window.index + 1, windows: window.count }),
  };
}

interface FitOptions {
  epochs: number;
  validationSplit: number;
  maxWindowsPerEpoch: number;
  /** Weights to start from. */
  warm?: tf.LayersModel;
  /** Learning rate to start from (a warm start carries on at its predecessor's); default the config's. */
  learningRate?: number;
  onEpochEnd?: TrainOptions['onEpochEnd'];
}

/**
 * Fits the LSTM window after window (each warm-started from the one before) and finally on all
 * data. Owns its models: call dispose() when done, also after an error.
 */
export class LstmRun {
  private previous: FittedLstm | undefined;
  private fits = 0;
  private readonly plans: FitPlan[];
  private encoding: LstmInputEncoding | undefined;
  private choice: TransformChoice | undefined;

  constructor(
    private readonly config: ForecastConfig,
    private readonly windows: number,
    private readonly callbacks: RunCallbacks = {},
    private readonly series: LstmSeriesInfo = {},
  ) {
    this.plans = fitPlans(config.epochs, windows);
  }

  /** The loss history of the latest fit. */
  get history(): TrainResult['history'] {
    return this.previous?.history ?? [];
  }

  /** How inputs were prepared (transform and why, calendar features), once the first fit is done. */
  get preprocessing(): LstmPreprocessing | undefined {
    if (!this.encoding || !this.choice) return undefined;
    return {
      transform: this.encoding.transform.name,
      transformReason: this.choice.reason,
      transformTrials: this.choice.trials,
      calendarFeatures: [...this.encoding.calendar],
      layers: this.config.layers,
    };
  }

  /** The backtest's model: one call per window, oldest first. */
  readonly fitter: ModelFitter = async (train: Float64Array, window: WindowInfo): Promise<FittedModel> => {
    const fitted = await this.fitNext(train, window);
    return { forecastFrom: (values, origins) => lstmForecastFrom(fitted, values, origins, this.config.lookback) };
  };

  /**
   * The final fit on all values, warm-started from the last window's model, with no validation
   * split (the most recent windows matter most now) and as many epochs as that window's early
   * stopping kept, at most a fine-tune's.
   */
  async refit(values: ArrayLike<number>): Promise<FittedLstm> {
    if (this.fits !== this.windows)
      throw new Error(`Refit after all ${this.windows} backtest fits, not after ${this.fits}.`);
    const epochs = Math.max(1, Math.min(this.previous?.bestEpoch ?? Infinity, this.plans[this.fits].epochs));
    return this.fitNext(values, undefined, { epochs, validationSplit: 0 });
  }

  dispose(): void {
    if (this.previous) disposeModel(this.previous.model);
    this.previous = undefined;
  }

  private async fitNext(
    values: ArrayLike<number>,
    window: WindowInfo | undefined,
    overrides: { epochs?: number; validationSplit?: number } = {},
  ): Promise<FittedLstm> {
    const plan = this.plans[this.fits];
    if (!plan) throw new Error('This LSTM run has done all its fits.');
    const epochs = overrides.epochs ?? plan.epochs;
    const { callbacks } = this;
    // Planned epochs of the fits after this one (early stopping may end them sooner).
    const later = this.plans.slice(this.fits + 1).reduce((sum, p) => sum + p.epochs, 0);
    const options = (from: number, to: number, warm: tf.LayersModel | undefined, extra = 0): FitOptions => ({
      epochs,
      validationSplit: overrides.validationSplit ?? this.config.validationSplit,
      maxWindowsPerEpoch: MAX_WINDOWS_PER_EPOCH,
      warm,
      // A fine-tune carries on at the rate the previous fit had decayed to.
      ...(warm && warm === this.previous?.model && { learningRate: this.previous.learningRate }),
      onEpochEnd: (log) =>
        callbacks.onProgress?.(epochProgress(plan.phase, { from, to }, epochs, log, window, later + extra)),
    });

    const fitted = this.encoding
      ? await this.fit(values, this.encoding, options(plan.from, plan.to, this.previous?.model))
      : await this.firstFit(values, (k, n, warm) =>
          options(
            plan.from + ((plan.to - plan.from) * k) / n,
            plan.from + ((plan.to - plan.from) * (k + 1)) / n,
            warm,
            // A second contender's full fit is still to come.
            (n - 1 - k) * epochs,
          ),
        );
    this.dispose();
    this.previous = fitted;
    this.fits++;
    return fitted;
  }

  /**
   * The run's first fit, which also fixes its encoding. With `transform: 'auto'`, short trials of
   * every applicable transform pick a challenger to 'none' (unless 'none' wins them outright); both
   * then get the full first fit (warm-started from their trials) and the lower validation error
   * wins. Short trials alone favour transforms that are good early (seasonal differences start out
   * as seasonal naive) over a plain LSTM that overtakes them with more epochs (measured on a
   * 10k-point hourly series: trials 0.48 vs 1.19, full fits 0.36 vs 0.35); full fits compare like
   * with like. Progress of the two full fits shares this fit's range, one after the other.
   */
  private async firstFit(
    values: ArrayLike<number>,
    optionsFor: (k: number, of: number, warm: tf.LayersModel | undefined) => FitOptions,
  ): Promise<FittedLstm> {
    const stage = await this.shortTrials(values);
    const contenders = stage.contenders;
    const fits: FittedLstm[] = [];
    try {
      for (const [k, contender] of contenders.entries()) {
        fits.push(await this.fit(values, contender.encoding, optionsFor(k, contenders.length, contender.trial?.model)));
      }
      let winner = 0;
      if (fits.length > 1) {
        const origins = stage.origins;
        const duel: TransformTrial[] = [];
        for (const fitted of fits) {
          const forecasts = await lstmForecastFrom(fitted, values, origins, this.config.lookback);
          duel.push({
            transform: fitted.encoding!.transform.name,
            validationMae: meanAbsoluteError(values, origins, forecasts),
          });
        }
        const decided = pickTransform(duel, origins.length);
        winner = contenders.findIndex((c) => c.encoding.transform.name === decided.transform);
        const trials = stage.choice.trials.map((t) => {
          const full = duel.find((d) => d.transform === t.transform);
          return full ? { ...t, fullFitValidationMae: full.validationMae } : t;
        });
        const shortTrials = stage.choice.trials
          .filter((t) => t.validationMae !== undefined)
          .map((t) => `${t.transform} ${t.validationMae!.toPrecision(3)}`)
          .join(', ');
        stage.choice = {
          transform: decided.transform,
          reason: `${decided.reason.replace(/\.$/, '')} after the full first fit; short trials: ${shortTrials}.`,
          trials,
        };
      }
      this.encoding = contenders[winner].encoding;
      this.choice = stage.choice;
      const kept = fits[winner];
      fits.splice(winner, 1);
      return kept;
    } finally {
      fits.forEach((f) => disposeModel(f.model));
      contenders.forEach((c) => c.trial && disposeModel(c.trial.model));
    }
  }

  /** One model trained on `values` with `encoding`; disposed again if training fails. */
  private async fit(values: ArrayLike<number>, encoding: LstmInputEncoding, options: FitOptions): Promise<FittedLstm> {
    const { config } = this;
    // Covariates scaled on exactly this fit's values (its training part).
    const covariates = covariateInputs(this.series.covariates, values.length);
    const { windows, scaler } = trainingWindows(
      encoding,
      values,
      config.lookback,
      config.horizon,
      this.series.t,
      covariates,
    );
    const model = buildLstm({
      ...config,
      features: inputFeatures(encoding, covariates),
      futureFeatures: futureFeatures(covariates),
      ...lstmPatching(this.series.frequency, config.lookback),
    });
    try {
      if (options.warm) model.setWeights(options.warm.getWeights());
      const result = await trainModel(model, windows, {
        ...config,
        learningRate: options.learningRate ?? config.learningRate,
        minLearningRate: config.learningRate * LR_DECAY.minShare,
        epochs: options.epochs,
        validationSplit: options.validationSplit,
        maxWindowsPerEpoch: options.maxWindowsPerEpoch,
        maxValidationWindows: MAX_VALIDATION_WINDOWS,
        // Stride-1 windows: the last horizon - 1 before the validation part share targets with it.
        gap: config.horizon - 1,
        onEpochEnd: options.onEpochEnd,
        shouldCancel: this.callbacks.shouldCancel,
      });
      return { ...result, model, scaler, encoding, t: this.series.t, ...(covariates && { covariates }) };
    } catch (error) {
      disposeModel(model);
      throw error;
    }
  }

  /**
   * The encodings the first fit tries: the configured transform, or with `auto` 'none' and the
   * transform whose short trial fit (on the values before the validation origins) forecast those
   * origins best, with its trial model to warm-start from. Calendar features follow the config.
   */
  private async shortTrials(values: ArrayLike<number>): Promise<{
    contenders: { encoding: LstmInputEncoding; trial?: FittedLstm }[];
    choice: TransformChoice;
    origins: number[];
  }> {
    const { config, series } = this;
    const calendar =
      config.calendarFeatures && series.t && series.frequency ? calendarFeaturesFor(series.frequency) : [];
    const season = series.seasonLength ?? (series.frequency ? frequencySeason(series.frequency) : 1);
    const zone = calendar.length > 0 && series.timeZone ? { timeZone: series.timeZone } : {};
    const anchor = series.anchor ?? LSTM_ANCHOR;
    const encodingOf = (name: TransformName): LstmInputEncoding => ({
      transform: seriesTransform(name, season),
      calendar,
      ...zone,
      anchor,
    });
    const validationWindowsOf = (name: TransformName) => {
      const count = windowCount(values.length - encodingOf(name).transform.lag, config.lookback, config.horizon);
      const validation = Math.min(
        Math.floor(count * config.validationSplit),
        count - config.horizon,
        MAX_VALIDATION_WINDOWS,
      );
      return { count: count - config.horizon + 1, validation: Math.max(0, validation) };
    };

    if (config.transform !== 'auto') {
      const why = whyNotApplicable(config.transform, values, season);
      if (why)
        throw new InvalidConfigError(`transform: ${why}. Choose another transform or 'auto'.`, [`transform: ${why}`]);
      const choice = {
        transform: config.transform,
        reason: `${config.transform}: set in the run's config.`,
        trials: [],
      };
      return { contenders: [{ encoding: encodingOf(config.transform) }], choice, origins: [] };
    }

    const trials: TransformTrial[] = TRANSFORM_NAMES.map((transform) => {
      const why = whyNotApplicable(transform, values, season);
      if (why) return { transform, skipped: why };
      const { count, validation } = validationWindowsOf(transform);
      if (count - validation < MIN_TRAIN_WINDOWS) return { transform, skipped: 'too few training windows after it' };
      return { transform };
    });
    const candidates = trials.filter((t) => !t.skipped);
    const validation = Math.min(...candidates.map((t) => validationWindowsOf(t.transform).validation));
    if (candidates.length <= 1 || validation < 1) {
      const only = candidates[0]?.transform ?? 'none';
      const reason =
        candidates.length === 1
          ? `${only}: the only transform that applies.`
          : `${only}: no validation split to compare transforms on (validationSplit is ${config.validationSplit}).`;
      return { contenders: [{ encoding: encodingOf(only) }], choice: { transform: only, reason, trials }, origins: [] };
    }

    // Trials forecast the same origins, all inside every candidate's validation split, and train
    // only on the values before the first of them (no per-epoch validation: a trial is too short
    // for early stopping to matter).
    const origins = validationOrigins(values.length, config.horizon, validation, TRIAL_VALIDATION_ORIGINS);
    const trialValues = Array.prototype.slice.call(values, 0, origins[0]) as number[];
    const models = new Map<TransformName, FittedLstm>();
    try {
      for (const trial of candidates) {
        const fitted = await this.fit(trialValues, encodingOf(trial.transform), {
          epochs: Math.min(TRIAL_EPOCHS, config.epochs),
          validationSplit: 0,
          maxWindowsPerEpoch: TRIAL_WINDOWS_PER_EPOCH,
        });
        models.set(trial.transform, fitted);
        const forecasts = await lstmForecastFrom(fitted, values, origins, config.lookback);
        trial.validationMae = meanAbsoluteError(values, origins, forecasts);
      }
      const choice = pickTransform(trials, origins.length);
      // The best transform other than 'none' challenges it in the full first fit, unless 'none'
      // already won the trials: they favour transforms, so a full fit would not reverse that.
      const challenger =
        choice.transform === 'none'
          ? undefined
          : candidates
              .filter((t) => t.transform !== 'none' && Number.isFinite(t.validationMae))
              .sort((a, b) => a.validationMae! - b.validationMae!)[0]?.transform;
      const names: TransformName[] = models.has('none') ? ['none'] : [];
      if (challenger) names.push(challenger);
      const contenders = names.map((name) => ({ encoding: encodingOf(name), trial: models.get(name) }));
      names.forEach((name) => models.delete(name));
      return { contenders, choice, origins };
    } finally {
      models.forEach((m) => disposeModel(m.model));
    }
  }
}

/** Mean absolute error of `forecasts[k]` against the values from `origins[k]` on, over all of them. */
export function meanAbsoluteError(
  values: ArrayLike<number>,
  origins: readonly number[],
  forecasts: number[][],
): number {
  let sum = 0;
  let n = 0;
  origins.forEach((origin, k) =>
    forecasts[k].forEach((f, h) => {
      sum += Math.abs(f - values[origin + h]);
      n++;
    }),
  );
  return sum / n;
}
