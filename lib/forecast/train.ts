// Fits a model on windows, one model.fit call per epoch: between epochs we reshuffle with the
// run's seed (fit's own shuffle uses Math.random), report progress, honour cancellation and
// keep the best weights for early stopping (tfjs's EarlyStopping cannot restore them), and lower
// the learning rate when the loss stops improving (reduce on plateau), so that a fit given enough
// epochs settles into a minimum instead of hopping around it at the starting rate.
import * as tf from '@tensorflow/tfjs';
import { CancelledError } from './errors';
import { learningRateOf, setLearningRate } from './models/lstm';
import { createRng, permutation } from './random';
import type { EpochLog } from './types';
import { featuresOf, type Windows } from './windows';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /**
   * Fraction of windows held out for early stopping: the most recent ones, since validating on
   * the past while training on the future would flatter the model. 0 (or too few windows for one
   * validation window) trains every epoch.
   */
  validationSplit: number;
  patience: number;
  seed: number;
  /**
   * Windows one epoch trains on, drawn afresh each epoch (a different random subset every time);
   * undefined trains on all of them. Bounds the cost of an epoch on a long series without
   * throwing any window away for good.
   */
  maxWindowsPerEpoch?: number;
  /**
   * Most validation windows kept (the most recent ones); the rest train. Validation runs every
   * epoch, and a few hundred windows already give a steady loss.
   */
  maxValidationWindows?: number;
  /**
   * Windows left out between the training and the validation part, so that no training target
   * is also a validation target: for stride-1 windows of `horizon` targets that is horizon - 1.
   * Without it early stopping (and anything ranked on the validation loss) would score the model
   * on values it trained on. Defaults to 0.
   */
  gap?: number;
  /**
   * Exactly this many validation windows, the last ones (instead of validationSplit and
   * maxValidationWindows): for windows that come already split, such as the global LSTM's pool.
   */
  validationWindows?: number;
  /** Learning rate to start from; default: the one the model was compiled with. */
  learningRate?: number;
  /**
   * Lowest rate the decay goes to; default: the starting rate x decay.minShare. A warm-started fit
   * that starts from its predecessor's lowered rate passes the run's floor, so the rate does not
   * keep shrinking fit after fit.
   */
  minLearningRate?: number;
  /** Reduce on plateau; default LR_DECAY, false: a constant rate. */
  decay?: LearningRateDecay | false;
  /** After every epoch; training waits for it. */
  onEpochEnd?: (log: EpochLog) => void | Promise<void>;
  /** Checked after every epoch; true stops training with a CancelledError. */
  shouldCancel?: () => boolean | Promise<boolean>;
}

export interface TrainResult {
  history: EpochLog[];
  /** 1-based epoch whose weights the model ends with (the best validation loss, else the last). */
  bestEpoch: number;
  /** The learning rate training ended with: a warm-started fit carries on from it. */
  learningRate: number;
}

/**
 * Reduce on plateau: after `patience` epochs (default: half the early-stopping patience, at least
 * 1) without a better monitored loss (the validation loss, or the training loss without a
 * validation part) the rate is multiplied by `factor`, down to `minShare` of the starting rate.
 * Early stopping's patience is the longer one, so a fit gets a try at the lower rate before it stops.
 */
export interface LearningRateDecay {
  factor: number;
  patience?: number;
  minShare: number;
}

export const LR_DECAY: LearningRateDecay = { factor: 0.5, minShare: 1 / 16 };

/** Tracks the monitored loss and lowers the model's learning rate on a plateau. */
class PlateauDecay {
  private best = Infinity;
  private since = 0;
  private readonly floor: number;
  private readonly patience: number;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly decay: LearningRateDecay,
    stoppingPatience: number,
    floor: number | undefined,
  ) {
    this.floor = floor ?? learningRateOf(model) * decay.minShare;
    this.patience = decay.patience ?? Math.max(1, Math.ceil(stoppingPatience / 2));
  }

  /** After an epoch with this monitored loss. */
  step(loss: number): void {
    if (loss < this.best) {
      this.best = loss;
      this.since = 0;
      return;
    }
    if (++this.since < this.patience) return;
    this.since = 0;
    setLearningRate(this.model, Math.max(this.floor, learningRateOf(this.model) * this.decay.factor));
  }
}

/**
 * The model's input(s) for windows from..to-1, in buildLstm's order: the lookback windows, the
 * known-future block when there is one, the series ids when there are.
 */
