// The models a run compares, in the order tables list them, with the names people read.
import type { ComparedModel } from './types';

export const MODEL_ORDER: readonly ComparedModel[] = ['lstm', 'naive', 'seasonalNaive', 'drift'];

export const MODEL_LABELS: Record<ComparedModel, string> = {
  lstm: 'LSTM',
  naive: 'Naive',
  seasonalNaive: 'Seasonal naive',
  drift: 'Drift',
};
