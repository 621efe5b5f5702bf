import { lstmFits } from '../config';
import { LstmEnsembleRun } from '../lstm-ensemble';
import type { FittedLstm } from '../lstm-forecaster';
import { saveModel } from '../saved-model';
import type { EpochLog, LstmPreprocessing, SavedModel } from '../types';
import type { ForecastModel, ModelRun } from './model';

/** The plain LSTM's run also yields the run's saved model, loss history and input preparation. */
export interface LstmModelRun extends ModelRun {
  /** Loss history of the latest backtest fit (the one scored on the test window). */
  readonly history: EpochLog[];
  readonly preprocessing: LstmPreprocessing | undefined;
  /** The refit model behind `future`, serialised; call after `future`. */
  savedModel(): Promise<SavedModel>;
}

export const lstmModel: ForecastModel<'lstm', LstmModelRun> = {
  key: 'lstm',
  wanted: ({ data, config, perSeriesLstm }) => perSeriesLstm !== false && lstmFits(data.v.length, config),
  readsCovariates: () => true,
  create: ({ config, data, season, windowCount, callbacks, covariates }) => {
    const run = new LstmEnsembleRun(config, windowCount, config.seeds, callbacks, {
      t: data.t,
      frequency: data.frequency,
      seasonLength: season.length,
      timeZone: data.timeZone,
      ...(covariates && { covariates }),
    });
    let history: EpochLog[] = [];
    let refit: FittedLstm | undefined;
    return {
      fit: async (train, window) => {
        const fitted = await run.fitter(train, window);
        history = run.history;
        return fitted;
      },
      get history() {
        return history;
      },
      get preprocessing() {
        return run.preprocessing;
      },
      future: async (values) => {
        const { forecast, refits } = await run.future(values);
        refit = refits[0];
        return { forecast };
      },
      // The model of the config's seed: a seed ensemble's other members are not saved, so a
      // forecast from the saved model is that member's, not the median (see lstm-ensemble.ts).
      savedModel: async () => {
        if (!refit) throw new Error('Save the LSTM after its refit on all data.');
        return saveModel(refit.model, {
          lookback: config.lookback,
          horizon: config.horizon,
          frequency: data.frequency,
          scaler: refit.scaler,
          relativeToLastInput: true,
          encoding: refit.encoding,
          ...(refit.covariates && {
            covariates: {
              columns: refit.covariates.block.columns.map((c) => c.name),
              future: refit.covariates.block.futureColumns.map((k) => refit!.covariates!.block.columns[k].name),
            },
          }),
        });
      },
      dispose: () => run.dispose(),
    };
  },
};
