// User-settable run config: the zod schema the API reuses, defaults that fit the series, and the
// length check. Pure (no TensorFlow import) so API routes can use it without loading the engine.
import { z } from 'zod';
import { calendarFeaturesFor } from './calendar';
import { COMPARED_MODELS, REFERENCE_MODEL, runModels } from './compared-models';
import { InvalidConfigError, ModelTooLargeError, SeriesTooShortError } from './errors';
import { lstmSteps, wholePatches } from './models/patching';
import { FREQUENCY_SPECS } from './time/frequency';
import { TRANSFORM_NAMES } from './transforms';
import type { ForecastConfig, Frequency } from './types';
import { windowCount } from './windows';
import { SEARCHED_FIELDS, type SearchedField } from './search/fields';

export { SEARCHED_FIELDS, type SearchedField };

export const forecastConfigSchema = z.strictObject({
  horizon: z.number().int().min(1).max(1000),
  lookback: z.number().int().min(2).max(2000),
  epochs: z.number().int().min(1).max(500),
  units: z.number().int().min(1).max(512),
  layers: z.number().int().min(1).max(2),
  learningRate: z.number().min(1e-5).max(1),
  batchSize: z.number().int().min(1).max(4096),
  dropout: z.number().min(0).max(0.9),
  validationSplit: z.number().min(0).max(0.5),
  patience: z.number().int().min(1).max(100),
  seed: z.number().int(), // zod 4: int() also means safe integer
  /** Seeds each LSTM trains, its forecast their median (lstm-ensemble.ts); default: ensembleSeeds. */
  seeds: z.number().int().min(1).max(5),
  backtestWindows: z.number().int().min(1).max(10),
  transform: z.enum(['auto', ...TRANSFORM_NAMES]),
  calendarFeatures: z.boolean(),
  globalLstm: z.boolean(),
  /**
   * The models the run compares, by catalog key (registry/catalog.ts). Seasonal naive is always
   * added: MASE and skill are measured against it. The LSTMs still need a long enough series, and
   * the global LSTM `globalLstm` and related series.
   */
  models: z
    .array(z.enum(COMPARED_MODELS))
    .min(1)
    .max(COMPARED_MODELS.length)
    .refine((models) => new Set(models).size === models.length, 'lists a model twice')
    .meta({ description: `Model keys; ${REFERENCE_MODEL} is always added (MASE and skill are measured against it)` }),
  /**
   * Other series of the same dataset used as inputs (issue 22): `knownFuture` ones (promotions,
   * prices, planned closures, weather forecasts) must cover the forecast steps; past-only ones
   * (observed temperature) are read only before each origin. `seriesId` is the dataset series id on
   * the server and the column (or long-layout id) name in the CLI.
   */
  covariates: z.array(z.strictObject({ seriesId: z.string().min(1).max(200), knownFuture: z.boolean() })).max(20),
  /**
   * A public-holiday calendar (date-holidays): ISO 3166 country code, optionally '-' and a region
   * ('US', 'DE-BY'); null: none.
   */
  holidays: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,4})?$/, 'a country code such as "US", or country-region such as "DE-BY"')
    .nullable(),
  /**
   * `auto`: before the backtest, a successive-halving search picks the LSTM family's lookback,
   * units, layers, dropout, learning rate and transform on the first backtest window's training
   * values (lib/forecast/search); `off`: they train with the values below as they are.
   */
  search: z.enum(['auto', 'off']),
  /** Wall-time budget of the search in seconds (default grows with the series, see searchBudgetFor). */
  searchBudgetSeconds: z.number().int().min(1).max(600),
  /**
   * Searched fields held at their value here: by default the ones the request itself set (a
   * transform other than 'auto' is always held). Stored with the run, so a re-resolved stored config
   * (the worker's) keeps what its user fixed.
   */
  searchFixed: z.array(z.enum(SEARCHED_FIELDS)).max(SEARCHED_FIELDS.length),
});

/** What a user may set; every field is optional and unknown fields are rejected (typos surface). */
export const forecastConfigInputSchema = forecastConfigSchema.partial();
export type ForecastConfigInput = z.infer<typeof forecastConfigInputSchema>;

/**
 * Fewest training windows worth fitting an LSTM on; below this the run skips the LSTMs (with a
 * note) and compares the classical models and baselines only.
 */
