// The run's champion: the model with the lowest backtest error, or the average of the best few
// when that average is lower still (combinations often beat their members: errors partly cancel).
// The ensemble is built from the backtest's own window forecasts and calibration residuals, so it
// is scored, and gets intervals, exactly like a single model. Its members are picked on the same
// backtest it is scored on, which flatters it a little; it must therefore beat the best single
// model strictly, and then the champion is never worse than the best single model on the backtest.
import type { BacktestRun, Residual } from './backtest';
import { scoreBacktest } from './backtest';
import { formatScore, MODEL_LABELS, modelEntry, modelsOfFamily, rankingKey, SIMPLICITY_ORDER } from './compared-models';
import { predictionIntervals } from './intervals';
import type { AccuracyMetrics, Champion, ComparedModel, LstmFamilyName, ModelIntervals, ModelRecord } from './types';

/** Sizes of the averages tried: the best 2 and the best 3 models. */
export const ENSEMBLE_SIZES: readonly number[] = [2, 3];

/** Models best first by the ranking key; ties go to the simpler model. */
export function rankModels(metrics: ModelRecord<AccuracyMetrics>): ComparedModel[] {
  const key = rankingKey(metrics);
  const score = (m: ComparedModel) => modelEntry(metrics, m)[key];
  return [...SIMPLICITY_ORDER]
    .filter((m) => metrics[m] !== undefined && Number.isFinite(score(m)))
    .sort((a, b) => score(a) - score(b) || SIMPLICITY_ORDER.indexOf(a) - SIMPLICITY_ORDER.indexOf(b));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The backtest of the average of `members`. Every model forecast the same windows and calibration
 * origins in the same order, so their residual lists align entry by entry, and the average
 * forecast's error is the average of the errors.
 */
/** A run's backtest: window forecasts and residuals of the models the run fit (see ModelRecord). */
export interface ModelBacktestRun {
  horizon: number;
  windows: (Omit<BacktestRun<ComparedModel>['windows'][number], 'forecasts'> & { forecasts: ModelRecord<number[]> })[];
  residuals: ModelRecord<Residual[]>;
}

export function averageRun(run: ModelBacktestRun, members: readonly ComparedModel[]): BacktestRun<'ensemble'> {
  const lists = members.map((m) => modelEntry(run.residuals, m));
  const residuals: Residual[] = lists[0].map((r, i) => {
    if (lists.some((list) => list[i]?.target !== r.target || list[i]?.step !== r.step)) {
      throw new Error('Backtest residuals of the ensemble members do not line up.');
    }
    return { ...r, error: mean(lists.map((list) => list[i].error)) };
  });
  return {
    horizon: run.horizon,
    windows: run.windows.map((w) => ({
      ...w,
      forecasts: { ensemble: w.actual.map((_, i) => mean(members.map((m) => modelEntry(w.forecasts, m)[i]))) },
    })),
    residuals: { ensemble: residuals },
  };
}

export interface ChampionInput {
  run: ModelBacktestRun;
  /** Has an entry for every model of `run` (an optional model is in all of them or none). */
  metrics: ModelRecord<AccuracyMetrics>;
  future: ModelRecord<number[]>;
  intervals: ModelRecord<ModelIntervals>;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The best LSTM of the run; undefined when it trained none (a series too short for them). */
function lstmFamily(metrics: ModelRecord<AccuracyMetrics>): Champion['lstmFamily'] {
  const family = modelsOfFamily('lstm').filter((m) => metrics[m] !== undefined);
  if (family.length === 0) return undefined;
  const key = rankingKey(metrics);
  const score = (m: LstmFamilyName) => modelEntry(metrics, m)[key];
  const best = family.reduce<LstmFamilyName>((a, b) => (score(b) < score(a) ? b : a), family[0]);
  const { mase } = modelEntry(metrics, best);
  const ratio = mase / metrics.seasonalNaive.mase;
  return { model: best, mase, skill: Number.isFinite(ratio) ? 1 - ratio : NaN };
}

export function chooseChampion({ run, metrics, future, intervals }: ChampionInput): Champion {
  const key = rankingKey(metrics);
  const label = key.toUpperCase();
  const ranked = rankModels(metrics);
  if (ranked.length === 0) throw new Error('No model has a finite backtest error to rank by.');
  const best = ranked[0];
  const bestMetrics = modelEntry(metrics, best);

  let ensemble: { members: ComparedModel[]; run: BacktestRun<'ensemble'>; metrics: AccuracyMetrics } | undefined;
  for (const size of ENSEMBLE_SIZES) {
    if (ranked.length < size) break;
    const members = ranked.slice(0, size);
    const averaged = averageRun(run, members);
    const score = scoreBacktest(averaged).metrics.ensemble;
    if (score[key] < (ensemble?.metrics ?? bestMetrics)[key]) ensemble = { members, run: averaged, metrics: score };
  }
  const windows = `${run.windows.length} backtest window${run.windows.length === 1 ? '' : 's'}`;

  if (!ensemble) {
    const runnerUp = ranked[1];
    return {
      model: best,
      members: [best],
      metrics: bestMetrics,
      reason:
        `${capitalize(MODEL_LABELS[best])} has the lowest ${label} (${formatScore(bestMetrics[key])}) of ` +
        `${ranked.length} models over ${windows}` +
        (runnerUp ? `, ahead of ${MODEL_LABELS[runnerUp]} (${formatScore(modelEntry(metrics, runnerUp)[key])}), and averaging the best models did not do better.` : '.'),
      future: modelEntry(future, best),
      intervals: modelEntry(intervals, best),
      ...withLstmFamily(metrics),
    };
  }
  const { members } = ensemble;
  const averagedFuture = modelEntry(future, best).map((_, i) => mean(members.map((m) => modelEntry(future, m)[i])));
  return {
    model: 'ensemble',
    members,
    metrics: ensemble.metrics,
    reason:
      `The average of ${joinNames(members.map((m) => MODEL_LABELS[m]))} has the lowest ${label} ` +
      `(${formatScore(ensemble.metrics[key])}) over ${windows}, below the best single model, ` +
      `${MODEL_LABELS[best]} (${formatScore(bestMetrics[key])}).`,
    future: averagedFuture,
    intervals: predictionIntervals(
      ensemble.run.residuals.ensemble,
      ensemble.run.windows.map((w) => ({ origin: w.origin, actual: w.actual, forecast: w.forecasts.ensemble })),
      averagedFuture,
    ),
    ...withLstmFamily(metrics),
  };
}

function withLstmFamily(metrics: ModelRecord<AccuracyMetrics>): Pick<Champion, 'lstmFamily'> {
  const family = lstmFamily(metrics);
  return family ? { lstmFamily: family } : {};
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
