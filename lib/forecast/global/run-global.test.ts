// The global LSTM inside a whole run: one more model in the same backtest, leaderboard, intervals
// and champion, trained only when the config asks and related series of the same frequency exist.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../backend';
import { POOL_MARGIN } from '../champion';
import { COMPARED_MODELS } from '../compared-models';
import { runForecast } from '../forecast';
import { syntheticSeries } from '../synthetic';
import type { ForecastConfig, TrainProgress } from '../types';
import type { RelatedSeries } from './related-series';

// A whole run fits every model per window: a hang detector, not a speed target.
vi.setConfig({ testTimeout: 300_000 });

const tiny: Partial<ForecastConfig> = { epochs: 2, units: 4, globalLstm: true, search: 'off' };
const target = syntheticSeries({ points: 120, frequency: 'daily', seed: 8 });
const sibling = (name: string, level: number, seed: number): RelatedSeries => ({
  name,
  ...syntheticSeries({ points: 120, frequency: 'daily', level, amplitude: level / 4, seed }),
});
const hourly: RelatedSeries = { name: 'sensor', ...syntheticSeries({ points: 300, frequency: 'hourly', seed: 9 }) };

beforeAll(async () => {
  await initBackend();
});

describe('runForecast with the global LSTM', () => {
  it('backtests, scores and forecasts lstmGlobal beside the other models, and says what it pooled', async () => {
    const progress: TrainProgress[] = [];
    const result = await runForecast(
      target,
      tiny,
      { onProgress: (p) => void progress.push(p) },
      {
        related: [sibling('north', 500, 10), sibling('south', 3, 11), hourly],
      },
    );
    expect(Object.keys(result.models).sort()).toEqual([...COMPARED_MODELS].sort());
    const global = result.models.lstmGlobal!;
    expect(global.future).toHaveLength(7);
    expect(global.future.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(global.metrics.mase)).toBe(true);
    expect(global.fitMs).toBeGreaterThan(0);
    for (const w of result.backtest.windows) expect(w.forecasts.lstmGlobal).toHaveLength(7);
    expect(result.backtest.metrics.lstmGlobal).toEqual(global.metrics);
    expect(result.intervals.lstmGlobal!.calibrationSize).toHaveLength(7);
    expect(result.globalLstm).toEqual({
      trained: true,
      series: 3,
      related: ['north', 'south'],
      windows: [expect.any(Number), expect.any(Number), expect.any(Number)],
      note: '1 related series left out: not daily ("sensor" is hourly).',
    });
    // Its epochs are reported, and the run's progress (the average of three LSTMs) ends at 1.
    expect(progress.some((p) => p.model === 'lstmGlobal' && p.phase === 'refit')).toBe(true);
    expect(progress.at(-1)!.progress).toBeCloseTo(1, 10);
    progress.slice(1).forEach((p, i) => expect(p.progress).toBeGreaterThanOrEqual(progress[i].progress));
    // The champion ranks it with the rest: the models within 20% of the best, averaged.
    const scores = Object.entries(result.models).map(([m, r]) => [m, r.metrics.mase] as const);
    const bestSingle = Math.min(...scores.map(([, mase]) => mase));
    expect([...result.champion.members].sort()).toEqual(
      scores
        .filter(([, mase]) => mase <= bestSingle * (1 + POOL_MARGIN))
        .map(([m]) => m)
        .sort(),
    );
  });

  it('is not trained, and says why, when no related series can be pooled', async () => {
    const result = await runForecast(target, { ...tiny, backtestWindows: 1 }, {}, { related: [hourly] });
    expect(Object.keys(result.models).sort()).toEqual(COMPARED_MODELS.filter((m) => m !== 'lstmGlobal').sort());
    expect(result.globalLstm).toEqual({
      trained: false,
      series: 1,
      related: [],
      windows: [],
      note:
        'The global LSTM was not trained: none of the 1 related series can be pooled with this one. ' +
        '1 related series left out: not daily ("sensor" is hourly).',
    });
  });
});
