// The run's champion: the models whose backtest error is within POOL_MARGIN of the lowest, averaged
// (forecast pooling: Kourentzes, Barrow & Petropoulos, "Another look at forecast selection and
// combination: evidence from forecast pooling", IJPE 2019), or the best model alone when no other
// comes that close. A handful of backtest windows rarely separates close models for good: which of
// them wins the next window is nearly a coin toss, while their average keeps most of the best one's
// accuracy and loses less when the pick would have been wrong. On the evaluation bench's five
// longer series (scripts/bench/evaluation.ts: nested selection, 5 scored windows each) the pool's
// honest MASE was 1.027, 1.123, 1.043, 0.976 and 1.148 times the best single model's in hindsight
// (mean 1.063), against 1.370, 1.200, 1.044, 1.015 and 1.141 (mean 1.154) for the rule before:
// the best model, or the average of the best 2 or 3 when it scored lower. On all eight series of
// the bench (2026-12-07), the pool's honest MASE over that of one model picked the same way
// without averaging was 0.765, 1.023, 0.966, 1.000, 1.057, 1.000, 1.043 and 0.960: lower on three,
// higher on three, 0.972 on average (geometric mean).
// The ensemble is built from the backtest's own window forecasts and calibration residuals, so it
// is scored, and gets intervals, exactly like a single model. The champion of the future forecast
// is picked on every backtest window, so its backtest metrics flatter it; the score it is reported
// with (`testMase`) comes from nested selection instead (selection/nested-champion.ts): each
// window forecast by the pick made on the windows before it.
import type { BacktestRun, Residual } from './backtest';
import { scoreBacktest } from './backtest';
import { formatScore, MODEL_LABELS, modelEntry, modelsOfFamily, rankingKey, SIMPLICITY_ORDER } from './compared-models';
import { predictionIntervals, type IntervalOptions } from './intervals';
import type {
  AccuracyMetrics,
  Champion,
  ComparedModel,
  LstmFamilyName,
  ModelIntervals,
  ModelRecord,
  NestedChampionScore,
} from './types';

/** The pool: every model whose error is at most this much above the lowest (0.2: within 20%). */
export const POOL_MARGIN = 0.2;

