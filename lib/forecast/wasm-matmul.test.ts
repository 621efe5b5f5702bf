import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { activateBackend } from './backend';
import { createRng } from './random';
import { fastWasmMatMulInstalled } from './wasm-matmul';

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rng() * 2 - 1),
    shape,
  );
}

/** matMul of plain arrays on `backend`, for every transpose combination. */
async function products(backend: 'cpu' | 'wasm', aShape: number[], bShape: number[]): Promise<Float32Array[]> {
  await activateBackend([backend], { warnOnFallback: false });
  const results: Float32Array[] = [];
  for (const [transposeA, transposeB] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ]) {
    const product = tf.tidy(() => {
      const a = randomTensor(aShape, 1);
      const b = randomTensor(bShape, 2);
      // Transposed flags read the same data as the other orientation, so feed matching shapes.
      const swap = (s: number[]) => [...s.slice(0, -2), s.at(-1)!, s.at(-2)!];
      return tf.matMul(
        transposeA ? tf.reshape(a, swap(aShape)) : a,
        transposeB ? tf.reshape(b, swap(bShape)) : b,
        transposeA,
        transposeB,
      );
    });
    results.push((await product.data()) as Float32Array);
    product.dispose();
  }
  return results;
}

describe('fast wasm BatchMatMul', () => {
  it('is installed with the wasm backend', async () => {
    expect(await activateBackend(['wasm'], { warnOnFallback: false })).toBe('wasm');
    expect(fastWasmMatMulInstalled()).toBe(true);
  });

  it.each([
    ['2-d', [5, 7], [7, 3]],
    ['batched 3-d', [4, 5, 7], [4, 7, 3]],
    ['3-d times broadcast 2-d', [4, 5, 7], [7, 3]],
  ])('matches the cpu backend for every transpose combination (%s)', async (_, aShape, bShape) => {
    const reference = await products('cpu', aShape, bShape);
    const fast = await products('wasm', aShape, bShape);
    fast.forEach((values, k) => {
      expect(values.length).toBe(reference[k].length);
      values.forEach((v, i) => expect(v).toBeCloseTo(reference[k][i], 5));
    });
  });

  it('frees its transposed copies', async () => {
    await activateBackend(['wasm'], { warnOnFallback: false });
    const a = randomTensor([6, 4], 3);
    const b = randomTensor([5, 4], 4);
    const before = tf.engine().backend.numDataIds();
    for (let i = 0; i < 10; i++) tf.matMul(a, b, false, true).dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([a, b]);
  });
});
