// The registry's catalog (registry/catalog.ts) seen as lists and lookups: the models every run
// compares in report order, their names, and per-model records. Pure: the browser imports it.
import { ENSEMBLE_INFO, MODEL_CATALOG, type ModelFamily, type ModelInfo, type ModelsOf } from './registry/catalog';
import type { AccuracyMetrics, ComparedModel, ModelRecord, OptionalModel, PredictionModel } from './types';

export const COMPARED_MODELS = MODEL_CATALOG.map((m) => m.key) satisfies readonly ComparedModel[];

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

/** The models a run fits every time: all but the optional ones. */
export const ALWAYS_COMPARED = COMPARED_MODELS.filter(
  (m): m is Exclude<ComparedModel, OptionalModel> => !(OPTIONAL_MODELS as readonly ComparedModel[]).includes(m),
);

/**
 * One entry per model of a run: `models` lists the optional models it fit beside the ones every
 * run fits (in any order; the record follows COMPARED_MODELS).
 */
export function perModel<T>(f: (model: ComparedModel) => T, optional: readonly OptionalModel[] = []): ModelRecord<T> {
  const models = COMPARED_MODELS.filter(
    (m) =>
      (ALWAYS_COMPARED as readonly ComparedModel[]).includes(m) || (optional as readonly ComparedModel[]).includes(m),
  );
  return Object.fromEntries(models.map((m) => [m, f(m)])) as ModelRecord<T>;
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
