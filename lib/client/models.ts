// The models a run compares, in the order tables list them, with the names people read: all from
// the engine's model catalog (pure data, safe in the browser bundle).
import {
  COMPARED_MODELS,
  MODEL_DESCRIPTIONS,
  MODEL_SHORT_LABELS,
  modelsOfFamily,
} from '@/lib/forecast/compared-models';
import type { ComparedModel, PredictionModel } from './types';

/** The engine's report order. */
export const MODEL_ORDER: readonly ComparedModel[] = COMPARED_MODELS;

const capitalize = (label: string) => label[0].toUpperCase() + label.slice(1);

/** Table and legend names: the catalog's short names, capitalised ('Seasonal naive'). */
export const MODEL_LABELS = Object.fromEntries(
  COMPARED_MODELS.map((m) => [m, capitalize(MODEL_SHORT_LABELS[m])]),
) as Record<ComparedModel, string>;

/** What each model is, for a tooltip. */
export { MODEL_DESCRIPTIONS };

export const LSTM_FAMILY: readonly ComparedModel[] = modelsOfFamily('lstm');

/** A prediction model's name; an ensemble names its members when they are known. */
export function predictionModelLabel(model: PredictionModel, members: readonly ComparedModel[] = []): string {
  if (model !== 'ensemble') return MODEL_LABELS[model];
  return members.length > 0
    ? `Average of ${members.map((m) => MODEL_LABELS[m]).join(' + ')}`
    : 'Average of the best models';
}
