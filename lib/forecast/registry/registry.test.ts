import { describe, expect, it } from 'vitest';
import { baselineFitter, drift, naive, seasonalNaive } from '../baselines';
import { COMPARED_MODELS, MODEL_LABELS, modelsOfFamily, OPTIONAL_MODELS, SIMPLICITY_ORDER } from '../compared-models';
import { MODEL_CATALOG, MODEL_REGISTRY, statelessRun } from './index';

describe('the model registry', () => {
  it('has code for every catalog entry under the same key, and nothing else', () => {
    expect(Object.keys(MODEL_REGISTRY).sort()).toEqual(MODEL_CATALOG.map((m) => m.key).sort());
    for (const [key, model] of Object.entries(MODEL_REGISTRY)) expect(model.key).toBe(key);
  });

  it('gives each key, label and cost once', () => {
    for (const field of ['key', 'label', 'cost'] as const) {
      expect(new Set(MODEL_CATALOG.map((m) => m[field])).size).toBe(MODEL_CATALOG.length);
    }
  });

  it('orders ties by cost: baselines, then classical models, then the LSTMs', () => {
    const families = SIMPLICITY_ORDER.map((m) => MODEL_CATALOG.find((c) => c.key === m)!.family);
    expect(families).toEqual(
      [...families].sort(
        (a, b) => ['baseline', 'classical', 'lstm'].indexOf(a) - ['baseline', 'classical', 'lstm'].indexOf(b),
      ),
    );
    expect(SIMPLICITY_ORDER.slice(0, 3)).toEqual(['naive', 'seasonalNaive', 'drift']);
  });

  it('derives the lists the rest of the app reads', () => {
    expect(COMPARED_MODELS).toEqual(MODEL_CATALOG.map((m) => m.key));
    // The LSTMs decline a series too short for their windows; the global one also needs related series.
    expect(OPTIONAL_MODELS).toEqual(['lstm', 'lstmHybrid', 'lstmGlobal']);
    expect(modelsOfFamily('lstm')).toEqual(['lstm', 'lstmHybrid', 'lstmGlobal']);
    expect(modelsOfFamily('baseline')).toEqual(['naive', 'seasonalNaive', 'drift']);
    expect(MODEL_LABELS.lstmHybrid).toBe('the hybrid LSTM');
    expect(MODEL_LABELS.ensemble).toBe('the average of the best models');
  });

  it('lets only optional models decline a run', () => {
    for (const entry of MODEL_CATALOG) {
      expect('wanted' in MODEL_REGISTRY[entry.key]).toBe(entry.optional);
    }
  });
});

describe('statelessRun', () => {
  const values = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8]);

  it('forecasts the future as one more fit, on all values', async () => {
    for (const [name, direct] of [
      ['naive', (v: Float64Array) => naive(v, 3)],
      ['seasonalNaive', (v: Float64Array) => seasonalNaive(v, 3, 4)],
      ['drift', (v: Float64Array) => drift(v, 3)],
    ] as const) {
      const run = statelessRun(baselineFitter(name, 3, 4), 2);
      expect((await run.future(values)).forecast).toEqual(direct(values));
    }
  });

  it('passes on a fit that fell back, with its note', async () => {
    const run = statelessRun(
      async () => ({ forecastFrom: async (_, origins) => origins.map(() => [0]), note: 'fell back' }),
      1,
    );
    expect(await run.future(values)).toEqual({ forecast: [0], note: 'fell back' });
  });
});
