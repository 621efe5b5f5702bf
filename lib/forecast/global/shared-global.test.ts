// The batch's shared global LSTM: its cutoffs and how each series' origins map to them, that no fit
// sees anything at or after its cutoff (of any series), and that a run scores lstmGlobal from its
// stored forecasts on exactly the run's own windows.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '../backend';
import { calibrationOrigins } from '../backtest';
import { resolveConfig } from '../config';
import { covariateBlock } from '../covariates';
import { CancelledError } from '../errors';
import { runForecast, runOrigins } from '../forecast';
import { syntheticSeries } from '../synthetic';
import { nextTimestamps } from '../time-steps';
import type { CovariateSeries, ForecastConfig } from '../types';
import { cutoffFor, SharedGlobalTrainer, sharedCutoffs, sharedLookback, trainSharedGlobal } from './shared-global';

vi.setConfig({ testTimeout: 300_000 });

const tiny = { horizon: 4, lookback: 8, epochs: 2, units: 4, seed: 5 } satisfies Partial<ForecastConfig>;

function series(key: string, points: number, seed: number, startDay = 0) {
  const data = syntheticSeries({ points, frequency: 'daily', seed, start: Date.UTC(2024, 0, 1 + startDay) });
  const config = resolveConfig(tiny, { frequency: 'daily', points });
  return { key, t: data.t, v: data.v, origins: runOrigins(points, config).origins, config, data };
}

function trainer(all: ReturnType<typeof series>[]) {
  return new SharedGlobalTrainer(all, all[0].config, { frequency: 'daily' });
}

beforeAll(async () => {
  await initBackend();
});

describe('sharedCutoffs and cutoffFor', () => {
  it('takes every distinct origin time when few, else the earliest and an even spread', () => {
    expect(
      sharedCutoffs([
        [3, 5, 7],
        [5, 7, 9],
      ]),
    ).toEqual([3, 5, 7, 9]);
    const many = Array.from({ length: 30 }, (_, i) => [i * 10]);
    const picked = sharedCutoffs(many, 4);
    expect(picked).toHaveLength(4);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(290);
  });

  it('maps a time to the latest cutoff not after it', () => {
    const cutoffs = [10, 20, 30];
    expect(cutoffFor(cutoffs, 10)).toBe(0);
    expect(cutoffFor(cutoffs, 19)).toBe(0);
    expect(cutoffFor(cutoffs, 20)).toBe(1);
    expect(cutoffFor(cutoffs, 99)).toBe(2);
    expect(cutoffFor(cutoffs, 9)).toBe(-1);
  });
});

describe('sharedLookback', () => {
  const config = { lookback: 14, horizon: 7 };
  const withFirstOrigin = (origin: number) => ({ origins: [origin, origin + 7] });

  it("reads four seasons, at most twice the runs' lookback, where every series has room for it", () => {
    // 28 + 7 + 9: ten training windows of 28 days before the first origin.
    expect(sharedLookback([withFirstOrigin(44), withFirstOrigin(300)], config, 7)).toBe(28);
    expect(sharedLookback([withFirstOrigin(43), withFirstOrigin(300)], config, 7)).toBe(14);
    expect(sharedLookback([withFirstOrigin(500)], config, 24)).toBe(28);
    expect(sharedLookback([withFirstOrigin(500)], { lookback: 168, horizon: 24 }, 24)).toBe(168);
    expect(sharedLookback([withFirstOrigin(500)], { lookback: 5, horizon: 3 }, 1)).toBe(5);
  });
});

