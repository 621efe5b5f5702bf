import { describe, expect, it } from 'vitest';
import { backtestOrigins, runBacktest, type ModelFitter } from '../backtest';
import { BASELINES } from '../baselines';
import { averageForecast, pickChampion, type ModelBacktestRun } from '../champion';
import { ALWAYS_COMPARED } from '../compared-models';
import { accuracyMetrics } from '../metrics';
import { syntheticSeries } from '../synthetic';
import type { ComparedModel } from '../types';
import { nestedChampion, nestedPick, selectionWindowsFor } from './nested-champion';

const horizon = 4;
const season = 7;
const { v: values } = syntheticSeries({ points: 120, frequency: 'daily', trend: 0.05, noise: 1.5 });

/**
 * Every model of a run as a cheap stand-in: a baseline plus a model-specific bias, so the models
 * differ, their ranking shifts from window to window and averages can win.
 */
const BIAS: Record<string, number> = {
  lstm: 0.4,
  lstmHybrid: -0.6,
  mstl: 0.9,
  ets: -0.2,
  autoArima: 1.3,
  theta: 0.7,
  naive: 0,
  seasonalNaive: 0,
  drift: 0,
};
const BASE: Record<string, keyof typeof BASELINES> = {
  lstm: 'seasonalNaive',
  lstmHybrid: 'seasonalNaive',
  mstl: 'seasonalNaive',
  ets: 'drift',
  autoArima: 'naive',
  theta: 'drift',
  naive: 'naive',
  seasonalNaive: 'seasonalNaive',
  drift: 'drift',
};
const fitters = Object.fromEntries(
  ALWAYS_COMPARED.map((m): [ComparedModel, ModelFitter] => [
    m,
    async () => ({
      forecastFrom: async (series, origins) =>
        origins.map((o) => BASELINES[BASE[m]](series.subarray(0, o), horizon, season).map((f) => f + BIAS[m])),
    }),
  ]),
) as Record<ComparedModel, ModelFitter>;

async function backtest(windows: number): Promise<ModelBacktestRun> {
  return (await runBacktest(
    values,
    horizon,
    backtestOrigins(values.length, horizon, windows),
    season,
    fitters,
  )) as ModelBacktestRun;
}

/** `run` with the actual values of windows `from`.. replaced by what `model` forecast there. */
function poisoned(run: ModelBacktestRun, from: number, model: ComparedModel): ModelBacktestRun {
  return {
    ...run,
    windows: run.windows.map((w, k) => (k < from ? w : { ...w, actual: [...w.forecasts[model as 'lstm']!] })),
  };
}

/** What the selection rule picks when it may read the first `windows` windows. */
const pickOf = (run: ModelBacktestRun, windows: number) => {
  const part = run.windows.slice(0, windows);
  const { metrics } = nestedScores(run, part);
  const pick = pickChampion(run.horizon, part, metrics);
  return pick.ensemble?.members ?? [pick.best];
};

function nestedScores(run: ModelBacktestRun, windows: ModelBacktestRun['windows']) {
  const models = Object.keys(run.residuals) as ComparedModel[];
  const points = (m: ComparedModel) =>
    windows.flatMap((w) => w.actual.map((a, i) => ({ a, f: w.forecasts[m as 'lstm']![i], s: w.scale })));
  const metrics = Object.fromEntries(
    models.map((m) => [
      m,
      accuracyMetrics(
        points(m).map((p) => p.a),
        points(m).map((p) => p.f),
        points(m).map((p) => p.s),
      ),
    ]),
  );
  return { metrics: metrics as never };
}

