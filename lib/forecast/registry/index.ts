// The model registry: each compared model's code, by its catalog key (registry/catalog.ts holds
// the names, family and cost: pure data the browser can import; this file loads TensorFlow.js and
// the wasm models). runForecast loops over the catalog and starts each model from here.
//
// Adding a model: one file here implementing ForecastModel (registry/model.ts), its entry in
// MODEL_CATALOG and its line below, or in without-lstm.ts when it does not load TensorFlow.js. The
// type of MODEL_REGISTRY makes TypeScript refuse a catalog key without code, or code without a
// catalog entry.
import type { ComparedModel } from '../types';
import { lstmModel } from './lstm';
import { lstmGlobalModel } from './lstm-global';
import { lstmHybridModel } from './lstm-hybrid';
import type { ForecastModel } from './model';
import { REGISTRY_WITHOUT_LSTM } from './without-lstm';

export const MODEL_REGISTRY = {
  lstm: lstmModel,
  lstmHybrid: lstmHybridModel,
  lstmGlobal: lstmGlobalModel,
  ...REGISTRY_WITHOUT_LSTM,
} as const satisfies { [K in ComparedModel]: ForecastModel<K> };

export type { ForecastModel, ModelContext, ModelRun } from './model';
export { statelessRun } from './model';
export { ENSEMBLE_INFO, MODEL_CATALOG, type ModelFamily, type ModelInfo } from './catalog';