describe('SharedGlobalTrainer', () => {
  it("keeps the runs' epochs and lookback unless they are its own to choose", async () => {
    const all = [series('a', 120, 1), series('b', 120, 2)];
    const runs = await trainer(all).train();
    expect(runs.info.lookback).toBe(tiny.lookback);
    expect(runs.info.epochs[0]).toBeLessThanOrEqual(tiny.epochs);
    const own = await new SharedGlobalTrainer(all, all[0].config, {
      frequency: 'daily',
      own: { lookback: true },
    }).train();
    expect(own.info.lookback).toBe(16);
    // Every origin is still forecast, from 16 values before it.
    for (const one of all) expect(own.forecasts.get(one.key)!.windows).toHaveLength(one.origins.length);
  });

  it('forecasts every origin of every series from a fit whose cutoff is not after it, also when the ends differ', async () => {
    // b ends 3 days before a; c starts later and is shorter.
    const all = [series('a', 90, 1), series('b', 87, 2), series('c', 70, 3, 17)];
    const { forecasts, info } = await trainer(all).train();
    expect(info.series).toBe(3);
    expect(info.fits).toBe(info.cutoffs.length + 1);
    expect(info.epochs).toHaveLength(info.fits);
    for (const one of all) {
      const stored = forecasts.get(one.key)!;
      expect(stored.points).toBe(one.v.length);
      expect(stored.windows.map((w) => w.origin)).toEqual(one.origins);
      expect(stored.future).toHaveLength(tiny.horizon);
      for (const w of stored.windows) {
        expect(w.cutoff).toBeLessThanOrEqual(one.t[w.origin]);
        // The latest such cutoff: the next one (if any) lies after the origin.
        const next = info.cutoffs[info.cutoffs.indexOf(w.cutoff) + 1];
        if (next !== undefined) expect(next).toBeGreaterThan(one.t[w.origin]);
        expect(w.forecasts).toHaveLength(calibrationOrigins(w.origin, one.v.length, tiny.horizon).length);
        for (const f of w.forecasts) {
          expect(f).toHaveLength(tiny.horizon);
          expect(f.every(Number.isFinite)).toBe(true);
        }
      }
    }
    // The series end on different days, so there are more cutoffs than one series' windows.
    expect(info.cutoffs.length).toBeGreaterThan(all[0].origins.length);
  });

  it('learns nothing from any series at or after a cutoff: changing those values leaves the earlier forecasts alone', async () => {
    const all = [series('a', 90, 1), series('b', 90, 2)];
    const honest = await trainer(all).train();
    const last = honest.info.cutoffs.at(-1)!;
    // Every value of every series from the last cutoff on, changed wildly.
    const poisoned = all.map((one) => ({
      ...one,
      v: Array.from(one.v, (v, i) => (one.t[i] >= last ? v * 50 + 1000 * Math.sin(i) : v)),
    }));
    const leaky = await trainer(poisoned).train();
    for (const one of all) {
      const a = honest.forecasts.get(one.key)!.windows;
      const b = leaky.forecasts.get(one.key)!.windows;
      for (const [k, w] of a.entries()) {
        // Forecasts whose inputs end before the changed part are the same: the fits did not see it.
        w.forecasts.forEach((f, j) => {
          if (one.t[w.origin + j - 1] < last) expect(b[k].forecasts[j]).toEqual(f);
        });
      }
      // The refit does see it.
      expect(leaky.forecasts.get(one.key)!.future).not.toEqual(honest.forecasts.get(one.key)!.future);
    }
  });

  it('gives the same forecasts for the same seed', async () => {
    const all = [series('a', 80, 1), series('b', 80, 2)];
    const first = await trainer(all).train();
    const second = await trainer(all).train();
    expect([...second.forecasts.entries()]).toEqual([...first.forecasts.entries()]);
  });
});

const DAY = 86_400_000;

/** A covariate over the days of `one` and `extra` more: a promotion every 5th day, or `values`. */
function covariate(
  seriesId: string,
  knownFuture: boolean,
  one: ReturnType<typeof series>,
  values: (i: number) => number = (i) => (i % 5 === 0 ? 1 : 0),
): CovariateSeries {
  const t = Array.from({ length: one.t.length + tiny.horizon }, (_, i) => one.t[0] + i * DAY);
  return { seriesId, name: seriesId, knownFuture, t, v: t.map((_, i) => values(i)) };
}

/** The series with the batch's covariates read at its own steps, as the batch-global job builds them. */
function withCovariates(one: ReturnType<typeof series>, covariates: CovariateSeries[], holidays?: string) {
  const config = {
    ...one.config,
    covariates: covariates.map(({ seriesId, knownFuture }) => ({ seriesId, knownFuture })),
    ...(holidays && { holidays }),
  };
  const future = nextTimestamps(one.t, 'daily', tiny.horizon);
  return { ...one, config, covariates: covariateBlock(one.data, future, config, covariates) };
}

