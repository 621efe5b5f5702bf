import { baselineFitter } from '../baselines';
import { statelessRun, type ForecastModel } from './model';

export const naiveModel: ForecastModel<'naive'> = {
  key: 'naive',
  create: ({ config, season, windowCount }) =>
    statelessRun(baselineFitter('naive', config.horizon, season.length), windowCount),
};
