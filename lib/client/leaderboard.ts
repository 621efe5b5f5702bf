// The run page's leaderboard rows: every model (and the champion's average, when it is one)
// sorted the way the engine ranks them (backtest MASE, or MAE when MASE is undefined for any
// model), with skill against seasonal naive, fit time and which row is the champion. On a tie the
// champion comes first, then the simpler model (the engine's own tie rule), so the Champion badge
// sits on rank 1. Pure, so the ordering and marking are unit-tested without a browser.
import { SIMPLICITY_ORDER } from '@/lib/forecast/compared-models';
import { LSTM_FAMILY, MODEL_ORDER, predictionModelLabel } from './models';
import type { ComparedModel, PredictionModel, RunEvaluation, RunMetrics } from './types';

export interface LeaderboardRow {
  model: PredictionModel;
  label: string;
  mase: number | null;
  mae: number | null;
  /** 1 - MASE / MASE(seasonal naive); null without MASE. */
  skill: number | null;
  /** Null for the ensemble (it is not fit, it averages) and for runs stored before fit times. */
  fitMs: number | null;
  champion: boolean;
  lstmFamily: boolean;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** 'mase' unless some model's MASE is undefined (a training part without variation): then 'mae', as the engine ranks. */
export function rankingMetric(metrics: RunMetrics): 'mase' | 'mae' {
  return Object.values(metrics).every((m) => finite(m?.mase)) ? 'mase' : 'mae';
}

const simplicity = (model: PredictionModel) => (model === 'ensemble' ? -1 : SIMPLICITY_ORDER.indexOf(model));

export function leaderboardRows(metrics: RunMetrics, evaluation: RunEvaluation | null): LeaderboardRow[] {
  const scale = metrics.seasonalNaive?.mase ?? null;
  const skill = (mase: number | null | undefined) =>
    mase === null || mase === undefined || scale === null || scale === 0 ? null : 1 - mase / scale;
  const champion = evaluation?.champion;
  const rows: LeaderboardRow[] = MODEL_ORDER.filter((m) => metrics[m]).map((model: ComparedModel) => ({
    model,
    label: predictionModelLabel(model),
    mase: metrics[model]?.mase ?? null,
    mae: metrics[model]?.mae ?? null,
    skill: skill(metrics[model]?.mase),
    fitMs: evaluation?.fitMs?.[model] ?? null,
    champion: champion?.model === model,
    lstmFamily: LSTM_FAMILY.includes(model),
  }));
  if (champion?.model === 'ensemble') {
    rows.push({
      model: 'ensemble',
      label: predictionModelLabel('ensemble', champion.members),
      mase: champion.metrics.mase,
      mae: champion.metrics.mae,
      skill: skill(champion.metrics.mase),
      fitMs: null,
      champion: true,
      lstmFamily: false,
    });
  }
  const key = rankingMetric(metrics);
  // Undefined scores sort last; ties: champion first, then the simpler model.
  const score = (row: LeaderboardRow) => (finite(row[key]) ? row[key] : Infinity);
  return rows.sort(
    (a, b) =>
      score(a) - score(b) || Number(b.champion) - Number(a.champion) || simplicity(a.model) - simplicity(b.model),
  );
}
