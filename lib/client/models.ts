// The models a run compares, in the order tables list them, with the names people read.
import { COMPARED_MODELS } from '@/lib/forecast/compared-models';
import type { ComparedModel, PredictionModel } from './types';

/** The engine's report order (pure data, safe in the browser bundle). */
export const MODEL_ORDER: readonly ComparedModel[] = COMPARED_MODELS;

export const MODEL_LABELS: Record<ComparedModel, string> = {
  lstm: 'LSTM',
  lstmHybrid: 'Hybrid LSTM',
  lstmGlobal: 'Global LSTM',
  mstl: 'MSTL',
  ets: 'ETS',
  autoArima: 'AutoARIMA',
  theta: 'Theta',
  naive: 'Naive',
  seasonalNaive: 'Seasonal naive',
  drift: 'Drift',
};

/** What each model is, for a tooltip. */
export const MODEL_DESCRIPTIONS: Record<PredictionModel, string> = {
  lstm: 'A recurrent neural network trained on the series',
  lstmHybrid: 'MSTL removes level, trend and seasonality; an LSTM models what is left',
  lstmGlobal: "One LSTM trained across the dataset's series, each scaled by its own statistics",
  mstl: 'Seasonal-trend decomposition of every cycle, with exponential smoothing of the trend',
  ets: 'Exponential smoothing (Holt-Winters, damped trend) with the form chosen by AICc',
  autoArima: 'Seasonal ARIMA with orders chosen by AICc (the airline model among them)',
  theta: 'The Theta method: exponential smoothing with half the trend, seasonally adjusted',
  naive: 'Repeats the last value',
  seasonalNaive: 'Repeats the last season',
  drift: 'Extends the line from the first to the last value',
  ensemble: 'The average of the best few models',
};

export const LSTM_FAMILY: readonly ComparedModel[] = ['lstm', 'lstmHybrid', 'lstmGlobal'];

/** A prediction model's name; an ensemble names its members when they are known. */
export function predictionModelLabel(model: PredictionModel, members: readonly ComparedModel[] = []): string {
  if (model !== 'ensemble') return MODEL_LABELS[model];
  return members.length > 0 ? `Average of ${members.map((m) => MODEL_LABELS[m]).join(' + ')}` : 'Average of the best models';
}
