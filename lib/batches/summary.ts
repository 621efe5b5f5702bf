// The aggregate scores of a batch, from its runs' stored metrics (pure, unit-tested):
// - per model: mean and median backtest MASE over the series that have one, and the
//   volume-weighted WAPE (sum of absolute errors over sum of absolute actuals, across series:
//   big series weigh more, as in a retailer's total);
// - how often the LSTM family (the better of the run's LSTMs) beats seasonal naive, and beats
//   the best classical model (MSTL, ETS, AutoARIMA, Theta) of the same series;
// - how many series each model was champion of, and how many series' champions it is in (alone or
//   in the average of the models within 20% of the best, which most champions are).
import { COMPARED_MODELS, modelsOfFamily } from '@/lib/forecast/compared-models';
import type { ComparedModel } from '@/lib/forecast/types';
import type { BatchSummary, ModelScores, ShareOfSeries } from '@/lib/api/schemas/responses';
import type { RunEvaluation, RunMetrics, StoredMetrics } from '@/lib/db/run-evaluation';

export type { BatchSummary, ModelScores, ShareOfSeries };

const CLASSICAL: readonly ComparedModel[] = modelsOfFamily('classical');

/** What the summary reads of a run. */
export interface SummaryRun {
  status: string;
  metrics: RunMetrics | null;
  evaluation: RunEvaluation | null;
}

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Points the pooled metrics rest on: the backtest windows' points. */
function pointsOf(evaluation: RunEvaluation | null): number | null {
  const windows = evaluation?.backtest.windows;
  if (!windows || windows.length === 0) return null;
  return windows.reduce((sum, window) => sum + window.points, 0);
}

/**
 * Sum of absolute errors and of absolute actuals: MAE x n and MAE x n / WAPE (WAPE = sum|e| / sum|y|).
 * WAPE is stored in percent, so `actuals` is in hundredths and errors / actuals is in percent again.
 */
function absoluteSums(metrics: StoredMetrics, points: number): { errors: number; actuals: number } | null {
  if (!finite(metrics.mae) || !finite(metrics.wape) || metrics.wape <= 0) return null;
  const errors = metrics.mae * points;
  return { errors, actuals: errors / metrics.wape };
}

function lstmFamilyMase(run: SummaryRun): number | null {
  const fromChampion = run.evaluation?.champion?.lstmFamily?.mase;
  if (finite(fromChampion)) return fromChampion;
  const candidates = (['lstm', 'lstmHybrid', 'lstmGlobal'] as const).map((m) => run.metrics?.[m]?.mase).filter(finite);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

function share(wins: number, series: number): ShareOfSeries {
  return { share: series > 0 ? wins / series : null, series };
}

export function summarizeBatch(runs: readonly SummaryRun[]): BatchSummary {
  const scored = runs.filter((run) => run.status === 'succeeded' && run.metrics);
  const models: BatchSummary['models'] = {};
  for (const model of COMPARED_MODELS) {
    const mases: number[] = [];
    let errors = 0;
    let actuals = 0;
    let withSums = 0;
    for (const run of scored) {
      const metrics = run.metrics?.[model];
      if (!metrics) continue;
      if (finite(metrics.mase)) mases.push(metrics.mase);
      const points = pointsOf(run.evaluation);
      const sums = points === null ? null : absoluteSums(metrics, points);
      if (sums) {
        errors += sums.errors;
        actuals += sums.actuals;
        withSums++;
      }
    }
    if (mases.length === 0 && withSums === 0) continue;
    mases.sort((a, b) => a - b);
    models[model] = {
      series: mases.length,
      meanMase: mases.length > 0 ? mases.reduce((a, b) => a + b, 0) / mases.length : null,
      medianMase: median(mases),
      wape: withSums > 0 && actuals > 0 ? errors / actuals : null,
    };
  }

  const champions: BatchSummary['champions'] = {};
  const inChampion: NonNullable<BatchSummary['inChampion']> = {};
  let vsNaive = 0;
  let beatsNaive = 0;
  let vsClassical = 0;
  let beatsClassical = 0;
  for (const run of scored) {
    const champion = run.evaluation?.champion?.model;
    if (champion) champions[champion] = (champions[champion] ?? 0) + 1;
    const members = run.evaluation?.champion?.members ?? (champion && champion !== 'ensemble' ? [champion] : []);
    for (const member of members) inChampion[member] = (inChampion[member] ?? 0) + 1;
    const lstm = lstmFamilyMase(run);
    if (lstm === null) continue;
    const naive = run.metrics?.seasonalNaive?.mase;
    if (finite(naive)) {
      vsNaive++;
      if (lstm < naive) beatsNaive++;
    }
    const classical = CLASSICAL.map((m) => run.metrics?.[m]?.mase).filter(finite);
    if (classical.length > 0) {
      vsClassical++;
      if (lstm < Math.min(...classical)) beatsClassical++;
    }
  }

  const count = (status: string) => runs.filter((run) => run.status === status).length;
  return {
    series: runs.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    cancelled: count('cancelled'),
    models,
    champions,
    inChampion,
    lstmBeatsSeasonalNaive: share(beatsNaive, vsNaive),
    lstmBeatsBestClassical: share(beatsClassical, vsClassical),
  };
}
