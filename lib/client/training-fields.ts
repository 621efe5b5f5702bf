// The training settings a user can set, described once for the train form, the schedule form and
// the config tables: labels, hints, input bounds and parsing of what was typed. Bounds and
// whole-number rules come from the server's forecastConfigSchema, so the form cannot disagree with
// the API; parseTrainingForm also runs the typed values through that schema.
import {
  DEFAULT_BACKTEST_WINDOWS,
  forecastConfigInputSchema,
  forecastConfigSchema,
  lstmFits,
  minimumPoints,
} from '@/lib/forecast/config';
import { SEARCHED_FIELDS, type SearchedField } from '@/lib/forecast/search/fields';
import { formatCount, formatNumber } from './format';
import { describeModels } from './models';
import { transformName } from './readable-names';
import type { SearchSettings } from './search';
import type { ComparedModel, ForecastConfig, TrainingOverrides } from './types';

export type TrainingField = keyof TrainingOverrides;

export interface TrainingFieldSpec {
  key: TrainingField;
  label: string;
  hint: string;
  integer: boolean;
  /** Smallest allowed value (allowed itself). */
  min: number;
  max: number;
  step: number | 'any';
}

/** A field's bounds and integer rule, read from the server's schema. */
function limits(key: TrainingField): Pick<TrainingFieldSpec, 'integer' | 'min' | 'max'> {
  const schema = forecastConfigSchema.shape[key];
  if (schema.minValue === null || schema.maxValue === null)
    throw new Error(`forecastConfigSchema.${key} needs a min and a max.`);
  return { integer: schema.isInt, min: schema.minValue, max: schema.maxValue };
}

const field = (key: TrainingField, label: string, hint: string, step: number | 'any' = 1): TrainingFieldSpec => ({
  key,
  label,
  hint,
  ...limits(key),
  step,
});

export const TRAINING_FIELDS: readonly TrainingFieldSpec[] = [
  field('horizon', 'Horizon', 'Steps to forecast; also the length of each backtest window.'),
  field('lookback', 'Lookback', 'Past steps the model reads for each prediction.'),
  field('epochs', 'Epochs', 'Passes over the training data; early stopping may end sooner.'),
  field('units', 'LSTM units', 'Size of each LSTM layer.'),
  field('layers', 'LSTM layers', 'Stacked LSTM layers, 1 or 2; a second doubles training time.'),
  field('learningRate', 'Learning rate', 'Step size of the Adam optimiser.', 'any'),
  field('batchSize', 'Batch size', 'Training windows per gradient step.'),
  field('dropout', 'Dropout', 'Fraction of LSTM outputs dropped while training (0 to 0.9).', 0.05),
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
  seeds: 'Seeds (ensemble)',
  backtestWindows: 'Backtest windows',
  transform: 'Transform',
  calendarFeatures: 'Calendar features',
  globalLstm: 'Global LSTM across the dataset',
  models: 'Models compared',
  covariates: 'Covariates',
  holidays: 'Holiday calendar',
  search: 'Hyperparameter search',
  searchBudgetSeconds: 'Search budget (seconds)',
  searchFixed: 'Not searched (set by you)',
};

/**
 * A stored config value for display: numbers formatted, switches as on/off, names as they are;
 * covariates by their series' names when `seriesNames` has them.
 */
export function formatConfigValue(
  value: ForecastConfig[keyof ForecastConfig] | null | undefined,
  seriesNames?: ReadonlyMap<string, string>,
): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    // The fields the search holds (searchFixed), the models a run compares (keys), or its covariates.
    if (value.every((v) => typeof v === 'string' && (SEARCHED_FIELDS as readonly string[]).includes(v))) {
      return (value as SearchedField[]).map((f) => CONFIG_LABELS[f]).join(', ');
    }
    if (value.every((v) => typeof v === 'string')) return describeModels(value as ComparedModel[]);
    return (value as ForecastConfig['covariates'])
      .map((c) => `${seriesNames?.get(c.seriesId) ?? c.seriesId} (${c.knownFuture ? 'known future' : 'past only'})`)
      .join(', ');
  }
  // Text settings: the transform, and the holiday calendar's code.
  if (typeof value === 'string') return transformName(value);
  if (value === null) return 'none';
  return formatNumber(value);
}

/**
 * The Configuration card's rows: every setting by its label, and where the search chose another
 * value than the configured one, both ("1 → 2 (search)"), so the card agrees with what trained.
 */
export function configFacts(
  config: ForecastConfig,
  { chosen, seriesNames }: { chosen?: SearchSettings; seriesNames?: ReadonlyMap<string, string> } = {},
): [string, string][] {
  return (Object.keys(CONFIG_LABELS) as (keyof ForecastConfig)[]).map((key) => {
    const configured = formatConfigValue(config[key], seriesNames);
    const searched =
      chosen && (SEARCHED_FIELDS as readonly string[]).includes(key) ? chosen[key as SearchedField] : undefined;
    return [
      CONFIG_LABELS[key],
      searched === undefined || searched === config[key]
        ? configured
        : `${configured} → ${formatConfigValue(searched)} (search)`,
    ];
  });
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

/** Form fields the hyperparameter search chooses when left blank (config.search 'auto'). */
export const SEARCHED_FORM_FIELDS: readonly TrainingField[] = TRAINING_FIELDS.map((f) => f.key).filter((key) =>
  (SEARCHED_FIELDS as readonly string[]).includes(key),
);

/**
 * Form values from a config; fields the config lacks stay blank (= server default). With `searched`,
 * the fields the search chooses stay blank too: a value typed there is held by the search.
 */
export function trainingFormValues(
  config?: Partial<ForecastConfig> | null,
  { searched = false }: { searched?: boolean } = {},
): TrainingFormValues {
  const values = {} as TrainingFormValues;
  for (const field of TRAINING_FIELDS) {
    const value = searched && SEARCHED_FORM_FIELDS.includes(field.key) ? undefined : config?.[field.key];
    values[field.key] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/** The typed search budget: blank is the series' default (undefined); else a whole number of seconds in bounds. */
export function parseSearchBudget(raw: string): { value?: number; error?: string } {
  const text = raw.trim();
  if (text === '') return {};
  const value = Number(text);
  const schema = forecastConfigSchema.shape.searchBudgetSeconds;
  if (!Number.isInteger(value)) return { error: 'Search budget must be a whole number of seconds.' };
  if (value < (schema.minValue ?? 1) || value > (schema.maxValue ?? 600)) {
    return { error: `Search budget must be between ${schema.minValue} and ${schema.maxValue} seconds.` };
  }
  return { value };
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
    } else if (value < field.min) {
      errors[field.key] = `${field.label} must be at least ${field.min}.`;
    } else if (value > field.max) {
      errors[field.key] = `${field.label} must be at most ${field.max}.`;
    } else {
      overrides[field.key] = value;
    }
  }
  // The messages above are the form's; the schema has the last word, as the server will.
  const checked = forecastConfigInputSchema.safeParse(overrides);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = issue.path[0] as TrainingField;
      errors[key] ??= `${TRAINING_FIELDS.find((f) => f.key === key)?.label ?? String(key)}: ${issue.message}`;
      delete overrides[key];
    }
  }
  return { overrides, errors };
}
