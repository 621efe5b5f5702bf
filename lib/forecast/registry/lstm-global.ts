import type { FittedModel } from '../backtest';
import { lstmFits, lstmSkippedNote } from '../config';
import { compatibleRelated, GlobalLstmRun, type RelatedSeries, type SharedForecasts } from '../global';
import type { GlobalLstmInfo } from '../types';
import type { ForecastModel, ModelContext, ModelRun } from './model';

/** The global LSTM's run also says what it learned from. */
export interface GlobalLstmModelRun extends ModelRun {
  info(): GlobalLstmInfo;
}

export const lstmGlobalModel: ForecastModel<'lstmGlobal', GlobalLstmModelRun> = {
  key: 'lstmGlobal',
  wanted: (context) => {
    const { config, data, related, sharedGlobal } = context;
    if (sharedGlobal) return sharedUnusable(context) === undefined;
    return (
      config.globalLstm &&
      lstmFits(data.v.length, config) &&
      compatibleRelated(data.frequency, related).usable.length > 0
    );
  },
  // A batch's shared one did when it was trained with them (and then also without them).
  readsCovariates: ({ sharedGlobal }) =>
    !sharedGlobal || ('forecasts' in sharedGlobal && sharedGlobal.forecasts.withoutCovariates !== undefined),
  create: ({ config, data, windowCount, related, callbacks, covariates, sharedGlobal }) => {
    // A batch's shared global LSTM: its stored forecasts are scored as they are; asked without the
    // covariates (covariateEffect), the same model's forecasts trained without them.
    if (sharedGlobal && 'forecasts' in sharedGlobal) {
      const { forecasts, series } = sharedGlobal;
      const plain = !covariates && forecasts.withoutCovariates;
      return sharedRun(plain ? { ...forecasts, ...plain } : forecasts, series);
    }
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

/**
 * Why this run cannot use its batch's shared global LSTM, or undefined when it can: the stored
 * forecasts must be for this very series (same points) and cover every origin of the run.
 */
export function sharedUnusable({
  data,
  origins,
  sharedGlobal,
}: Pick<ModelContext, 'data' | 'origins' | 'sharedGlobal'>): string | undefined {
  if (!sharedGlobal) return 'The run is not part of a batch with a shared global LSTM.';
  if (!('forecasts' in sharedGlobal)) return sharedGlobal.note;
  const { forecasts } = sharedGlobal;
  if (forecasts.points !== data.v.length) {
    return `The batch's global LSTM was trained on ${forecasts.points} points of this series; it now has ${data.v.length}.`;
  }
  const stored = new Set(forecasts.windows.map((w) => w.origin));
  const missing = origins.filter((origin) => !stored.has(origin));
  return missing.length > 0
    ? `The batch's global LSTM has no forecast from ${missing.length} of this run's ${origins.length} backtest origins.`
    : undefined;
}

/** lstmGlobal from a batch's stored forecasts: every "fit" looks up its window, nothing trains. */
function sharedRun(forecasts: SharedForecasts, series: number): GlobalLstmModelRun {
  const byOrigin = new Map(forecasts.windows.map((w) => [w.origin, w]));
  return {
    fit: async (_train, window): Promise<FittedModel> => {
      const stored = byOrigin.get(window.origin);
      if (!stored) throw new Error(`The batch's global LSTM has no forecast from origin ${window.origin}.`);
      return {
        forecastFrom: async (_values, origins) =>
          origins.map((origin) => {
            const forecast = stored.forecasts[origin - stored.origin];
            if (!forecast) throw new Error(`The batch's global LSTM has no forecast from origin ${origin}.`);
            return forecast;
          }),
      };
    },
    future: async () => ({ forecast: forecasts.future }),
    info: () => ({
      trained: true,
      series,
      related: [],
      windows: [],
      note: `One global LSTM shared by the ${series} series of the batch, trained once for all of them.`,
    }),
    dispose: () => {},
  };
}

/** Why a run that asked for the global LSTM did not train one. */
export function globalLstmSkipped({
  data,
  related,
  config,
  origins,
  sharedGlobal,
}: Pick<ModelContext, 'data' | 'related' | 'config' | 'origins' | 'sharedGlobal'>): GlobalLstmInfo {
  if (sharedGlobal) {
    const why = sharedUnusable({ data, origins, sharedGlobal });
    return { trained: false, series: 1, related: [], windows: [], note: why };
  }
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
