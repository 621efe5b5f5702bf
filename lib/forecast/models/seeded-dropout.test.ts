import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { SeededDropout } from './seeded-dropout';

beforeAll(async () => {
  await initBackend();
});

const ones = () => tf.ones([1, 200]);
const trainingCall = (layer: SeededDropout) =>
  tf.tidy(() => (layer.apply(ones(), { training: true }) as tf.Tensor).arraySync());
const masks = (layer: SeededDropout, calls: number) => Array.from({ length: calls }, () => trainingCall(layer));

describe('SeededDropout', () => {
  it('draws a new mask for every training call', () => {
    const [first, second] = masks(new SeededDropout({ rate: 0.5, seed: 3 }), 2);
    expect(first).not.toEqual(second);
    const kept = (first as number[][])[0].filter((v) => v !== 0);
    // Kept units are scaled by 1 / (1 - rate) so the expected sum is unchanged.
    for (const v of kept) expect(v).toBeCloseTo(2, 6);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.length).toBeLessThan(150);
  });

  it('repeats the same sequence of masks for the same seed', () => {
    expect(masks(new SeededDropout({ rate: 0.3, seed: 11 }), 3)).toEqual(
      masks(new SeededDropout({ rate: 0.3, seed: 11 }), 3),
    );
    expect(masks(new SeededDropout({ rate: 0.3, seed: 11 }), 1)).not.toEqual(
      masks(new SeededDropout({ rate: 0.3, seed: 12 }), 1),
    );
  });

  it('is the identity at inference', () => {
    const layer = new SeededDropout({ rate: 0.5, seed: 1 });
    const out = tf.tidy(() => (layer.apply(ones()) as tf.Tensor).arraySync());
    expect(out).toEqual(tf.tidy(() => ones().arraySync()));
  });

  it('serialises its rate and seed', () => {
    const config = new SeededDropout({ rate: 0.25, seed: 9 }).getConfig();
    expect(config).toMatchObject({ rate: 0.25, seed: 9 });
  });
});
