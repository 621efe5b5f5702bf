import { lstmFits } from '../config';
import { HybridLstmRun } from '../hybrid';
import type { ForecastModel } from './model';

export const lstmHybridModel: ForecastModel<'lstmHybrid'> = {
  key: 'lstmHybrid',
  wanted: ({ data, config, perSeriesLstm }) => perSeriesLstm !== false && lstmFits(data.v.length, config),
  readsCovariates: () => true,
  create: ({ config, data, season, windowCount, callbacks, covariates }) => {
    const run = new HybridLstmRun(
      config,
      windowCount,
      {
        t: data.t,
        frequency: data.frequency,
        season,
        timeZone: data.timeZone,
        // From the covariates, not the config: the run without them (covariate-effect.ts) has none.
        holidays: covariates?.holidayCalendar ?? null,
        ...(covariates && { covariates }),
      },
      callbacks,
      config.seeds,
    );
    return {
      fit: run.fitter,
      future: async (values) => ({ forecast: await run.future(values) }),
      dispose: () => run.dispose(),
    };
  },
};
