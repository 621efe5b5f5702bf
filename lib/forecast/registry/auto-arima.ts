import { classicalFitter } from '../classical';
import { arimaxFitter } from '../classical/arimax';
import { statelessRun, type ForecastModel } from './model';

export const autoArimaModel: ForecastModel<'autoArima'> = {
  key: 'autoArima',
  // Known-future covariates and the holiday flag as regressors (regression with ARIMA errors).
  readsCovariates: () => true,
  create: ({ config, data, season, windowCount, covariates }) =>
    statelessRun(
      covariates && covariates.regressorRows(0, 0).width > 0
        ? arimaxFitter(config.horizon, season.length, (from, to) => covariates.regressorRows(from, to))
        : classicalFitter('autoArima', { horizon: config.horizon, frequency: data.frequency, season }),
      windowCount,
    ),
};