export const MIN_TRAIN_WINDOWS = 10;
/** Fewest values the classical models and baselines fit on, before the oldest backtest window. */
export const MIN_CLASSICAL_TRAIN_POINTS = 8;
/** Early stopping on fewer validation windows than this is noise, so validation is switched off. */
const MIN_VALIDATION_WINDOWS = 4;
const DEFAULT_VALIDATION_SPLIT = 0.2;
/**
 * Five windows tell a habit from luck, and leave four to score the champion's nested selection
 * on; each one is another LSTM fit. A shorter series gets as many as fit (backtestWindowsFor).
 */
export const DEFAULT_BACKTEST_WINDOWS = 5;

// About one season ahead, looking back two seasons (LSTM cost grows with the lookback, and two
// seasons already show the model the cycle twice). Exceptions: weekly forecasts a quarter from a
// year of context (a 52-step horizon + 104-step lookback needs many years of weekly data), and
// yearly/irregular series have no season, so they get short fixed windows.
const defaultHorizon = (frequency: Frequency): number => FREQUENCY_SPECS[frequency].horizon;
const defaultLookback = (frequency: Frequency): number => FREQUENCY_SPECS[frequency].lookback;

/**
 * Training windows one epoch draws at most (a fresh random subset each epoch). An epoch over
 * thousands of windows costs tens of seconds on the single-threaded wasm backend; this keeps it
 * bounded while every window still gets its turn over the epochs.
 */
export const MAX_WINDOWS_PER_EPOCH = 1024;
/**
 * Batch size of series long enough that their epochs are capped. On the wasm backend per-batch
 * overhead dominates LSTM-sized kernels: 1024 windows train in ~1.8 s in batches of 64 against
 * ~4.5 s in batches of 32, so long series (with windows to spare) take the bigger batches.
 */
const LONG_SERIES_BATCH_SIZE = 64;
const DEFAULT_BATCH_SIZE = 32;
/** Validation windows at most (the most recent); see TrainOptions.maxValidationWindows. */
export const MAX_VALIDATION_WINDOWS = 512;

/**
 * Room to converge: early stopping (with the learning rate halved on each plateau, see train.ts)
 * ends most fits well before this; it bounds a short series, whose epochs are cheap.
 */
const MAX_DEFAULT_EPOCHS = 60;
const MIN_DEFAULT_EPOCHS = 5;
/**
 * Work budget of a full fit in window-steps (training windows, at most MAX_WINDOWS_PER_EPOCH, x
 * the LSTM's recurrent steps per window: the lookback, or its rows when read in patches). LSTM
 * cost grows with both, so long series get fewer default epochs. The fits after the first are
 * warm-started with half the epochs (see lstm-forecaster.ts).
 */
export const EPOCH_BUDGET_STEPS = 150_000;

/**
 * Default epochs of a full fit on `trainWindows` windows of `steps` recurrent steps, within a work
 * budget of `budgetSteps` window-steps (default EPOCH_BUDGET_STEPS).
 */
export function budgetEpochs(trainWindows: number, steps: number, budgetSteps = EPOCH_BUDGET_STEPS): number {
  const stepsPerEpoch = Math.max(1, Math.min(MAX_WINDOWS_PER_EPOCH, trainWindows) * steps);
  return clamp(Math.round(budgetSteps / stepsPerEpoch), MIN_DEFAULT_EPOCHS, MAX_DEFAULT_EPOCHS);
}

/** An LSTM of a short series is trained with this many seeds at most, and at least MIN_ENSEMBLE_SEEDS. */
export const MAX_ENSEMBLE_SEEDS = 5;
const MIN_ENSEMBLE_SEEDS = 3;
/** "Short": at most this many training windows (a long series already averages out its seed). */
const ENSEMBLE_MAX_WINDOWS = 512;
/** All seeds together may cost this many window-steps (at their epoch budgets). */
const ENSEMBLE_BUDGET_STEPS = 4 * EPOCH_BUDGET_STEPS;

/**
 * Seeds the plain and hybrid LSTMs each train with, their forecasts' median being the model's (see
 * lstm-ensemble.ts): several on a short series, where a fit is cheap and one seed's luck weighs
 * most, within ENSEMBLE_BUDGET_STEPS; one on a long series, so that its time does not multiply.
 */
