// The models a run compares, in the order tables list them, with the names people read: all from
// the engine's model catalog (pure data, safe in the browser bundle).
import {
  COMPARED_MODELS,
  MODEL_DESCRIPTIONS,
  MODEL_TITLES,
  modelsOfFamily,
  predictionModelName,
} from '@/lib/forecast/compared-models';
import type { ComparedModel, PredictionModel } from './types';

/** The engine's report order. */
export const MODEL_ORDER: readonly ComparedModel[] = COMPARED_MODELS;

/** Table and legend names: the catalog's short names, capitalised ('Seasonal naive'). */
export const MODEL_LABELS: Record<ComparedModel, string> = MODEL_TITLES;

/** What each model is, for a tooltip. */
export { MODEL_DESCRIPTIONS };

export const LSTM_FAMILY: readonly ComparedModel[] = modelsOfFamily('lstm');

/**
 * A run's `models` in words: "all models", "all but Naive, Drift", or the list when most were left
 * out ("Seasonal naive, MSTL").
 */
export function describeModels(models: readonly ComparedModel[]): string {
  const missing = MODEL_ORDER.filter((m) => !models.includes(m));
  if (missing.length === 0) return 'all models';
  const names = (list: readonly ComparedModel[]) => list.map((m) => MODEL_LABELS[m]).join(', ');
  return missing.length <= models.length
    ? `all but ${names(missing)}`
    : names(MODEL_ORDER.filter((m) => models.includes(m)));
}

/** A prediction model's name; an ensemble names its members when they are known (as downloads do). */
export const predictionModelLabel: (model: PredictionModel, members?: readonly ComparedModel[]) => string =
  predictionModelName;
