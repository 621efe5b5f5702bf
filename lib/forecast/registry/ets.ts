import { classicalFitter } from '../classical';
import { statelessRun, type ForecastModel } from './model';

export const etsModel: ForecastModel<'ets'> = {
  key: 'ets',
  create: ({ config, data, season, windowCount }) =>
    statelessRun(classicalFitter('ets', { horizon: config.horizon, frequency: data.frequency, season }), windowCount),
};
