import { classicalFitter } from '../classical';
import { statelessRun, type ForecastModel } from './model';

export const mstlModel: ForecastModel<'mstl'> = {
  key: 'mstl',
  create: ({ config, data, season, windowCount }) =>
    statelessRun(classicalFitter('mstl', { horizon: config.horizon, frequency: data.frequency, season }), windowCount),
};