export function ensembleSeeds(trainWindows: number, steps: number, epochs: number): number {
  if (trainWindows > ENSEMBLE_MAX_WINDOWS) return 1;
  const cost = Math.max(1, epochs * Math.min(MAX_WINDOWS_PER_EPOCH, trainWindows) * steps);
  const seeds = Math.min(MAX_ENSEMBLE_SEEDS, Math.floor(ENSEMBLE_BUDGET_STEPS / cost));
  return seeds >= MIN_ENSEMBLE_SEEDS ? seeds : 1;
}

/** ensembleSeeds for a run of `config` on `points` points of `frequency` (its evaluation fit's windows). */
export function runEnsembleSeeds(
  points: number,
  config: Pick<ForecastConfig, 'lookback' | 'horizon' | 'validationSplit' | 'epochs'>,
  frequency: Frequency,
): number {
  const trainWindows = Math.floor(
    evaluationWindows(points, config.lookback, config.horizon) * (1 - config.validationSplit),
  );
  return ensembleSeeds(trainWindows, lstmSteps(frequency, config.lookback), config.epochs);
}

/** Training windows of the evaluation fit: the last `horizon` points are held out as the test. */
function evaluationWindows(points: number, lookback: number, horizon: number): number {
  return windowCount(points - horizon, lookback, horizon);
}

const MIN_SEARCH_SECONDS = 5;
const MAX_SEARCH_SECONDS = 30;
/** Default search budget per point of the series: 10k hourly points get 20 s. */
const SEARCH_SECONDS_PER_POINT = 1 / 500;

/**
 * Default wall-time budget of the hyperparameter search: proportional to the series' length (its
 * trials cost more on longer series), between MIN_SEARCH_SECONDS and MAX_SEARCH_SECONDS.
 */
export function searchBudgetFor(points: number): number {
  return clamp(Math.round(points * SEARCH_SECONDS_PER_POINT), MIN_SEARCH_SECONDS, MAX_SEARCH_SECONDS);
}

/** The searched fields `fixed` sets: what a search must keep (a transform other than 'auto' only). */
export function fixedSearchFields(fixed: Partial<ForecastConfig>): SearchedField[] {
  if (fixed.searchFixed) return [...new Set(fixed.searchFixed)];
  return SEARCHED_FIELDS.filter((f) => fixed[f] !== undefined && !(f === 'transform' && fixed[f] === 'auto'));
}

/** Like Math.min/max, but when max < min (a tiny series) the minimum wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * Defaults for a series of `points` points. Fields in `fixed` (already chosen by the user) are kept
 * and the others adapt to them, so a user horizon of 30 still gets a lookback that fits the series.
 */
export function defaultConfig(
  frequency: Frequency,
  points: number,
  fixed: Partial<ForecastConfig> = {},
): ForecastConfig {
  // Test on at most a fifth of the series, and leave room for the shortest lookback (2) and the
  // training windows a run needs (see minimumPoints), so the defaults never refuse the series.
  // A series too short for any LSTM (even horizon 1, lookback 2) gets the horizon the classical
  // models can test: at most a fifth of it.
  const roomForHorizon = Math.floor((points - 2 - (MIN_TRAIN_WINDOWS - 1)) / 2);
  const maxHorizon = roomForHorizon >= 1 ? Math.min(Math.floor(points / 5), roomForHorizon) : Math.floor(points / 5);
  const horizon = fixed.horizon ?? clamp(defaultHorizon(frequency), 1, maxHorizon);
  // Look back over at most half of the training part, so it yields at least as many windows, and
  // no further than minimumPoints allows.
  const roomForLookback = Math.min(
    Math.floor((points - 2 * horizon) / 2),
    points - 2 * horizon - (MIN_TRAIN_WINDOWS - 1),
  );
  const lookback = fixed.lookback ?? wholePatches(frequency, clamp(defaultLookback(frequency), 2, roomForLookback));

  const windows = evaluationWindows(points, lookback, horizon);
  const validationSplit =
    fixed.validationSplit ??
    (Math.floor(windows * DEFAULT_VALIDATION_SPLIT) >= MIN_VALIDATION_WINDOWS ? DEFAULT_VALIDATION_SPLIT : 0);
  const trainWindows = windows * (1 - validationSplit);
  const epochs = fixed.epochs ?? budgetEpochs(trainWindows, lstmSteps(frequency, lookback));

  return {
    horizon,
    lookback,
    epochs,
    units: fixed.units ?? 32,
    // One layer: a second doubles the training time, and one already models a season or two.
    layers: fixed.layers ?? 1,
    learningRate: fixed.learningRate ?? 0.005,
    batchSize: fixed.batchSize ?? (trainWindows > MAX_WINDOWS_PER_EPOCH ? LONG_SERIES_BATCH_SIZE : DEFAULT_BATCH_SIZE),
    dropout: fixed.dropout ?? 0.1,
    validationSplit,
    patience: fixed.patience ?? 5,
    seed: fixed.seed ?? 42,
    // Several on a short series, where fits are cheap (ensembleSeeds), one on a long one.
    seeds: fixed.seeds ?? ensembleSeeds(Math.floor(trainWindows), lstmSteps(frequency, lookback), epochs),
    // As many as fit (a short series gets fewer, and the form says so).
    backtestWindows:
      fixed.backtestWindows ??
      backtestWindowsFor(points, { lookback, horizon, backtestWindows: DEFAULT_BACKTEST_WINDOWS }),
    transform: fixed.transform ?? 'auto',
    calendarFeatures: fixed.calendarFeatures ?? calendarFeaturesFor(frequency).length > 0,
    // Off unless asked: a third LSTM costs about a third more training time, and a run's result
    // would otherwise change whenever another series of its dataset does.
    globalLstm: fixed.globalLstm ?? false,
    // Every model unless the user picked; the reference model in any case.
    models: runModels(fixed.models),
    covariates: fixed.covariates ?? [],
    holidays: fixed.holidays ?? null,
    search: fixed.search ?? 'auto',
    searchBudgetSeconds: fixed.searchBudgetSeconds ?? searchBudgetFor(points),
    searchFixed: fixedSearchFields(fixed),
  };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}

