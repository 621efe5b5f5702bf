// The fields the hyperparameter search (config.search 'auto') may choose: pure data, shared by the
// config schema, the engine's types and the browser's labels.

export const SEARCHED_FIELDS = ['lookback', 'units', 'layers', 'dropout', 'learningRate', 'transform'] as const;
export type SearchedField = (typeof SEARCHED_FIELDS)[number];
