import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKED, describeModels, modelsOverride, predictionModelLabel } from './models';

describe('modelsOverride', () => {
  it('sends nothing while every box is ticked (the server compares every model)', () => {
    expect(modelsOverride(DEFAULT_PICKED)).toBeUndefined();
  });

  it('sends the ticked models in catalog order, with seasonal naive, and the global LSTM left to its own choice', () => {
    expect(modelsOverride(['drift', 'mstl'])).toEqual(['lstmGlobal', 'mstl', 'seasonalNaive', 'drift']);
    expect(modelsOverride(['lstm', 'ets'])).toEqual(['lstm', 'lstmGlobal', 'ets', 'seasonalNaive']);
    expect(describeModels(modelsOverride(['lstm', 'lstmHybrid', 'mstl', 'ets', 'autoArima', 'naive'])!)).toBe(
      'all but Theta, Drift',
    );
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
