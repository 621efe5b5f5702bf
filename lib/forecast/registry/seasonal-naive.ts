import { baselineFitter } from '../baselines';
import { statelessRun, type ForecastModel } from './model';

export const seasonalNaiveModel: ForecastModel<'seasonalNaive'> = {
  key: 'seasonalNaive',
  create: ({ config, season, windowCount }) =>
    statelessRun(baselineFitter('seasonalNaive', config.horizon, season.length), windowCount),
};
