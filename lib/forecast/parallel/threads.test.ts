import { threadId } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { CancelledError } from '../errors';
import { resolveConfig } from '../config';
import { runForecast, runOrigins } from '../forecast';
import { SharedGlobalTrainer } from '../global';
import { resolveSeason } from '../season';
import { syntheticSeries } from '../synthetic';
import type { ForecastResult } from '../types';
import { fitGroup } from './model-group';
import { runInThread, THREAD_OUT_OF_MEMORY } from './run-in-thread';
import { fitGroupInThread } from './threads';

beforeAll(async () => {
  await initBackend();
});

const series = syntheticSeries({ points: 150, frequency: 'daily', trend: 0.05, noise: 0.3, seed: 4 });

describe('fitting a model group on a worker thread', () => {
  it('gives exactly what fitting it here gives, from another thread', async () => {
    const config = resolveConfig({ horizon: 7 }, { frequency: 'daily', points: 150 });
    const input = {
      context: {
        data: series,
        config,
        season: resolveSeason('daily', series.v.slice(0, 136)),
        windowCount: 2,
        origins: [136, 143],
        related: [],
      },
      origins: [136, 143],
      models: ['theta' as const, 'seasonalNaive' as const],
    };
    const [here, there] = await Promise.all([fitGroup(input), fitGroupInThread(input).result]);
    expect(here.threadId).toBe(threadId);
    expect(there.threadId).not.toBe(threadId);
    expect(there.run).toEqual(here.run);
    expect(there.future).toEqual(here.future);
    expect(Object.keys(there.fitMs).sort()).toEqual(['seasonalNaive', 'theta']);
  }, 180_000);
});

describe('a run on two threads', () => {
  it('scores and forecasts every model exactly as on one thread', async () => {
    const partial = { horizon: 7, lookback: 14, epochs: 1, units: 4, backtestWindows: 2, search: 'off' as const };
    const one = await runForecast(series, partial, {}, { threads: false });
    const reported = new Set<string>();
    const two = await runForecast(
      series,
      partial,
      { onProgress: (p) => void reported.add(p.model ?? '') },
      { threads: true },
    );
    expect(Object.keys(two.models)).toEqual(Object.keys(one.models));
    expect(Object.keys(two.models)).toContain('lstmHybrid');
    expect(essentials(two)).toEqual(essentials(one));
    // The hybrid LSTM trained on a thread of its own: its progress still reaches the run's bar.
    expect([...reported].sort()).toEqual(['lstm', 'lstmHybrid']);
  }, 180_000);

  it('fits the models that read covariates and holidays on the threads too, same result', async () => {
    // A known-future promotion (through the horizon) and the US holiday calendar.
    const future = Array.from({ length: 7 }, (_, h) => series.t[149] + (h + 1) * 86_400_000);
    const t = [...series.t, ...future];
    const promo = t.map((_, i) => (i % 5 === 0 ? 1 : 0));
    const data = { ...series, v: series.v.map((v, i) => v + 4 * promo[i]) };
    const covariates = [{ seriesId: 'p', name: 'promo', knownFuture: true, t, v: promo }];
    const partial = {
      horizon: 7,
      lookback: 14,
      epochs: 1,
      units: 4,
      backtestWindows: 2,
      search: 'off' as const,
      covariates: [{ seriesId: 'p', knownFuture: true }],
      holidays: 'US',
    };
    const one = await runForecast(data, partial, {}, { covariates, threads: false });
    const two = await runForecast(data, partial, {}, { covariates, threads: true });
    expect(Object.keys(two.models)).toContain('lstmHybrid');
    expect(two.models.autoArima!.note ?? '').not.toMatch(/ignores|could not be fit/);
    expect(essentials(two)).toEqual(essentials(one));
    expect(two.covariateEffect).toEqual(one.covariateEffect);
  }, 180_000);

  it('cancels the hybrid LSTM on its thread when the run is cancelled', async () => {
    const partial = {
      horizon: 7,
      lookback: 14,
      epochs: 3,
      units: 4,
      backtestWindows: 2,
      search: 'off' as const,
      models: ['lstmHybrid' as const],
    };
    let epochs = 0;
    const run = runForecast(
      series,
      partial,
      { onProgress: () => void epochs++, shouldCancel: () => epochs >= 2 },
      { threads: true },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(epochs).toBeLessThan(10);
  }, 180_000);

  it("splits the other models across both threads when no LSTM trains here (a large batch's run), same result", async () => {
    const partial = { horizon: 7, lookback: 14, epochs: 1, units: 4, backtestWindows: 2, search: 'off' as const };
    const config = resolveConfig(partial, { frequency: 'daily', points: 150 });
    const other = syntheticSeries({ points: 150, frequency: 'daily', trend: 0.02, noise: 0.5, seed: 9 });
    const shared = [series, other].map((s, k) => ({
      key: String(k),
      t: s.t,
      v: s.v,
      origins: runOrigins(150, config).origins,
    }));
    const { forecasts } = await new SharedGlobalTrainer(shared, config, { frequency: 'daily' }).train();
    const context = { sharedGlobal: { forecasts: forecasts.get('0')!, series: 2 }, perSeriesLstm: false };
    const one = await runForecast(series, partial, {}, { ...context, threads: false });
    const two = await runForecast(series, partial, {}, { ...context, threads: true });
    expect(Object.keys(one.models)).toContain('lstmGlobal');
    expect(Object.keys(one.models)).not.toContain('lstm');
    expect(Object.keys(two.models)).toEqual(Object.keys(one.models));
    expect(essentials(two)).toEqual(essentials(one));
    // No LSTM trains in such a run: the search (the default, 'auto') would have nothing to choose for.
    const auto = await runForecast(series, { ...partial, search: 'auto' }, {}, { ...context, threads: false });
    expect(auto.search).toBeUndefined();
    expect(essentials(auto)).toEqual(essentials(one));
  }, 180_000);
});

const essentials = (r: ForecastResult) => ({
  windows: r.backtest.windows.map((w) => ({ origin: w.origin, forecasts: w.forecasts })),
  metrics: r.backtest.metrics,
  future: Object.fromEntries(Object.entries(r.models).map(([m, x]) => [m, x.future])),
  intervals: r.intervals,
  champion: r.champion.model,
});

describe('runInThread', () => {
  it('ends a thread that outgrows its heap limit with an error saying so', async () => {
    const hog = new URL('data:text/javascript,const kept = []; for (;;) kept.push(new Array(1e5).fill(1));');
    const thread = runInThread(hog, {}, {}, { maxOldGenerationSizeMb: 32 })!;
    await expect(thread.result).rejects.toMatchObject({ code: THREAD_OUT_OF_MEMORY });
  });
});
