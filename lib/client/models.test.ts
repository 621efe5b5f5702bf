import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKED, describeModels, modelsOverride, predictionModelLabel } from './models';

describe('modelsOverride', () => {
  it('sends nothing while every box is ticked (the server compares every model)', () => {
    expect(modelsOverride(DEFAULT_PICKED, false)).toBeUndefined();
    expect(modelsOverride(DEFAULT_PICKED, true)).toBeUndefined();
  });

  it('sends the ticked models in catalog order, with seasonal naive, and the global LSTM when asked', () => {
    expect(modelsOverride(['drift', 'mstl'], false)).toEqual(['mstl', 'seasonalNaive', 'drift']);
    expect(modelsOverride(['lstm', 'ets'], true)).toEqual(['lstm', 'lstmGlobal', 'ets', 'seasonalNaive']);
    expect(DEFAULT_PICKED).not.toContain('lstmGlobal');
  });
});

describe('describeModels', () => {
  it('says all, all but the few left out, or the few kept', () => {
    expect(
      describeModels([
        'lstm',
        'lstmHybrid',
        'lstmGlobal',
        'mstl',
        'ets',
        'autoArima',
        'theta',
        'naive',
        'seasonalNaive',
        'drift',
      ]),
    ).toBe('all models');
    expect(
      describeModels(['lstm', 'lstmHybrid', 'lstmGlobal', 'mstl', 'ets', 'autoArima', 'theta', 'seasonalNaive']),
    ).toBe('all but Naive, Drift');
    expect(describeModels(['mstl', 'seasonalNaive'])).toBe('MSTL, Seasonal naive');
  });
});

describe('predictionModelLabel', () => {
  it('names an ensemble by its members, as the downloads do', () => {
    expect(predictionModelLabel('ensemble', ['autoArima', 'lstm'])).toBe('Average of AutoARIMA + LSTM');
    expect(predictionModelLabel('ensemble')).toBe('Average of the best models');
    expect(predictionModelLabel('lstmHybrid')).toBe('Hybrid LSTM');
  });
});
