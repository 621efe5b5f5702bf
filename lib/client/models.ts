// The models a run compares, in the order tables list them, with the names people read: all from
// the engine's model catalog (pure data, safe in the browser bundle).
import {
  COMPARED_MODELS,
  REFERENCE_MODEL,
  MODEL_DESCRIPTIONS,
  MODEL_TITLES,
  modelsOfFamily,
  predictionModelName,
} from '@/lib/forecast/compared-models';
import type { ModelFamily } from '@/lib/forecast/registry/catalog';
import type { ComparedModel, PredictionModel } from './types';

/** The engine's report order. */
export const MODEL_ORDER: readonly ComparedModel[] = COMPARED_MODELS;

/** Table and legend names: the catalog's short names, capitalised ('Seasonal naive'). */
export const MODEL_LABELS: Record<ComparedModel, string> = MODEL_TITLES;

/** What each model is, for a tooltip. */
export { MODEL_DESCRIPTIONS };

export const LSTM_FAMILY: readonly ComparedModel[] = modelsOfFamily('lstm');

/** The model every run compares (MASE and skill are measured against it): the form cannot untick it. */
export { REFERENCE_MODEL };

/**
 * The models the train and schedule forms offer as checkboxes, by family. The global LSTM has its
 * own choice (it needs related series), so it is not among them.
 */
export const PICKABLE_MODELS: readonly { family: ModelFamily; title: string; models: readonly ComparedModel[] }[] = [
  { family: 'lstm', title: 'LSTMs', models: LSTM_FAMILY.filter((m) => m !== 'lstmGlobal') },
  { family: 'classical', title: 'Classical models', models: modelsOfFamily('classical') },
  { family: 'baseline', title: 'Baselines', models: modelsOfFamily('baseline') },
];

/** Every pickable model: all ticked is the default. */
export const DEFAULT_PICKED: readonly ComparedModel[] = PICKABLE_MODELS.flatMap((group) => group.models);

/**
 * The request's `models` from the ticked boxes: absent when all are ticked (the server's default,
 * every model); else the ticked ones. The global LSTM stays listed: its own choice (`globalLstm`)
 * decides whether it trains, as with the default.
 */
export function modelsOverride(picked: readonly ComparedModel[]): ComparedModel[] | undefined {
  if (DEFAULT_PICKED.every((m) => picked.includes(m))) return undefined;
  return MODEL_ORDER.filter((m) => m === REFERENCE_MODEL || m === 'lstmGlobal' || picked.includes(m));
}

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
