// Public API of the forecasting engine. API routes that only validate configs should import
// './config' directly: this index loads TensorFlow.js.
export type * from './types';
export { initBackend, type BackendName } from './backend';
export {
  assertLongEnough,
  defaultConfig,
  forecastConfigInputSchema,
  forecastConfigSchema,
  minimumPoints,
  resolveConfig,
  type ForecastConfigInput,
} from './config';
export {
  CancelledError,
  ForecastError,
  InvalidConfigError,
  SeriesTooShortError,
  type ForecastErrorCode,
} from './errors';
export { runForecast } from './forecast';
export { computeMetrics, mae, mase, rmse } from './metrics';
export { seasonalNaive } from './baselines/seasonal-naive';
export { loadSavedModel, savedModelMetadata, type SavedModelMetadata } from './saved-model';
export { seasonLength } from './season';
export { assertValidSeries } from './series';
export { syntheticSeries, type SyntheticOptions } from './synthetic';
export { nextTimestamps } from './time-steps';