describe('SharedGlobalTrainer with covariates and holidays', () => {
  it('reads them, and trains again without them so that a run can say what they did', async () => {
    const plain = [series('a', 90, 1), series('b', 90, 2)];
    const promo = covariate('promo', true, plain[0]);
    const all = plain.map((one) => withCovariates(one, [promo], 'US'));
    const { forecasts, info } = await new SharedGlobalTrainer(all, all[0].config, { frequency: 'daily' }).train();
    expect(info.inputs).toEqual(['promo', 'the US holiday calendar']);
    expect(info.fits).toBe(2 * (info.cutoffs.length + 1));
    expect(info.epochs).toHaveLength(info.fits);
    for (const one of all) {
      const stored = forecasts.get(one.key)!;
      const without = stored.withoutCovariates!;
      expect(without.windows.map((w) => w.origin)).toEqual(stored.windows.map((w) => w.origin));
      expect(without.future).toHaveLength(tiny.horizon);
      expect(without.future).not.toEqual(stored.future);
    }
    // Without covariates there is nothing to compare with.
    const bare = await trainer(plain).train();
    expect(bare.forecasts.get('a')!.withoutCovariates).toBeUndefined();
    expect(bare.info.inputs).toBeUndefined();
  });

  it("lets each series read its own covariate of the same kind (a long file's column per id)", async () => {
    const plain = [series('a', 80, 1), series('b', 80, 2)];
    const own = [
      covariate('store=a / promo', true, plain[0]),
      covariate('store=b / promo', true, plain[1], (i) => (i % 4 === 0 ? 1 : 0)),
    ];
    const all = plain.map((one, k) => withCovariates(one, [own[k]]));
    const { info } = await new SharedGlobalTrainer(all, all[0].config, { frequency: 'daily' }).train();
    expect(info.inputs).toEqual(["promo (each series' own)"]);
    // A past-only covariate where the others are known-future: one network cannot read both.
    const mixed = [all[0], withCovariates(plain[1], [{ ...own[1], knownFuture: false }])];
    expect(() => new SharedGlobalTrainer(mixed, all[0].config, { frequency: 'daily' })).toThrow(/same kinds/);
  });

  it('reads a known-future covariate for the forecast steps, and a past-only one never at or after a cutoff', async () => {
    const plain = [series('a', 90, 1), series('b', 90, 2)];
    const promo = covariate('promo', true, plain[0]);
    const temperature = covariate('temperature', false, plain[0], (i) => 20 + 5 * Math.sin(i / 3));
    const honestSeries = plain.map((one) => withCovariates(one, [promo, temperature]));
    const honest = await new SharedGlobalTrainer(honestSeries, honestSeries[0].config, { frequency: 'daily' }).train();
    const last = honest.info.cutoffs.at(-1)!;

    // The past-only covariate changed wildly from the last cutoff on: no earlier forecast moves.
    const poisonedTemperature = {
      ...temperature,
      v: Array.from(temperature.v, (v, i) => (temperature.t[i] >= last ? v * 40 - 900 : v)),
    };
    const leakySeries = plain.map((one) => withCovariates(one, [promo, poisonedTemperature]));
    const leaky = await new SharedGlobalTrainer(leakySeries, leakySeries[0].config, { frequency: 'daily' }).train();
    for (const one of plain) {
      const a = honest.forecasts.get(one.key)!.windows;
      const b = leaky.forecasts.get(one.key)!.windows;
      for (const [k, w] of a.entries()) {
        w.forecasts.forEach((f, j) => {
          if (one.t[w.origin + j - 1] < last) expect(b[k].forecasts[j]).toEqual(f);
        });
      }
    }

    // The known-future covariate changed only at the forecast steps: the future forecast moves.
    const end = plain[0].t.length;
    const futurePromo = { ...promo, v: Array.from(promo.v, (v, i) => (i >= end ? 1 - v : v)) };
    const shiftedSeries = plain.map((one) => withCovariates(one, [futurePromo, temperature]));
    const shifted = await new SharedGlobalTrainer(shiftedSeries, shiftedSeries[0].config, {
      frequency: 'daily',
    }).train();
    // Backtest forecasts whose steps all lie within the series are the same.
    honest.forecasts.get('a')!.windows.forEach((w, k) =>
      w.forecasts.forEach((f, j) => {
        if (w.origin + j + tiny.horizon <= end) expect(shifted.forecasts.get('a')!.windows[k].forecasts[j]).toEqual(f);
      }),
    );
    expect(shifted.forecasts.get('a')!.future).not.toEqual(honest.forecasts.get('a')!.future);
  });

  it("lets each series' run measure their effect on it", async () => {
    const plain = [series('a', 120, 1), series('b', 120, 2)];
    const promo = covariate('promo', true, plain[0]);
    const all = plain.map((one) => withCovariates(one, [promo]));
    const { forecasts } = await new SharedGlobalTrainer(all, all[0].config, { frequency: 'daily' }).train();
    const stored = forecasts.get('a')!;
    const result = await runForecast(
      all[0].data,
      { ...tiny, covariates: all[0].config.covariates },
      {},
      { sharedGlobal: { forecasts: stored, series: 2 }, perSeriesLstm: false, covariates: [promo] },
    );
    expect(result.models.lstmGlobal!.note ?? '').not.toMatch(/ignores/);
    expect(result.models.lstmGlobal!.future).toEqual(stored.future);
    expect(result.covariateEffect).toMatchObject({ model: 'lstmGlobal', covariates: ['promo'] });
    expect(result.covariateEffect!.withoutMase).not.toBe(result.covariateEffect!.withMase);
    // The MSTL reads none of them and says so.
    expect(result.models.mstl!.note).toMatch(/ignores the covariates/);
  });
});

