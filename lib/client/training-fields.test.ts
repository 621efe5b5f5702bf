import { describe, expect, it } from 'vitest';
import { defaultConfig } from '@/lib/forecast/config';
import {
  configFacts,
  formatConfigValue,
  parseSearchBudget,
  parseTrainingForm,
  shortSeriesNote,
  trainingFormValues,
} from './training-fields';
import type { ForecastConfig } from './types';

describe('shortSeriesNote', () => {
  it('says the defaults were shrunk for a short series, and nothing for a long one', () => {
    expect(shortSeriesNote(17, defaultConfig('yearly', 17))).toBe(
      'This series is short (17 points), so the defaults are shrunk to fit it: horizon 3, lookback 2 and 1 backtest window instead of 5. A longer horizon or lookback needs more points.',
    );
    expect(shortSeriesNote(300, defaultConfig('daily', 300))).toBeNull();
    expect(shortSeriesNote(10, null)).toBeNull();
  });

  it('says when a series is too short for the LSTMs and only the classical models and baselines run', () => {
    // 12 yearly points: even lookback 2 + horizon 1 would need 13 for the LSTMs, so the horizon is
    // the classical models' (a fifth of the series), with the 2 windows of 2 that fit after 8 points.
    expect(shortSeriesNote(12, defaultConfig('yearly', 12))).toBe(
      'This series is too short for the LSTMs (12 points; lookback 2 + horizon 2 needs 15), so a run compares the classical models and baselines only, with horizon 2 and 2 backtest windows.',
    );
  });
});

describe('parseTrainingForm', () => {
  it('keeps filled fields as numbers and leaves blank ones to the server', () => {
    const { overrides, errors } = parseTrainingForm({ horizon: '14', epochs: ' 3 ', learningRate: '0.005', units: '' });
    expect(errors).toEqual({});
    expect(overrides).toEqual({ horizon: 14, epochs: 3, learningRate: 0.005 });
  });

  it('says what to fix for each invalid field', () => {
    const { overrides, errors } = parseTrainingForm({
      horizon: '1.5',
      epochs: '0',
      learningRate: '0',
      dropout: '0.95',
      units: 'abc',
    });
    expect(overrides).toEqual({});
    expect(errors).toEqual({
      horizon: 'Horizon must be a whole number.',
      epochs: 'Epochs must be at least 1.',
      learningRate: 'Learning rate must be at least 0.00001.',
      dropout: 'Dropout must be at most 0.9.',
      units: 'LSTM units must be a number.',
    });
  });

  it('round-trips a config through the form values', () => {
    const config = {
      horizon: 7,
      lookback: 28,
      epochs: 30,
      units: 32,
      layers: 2,
      learningRate: 0.005,
      batchSize: 32,
      dropout: 0.1,
    };
    expect(parseTrainingForm(trainingFormValues(config)).overrides).toEqual(config);
    expect(trainingFormValues(null).horizon).toBe('');
  });

  it('leaves the fields the search chooses blank when it is on, so only what the user types is held', () => {
    const values = trainingFormValues(defaultConfig('daily', 1000), { searched: true });
    expect(values).toMatchObject({ lookback: '', units: '', layers: '', learningRate: '', dropout: '' });
    expect(values.horizon).toBe('7');
    expect(parseTrainingForm({ ...values, units: '16' }).overrides).toEqual({
      horizon: 7,
      epochs: defaultConfig('daily', 1000).epochs,
      batchSize: 32,
      units: 16,
    });
  });

  it('reads the search budget: blank is the default, else whole seconds within the bounds', () => {
    expect(parseSearchBudget(' ')).toEqual({});
    expect(parseSearchBudget('45')).toEqual({ value: 45 });
    expect(parseSearchBudget('2.5').error).toMatch(/whole number/);
    expect(parseSearchBudget('0').error).toMatch(/between 1 and 600/);
    expect(formatConfigValue(['units', 'transform'])).toBe('LSTM units, Transform');
  });
});

describe('the server limits', () => {
  it('are the bounds of forecastConfigSchema, so the form rejects what the API would', () => {
    expect(parseTrainingForm({ lookback: '1' }).errors).toEqual({ lookback: 'Lookback must be at least 2.' });
    expect(parseTrainingForm({ epochs: '501' }).errors).toEqual({ epochs: 'Epochs must be at most 500.' });
    expect(parseTrainingForm({ units: '513' }).errors).toEqual({ units: 'LSTM units must be at most 512.' });
    expect(parseTrainingForm({ batchSize: '4097' }).errors).toEqual({ batchSize: 'Batch size must be at most 4096.' });
    expect(parseTrainingForm({ horizon: '1001' }).errors).toEqual({ horizon: 'Horizon must be at most 1000.' });
    expect(parseTrainingForm({ learningRate: '2' }).errors).toEqual({
      learningRate: 'Learning rate must be at most 1.',
    });
    const limits = {
      horizon: '1000',
      lookback: '2',
      epochs: '500',
      units: '512',
      learningRate: '0.00001',
      batchSize: '4096',
    };
    expect(parseTrainingForm(limits).errors).toEqual({});
  });
});

describe('LSTM layers field', () => {
  it('takes 1 or 2 layers', () => {
    expect(parseTrainingForm({ layers: '2' }).overrides).toEqual({ layers: 2 });
    expect(parseTrainingForm({ layers: '3' }).errors).toEqual({ layers: 'LSTM layers must be at most 2.' });
    expect(parseTrainingForm({ layers: '0' }).errors).toEqual({ layers: 'LSTM layers must be at least 1.' });
  });
});

describe('configFacts', () => {
  const config = {
    ...defaultConfig('daily', 1000),
    layers: 1,
    units: 32,
    transform: 'none',
    search: 'auto',
    searchFixed: ['units'],
  } as ForecastConfig;
  const fact = (facts: [string, string][], label: string) => facts.find(([l]) => l === label)?.[1];

  it('shows a value the search changed beside the configured one, and names the fields it left as set', () => {
    const facts = configFacts(config, {
      chosen: {
        lookback: config.lookback,
        units: 32,
        layers: 2,
        dropout: config.dropout,
        learningRate: config.learningRate,
        transform: 'log',
      },
    });
    expect(fact(facts, 'LSTM layers')).toBe('1 → 2 (search)');
    expect(fact(facts, 'Transform')).toBe('None → Logarithm (search)');
    expect(fact(facts, 'LSTM units')).toBe('32');
    expect(fact(facts, 'Not searched (set by you)')).toBe('LSTM units');
  });

  it('shows the configured values alone without a search', () => {
    expect(fact(configFacts(config), 'LSTM layers')).toBe('1');
  });
});

describe('formatConfigValue', () => {
  it('shows numbers, switches and names', () => {
    expect(formatConfigValue(32)).toBe('32');
    expect(formatConfigValue(true)).toBe('on');
    expect(formatConfigValue(false)).toBe('off');
    expect(formatConfigValue('difference')).toBe('Differences (step to step)');
    expect(formatConfigValue('auto')).toBe('Automatic (chosen on validation)');
    expect(formatConfigValue(undefined)).toBe('—');
  });
});
