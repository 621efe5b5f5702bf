// The hyperparameter search of a run as people read it: one line per trial's settings and the
// summary above its table (components/runs/search-trials.tsx).
import { formatDuration, formatNumber } from './format';
import { transformName } from './readable-names';
import type { RunEvaluation } from './types';

export type StoredSearch = NonNullable<RunEvaluation['search']>;
export type SearchSettings = StoredSearch['chosen'];

const OUTCOMES: Record<StoredSearch['trials'][number]['outcome'], string> = {
  chosen: 'chosen',
  dropped: 'dropped',
  kept: 'kept (out of time)',
  unfinished: 'unfinished (out of time)',
};

export function searchOutcomeText(outcome: StoredSearch['trials'][number]['outcome']): string {
  return OUTCOMES[outcome] ?? outcome;
}

/** "lookback 48 · 32 units × 1 · dropout 0.1 · rate 0.005 · none" */
export function searchSettingsText(s: SearchSettings): string {
  return [
    `lookback ${s.lookback}`,
    `${s.units} units × ${s.layers}`,
    `dropout ${formatNumber(s.dropout)}`,
    `rate ${formatNumber(s.learningRate)}`,
    transformName(s.transform).toLowerCase(),
  ].join(' · ');
}

/** "Chosen from 9 trials in 12.3 s (budget 20 s); held: units." or why there was no search. */
export function searchSummaryText(search: StoredSearch): string {
  if (search.trials.length === 0) return search.note ?? 'No search ran.';
  const held = search.fixed.length > 0 ? ` Held as set: ${search.fixed.join(', ')}.` : '';
  const cut = search.outOfTime ? ' The budget ran out before the plan was done.' : '';
  return (
    `Chosen from ${search.trials.length} trials by successive halving in ${formatDuration(search.elapsedMs)} ` +
    `(budget ${search.budgetSeconds} s), on ${search.validationOrigins} validation forecasts within the first ` +
    `backtest window's training values.${held}${cut}`
  );
}
