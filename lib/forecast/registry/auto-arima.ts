import { classicalFitter } from '../classical';
import { statelessRun, type ForecastModel } from './model';

export const autoArimaModel: ForecastModel<'autoArima'> = {
  key: 'autoArima',
  create: ({ config, data, season, windowCount }) =>
    statelessRun(
      classicalFitter('autoArima', { horizon: config.horizon, frequency: data.frequency, season }),
      windowCount,
    ),
};
