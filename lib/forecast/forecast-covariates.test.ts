import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from './backend';
import { CovariateFutureMissingError } from './errors';
import { runForecast } from './forecast';
import { createRng } from './random';
import type { CovariateSeries, ForecastConfig, SeriesData } from './types';

vi.setConfig({ testTimeout: 300_000 });

const DAY = 86_400_000;
const POINTS = 140;
const HORIZON = 7;

/** Daily sales that jump on promotion days (known in advance) and follow a past-only temperature. */
function salesRun(seed = 1) {
  const rng = createRng(seed);
  const t = Array.from({ length: POINTS + HORIZON }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);
  const promo = t.map(() => (rng() < 0.3 ? 1 : 0));
  const temp = t.map((_, i) => 10 + 5 * Math.sin(i / 5) + rng());
  const data: SeriesData = {
    t: t.slice(0, POINTS),
    v: t.slice(0, POINTS).map((_, i) => 40 + 25 * promo[i] + temp[i] + 2 * rng()),
    frequency: 'daily',
  };
  const covariates: CovariateSeries[] = [
    { seriesId: 'p', name: 'promo', knownFuture: true, t, v: promo },
    { seriesId: 'm', name: 'temp', knownFuture: false, t: t.slice(0, POINTS), v: temp.slice(0, POINTS) },
  ];
  return { data, covariates };
}

const config: Partial<ForecastConfig> = {
  epochs: 3,
  units: 4,
  horizon: HORIZON,
  lookback: 14,
  backtestWindows: 2,
  transform: 'none',
  covariates: [
    { seriesId: 'p', knownFuture: true },
    { seriesId: 'm', knownFuture: false },
  ],
  holidays: 'US',
};

beforeAll(async () => {
  await initBackend();
});

describe('runForecast with covariates and holidays', () => {
  it('scores the best LSTM with and without them, notes who ignores them, and lists the holidays', async () => {
    const { data, covariates } = salesRun();
    const result = await runForecast(data, config, {}, { covariates });
    const effect = result.covariateEffect!;
    expect(['lstm', 'lstmHybrid']).toContain(effect.model);
    expect(effect.withMase).toBeCloseTo(result.backtest.metrics[effect.model]!.mase, 10);
    expect(effect.withoutMase).toBeGreaterThan(0);
    expect(effect.change).toBeCloseTo((effect.withMase - effect.withoutMase) / effect.withoutMase, 10);
    expect(effect.sentence).toMatch(/^Promo, temp and the US holiday calendar (cut|made)/);
    expect(effect.covariates).toEqual(['promo', 'temp']);
    expect(result.models.mstl!.note).toMatch(/ignores the covariates/);
    expect(result.models.autoArima!.note ?? '').not.toMatch(/ignores/);
    expect(result.models.naive!.note).toBeUndefined();
    // 1 January to 26 May 2024 (the last forecast step): Memorial Day (27 May) is just after.
    expect(result.holidays!.dates.map((h) => h.date)).toEqual(['2024-01-01', '2024-01-15', '2024-02-19']);
    expect(result.holidays!.dates[1]).toEqual({
      date: '2024-01-15',
      t: Date.UTC(2024, 0, 15),
      name: 'Martin Luther King Jr. Day',
    });
    expect(result.models.lstm!.future.every(Number.isFinite)).toBe(true);
  });

  it('refuses a known-future covariate that does not cover the horizon, listing the missing steps', async () => {
    const { data, covariates } = salesRun();
    const short = {
      ...covariates[0],
      t: Array.from(covariates[0].t).slice(0, POINTS + 3),
      v: Array.from(covariates[0].v).slice(0, POINTS + 3),
    };
    const error = await runForecast(data, config, {}, { covariates: [short, covariates[1]] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CovariateFutureMissingError);
    expect((error as CovariateFutureMissingError).missing[0].timestamps).toEqual(
      Array.from({ length: 4 }, (_, k) => data.t[POINTS - 1] + (4 + k) * DAY),
    );
  });

  it('never lets a past-only covariate after a backtest origin change that window (no leakage)', async () => {
    const { data, covariates } = salesRun(2);
    // Without the search: it reads the target's values only (never a covariate), and its
    // wall-clock stop can end it at a different trial in each of the two runs on a busy machine,
    // which changes the LSTMs' settings and so their forecasts whatever the covariates.
    const small = { ...config, holidays: null, search: 'off' as const };
    const a = await runForecast(data, small, {}, { covariates });
    const first = a.backtest.windows[0].origin;
    const poisoned = { ...covariates[1], v: Array.from(covariates[1].v, (x, i) => (i >= first ? x * 9 + 500 : x)) };
    const b = await runForecast(data, small, {}, { covariates: [covariates[0], poisoned] });
    expect(b.backtest.windows[0].forecasts.lstm).toEqual(a.backtest.windows[0].forecasts.lstm);
    expect(b.backtest.windows[0].forecasts.lstmHybrid).toEqual(a.backtest.windows[0].forecasts.lstmHybrid);
  });
});
