export { GlobalLstmRun, type FittedGlobalLstm, type GlobalTarget } from './global-lstm';
export { MAX_POOLED_WINDOWS, pooledWindows, spreadIndices, windowShares, type PoolPart } from './pooled-windows';
export { compatibleRelated, cutBefore, MAX_RELATED_SERIES, pointsBefore, type RelatedSeries } from './related-series';
export { fitSeriesScale, scaleSeries, unscaleSeries, type SeriesScale } from './series-scale';
export {
  cutoffFor,
  MAX_SHARED_FITS,
  ownSettings,
  SharedGlobalTrainer,
  trainSharedGlobal,
  inputLayout,
  sharedCutoffs,
  type SharedForecasts,
  type SharedGlobalInfo,
  type SharedGlobalInput,
  type SharedGlobalResult,
  type SharedSeries,
  type SharedWindow,
} from './shared-global';
