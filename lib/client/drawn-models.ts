// Which models the run page's charts draw: the picked model (the champion until the user picks
// another), always the seasonal-naive baseline, and the better LSTM beside any model that is not an
// LSTM, so the network's result stays in view with its skill. Pure, so it is unit-tested.
import { LSTM_FAMILY, predictionModelLabel } from './models';
import type { ComparedModel, PredictionModel, RunEvaluation } from './types';

export interface DrawnModels {
  /** The model drawn in front, with its intervals; the one downloads give too. */
  main: PredictionModel;
  /** Its name, e.g. "MSTL" or "Average of MSTL + Hybrid LSTM". */
  mainLabel: string;
  /** Whether `main` is the run's champion (or, for runs stored before champions, the LSTM they default to). */
  isChampion: boolean;
  /** The models `main` averages when it is the ensemble; else just `main`. */
  members: ComparedModel[];
  /** The better LSTM, drawn beside `main` when that is not an LSTM itself (null when the run trained none); skill is vs seasonal naive. */
  lstm: { model: ComparedModel; label: string; skill: number | null } | null;
  /** Seasonal naive, the baseline every model is measured against; null when it is `main`. */
  baseline: 'seasonalNaive' | null;
}

/** The run's champion; the LSTM for runs stored before champions existed (as the API's default). */
export function championModel(evaluation: RunEvaluation | null | undefined): PredictionModel {
  return evaluation?.champion?.model ?? 'lstm';
}

/** `picked` null: the champion. */
export function drawnModels(evaluation: RunEvaluation | null | undefined, picked: PredictionModel | null): DrawnModels {
  const champion = evaluation?.champion;
  const main = picked ?? championModel(evaluation);
  const members = main === 'ensemble' ? (champion?.model === 'ensemble' ? champion.members : []) : [main];
  // Runs stored before champions had the plain LSTM; a champion without one trained no LSTM.
  const family = champion
    ? (champion.lstmFamily ?? null)
    : { model: 'lstm' as const, skill: evaluation?.skill ?? null };
  const mainIsLstm = main !== 'ensemble' && LSTM_FAMILY.includes(main);
  return {
    main,
    mainLabel: predictionModelLabel(main, members),
    isChampion: main === championModel(evaluation),
    members,
    lstm:
      mainIsLstm || !family
        ? null
        : { model: family.model, label: predictionModelLabel(family.model), skill: family.skill },
    baseline: main === 'seasonalNaive' ? null : 'seasonalNaive',
  };
}

/**
 * `main`'s value among a row of every model's values: the ensemble's own when the row has it, else
 * the average of its members (backtest windows keep single models only); null when any is missing.
 */
export function mainValue(
  values: Partial<Record<PredictionModel, number | null | undefined>>,
  drawn: Pick<DrawnModels, 'main' | 'members'>,
): number | null {
  const own = values[drawn.main];
  if (own !== undefined && own !== null) return own;
  if (drawn.main !== 'ensemble' || drawn.members.length === 0) return null;
  let sum = 0;
  for (const member of drawn.members) {
    const value = values[member];
    if (value === undefined || value === null) return null;
    sum += value;
  }
  return sum / drawn.members.length;
}
