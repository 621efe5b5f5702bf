// Public API of the forecasting engine. API routes that only validate configs should import
// './config' directly: this index loads TensorFlow.js.
export type * from './types';
export { initBackend, type BackendName } from './backend';
export {
  assertLongEnough,
  backtestWindowsFor,
  DEFAULT_BACKTEST_WINDOWS,
  defaultConfig,
  lstmFits,
  forecastConfigInputSchema,
  forecastConfigSchema,
  minimumPoints,
  resolveConfig,
  type ForecastConfigInput,
} from './config';
export {
  CancelledError,
  CovariateFutureMissingError,
  ForecastError,
  InvalidConfigError,
  SeriesTooShortError,
  type ForecastErrorCode,
  type MissingCovariateFuture,
} from './errors';
// Covariates and holidays (issue 22). Routes that check a request without TensorFlow.js import
// './covariates' (missingFuture) and './holidays' (assertKnownCalendar) directly: both are pure.
export { alignCovariate, covariateBlock, missingFuture, type CovariateBlock } from './covariates';
export { assertKnownCalendar, holidaysBetween, type HolidayDate } from './holidays';
export { PER_SERIES_LSTMS_OFF, runForecast, runOrigins, type RunContext } from './forecast';
export { accuracyMetrics, mae, mape, mase, maseScale, rmse, smape, wape } from './metrics';
export { BASELINE_NAMES, BASELINES, drift, naive, seasonalNaive, type Baseline } from './baselines';
export {
  backtestOrigins,
  runBacktest,
  scoreBacktest,
  type BacktestRun,
  type FittedModel,
  type ModelFitter,
  type Residual,
} from './backtest';
export { conformalQuantile, INTERVAL_LEVELS, predictionIntervals } from './intervals';
export { decideVerdict, skillScore } from './verdict';
export { averageRun, chooseChampion, POOL_MARGIN, rankModels } from './champion';
export { CLASSICAL_NAMES, classicalFitter, seasonalPeriods } from './classical';
export { HybridLstmRun } from './hybrid';
export {
  compatibleRelated,
  GlobalLstmRun,
  MAX_RELATED_SERIES,
  ownSettings,
  SharedGlobalTrainer,
  trainSharedGlobal,
  inputLayout,
  type RelatedSeries,
  type SharedForecasts,
  type SharedGlobalInfo,
  type SharedGlobalInput,
  type SharedSeries,
} from './global';
// Not in './global''s index: it reads runOrigins from './forecast', which imports that index.
export {
  globalLstmFailedNote,
  NOT_IN_GLOBAL_LSTM,
  selectSharedSeries,
  type SharedCandidate,
  type SharedSelection,
} from './global/shared-selection';
export {
  ALWAYS_COMPARED,
  COMPARED_MODELS,
  MODEL_LABELS,
  modelEntry,
  modelInfo,
  modelsIn,
  modelsOfFamily,
  OPTIONAL_MODELS,
} from './compared-models';
export {
  MODEL_CATALOG,
  MODEL_REGISTRY,
  statelessRun,
  type ForecastModel,
  type ModelContext,
  type ModelInfo,
  type ModelRun,
} from './registry';
export { forecastReport, formatReport, reportJson, type ForecastReport } from './report';
export { forecastWithSavedModel, loadSavedModel, savedModelMetadata, type SavedModelMetadata } from './saved-model';
export { detectSeason, resolveSeason, seasonLength } from './season';
export { assertValidSeries } from './series';
export { syntheticSeries, type SyntheticOptions } from './synthetic';
export { nextTimestamps } from './time-steps';
