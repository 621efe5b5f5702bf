import { baselineFitter } from '../baselines';
import { statelessRun, type ForecastModel } from './model';

export const driftModel: ForecastModel<'drift'> = {
  key: 'drift',
  create: ({ config, season, windowCount }) =>
    statelessRun(baselineFitter('drift', config.horizon, season.length), windowCount),
};