describe('nestedChampion', () => {
  it('never reads a scored window to choose the model that forecasts it', async () => {
    const run = await backtest(6);
    let poisonBites = 0;
    for (let k = 1; k < run.windows.length; k++) {
      const honest = nestedPick(run, k);
      // After the fit, the actual values of window k and later become exactly what the model
      // ranked last forecast: any selection that read them would move towards that model.
      const worst = (['autoArima', 'mstl', 'naive', 'drift'] as ComparedModel[]).find(
        (m) => !honest.members.includes(m),
      )!;
      const bad = poisoned(run, k, worst);
      expect(nestedPick(bad, k)).toEqual(honest);
      // The poison is strong enough to matter: a selection that also looked at window k (and
      // later ones) would choose differently on at least one window.
      if (pickOf(bad, run.windows.length).join() !== pickOf(run, run.windows.length).join()) poisonBites++;
    }
    expect(poisonBites).toBeGreaterThan(0);
  });

  it('scores each window with the pick made on the windows before it, pooled over the scored windows', async () => {
    const run = await backtest(6);
    const nested = nestedChampion(run, 1)!;
    expect(nested.selectionWindows).toBe(1);
    expect(nested.windows.map((w) => w.origin)).toEqual(run.windows.slice(1).map((w) => w.origin));
    const actual: number[] = [];
    const forecast: number[] = [];
    const scale: number[] = [];
    run.windows.slice(1).forEach((w, i) => {
      const { members } = nestedPick(run, i + 1);
      expect(nested.windows[i].members).toEqual(members);
      expect(nested.windows[i].model).toBe(members.length > 1 ? 'ensemble' : members[0]);
      const f = averageForecast(w.forecasts, members);
      w.actual.forEach((a, h) => (actual.push(a), forecast.push(f[h]), scale.push(w.scale)));
    });
    expect(nested.testMase).toBeCloseTo(accuracyMetrics(actual, forecast, scale).mase, 12);
    // The scored windows' actual values do count for the score.
    const last = run.windows.length - 1;
    expect(nestedChampion(poisoned(run, last, 'autoArima'), 1)!.testMase).not.toBeCloseTo(nested.testMase, 6);
    // The best single model on the same windows, with hindsight, is the bar it is compared with.
    const single = nestedScores(run, run.windows.slice(1)).metrics as Record<string, { mase: number }>;
    expect(nested.bestSingle.mase).toBeCloseTo(Math.min(...Object.values(single).map((m) => m.mase)), 12);
  });

  it('scores one model picked the same way, without averaging, on the same windows', async () => {
    const run = await backtest(6);
    const nested = nestedChampion(run, 1)!;
    const bests = run.windows.slice(1).map((_, i) => nestedPick(run, i + 1).best);
    expect(nested.singlePick.models).toEqual(bests);
    const actual: number[] = [];
    const forecast: number[] = [];
    const scale: number[] = [];
    run.windows.slice(1).forEach((w, i) => {
      // The pick's best model is the first of its members, alone when it is no average.
      expect(nested.windows[i].members[0]).toBe(bests[i]);
      const f = w.forecasts[bests[i] as 'lstm']!;
      w.actual.forEach((a, h) => (actual.push(a), forecast.push(f[h]), scale.push(w.scale)));
    });
    expect(nested.singlePick.mase).toBeCloseTo(accuracyMetrics(actual, forecast, scale).mase, 12);
    // Where some pick is an average, the two scores differ: the single pick is not the champion's.
    expect(nested.windows.some((w) => w.model === 'ensemble')).toBe(true);
    expect(nested.singlePick.mase).not.toBeCloseTo(nested.testMase, 6);
  });

  it('scores seasonal naive on the scored windows only, the reference the champion is read against', async () => {
    // No selection window: the first window is not scored, so seasonal naive's score there is not
    // its score over the whole backtest.
    const run = await backtest(4);
    const nested = nestedChampion(run, 0)!;
    const on = (windows: typeof run.windows) => {
      const actual: number[] = [];
      const forecast: number[] = [];
      const scale: number[] = [];
      for (const w of windows)
        w.actual.forEach((a, h) => (actual.push(a), forecast.push(w.forecasts.seasonalNaive![h]), scale.push(w.scale)));
      return accuracyMetrics(actual, forecast, scale).mase;
    };
    expect(nested.reference.model).toBe('seasonalNaive');
    expect(nested.reference.mase).toBeCloseTo(on(run.windows.slice(1)), 12);
    expect(nested.reference.mase).not.toBeCloseTo(on(run.windows), 6);
  });

  it('leaves out a first scored window that has no earlier one, and has no score without any', async () => {
    const run = await backtest(3);
    expect(nestedChampion(run, 0)!.windows).toHaveLength(2);
    expect(nestedChampion(run, 0)!.selectionWindows).toBe(0);
    const one = await backtest(1);
    expect(nestedChampion(one, 0)).toBeUndefined();
    expect(() => nestedPick(one, 0)).toThrow(/no earlier window/);
  });
});

describe('selectionWindowsFor', () => {
  it('adds an earlier window to choose on only where the series has room for it', () => {
    const config = { lookback: 14, horizon: 7 };
    // minimumPoints(config, w) = 14 + (w + 1) * 7 + MIN_TRAIN_WINDOWS - 1
    expect(selectionWindowsFor(500, config, 5)).toBe(1);
    expect(selectionWindowsFor(14 + 6 * 7, config, 5)).toBe(0);
  });
});
