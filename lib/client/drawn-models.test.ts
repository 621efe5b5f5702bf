import { describe, expect, it } from 'vitest';
import { championModel, drawnModels, mainValue } from './drawn-models';
import type { RunEvaluation } from './types';

const withChampion = (champion: Partial<NonNullable<RunEvaluation['champion']>>) =>
  ({
    skill: 0.05,
    champion: { lstmFamily: { model: 'lstmHybrid', mase: 0.9, skill: 0.1 }, ...champion },
  }) as unknown as RunEvaluation;

describe('drawnModels', () => {
  it('draws the champion by default, with the better LSTM and seasonal naive beside it', () => {
    const drawn = drawnModels(withChampion({ model: 'mstl', members: ['mstl'] }), null);
    expect(drawn).toEqual({
      main: 'mstl',
      mainLabel: 'MSTL',
      isChampion: true,
      members: ['mstl'],
      lstm: { model: 'lstmHybrid', label: 'Hybrid LSTM', skill: 0.1 },
      baseline: 'seasonalNaive',
    });
  });

  it('names an ensemble champion by its members', () => {
    const drawn = drawnModels(withChampion({ model: 'ensemble', members: ['mstl', 'lstmHybrid'] }), null);
    expect(drawn).toMatchObject({
      main: 'ensemble',
      mainLabel: 'Average of MSTL + Hybrid LSTM',
      members: ['mstl', 'lstmHybrid'],
      isChampion: true,
    });
    expect(drawn.lstm?.model).toBe('lstmHybrid');
  });

  it('follows a picked model; an LSTM needs no second LSTM line, seasonal naive no baseline line', () => {
    const evaluation = withChampion({ model: 'mstl', members: ['mstl'] });
    expect(drawnModels(evaluation, 'lstm')).toMatchObject({
      main: 'lstm',
      mainLabel: 'LSTM',
      isChampion: false,
      lstm: null,
    });
    expect(drawnModels(evaluation, 'seasonalNaive')).toMatchObject({
      main: 'seasonalNaive',
      baseline: null,
      lstm: { model: 'lstmHybrid' },
    });
    expect(drawnModels(evaluation, 'mstl').isChampion).toBe(true);
  });

  it('draws the LSTM for runs stored before champions, as their downloads do', () => {
    expect(championModel(null)).toBe('lstm');
    expect(drawnModels({ skill: 0.2 } as RunEvaluation, null)).toMatchObject({
      main: 'lstm',
      isChampion: true,
      lstm: null,
    });
    expect(drawnModels({ skill: 0.2 } as RunEvaluation, 'drift').lstm).toEqual({
      model: 'lstm',
      label: 'LSTM',
      skill: 0.2,
    });
  });
});

describe('mainValue', () => {
  it('reads the drawn model, or averages the ensemble’s members where it has no value of its own', () => {
    expect(mainValue({ mstl: 3, lstm: 1 }, { main: 'mstl', members: ['mstl'] })).toBe(3);
    expect(mainValue({ ensemble: 9, mstl: 3, lstm: 1 }, { main: 'ensemble', members: ['mstl', 'lstm'] })).toBe(9);
    expect(mainValue({ mstl: 3, lstm: 1 }, { main: 'ensemble', members: ['mstl', 'lstm'] })).toBe(2);
    expect(mainValue({ mstl: 3, lstm: null }, { main: 'ensemble', members: ['mstl', 'lstm'] })).toBeNull();
    expect(mainValue({ lstm: 1 }, { main: 'ets', members: ['ets'] })).toBeNull();
  });
});
