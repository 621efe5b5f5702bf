// The training settings a user can set, described once for the train form, the schedule form and
// the config tables: labels, hints, input bounds and parsing of what was typed.
import { DEFAULT_BACKTEST_WINDOWS, lstmFits, minimumPoints } from '@/lib/forecast/config';
import { formatCount, formatNumber } from './format';
import { transformName } from './readable-names';
import type { ForecastConfig, TrainingOverrides } from './types';

export type TrainingField = keyof TrainingOverrides;

export interface TrainingFieldSpec {
  key: TrainingField;
  label: string;
  hint: string;
  integer: boolean;
  min: number;
  /** Whether `min` itself is allowed. */
  minInclusive: boolean;
  max?: number;
  step: number | 'any';
}

export const TRAINING_FIELDS: readonly TrainingFieldSpec[] = [
  { key: 'horizon', label: 'Horizon', hint: 'Steps to forecast; also the length of each backtest window.', integer: true, min: 1, minInclusive: true, step: 1 },
  { key: 'lookback', label: 'Lookback', hint: 'Past steps the model reads for each prediction.', integer: true, min: 1, minInclusive: true, step: 1 },
  { key: 'epochs', label: 'Epochs', hint: 'Passes over the training data; early stopping may end sooner.', integer: true, min: 1, minInclusive: true, step: 1 },
  { key: 'units', label: 'LSTM units', hint: 'Size of each LSTM layer.', integer: true, min: 1, minInclusive: true, step: 1 },
  { key: 'layers', label: 'LSTM layers', hint: 'Stacked LSTM layers, 1 or 2; a second doubles training time.', integer: true, min: 1, minInclusive: true, max: 2, step: 1 },
  { key: 'learningRate', label: 'Learning rate', hint: 'Step size of the Adam optimiser.', integer: false, min: 0, minInclusive: false, step: 'any' },
  { key: 'batchSize', label: 'Batch size', hint: 'Training windows per gradient step.', integer: true, min: 1, minInclusive: true, step: 1 },
  { key: 'dropout', label: 'Dropout', hint: 'Fraction of LSTM outputs dropped while training (0 to 0.9).', integer: false, min: 0, minInclusive: true, max: 0.9, step: 0.05 },
];

/** Labels for every key of a stored config, in display order. */
export const CONFIG_LABELS: Record<keyof ForecastConfig, string> = {
  horizon: 'Horizon',
  lookback: 'Lookback',
  epochs: 'Epochs',
  units: 'LSTM units',
  layers: 'LSTM layers',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  dropout: 'Dropout',
  validationSplit: 'Validation split',
  patience: 'Early-stopping patience',
  seed: 'Seed',
  backtestWindows: 'Backtest windows',
  transform: 'Transform',
  calendarFeatures: 'Calendar features',
  globalLstm: 'Global LSTM across the dataset',
};

/** A stored config value for display: numbers formatted, switches as on/off, names as they are. */
export function formatConfigValue(value: ForecastConfig[keyof ForecastConfig] | null | undefined): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  // The only text setting is the transform.
  if (typeof value === 'string') return transformName(value);
  return formatNumber(value);
}

/**
 * Says so when a short series made the defaults shrink (fewer backtest windows than the usual
 * DEFAULT_BACKTEST_WINDOWS, and the horizon and lookback that fit), or when it is too short for
 * the LSTMs at all (the run then compares the classical models and baselines); null for a series
 * long enough.
 */
export function shortSeriesNote(points: number, defaults: ForecastConfig | null | undefined): string | null {
  if (!defaults) return null;
  const windows = defaults.backtestWindows === 1 ? '1 backtest window' : `${defaults.backtestWindows} backtest windows`;
  if (!lstmFits(points, defaults)) {
    return (
      `This series is too short for the LSTMs (${formatCount(points)} points; lookback ${defaults.lookback} + horizon ` +
      `${defaults.horizon} needs ${minimumPoints(defaults)}), so a run compares the classical models and baselines only, ` +
      `with horizon ${defaults.horizon} and ${windows}.`
    );
  }
  if (defaults.backtestWindows >= DEFAULT_BACKTEST_WINDOWS) return null;
  return (
    `This series is short (${formatCount(points)} points), so the defaults are shrunk to fit it: horizon ${defaults.horizon}, ` +
    `lookback ${defaults.lookback} and ${windows} instead of ${DEFAULT_BACKTEST_WINDOWS}. A longer horizon or lookback needs more points.`
  );
}

export type TrainingFormValues = Record<TrainingField, string>;

/** Form values from a config; fields the config lacks stay blank (= server default). */
export function trainingFormValues(config?: Partial<ForecastConfig> | null): TrainingFormValues {
  const values = {} as TrainingFormValues;
  for (const field of TRAINING_FIELDS) {
    const value = config?.[field.key];
    values[field.key] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/** Parses typed values: blank fields are left out, invalid ones get a message saying what to fix. */
export function parseTrainingForm(values: Partial<TrainingFormValues>): {
  overrides: TrainingOverrides;
  errors: Partial<Record<TrainingField, string>>;
} {
  const overrides: TrainingOverrides = {};
  const errors: Partial<Record<TrainingField, string>> = {};
  for (const field of TRAINING_FIELDS) {
    const raw = values[field.key]?.trim() ?? '';
    if (raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      errors[field.key] = `${field.label} must be a number.`;
    } else if (field.integer && !Number.isInteger(value)) {
      errors[field.key] = `${field.label} must be a whole number.`;
    } else if (field.minInclusive ? value < field.min : value <= field.min) {
      errors[field.key] = `${field.label} must be ${field.minInclusive ? 'at least' : 'greater than'} ${field.min}.`;
    } else if (field.max !== undefined && value > field.max) {
      errors[field.key] = `${field.label} must be at most ${field.max}.`;
    } else {
      overrides[field.key] = value;
    }
  }
  return { overrides, errors };
}
