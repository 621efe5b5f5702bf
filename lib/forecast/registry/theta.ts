import { classicalFitter } from '../classical';
import { statelessRun, type ForecastModel } from './model';

export const thetaModel: ForecastModel<'theta'> = {
  key: 'theta',
  create: ({ config, data, season, windowCount }) =>
    statelessRun(classicalFitter('theta', { horizon: config.horizon, frequency: data.frequency, season }), windowCount),
};
