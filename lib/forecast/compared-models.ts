// The registry's catalog (registry/catalog.ts) seen as lists and lookups: the models every run
// compares in report order, their names, and per-model records. Pure: the browser imports it.
import { ENSEMBLE_INFO, MODEL_CATALOG, type ModelFamily, type ModelInfo, type ModelsOf } from './registry/catalog';
import type { AccuracyMetrics, ComparedModel, ModelRecord, OptionalModel, PredictionModel } from './types';

export const COMPARED_MODELS = MODEL_CATALOG.map((m) => m.key) satisfies readonly ComparedModel[];

/**
 * The model every run compares, whatever the user picked: MASE scales errors by its in-sample
 * errors and skill is measured against it.
 */
export const REFERENCE_MODEL = 'seasonalNaive' satisfies ComparedModel;
export type ReferenceModel = typeof REFERENCE_MODEL;

/** A run's models: the ones picked (every model when none were), in catalog order, with the reference model. */
export function runModels(picked?: readonly ComparedModel[]): ComparedModel[] {
  if (!picked) return [...COMPARED_MODELS];
  return COMPARED_MODELS.filter((m) => m === REFERENCE_MODEL || picked.includes(m));
}

/** Every model a run's predictions can be asked for: the compared ones and the champion's average. */
export const PREDICTION_MODELS = [...COMPARED_MODELS, ENSEMBLE_INFO.key] as const satisfies readonly PredictionModel[];

const INFO = Object.fromEntries(MODEL_CATALOG.map((m) => [m.key, m])) as Record<ComparedModel, ModelInfo>;

/** A compared model's catalog entry. */
export function modelInfo(model: ComparedModel): ModelInfo {
  return INFO[model];
}

/** The name inside a sentence ('the hybrid LSTM', 'seasonal naive'). */
export const MODEL_LABELS = Object.fromEntries([
  ...MODEL_CATALOG.map((m) => [m.key, m.phrase]),
  [ENSEMBLE_INFO.key, ENSEMBLE_INFO.phrase],
]) as Record<PredictionModel, string>;

/** The short name ('hybrid LSTM', 'seasonal naive'; 'ensemble'), for tables. */
export const MODEL_SHORT_LABELS = Object.fromEntries([
  ...MODEL_CATALOG.map((m) => [m.key, m.label]),
  [ENSEMBLE_INFO.key, ENSEMBLE_INFO.label],
]) as Record<PredictionModel, string>;

const capitalize = (label: string) => label[0].toUpperCase() + label.slice(1);

/** Table, legend and download names: the short names, capitalised ('Seasonal naive', 'Hybrid LSTM'). */
export const MODEL_TITLES = Object.fromEntries(
  COMPARED_MODELS.map((m) => [m, capitalize(MODEL_SHORT_LABELS[m])]),
) as Record<ComparedModel, string>;

/**
 * A prediction model's readable name, the same on screen and in downloads; the champion's
 * average names its members when they are known ("Average of AutoARIMA + LSTM").
 */
export function predictionModelName(model: PredictionModel, members: readonly ComparedModel[] = []): string {
  if (model !== ENSEMBLE_INFO.key) return MODEL_TITLES[model];
  return members.length > 0
    ? `Average of ${members.map((m) => MODEL_TITLES[m]).join(' + ')}`
    : 'Average of the best models';
}

/** What each model is, for a tooltip. */
export const MODEL_DESCRIPTIONS = Object.fromEntries([
  ...MODEL_CATALOG.map((m) => [m.key, m.description]),
  [ENSEMBLE_INFO.key, ENSEMBLE_INFO.description],
]) as Record<PredictionModel, string>;

/** The compared models of one family, in report order. */
export function modelsOfFamily<F extends ModelFamily>(family: F): ModelsOf<F>[] {
  return COMPARED_MODELS.filter((m): m is ModelsOf<F> => INFO[m].family === family);
}

/** On a tie the simpler model wins: a costlier one must be strictly better to be worth it. */
export const SIMPLICITY_ORDER: readonly ComparedModel[] = [...COMPARED_MODELS].sort(
  (a, b) => INFO[a].cost - INFO[b].cost,
);

export const OPTIONAL_MODELS = COMPARED_MODELS.filter((m): m is OptionalModel => INFO[m].optional);

/** The models a run fits whenever config.models has them: all but the optional ones (the LSTMs). */
export const ALWAYS_COMPARED = COMPARED_MODELS.filter(
  (m): m is Exclude<ComparedModel, OptionalModel> => !(OPTIONAL_MODELS as readonly ComparedModel[]).includes(m),
);

/**
 * One entry per model of a run: `models` lists the models it compared (in any order; the record
 * follows COMPARED_MODELS, and always has the reference model).
 */
export function perModel<T>(f: (model: ComparedModel) => T, models: readonly ComparedModel[]): ModelRecord<T> {
  const included = COMPARED_MODELS.filter((m) => m === REFERENCE_MODEL || models.includes(m));
  return Object.fromEntries(included.map((m) => [m, f(m)])) as ModelRecord<T>;
}

/** The models a per-model record has an entry for, in COMPARED_MODELS order. */
export function modelsIn(record: Partial<Record<ComparedModel, unknown>>): ComparedModel[] {
  return COMPARED_MODELS.filter((m) => record[m] !== undefined);
}

/** The entry of `model`, which the caller knows the run has (it ranked it, or every run has it). */
export function modelEntry<T>(record: Partial<Record<ComparedModel, T>>, model: ComparedModel): T {
  const entry = record[model];
  if (entry === undefined) throw new Error(`This run has no ${model} model.`);
  return entry;
}

/** The optional models a per-model record has an entry for. */
export function optionalModelsIn(record: Partial<Record<ComparedModel, unknown>>): OptionalModel[] {
  return OPTIONAL_MODELS.filter((m) => record[m] !== undefined);
}

/**
 * Models are ranked by backtest MASE (scale-free, so windows with different levels compare),
 * or by MAE when MASE is undefined for any of them (a training part without variation).
 */
export function rankingKey(metrics: Partial<Record<ComparedModel, AccuracyMetrics>>): 'mase' | 'mae' {
  return Object.values(metrics).every((m) => Number.isFinite(m!.mase)) ? 'mase' : 'mae';
}

export function formatScore(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : 'n/a';
}
