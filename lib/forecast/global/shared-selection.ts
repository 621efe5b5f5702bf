// Which series of a batch its one shared global LSTM (shared-global.ts) learns from (pure): those
// long enough for an LSTM that share the most common frequency, horizon, lookback and kinds of
// covariate inputs (one network has one input shape and output length), in the order given (the
// series ids, the rows of its learned embedding, follow it, so the same batch trains the same
// model). The batch's `batch-global` job (worker/processors/batch-global.ts) and the CLI's --all
// (cli-all.ts) both pick with it, so a file forecast with --all trains the model a batch of the
// same series would.
import { lstmFits } from '../config';
import { runOrigins } from '../forecast';
import type { ForecastConfig, SeriesData } from '../types';
import type { CovariateBlock } from '../covariates';
import { inputLayout, type SharedSeries } from './shared-global';

/** A series' note when it was not part of its batch's global LSTM. */
export const NOT_IN_GLOBAL_LSTM =
  "This series was not part of the batch's global LSTM: it is too short for an LSTM, its frequency, horizon, lookback or inputs differ from most of the batch's series, or its known-future covariates miss forecast steps.";

/** A series' note when its batch's global LSTM failed (`why`: its error). */
export const globalLstmFailedNote = (why: string) =>
  `The batch's global LSTM failed, so this series was compared without it: ${why}`;

/** One series of a batch with its own run's resolved config; `key` names its forecasts. */
export interface SharedCandidate extends SeriesData {
  key: string;
  config: ForecastConfig;
  /** Its covariates and holiday features (covariateBlock over its points and forecast steps), if any. */
  covariates?: CovariateBlock;
}

/** What the shared global LSTM is trained with. */
export interface SharedSelection {
  series: SharedSeries[];
  /** The first chosen series' config (they share frequency, horizon and lookback). */
  config: ForecastConfig;
  frequency: SeriesData['frequency'];
  timeZone: string | null;
}

/** The series the global model learns from; null when none is long enough for an LSTM. */
export function selectSharedSeries(candidates: readonly SharedCandidate[]): SharedSelection | null {
  const fitting = candidates
    .filter((one) => one.frequency !== 'irregular' && lstmFits(one.v.length, one.config))
    .map((one) => ({
      one,
      group: `${one.frequency}|${one.config.horizon}|${one.config.lookback}|${inputLayout(one.covariates)}`,
    }));
  if (fitting.length === 0) return null;
  const sizes = new Map<string, number>();
  for (const { group } of fitting) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const group = [...sizes].sort((a, b) => b[1] - a[1])[0][0];
  const chosen = fitting.filter((f) => f.group === group).map((f) => f.one);
  return {
    series: chosen.map(({ key, t, v, config, covariates }) => ({
      key,
      t,
      v,
      origins: runOrigins(v.length, config).origins,
      ...(covariates && { covariates }),
    })),
    config: chosen[0].config,
    frequency: chosen[0].frequency,
    timeZone: chosen[0].timeZone ?? null,
  };
}