function inputsTensor(windows: Windows, from: number, to: number): tf.Tensor | tf.Tensor[] {
  const { lookback } = windows;
  const step = lookback * featuresOf(windows);
  const x = tf.tensor3d(windows.inputs.subarray(from * step, to * step), [to - from, lookback, featuresOf(windows)]);
  const rows = (values: Float32Array | undefined, width: number | undefined) =>
    values && width ? [tf.tensor2d(values.subarray(from * width, to * width), [to - from, width])] : [];
  const others = [
    ...rows(windows.future, windows.futureFeatures && windows.horizon * windows.futureFeatures),
    ...rows(windows.seriesIds, windows.seriesCount),
  ];
  return others.length > 0 ? [x, ...others] : x;
}

function targetsTensor(windows: Windows, from: number, to: number): tf.Tensor2D {
  const { horizon } = windows;
  return tf.tensor2d(windows.targets.subarray(from * horizon, to * horizon), [to - from, horizon]);
}

function snapshotWeights(model: tf.LayersModel): tf.Tensor[] {
  // getWeights() returns the live variables; clone so later training doesn't overwrite the copy.
  return tf.tidy(() => model.getWeights().map((w) => w.clone()));
}

export async function trainModel(model: tf.LayersModel, windows: Windows, options: TrainOptions): Promise<TrainResult> {
  const { epochs, batchSize, patience } = options;
  if (windows.count === 0) throw new Error('No training windows: the series is shorter than lookback + horizon.');
  const gap = Math.max(0, Math.floor(options.gap ?? 0));
  const validationCount = Math.max(
    0,
    options.validationWindows !== undefined
      ? Math.min(options.validationWindows, windows.count - 1 - gap)
      : Math.min(
          Math.floor(windows.count * options.validationSplit),
          windows.count - 1 - gap,
          options.maxValidationWindows ?? Infinity,
        ),
  );
  const validate = validationCount > 0;
  // Training windows: those before the gap; without validation, all of them.
  const trainCount = validate ? windows.count - validationCount - gap : windows.count;

  if (options.learningRate !== undefined) setLearningRate(model, options.learningRate);
  const decay =
    options.decay === false
      ? undefined
      : new PlateauDecay(model, options.decay ?? LR_DECAY, patience, options.minLearningRate);
  const rng = createRng(options.seed);
  const xTrain = inputsTensor(windows, 0, trainCount);
  const yTrain = targetsTensor(windows, 0, trainCount);
  const validationData: [tf.Tensor | tf.Tensor[], tf.Tensor] | undefined = validate
    ? [
        inputsTensor(windows, windows.count - validationCount, windows.count),
        targetsTensor(windows, windows.count - validationCount, windows.count),
      ]
    : undefined;

  const history: EpochLog[] = [];
  let bestLoss = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | undefined;

  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const epochCount = Math.min(trainCount, options.maxWindowsPerEpoch ?? trainCount);
      const order = tf.tensor1d(permutation(trainCount, rng).subarray(0, epochCount), 'int32');
      const xs = Array.isArray(xTrain) ? xTrain.map((x) => tf.gather(x, order)) : tf.gather(xTrain, order);
      const ys = tf.gather(yTrain, order);
      order.dispose();
      let fitted: tf.History;
      try {
        fitted = await model.fit(xs, ys, { epochs: 1, batchSize, shuffle: false, validationData, verbose: 0 });
      } finally {
        tf.dispose([xs, ys]);
      }

      const log: EpochLog = { epoch, loss: fitted.history.loss[0] as number };
      if (validate) log.valLoss = fitted.history.val_loss[0] as number;
      history.push(log);

      let stop = false;
      if (validate) {
        if (log.valLoss! < bestLoss) {
          bestLoss = log.valLoss!;
          bestEpoch = epoch;
          tf.dispose(bestWeights);
          bestWeights = snapshotWeights(model);
        } else if (epoch - bestEpoch >= patience) {
          stop = true;
        }
      } else {
        bestEpoch = epoch;
      }

      decay?.step(log.valLoss ?? log.loss);
      await options.onEpochEnd?.(log);
      if (await options.shouldCancel?.()) throw new CancelledError();
      if (stop) break;
    }
    if (bestWeights && bestEpoch < history.length) model.setWeights(bestWeights);
    return { history, bestEpoch, learningRate: learningRateOf(model) };
  } finally {
    tf.dispose([xTrain, yTrain, ...(validationData ?? []).flat(), ...(bestWeights ?? [])]);
  }
}
