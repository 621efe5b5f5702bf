// The hyperparameter search of a run (config.search 'auto'): see lstm-search.ts.
import type { LstmPreprocessing, LstmSearchResult } from '../types';

export { SEARCHED_FIELDS, type SearchedField } from './fields';
export { heldFields, searchLstmConfig, RUNG_EPOCHS, SEARCH_ETA } from './lstm-search';

/** The LSTM's preprocessing, saying so when the search chose its transform. */
export function searchedPreprocessing(
  preprocessing: LstmPreprocessing,
  search: LstmSearchResult | undefined,
): LstmPreprocessing {
  if (!search || search.trials.length === 0 || search.fixed.includes('transform')) return preprocessing;
  const chosen = search.trials.find((t) => t.outcome === 'chosen');
  const mae = chosen?.validationMae;
  return {
    ...preprocessing,
    transformReason:
      `${preprocessing.transform}: chosen by the hyperparameter search with the other settings` +
      (mae !== null && mae !== undefined ? ` (validation MAE ${mae.toPrecision(3)}).` : '.'),
  };
}
