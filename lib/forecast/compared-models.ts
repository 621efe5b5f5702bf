// The models every run compares, in report order, with the names sentences use.
import type { AccuracyMetrics, ComparedModel, PredictionModel } from './types';

export const COMPARED_MODELS: readonly ComparedModel[] = [
  'lstm',
  'lstmHybrid',
  'mstl',
  'ets',
  'autoArima',
  'naive',
  'seasonalNaive',
  'drift',
];

export const MODEL_LABELS: Record<PredictionModel, string> = {
  lstm: 'the LSTM',
  lstmHybrid: 'the hybrid LSTM',
  mstl: 'MSTL',
  ets: 'ETS',
  autoArima: 'AutoARIMA',
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
  'ets',
  'mstl',
  'autoArima',
  'lstm',
  'lstmHybrid',
];

export function perModel<T>(f: (model: ComparedModel) => T): Record<ComparedModel, T> {
  return Object.fromEntries(COMPARED_MODELS.map((m) => [m, f(m)])) as Record<ComparedModel, T>;
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
