// Dropout whose masks follow a seed. tfjs's own Dropout layer reuses one seed for every call,
// which freezes a single mask for the whole training run; without a seed it draws from
// Math.random and runs are not reproducible. This layer draws a fresh seed per training batch
// from its own seeded generator.
import * as tf from '@tensorflow/tfjs';
import { createRng, nextTfSeed } from '../random';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export interface SeededDropoutArgs extends LayerArgs {
  /** Fraction of inputs zeroed during training, 0..1. */
  rate: number;
  seed: number;
}

export class SeededDropout extends tf.layers.Layer {
  static className = 'SeededDropout';
  private readonly rate: number;
  private readonly seed: number;
  private readonly rng: () => number;

  constructor(args: SeededDropoutArgs) {
    super(args);
    this.rate = args.rate;
    this.seed = args.seed;
    this.rng = createRng(args.seed);
    this.supportsMasking = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    // Inference (predict, evaluate) passes no `training` flag: dropout is the identity then.
    if (kwargs.training !== true || this.rate === 0) return input;
    return tf.dropout(input, this.rate, undefined, nextTfSeed(this.rng));
  }

  getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

// Registered on import so saved models that contain this layer can be loaded again.
tf.serialization.registerClass(SeededDropout);
