// Seeded pseudo-random numbers, so a run's seed fixes weight initialisation, dropout masks and
// shuffling, and two runs with the same data and config train the same model.

/** mulberry32: tiny, fast and good enough for shuffling and seeding. Returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for a TensorFlow.js op or initializer. Never 0: tfjs treats a falsy seed as "no seed"
 * and falls back to Math.random.
 */
export function nextTfSeed(rng: () => number): number {
  return 1 + Math.floor(rng() * 2147483646);
}

/** A random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