describe('trainSharedGlobal', () => {
  it('trains on a thread of its own exactly what the trainer gives here, covariates included', async () => {
    const plain = [series('a', 90, 1), series('b', 90, 2)];
    const promo = covariate('promo', true, plain[0]);
    const all = plain.map((one) => withCovariates(one, [promo], 'US'));
    const here = await new SharedGlobalTrainer(all, all[0].config, { frequency: 'daily' }).train();
    // The thread has its own instance of the module: this one's trainer never trains.
    const trainHere = vi.spyOn(SharedGlobalTrainer.prototype, 'train');
    const fractions: number[] = [];
    try {
      const there = await trainSharedGlobal(all, all[0].config, {
        frequency: 'daily',
        onProgress: (fraction) => void fractions.push(fraction),
      });
      expect(trainHere).not.toHaveBeenCalled();
      expect([...there.forecasts.entries()]).toEqual([...here.forecasts.entries()]);
      expect({ ...there.info, fitMs: 0 }).toEqual({ ...here.info, fitMs: 0 });
      expect(fractions).toHaveLength(here.info.epochs.reduce((a, b) => a + b, 0));
      expect(fractions.every((f, k) => f > 0 && f <= 1 && (k === 0 || f > fractions[k - 1]))).toBe(true);
    } finally {
      trainHere.mockRestore();
    }
  });

  it('ends its thread and rejects with a CancelledError when told to cancel', async () => {
    const all = [series('a', 80, 1), series('b', 80, 2)];
    let asked = 0;
    const run = trainSharedGlobal(all, all[0].config, { frequency: 'daily', shouldCancel: () => ++asked >= 2 });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(asked).toBeGreaterThanOrEqual(2);
  });
});

describe('runForecast with a shared global LSTM', () => {
  it('scores lstmGlobal from the stored forecasts on its own windows, selection windows included, and trains no per-series LSTM when told', async () => {
    const all = [series('a', 120, 1), series('b', 120, 2)];
    const { forecasts } = await trainer(all).train();
    const stored = forecasts.get('a')!;
    const { data } = all[0];
    const result = await runForecast(
      data,
      tiny,
      {},
      { sharedGlobal: { forecasts: stored, series: 2 }, perSeriesLstm: false },
    );
    expect(result.models.lstm).toBeUndefined();
    expect(result.models.lstmHybrid).toBeUndefined();
    expect(result.lstmSkipped).toMatch(/Per-series LSTMs were off/);
    expect(result.models.lstmGlobal!.future).toEqual(stored.future);
    const scored = result.backtest.windows;
    for (const w of scored) {
      expect(w.forecasts.lstmGlobal).toEqual(stored.windows.find((s) => s.origin === w.origin)!.forecasts[0]);
    }
    // The stored windows also cover the earlier ones the champion is chosen on.
    expect(stored.windows.length).toBeGreaterThan(scored.length);
    expect(result.intervals.lstmGlobal).toBeDefined();
    expect(result.globalLstm).toMatchObject({ trained: true, series: 2 });

    // Forecasts for other data (a series that grew since) are not used: the run says why.
    const grown = await runForecast(
      { ...data, t: data.t.slice(0, 119), v: data.v.slice(0, 119) },
      tiny,
      {},
      { sharedGlobal: { forecasts: stored, series: 2 }, perSeriesLstm: false },
    );
    expect(grown.models.lstmGlobal).toBeUndefined();
    expect(grown.globalLstm).toMatchObject({ trained: false, note: expect.stringMatching(/120 points/) });

    // The shared model was trained without covariates or holidays: the run says it ignores them,
    // and measures no effect of them on it (it would only compare its stored forecasts with themselves).
    const withHolidays = await runForecast(
      data,
      { ...tiny, holidays: 'US' },
      {},
      { sharedGlobal: { forecasts: stored, series: 2 }, perSeriesLstm: false },
    );
    expect(withHolidays.models.lstmGlobal!.note).toMatch(/global LSTM ignores the covariates and holidays/);
    expect(withHolidays.covariateEffect).toBeUndefined();

    // A batch whose global model failed: the run still completes, without it, and says so.
    const failed = await runForecast(data, tiny, {}, { sharedGlobal: { note: 'It failed.' }, perSeriesLstm: false });
    expect(failed.models.lstmGlobal).toBeUndefined();
    expect(failed.globalLstm).toMatchObject({ trained: false, note: 'It failed.' });
    expect(failed.champion.model).toEqual(expect.any(String));
  });
});
