// The models outside the LSTM family (classical models and baselines), apart from the registry
// (index.ts) because they do not load TensorFlow.js: a worker thread that fits only these
// (parallel/model-group.ts) stays ~150-190 MB smaller than one that imports every model.
import type { ComparedModel } from '../types';
import { autoArimaModel } from './auto-arima';
import { driftModel } from './drift';
import { etsModel } from './ets';
import type { ForecastModel } from './model';
import { mstlModel } from './mstl';
import { naiveModel } from './naive';
import { seasonalNaiveModel } from './seasonal-naive';
import { thetaModel } from './theta';

export const REGISTRY_WITHOUT_LSTM = {
  mstl: mstlModel,
  ets: etsModel,
  autoArima: autoArimaModel,
  theta: thetaModel,
  naive: naiveModel,
  seasonalNaive: seasonalNaiveModel,
  drift: driftModel,
} as const satisfies { [K in ComparedModel]?: ForecastModel<K> };
