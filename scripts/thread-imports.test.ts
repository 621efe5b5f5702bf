// The worker thread a run fits its classical models and baselines on (lib/forecast/parallel) must
// not load TensorFlow.js: each thread has its own module instances, and tfjs with its wasm backend
// adds ~130 MB to every run's thread (measured: a classical group's thread raised the process's
// peak RSS by 171 MB with it, by 43 MB without). Only a group with an LSTM imports it, dynamically.
import { describe, expect, it } from 'vitest';
import { reachableFrom } from './module-graph';

describe("the classical models' worker thread", () => {
  // What it loads: the thread's entry, and the registry of models outside the LSTM family, which
  // model-group.ts imports (dynamically) for a group without an LSTM.
  const { modules, packages } = reachableFrom([
    'lib/forecast/parallel/group-thread.ts',
    'lib/forecast/registry/without-lstm.ts',
  ]);

  it('loads the classical models and baselines', () => {
    // A guard on the walk itself.
    for (const file of ['lib/forecast/parallel/model-group.ts', 'lib/forecast/classical/auto-arima.ts']) {
      expect(modules.has(file), file).toBe(true);
    }
  });

  it('loads no TensorFlow.js and no LSTM code', () => {
    const tfjs = [...packages].filter(([specifier]) => specifier.startsWith('@tensorflow/'));
    expect(tfjs.map(([, chain]) => chain.join(' → '))).toEqual([]);
    expect(
      [...modules.keys()].filter((file) => /lstm|registry\/index/.test(file) && !file.endsWith('without-lstm.ts')),
    ).toEqual([]);
  });
});
