import { describe, expect, it } from 'vitest';
import { formatConfigValue, parseTrainingForm, trainingFormValues } from './training-fields';

describe('parseTrainingForm', () => {
  it('keeps filled fields as numbers and leaves blank ones to the server', () => {
    const { overrides, errors } = parseTrainingForm({ horizon: '14', epochs: ' 3 ', learningRate: '0.005', units: '' });
    expect(errors).toEqual({});
    expect(overrides).toEqual({ horizon: 14, epochs: 3, learningRate: 0.005 });
  });

  it('says what to fix for each invalid field', () => {
    const { overrides, errors } = parseTrainingForm({ horizon: '1.5', epochs: '0', learningRate: '0', dropout: '0.95', units: 'abc' });
    expect(overrides).toEqual({});
    expect(errors).toEqual({
      horizon: 'Horizon must be a whole number.',
      epochs: 'Epochs must be at least 1.',
      learningRate: 'Learning rate must be greater than 0.',
      dropout: 'Dropout must be at most 0.9.',
      units: 'LSTM units must be a number.',
    });
  });

  it('round-trips a config through the form values', () => {
    const config = { horizon: 7, lookback: 28, epochs: 30, units: 32, layers: 2, learningRate: 0.005, batchSize: 32, dropout: 0.1 };
    expect(parseTrainingForm(trainingFormValues(config)).overrides).toEqual(config);
    expect(trainingFormValues(null).horizon).toBe('');
  });
});

describe('LSTM layers field', () => {
  it('takes 1 or 2 layers', () => {
    expect(parseTrainingForm({ layers: '2' }).overrides).toEqual({ layers: 2 });
    expect(parseTrainingForm({ layers: '3' }).errors).toEqual({ layers: 'LSTM layers must be at most 2.' });
    expect(parseTrainingForm({ layers: '0' }).errors).toEqual({ layers: 'LSTM layers must be at least 1.' });
  });
});

describe('formatConfigValue', () => {
  it('shows numbers, switches and names', () => {
    expect(formatConfigValue(32)).toBe('32');
    expect(formatConfigValue(true)).toBe('on');
    expect(formatConfigValue(false)).toBe('off');
    expect(formatConfigValue('difference')).toBe('difference');
    expect(formatConfigValue(undefined)).toBe('—');
  });
});
