// The models every run compares, in report order, with the names sentences use.
import type { AccuracyMetrics, ComparedModel, ModelRecord, OptionalModel, PredictionModel } from './types';

export const COMPARED_MODELS = [
  'lstm',
  'lstmHybrid',
  'lstmGlobal',
  'mstl',
  'ets',
  'autoArima',
  'theta',
  'naive',
  'seasonalNaive',
  'drift',
] as const satisfies readonly ComparedModel[];

/** Every model a run's predictions can be asked for: the compared ones and the champion's average. */
export const PREDICTION_MODELS = [...COMPARED_MODELS, 'ensemble'] as const satisfies readonly PredictionModel[];

export const MODEL_LABELS: Record<PredictionModel, string> = {
  lstm: 'the LSTM',
  lstmHybrid: 'the hybrid LSTM',
  lstmGlobal: 'the global LSTM',
  mstl: 'MSTL',
  ets: 'ETS',
  autoArima: 'AutoARIMA',
  theta: 'Theta',
  naive: 'naive',
  seasonalNaive: 'seasonal naive',
  drift: 'drift',
  ensemble: 'the average of the best models',
};

/** On a tie the simpler model wins: a costlier one must be strictly better to be worth it. */
export const SIMPLICITY_ORDER: readonly ComparedModel[] = [
  'naive',
  'seasonalNaive',
  'drift',
  'theta',
  'ets',
  'mstl',
  'autoArima',
  'lstm',
  'lstmHybrid',
  'lstmGlobal',
];

export const OPTIONAL_MODELS: readonly OptionalModel[] = ['lstmGlobal'];

/** The models a run fits every time: all but the optional ones. */
export const ALWAYS_COMPARED = COMPARED_MODELS.filter(
  (m): m is Exclude<ComparedModel, OptionalModel> => !(OPTIONAL_MODELS as readonly ComparedModel[]).includes(m),
);

/**
 * One entry per model of a run: `models` lists the optional models it fit beside the ones every
 * run fits (in any order; the record follows COMPARED_MODELS).
 */
export function perModel<T>(f: (model: ComparedModel) => T, optional: readonly OptionalModel[] = []): ModelRecord<T> {
  const models = COMPARED_MODELS.filter((m) => (ALWAYS_COMPARED as readonly ComparedModel[]).includes(m) || (optional as readonly ComparedModel[]).includes(m));
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
