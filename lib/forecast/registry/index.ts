// The model registry: each compared model's code, by its catalog key (registry/catalog.ts holds
// the names, family and cost: pure data the browser can import; this file loads TensorFlow.js and
// the wasm models). runForecast loops over the catalog and starts each model from here.
//
// Adding a model: one file here implementing ForecastModel (registry/model.ts), its entry in
// MODEL_CATALOG and its line below. The type of MODEL_REGISTRY makes TypeScript refuse a catalog
// key without code, or code without a catalog entry.
import type { ComparedModel } from '../types';
import { autoArimaModel } from './auto-arima';
import { driftModel } from './drift';
import { etsModel } from './ets';
import { lstmModel } from './lstm';
import { lstmGlobalModel } from './lstm-global';
import { lstmHybridModel } from './lstm-hybrid';
import type { ForecastModel } from './model';
import { mstlModel } from './mstl';
import { naiveModel } from './naive';
import { seasonalNaiveModel } from './seasonal-naive';
import { thetaModel } from './theta';

export const MODEL_REGISTRY = {
  lstm: lstmModel,
  lstmHybrid: lstmHybridModel,
  lstmGlobal: lstmGlobalModel,
  mstl: mstlModel,
  ets: etsModel,
  autoArima: autoArimaModel,
  theta: thetaModel,
  naive: naiveModel,
  seasonalNaive: seasonalNaiveModel,
  drift: driftModel,
} as const satisfies { [K in ComparedModel]: ForecastModel<K> };

export type { ForecastModel, ModelContext, ModelRun } from './model';
export { statelessRun } from './model';
export { ENSEMBLE_INFO, MODEL_CATALOG, type ModelFamily, type ModelInfo } from './catalog';