/** Models best first by the ranking key; ties go to the simpler model. */
export function rankModels(metrics: ModelRecord<AccuracyMetrics>): ComparedModel[] {
  const key = rankingKey(metrics);
  const score = (m: ComparedModel) => modelEntry(metrics, m)[key];
  return [...SIMPLICITY_ORDER]
    .filter((m) => metrics[m] !== undefined && Number.isFinite(score(m)))
    .sort((a, b) => score(a) - score(b) || SIMPLICITY_ORDER.indexOf(a) - SIMPLICITY_ORDER.indexOf(b));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A run's backtest: window forecasts and residuals of the models the run fit (see ModelRecord). */
export interface ModelBacktestRun {
  horizon: number;
  windows: (Omit<BacktestRun<ComparedModel>['windows'][number], 'forecasts'> & { forecasts: ModelRecord<number[]> })[];
  residuals: ModelRecord<Residual[]>;
}

/** The average of the members' forecasts of one window. */
export function averageForecast(
  forecasts: Partial<Record<ComparedModel, number[]>>,
  members: readonly ComparedModel[],
): number[] {
  const first = modelEntry(forecasts, members[0]);
  return first.map((_, i) => mean(members.map((m) => modelEntry(forecasts, m)[i])));
}

/**
 * The backtest of the average of `members`. Every model forecast the same windows; the average's
 * calibration errors are at the origins every member forecast from (a classical model forecasts
 * from fewer, see backtest.ts), each the average of the members' errors there.
 */
export function averageRun(run: ModelBacktestRun, members: readonly ComparedModel[]): BacktestRun<'ensemble'> {
  const key = (r: Residual) => `${r.window}:${r.origin}:${r.step}`;
  const byKey = members.map((m) => new Map(modelEntry(run.residuals, m).map((r) => [key(r), r])));
  const residuals: Residual[] = modelEntry(run.residuals, members[0])
    .filter((r) => byKey.every((map) => map.has(key(r))))
    .map((r) => ({ ...r, error: mean(byKey.map((map) => map.get(key(r))!.error)) }));
  return {
    horizon: run.horizon,
    windows: run.windows.map((w) => ({ ...w, forecasts: { ensemble: averageForecast(w.forecasts, members) } })),
    residuals: { ensemble: residuals },
  };
}

/** What the selection rule picks from a set of backtest windows. */
export interface ChampionPick {
  /** Models with a finite score, best first. */
  ranked: ComparedModel[];
  best: ComparedModel;
  /** Set when another model is within POOL_MARGIN of the best: the pool's members (best first) and its score. */
  ensemble?: { members: ComparedModel[]; metrics: AccuracyMetrics };
}

/**
 * The selection rule, on `windows` only (their actual values and forecasts; nothing else of the
 * run): the models whose score by the ranking key is within POOL_MARGIN of the best's, averaged
 * when there are several; the best model alone otherwise.
 */
export function pickChampion(
  horizon: number,
  windows: ModelBacktestRun['windows'],
  metrics: ModelRecord<AccuracyMetrics>,
): ChampionPick {
  const key = rankingKey(metrics);
  const ranked = rankModels(metrics);
  if (ranked.length === 0) throw new Error('No model has a finite backtest error to rank by.');
  const best = ranked[0];
  const bar = modelEntry(metrics, best)[key] * (1 + POOL_MARGIN);
  const members = ranked.filter((m) => modelEntry(metrics, m)[key] <= bar);
  if (members.length < 2) return { ranked, best };
  const averaged: BacktestRun<'ensemble'> = {
    horizon,
    windows: windows.map((w) => ({ ...w, forecasts: { ensemble: averageForecast(w.forecasts, members) } })),
    residuals: { ensemble: [] },
  };
  return { ranked, best, ensemble: { members, metrics: scoreBacktest(averaged).metrics.ensemble } };
}

export interface ChampionInput {
  run: ModelBacktestRun;
  /** Has an entry for every model of `run` (an optional model is in all of them or none). */
  metrics: ModelRecord<AccuracyMetrics>;
  future: ModelRecord<number[]>;
  intervals: ModelRecord<ModelIntervals>;
  /** The champion's score from nested selection (selection/nested-champion.ts); absent without one. */
  nested?: NestedChampionScore;
  /** How the ensemble's intervals are built (as the models' were). */
  intervalOptions?: IntervalOptions;
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

export function chooseChampion({ run, metrics, future, intervals, nested, intervalOptions }: ChampionInput): Champion {
  const key = rankingKey(metrics);
  const label = key.toUpperCase();
  const { ranked, best, ensemble: picked } = pickChampion(run.horizon, run.windows, metrics);
  const bestMetrics = modelEntry(metrics, best);
  const ensemble = picked && { ...picked, run: averageRun(run, picked.members) };
  const tested = nested && { testMase: nested.testMase, nested };
  const windows = `${run.windows.length} backtest window${run.windows.length === 1 ? '' : 's'}`;

  const margin = `${Math.round(POOL_MARGIN * 100)}%`;
  if (!ensemble) {
    const runnerUp = ranked[1];
    return {
      model: best,
      members: [best],
      metrics: bestMetrics,
      reason:
        `${capitalize(MODEL_LABELS[best])} has the lowest ${label} (${formatScore(bestMetrics[key])}) of ` +
        `${ranked.length} models over ${windows}` +
        (runnerUp
          ? `, and no other came within ${margin} of it (next: ${MODEL_LABELS[runnerUp]}, ${formatScore(modelEntry(metrics, runnerUp)[key])}).`
          : '.'),
      future: modelEntry(future, best),
      intervals: modelEntry(intervals, best),
      ...withLstmFamily(metrics),
      ...tested,
    };
  }
  const { members } = ensemble;
  const averagedFuture = modelEntry(future, best).map((_, i) => mean(members.map((m) => modelEntry(future, m)[i])));
  const score = ensemble.metrics[key];
  const bestScore = bestMetrics[key];
  return {
    model: 'ensemble',
    members,
    metrics: ensemble.metrics,
    reason:
      `${capitalize(joinNames(members.map((m) => MODEL_LABELS[m])))} ${members.length === 2 ? 'both' : 'all'} came within ${margin} of the lowest ` +
      `${label} over ${windows} (${MODEL_LABELS[best]}, ${formatScore(bestScore)}), so the champion is their ` +
      `average: it scores ${formatScore(score)} there` +
      (score < bestScore
        ? ', below every single model.'
        : score > bestScore
          ? `, above ${MODEL_LABELS[best]} alone; models this close swap places from window to window, and averaging them loses less on new data, on average, than betting on one.`
          : `, level with ${MODEL_LABELS[best]} alone.`),
    future: averagedFuture,
    intervals: predictionIntervals(
      ensemble.run.residuals.ensemble,
      ensemble.run.windows.map((w) => ({
        origin: w.origin,
        actual: w.actual,
        forecast: w.forecasts.ensemble,
        scale: w.scale,
      })),
      averagedFuture,
      intervalOptions,
    ),
    ...withLstmFamily(metrics),
    ...tested,
  };
}

function withLstmFamily(metrics: ModelRecord<AccuracyMetrics>): Pick<Champion, 'lstmFamily'> {
  const family = lstmFamily(metrics);
  return family ? { lstmFamily: family } : {};
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