/** Validates the user's partial config and fills the rest with defaults for this series. */
export function resolveConfig(partial: unknown, series: { frequency: Frequency; points: number }): ForecastConfig {
  const parsed = forecastConfigInputSchema.safeParse(partial ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new InvalidConfigError(`Invalid forecast config: ${issues.join('; ')}.`, issues);
  }
  // zod keeps explicit `undefined`s; drop them so they don't shadow defaults.
  const fixed: Partial<ForecastConfig> = Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  );
  return defaultConfig(series.frequency, series.points, fixed);
}

/**
 * Points a series needs for `config` with `backtestWindows` windows of `horizon` held out at the
 * end, the oldest one still preceded by MIN_TRAIN_WINDOWS training windows. The default of one
 * window (the test window) is the least any run needs; `config.backtestWindows` is not read
 * here, because a run falls back to fewer windows rather than refusing (see backtestWindowsFor).
 */
export function minimumPoints(config: Pick<ForecastConfig, 'lookback' | 'horizon'>, backtestWindows = 1): number {
  return config.lookback + (backtestWindows + 1) * config.horizon + MIN_TRAIN_WINDOWS - 1;
}

/**
 * Points the classical models and baselines need for `backtestWindows` windows of `horizon`: the
 * windows, preceded by MIN_CLASSICAL_TRAIN_POINTS values to fit the oldest one on.
 */
export function minimumClassicalPoints(horizon: number, backtestWindows = 1): number {
  return backtestWindows * horizon + MIN_CLASSICAL_TRAIN_POINTS;
}

/** Whether the LSTMs can train on `points` points with this lookback and horizon (see minimumPoints). */
export function lstmFits(points: number, config: Pick<ForecastConfig, 'lookback' | 'horizon'>): boolean {
  return points >= minimumPoints(config);
}

/** Why a run on `points` points skips the LSTMs; undefined when they fit. */
export function lstmSkippedNote(
  points: number,
  config: Pick<ForecastConfig, 'lookback' | 'horizon'>,
): string | undefined {
  if (lstmFits(points, config)) return undefined;
  return (
    `The LSTMs were not trained: lookback ${config.lookback} + horizon ${config.horizon} needs at least ` +
    `${minimumPoints(config)} points (${MIN_TRAIN_WINDOWS} training windows besides the test window); this series has ` +
    `${points}. The classical models and baselines were compared instead. A shorter lookback or horizon, or more ` +
    'data, lets the LSTMs train.'
  );
}

/**
 * The most backtest windows, up to `config.backtestWindows`, that fit in `points` (at least 1):
 * for the LSTMs when they fit, else for the classical models and baselines.
 */
export function backtestWindowsFor(
  points: number,
  config: Pick<ForecastConfig, 'lookback' | 'horizon' | 'backtestWindows'>,
): number {
  const needs = lstmFits(points, config)
    ? (windows: number) => minimumPoints(config, windows)
    : (windows: number) => minimumClassicalPoints(config.horizon, windows);
  let windows = config.backtestWindows;
  while (windows > 1 && points < needs(windows)) windows--;
  return windows;
}

