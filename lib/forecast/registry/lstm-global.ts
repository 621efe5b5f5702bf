import { lstmFits, lstmSkippedNote } from '../config';
import { compatibleRelated, GlobalLstmRun, type RelatedSeries } from '../global';
import type { GlobalLstmInfo } from '../types';
import type { ForecastModel, ModelContext, ModelRun } from './model';

/** The global LSTM's run also says what it learned from. */
export interface GlobalLstmModelRun extends ModelRun {
  info(): GlobalLstmInfo;
}

export const lstmGlobalModel: ForecastModel<'lstmGlobal', GlobalLstmModelRun> = {
  key: 'lstmGlobal',
  wanted: ({ config, data, related }) =>
    config.globalLstm &&
    lstmFits(data.v.length, config) &&
    compatibleRelated(data.frequency, related).usable.length > 0,
  readsCovariates: true,
  create: ({ config, data, windowCount, related, callbacks, covariates }) => {
    const run = new GlobalLstmRun(
      config,
      windowCount,
      { t: data.t, frequency: data.frequency, timeZone: data.timeZone, ...(covariates && { covariates }) },
      related,
      callbacks,
    );
    return {
      fit: run.fitter,
      future: async (values) => ({ forecast: await run.future(values) }),
      info: () => ({
        trained: true,
        series: run.seriesCount,
        related: run.related.map((s) => s.name),
        windows: run.latest?.perSeries ?? [],
        ...(run.leftOut && { note: run.leftOut }),
      }),
      dispose: () => run.dispose(),
    };
  },
};

/** Why a run that asked for the global LSTM did not train one. */
export function globalLstmSkipped({
  data,
  related,
  config,
}: Pick<ModelContext, 'data' | 'related' | 'config'>): GlobalLstmInfo {
  const { leftOut } = compatibleRelated(data.frequency, related);
  const tooShort = lstmSkippedNote(data.v.length, config);
  const note = tooShort
    ? 'The global LSTM was not trained: the series is too short for the LSTMs.'
    : skippedNote(related, leftOut);
  return { trained: false, series: 1, related: [], windows: [], note };
}

function skippedNote(related: readonly RelatedSeries[], leftOut: string | undefined): string {
  return related.length === 0
    ? 'The global LSTM was not trained: the dataset has no other series to learn from.'
    : `The global LSTM was not trained: none of the ${related.length} related series can be pooled with this one. ${leftOut ?? ''}`.trim();
}
