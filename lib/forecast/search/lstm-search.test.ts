import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { resolveConfig } from '../config';
import { CancelledError } from '../errors';
import { runForecast } from '../forecast';
import { syntheticSeries } from '../synthetic';
import type { LstmSearchResult } from '../types';
import {
  epochSeconds,
  HARD_STOP_BUDGETS,
  heldFields,
  plannedCandidates,
  searchCandidates,
  searchLstmConfig,
  searchSpace,
} from './lstm-search';

beforeAll(async () => {
  await initBackend();
});

const series = syntheticSeries({ points: 160, frequency: 'daily', trend: 0.05, noise: 0.3, seed: 5 });
const configOf = (partial: object) => resolveConfig(partial, { frequency: 'daily', points: 160 });

/** A clock that moves `step` ms at every reading: budgets then bind the same way on any machine. */
const countingClock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

const search = (partial: object, now = countingClock(1)) =>
  searchLstmConfig({
    values: series.v.slice(0, 120),
    t: series.t,
    frequency: 'daily',
    seasonLength: 7,
    config: configOf({ epochs: 2, batchSize: 32, ...partial }),
    now,
  });

/** What a search decided, without its timings. */
const decisions = (result: LstmSearchResult) => ({
  chosen: result.chosen,
  outOfTime: result.outOfTime,
  trials: result.trials.map(({ ms: _ms, ...t }) => t),
});

describe('search space', () => {
  it('holds the fields the user set and searches the others', () => {
    const config = configOf({ lookback: 10, units: 8, transform: 'log' });
    expect([...heldFields(config)].sort()).toEqual(['lookback', 'transform', 'units']);
    const space = searchSpace(config, { cycles: [7, 365], transforms: ['none', 'log', 'difference'] });
    expect(space.lookback).toEqual([10]);
    expect(space.units).toEqual([8]);
    expect(space.transform).toEqual(['log']);
    expect(space.layers).toEqual([1, 2]);
    expect(space.dropout.length).toBeGreaterThan(1);
    const candidates = searchCandidates(
      space,
      { lookback: 10, units: 8, layers: 1, dropout: 0.1, learningRate: 0.005, transform: 'log' },
      () => true,
      1,
    );
    expect(candidates.length).toBeGreaterThan(5);
    expect(new Set(candidates.map((c) => JSON.stringify(c))).size).toBe(candidates.length);
    for (const c of candidates) expect(c).toMatchObject({ lookback: 10, units: 8, transform: 'log' });
  });

  it("defaults to holding what the request set, and keeps a stored config's list as it is", () => {
    expect(configOf({}).searchFixed).toEqual([]);
    expect(configOf({ dropout: 0.2, transform: 'auto' }).searchFixed).toEqual(['dropout']);
    // The worker re-resolves the stored (complete) config: its list, not every field, is held.
    const stored = configOf({ units: 16 });
    expect(configOf(stored).searchFixed).toEqual(['units']);
    expect(configOf({}).search).toBe('auto');
  });

  it('plans as many candidates as the budget pays for, at least two', () => {
    const costs = new Array(27).fill(0.1);
    expect(plannedCandidates(costs, 0.01)).toBe(2);
    expect(plannedCandidates(costs, 1000)).toBe(27);
    const mid = plannedCandidates(costs, 20);
    expect(mid).toBeGreaterThan(2);
    expect(mid).toBeLessThan(27);
  });
});

