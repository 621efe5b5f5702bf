// The run page's leaderboard rows: every model (and the champion's average, when it is one)
// sorted by backtest MASE, with skill against seasonal naive, fit time and which row is the
// champion. Pure, so the ordering and marking are unit-tested without a browser.
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

/** Nulls (undefined MASE) sort last; ties keep MODEL_ORDER. */
const byMase = (a: LeaderboardRow, b: LeaderboardRow) => (a.mase ?? Infinity) - (b.mase ?? Infinity);

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
  return rows.sort(byMase);
}