/**
 * The fewest points a series of `frequency` needs for a run with the default settings (which
 * shrink the horizon and lookback of a short series), and the horizon and lookback it then gets.
 * Import warns below this, so a too-short series is not first refused at training.
 */
export function minimumSeriesPoints(frequency: Frequency): { points: number; horizon: number; lookback: number } {
  const full = defaultConfig(frequency, Number.MAX_SAFE_INTEGER);
  const ceiling = minimumPoints(full);
  for (let points = 1; points < ceiling; points++) {
    const config = defaultConfig(frequency, points);
    if (points >= minimumPoints(config)) return { points, horizon: config.horizon, lookback: config.lookback };
  }
  return { points: ceiling, horizon: full.horizon, lookback: full.lookback };
}

/**
 * Refuses a series too short for even the classical models and baselines; one too short for just
 * the LSTMs passes (the run skips them with lstmSkippedNote).
 */
export function assertLongEnough(points: number, config: Pick<ForecastConfig, 'lookback' | 'horizon'>): void {
  const minimum = minimumClassicalPoints(config.horizon);
  if (points < minimum) {
    throw new SeriesTooShortError(
      points,
      minimum,
      config.lookback,
      config.horizon,
      MIN_TRAIN_WINDOWS,
      `This series has ${points} points; horizon ${config.horizon} needs at least ${minimum}: the last ` +
        `${config.horizon} points are held out to test the forecast, and the models need at least ` +
        `${MIN_CLASSICAL_TRAIN_POINTS} points before them to fit on (the LSTMs need ${minimumPoints(config)} with ` +
        `lookback ${config.lookback}). Lower the horizon, or upload more data.`,
    );
  }
}

/**
 * Model size bounded by the data. A run's cost grows with units² x layers x windows, while what it
 * can learn is bounded by its training windows (those of the evaluation fit, at most
 * MAX_WINDOWS_PER_EPOCH of them per epoch). Two rules, on the fields as resolved:
 * - batchSize at most the training windows per epoch (any size up to the default 32 is fine: a
 *   batch larger than the windows is simply all of them);
 * - units x layers at most maxModelUnits(windows) = max(64, 8 x √windows): 256 on 1,024 windows,
 *   about 100 on 150, 64 below 64 windows (the default 32 x 1 always fits).
 */
export function maxModelUnits(trainingWindows: number): number {
  return Math.max(64, Math.floor(8 * Math.sqrt(trainingWindows)));
}

/** Training windows one epoch of the evaluation fit draws from a series of `points` points. */
export function trainingWindowsPerEpoch(points: number, config: Pick<ForecastConfig, 'lookback' | 'horizon'>): number {
  return Math.max(0, Math.min(MAX_WINDOWS_PER_EPOCH, evaluationWindows(points, config.lookback, config.horizon)));
}

/** Throws ModelTooLargeError (422) when `config` breaks a rule above for a series of `points` points. */
export function assertModelFitsData(
  points: number,
  config: Pick<ForecastConfig, 'lookback' | 'horizon' | 'units' | 'layers' | 'batchSize'>,
): void {
  // A series too short for the LSTMs trains none (lstmSkippedNote): their size does not matter.
  if (!lstmFits(points, config)) return;
  const windows = trainingWindowsPerEpoch(points, config);
  const issues: string[] = [];
  if (config.batchSize > Math.max(windows, DEFAULT_BATCH_SIZE)) {
    issues.push(
      `batchSize: ${config.batchSize} is more than the ${windows} training windows per epoch; use at most ${Math.max(windows, DEFAULT_BATCH_SIZE)}`,
    );
  }
  const maxUnits = maxModelUnits(windows);
  if (config.units * config.layers > maxUnits) {
    issues.push(
      `units x layers: ${config.units} x ${config.layers} = ${config.units * config.layers} is more than the ${maxUnits} that ${windows} training windows support; use fewer units or layers`,
    );
  }
  if (issues.length > 0) {
    throw new ModelTooLargeError(
      `The model is too large for this series: ${issues.join('; ')}. ` +
        `(lookback ${config.lookback} and horizon ${config.horizon} give ${windows} training windows from ${points} points; ` +
        'more data, a shorter lookback or a coarser frequency give more.)',
      issues,
      windows,
    );
  }
}
