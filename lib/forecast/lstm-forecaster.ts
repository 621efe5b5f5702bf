// The LSTM through a whole run: one fit per backtest window, then the refit on all data. Fits
// after the first are warm-started from the previous fit's weights and fine-tuned for fewer
// epochs: the next window adds only `horizon` points, so starting over would spend most of the
// run relearning what the last model already knew. It stays leakage-free, because the previous
// model only saw values before an earlier origin. The refit is warm-started the same way, so the
// windows after the first measure exactly the procedure that produces the future forecast.
import * as tf from '@tensorflow/tfjs';
import type { FittedModel, ModelFitter, WindowInfo } from './backtest';
import { MAX_VALIDATION_WINDOWS, MAX_WINDOWS_PER_EPOCH } from './config';
import { buildLstm, disposeModel, predictWindows } from './models/lstm';
import { fitMinMax, inverseTransform, transform, type MinMaxScaler } from './scaling';
import { trainModel, type TrainResult } from './train';
import type { ForecastConfig, RunCallbacks, TrainProgress } from './types';
import { relativeToLastInput, slidingWindows } from './windows';

/** Epochs of a warm-started fit, as a share of config.epochs. */
const FINE_TUNE_SHARE = 0.5;

export function fineTuneEpochs(epochs: number): number {
  return Math.max(1, Math.ceil(epochs * FINE_TUNE_SHARE));
}

export interface FittedLstm extends TrainResult {
  model: tf.LayersModel;
  /** Fit on exactly the values the model trained on. */
  scaler: MinMaxScaler;
}

/**
 * Forecasts from several origins at once, each from the `lookback` values before it, scaled and
 * made relative to the last of them as in training (see relativeToLastInput).
 */
export async function lstmForecastFrom(
  fitted: Pick<FittedLstm, 'model' | 'scaler'>,
  values: ArrayLike<number>,
  origins: readonly number[],
  lookback: number,
): Promise<number[][]> {
  const inputs = new Float32Array(origins.length * lookback);
  const anchors = new Float32Array(origins.length);
  origins.forEach((origin, i) => {
    if (origin < lookback || origin > values.length) {
      throw new Error(`Cannot forecast from origin ${origin}: it needs ${lookback} values before it.`);
    }
    const scaled = transform(fitted.scaler, Array.prototype.slice.call(values, origin - lookback, origin) as number[]);
    anchors[i] = scaled[lookback - 1];
    inputs.set(scaled.map((x) => x - anchors[i]), i * lookback);
  });
  const output = await predictWindows(fitted.model, inputs, origins.length, lookback);
  const horizon = output.length / origins.length;
  return origins.map((_, i) =>
    inverseTransform(fitted.scaler, output.subarray(i * horizon, (i + 1) * horizon).map((y) => y + anchors[i])),
  );
}

interface FitPlan {
  phase: TrainProgress['phase'];
  epochs: number;
  /** Share of the whole run's progress, from..to. */
  from: number;
  to: number;
}

/**
 * Fits the LSTM window after window (each warm-started from the one before) and finally on all
 * data. Owns its models: call dispose() when done, also after an error.
 */
export class LstmRun {
  private previous: FittedLstm | undefined;
  private fits = 0;
  private readonly plans: FitPlan[];

  constructor(
    private readonly config: ForecastConfig,
    private readonly windows: number,
    private readonly callbacks: RunCallbacks = {},
  ) {
    // Progress shares follow the epoch budgets: one full fit, then fine-tunes (windows 2.. and the refit).
    const fineTune = fineTuneEpochs(config.epochs);
    const budgets = [config.epochs, ...Array.from({ length: windows }, () => fineTune)];
    const total = budgets.reduce((a, b) => a + b, 0);
    let done = 0;
    this.plans = budgets.map((epochs, i) => {
      const phase = i === windows ? 'refit' : i === windows - 1 ? 'evaluate' : 'backtest';
      const from = done / total;
      done += epochs;
      return { phase, epochs, from, to: i === windows ? 1 : done / total };
    });
  }

  /** The loss history of the latest fit. */
  get history(): TrainResult['history'] {
    return this.previous?.history ?? [];
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
    if (this.fits !== this.windows) throw new Error(`Refit after all ${this.windows} backtest fits, not after ${this.fits}.`);
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
    const { config, callbacks } = this;

    const scaler = fitMinMax(values);
    const windows = relativeToLastInput(slidingWindows(transform(scaler, values), config.lookback, config.horizon));
    const model = buildLstm(config);
    try {
      if (this.previous) model.setWeights(this.previous.model.getWeights());
      const result = await trainModel(model, windows, {
        ...config,
        epochs,
        validationSplit: overrides.validationSplit ?? config.validationSplit,
        maxWindowsPerEpoch: MAX_WINDOWS_PER_EPOCH,
        maxValidationWindows: MAX_VALIDATION_WINDOWS,
        onEpochEnd: (log) =>
          callbacks.onProgress?.({
            progress: plan.from + ((plan.to - plan.from) * log.epoch) / epochs,
            phase: plan.phase,
            epoch: log.epoch,
            epochs,
            loss: log.loss,
            valLoss: log.valLoss,
            ...(window && { window: window.index + 1, windows: window.count }),
          }),
        shouldCancel: callbacks.shouldCancel,
      });
      this.dispose();
      this.previous = { ...result, model, scaler };
      this.fits++;
      return this.previous;
    } catch (error) {
      disposeModel(model);
      throw error;
    }
  }
}