describe('searchLstmConfig', () => {
  it('stores every trial and trains the chosen config with user-set fields held', async () => {
    const result = await search({ units: 8, layers: 1, learningRate: 0.01, searchBudgetSeconds: 6 });
    expect(result.trials.length).toBeGreaterThanOrEqual(2);
    expect(result.trials.filter((t) => t.outcome === 'chosen')).toHaveLength(1);
    expect(result.trials.find((t) => t.outcome === 'chosen')!.config).toEqual(result.chosen);
    for (const t of result.trials) {
      expect(t.config).toMatchObject({ units: 8, layers: 1, learningRate: 0.01 });
      expect(t.validationMae).toBeGreaterThan(0);
    }
    // The first trial is the configured values; later rungs train their survivors longer.
    expect(result.trials[0].config.lookback).toBe(configOf({}).lookback);
    expect(Math.max(...result.trials.map((t) => t.epochs))).toBeGreaterThan(
      Math.min(...result.trials.map((t) => t.epochs)),
    );
    expect(result.fixed.sort()).toEqual(['layers', 'learningRate', 'units']);
    expect(result.points).toBe(120);
  });

  it('is reproducible for a fixed seed, and another seed draws other candidates', async () => {
    const partial = { units: 8, layers: 1, searchBudgetSeconds: 2 };
    const a = await search(partial);
    const b = await search(partial);
    expect(decisions(b)).toEqual(decisions(a));
    // The seed draws the candidates after the configured values and their transform variants.
    const config = configOf(partial);
    const space = searchSpace(config, { cycles: [7, 365], transforms: ['none', 'log', 'difference'] });
    const base = a.trials[0].config;
    expect(searchCandidates(space, base, () => true, 1)).toEqual(searchCandidates(space, base, () => true, 1));
    expect(searchCandidates(space, base, () => true, 7)).not.toEqual(searchCandidates(space, base, () => true, 1));
  });

  it('stops between epochs once the clock passes its hard stop, a few budgets in', async () => {
    // 600 ms per clock reading and a 1 s budget: the plan would run far longer. It may overrun the
    // hard stop by the epoch (a few readings) in which the clock passed it.
    const result = await search({ units: 8, searchBudgetSeconds: 1 }, countingClock(600));
    expect(result.outOfTime).toBe(true);
    expect(result.elapsedMs).toBeGreaterThan(1000);
    expect(result.elapsedMs).toBeLessThanOrEqual(HARD_STOP_BUDGETS * 1000 + 5 * 600);
    expect(result.trials.some((t) => t.outcome === 'unfinished')).toBe(true);
    expect(result.trials.filter((t) => t.outcome === 'chosen')).toHaveLength(1);
    // Cut short before any trials were compared over more epochs: the configured values stay.
    if (!result.trials.some((t) => t.rung >= 2)) {
      expect(result.chosen).toEqual(result.trials[0].config);
      expect(result.note).toMatch(/budget ran out/);
    }
  });

  it('skips when every searched field is set, and stops with CancelledError when cancelled', async () => {
    const all = await search({ lookback: 14, units: 8, layers: 1, dropout: 0, learningRate: 0.01, transform: 'none' });
    expect(all.trials).toEqual([]);
    expect(all.note).toMatch(/nothing to search/);
    await expect(
      searchLstmConfig({
        values: series.v.slice(0, 120),
        t: series.t,
        frequency: 'daily',
        seasonLength: 7,
        config: configOf({ units: 8 }),
        callbacks: { shouldCancel: () => true },
      }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('the search in a run', () => {
  it('reads only values before the scored windows: poisoning their actuals leaves its choice unchanged', async () => {
    // Only the transform is searched, on a budget far above its plan, so the clock never binds.
    const partial = {
      horizon: 7,
      lookback: 14,
      epochs: 1,
      units: 8,
      layers: 1,
      dropout: 0.1,
      learningRate: 0.01,
      backtestWindows: 1,
      searchBudgetSeconds: 600,
    };
    const clean = await runForecast(series, partial);
    const firstScored = clean.backtest.windows[0].origin;
    const poisoned = await runForecast(
      { ...series, v: series.v.map((v, i) => (i >= firstScored ? v * 50 + 1000 : v)) },
      partial,
    );
    expect(clean.search).toBeDefined();
    expect(clean.search!.points).toBeLessThanOrEqual(firstScored);
    expect(clean.search!.trials.length).toBeGreaterThanOrEqual(2);
    expect(decisions(poisoned.search!)).toEqual(decisions(clean.search!));
    // The scored windows did see the poison: the backtest differs.
    expect(poisoned.backtest.windows[0].actual).not.toEqual(clean.backtest.windows[0].actual);
  }, 300_000);
});

describe("the search plan's cost estimate", () => {
  it('counts recurrent steps: a week of hours read in day patches costs 7 steps, not 168', () => {
    const week = { lookback: 168, units: 32, layers: 1, dropout: 0.1, learningRate: 0.005, transform: 'none' as const };
    const patched = epochSeconds(week, 256, 64, 'hourly');
    expect(patched).toBeCloseTo(epochSeconds({ ...week, lookback: 7 }, 256, 64, 'daily'), 10);
    expect(epochSeconds(week, 256, 64, 'daily')).toBeCloseTo(24 * patched, 10);
  });
});
