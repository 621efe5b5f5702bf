import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from './backend';
import { arimaxForecast, leastSquares, regressorsEarn } from './classical/arimax';
import { autoArimaForecast } from './classical/auto-arima';
import { resolveConfig } from './config';
import { alignCovariate, covariateBlock, missingFuture } from './covariates';
import { CovariateFutureMissingError } from './errors';
import { GlobalLstmRun } from './global';
import { HybridLstmRun } from './hybrid';
import { LstmRun } from './lstm-forecaster';
import { createRng } from './random';
import type { CovariateSeries } from './types';

vi.setConfig({ testTimeout: 120_000 });

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const days = (n: number, from = 0) => Array.from({ length: n }, (_, i) => START + (from + i) * DAY);

/** Daily sales driven by a promotion (known in advance) and yesterday's temperature (past-only). */
function sales(points: number, seed = 1) {
  const rng = createRng(seed);
  const future = 7;
  const t = days(points + future);
  const promo = t.map(() => (rng() < 0.25 ? 1 : 0));
  const temperature = t.map((_, i) => 15 + 8 * Math.sin((2 * Math.PI * i) / 30) + rng());
  const v = Array.from({ length: points }, (_, i) => 50 + 30 * promo[i] + 0.5 * temperature[i] + 2 * rng());
  const covariates: CovariateSeries[] = [
    { seriesId: 'promo', name: 'promo', knownFuture: true, t, v: promo },
    { seriesId: 'temp', name: 'temp', knownFuture: false, t: t.slice(0, points), v: temperature.slice(0, points) },
  ];
  return { t: t.slice(0, points), futureT: t.slice(points), v, covariates, promo };
}

beforeAll(async () => {
  await initBackend();
});

describe('covariate alignment', () => {
  it('aligns by timestamp, not position: gaps are forward-filled, steps before the first value are missing', () => {
    const steps = days(6);
    // Values on days 1, 2 and 4 only, listed with an extra point between days (never a step).
    const covariate = { t: [steps[1], steps[2], steps[2] + DAY / 2, steps[4]], v: [10, 20, 25, 40] };
    const aligned = Array.from(alignCovariate(covariate, steps));
    expect(aligned[0]).toBeNaN();
    expect(aligned.slice(1)).toEqual([10, 20, 25, 40, 40]);
  });

  it('skips missing (non-finite) values when forward-filling', () => {
    const steps = days(3);
    expect(Array.from(alignCovariate({ t: steps, v: [1, NaN, 3] }, steps))).toEqual([1, 1, 3]);
  });

  it('lists the forecast steps a known-future covariate does not cover', () => {
    const { t, futureT, covariates } = sales(40);
    const short = {
      ...covariates[0],
      t: Array.from(covariates[0].t).slice(0, 40 + 4),
      v: (covariates[0].v as number[]).slice(0, 44),
    };
    expect(missingFuture([short, covariates[1]], futureT)).toEqual([
      { seriesId: 'promo', name: 'promo', timestamps: futureT.slice(4) },
    ]);
    const config = { covariates: [{ seriesId: 'promo', knownFuture: true }], holidays: null };
    expect(() => covariateBlock({ t }, futureT, config, [short])).toThrow(CovariateFutureMissingError);
    try {
      covariateBlock({ t }, futureT, config, [short]);
    } catch (error) {
      expect((error as CovariateFutureMissingError).missing[0].timestamps).toHaveLength(3);
      expect((error as Error).message).toContain('"promo"');
    }
    // A past-only covariate need not reach the future.
    expect(() =>
      covariateBlock(
        { t },
        futureT,
        { covariates: [{ seriesId: 'temp', knownFuture: false }], holidays: null },
        covariates,
      ),
    ).not.toThrow();
  });

  it('scales on the training part only, and gives known-future columns for the forecast steps', () => {
    const { t, futureT, covariates } = sales(40);
    const config = {
      covariates: [
        { seriesId: 'promo', knownFuture: true },
        { seriesId: 'temp', knownFuture: false },
      ],
      holidays: 'US',
    };
    const block = covariateBlock({ t }, futureT, config, covariates)!;
    expect(block.columns.map((c) => c.name).slice(0, 5)).toEqual([
      'promo',
      'temp',
      'holiday',
      'daysToHoliday',
      'daysFromHoliday',
    ]);
    expect(block.futureColumns).not.toContain(1); // temperature is past-only
    const scaling = block.scaling(20);
    const temps = (covariates[1].v as number[]).slice(0, 20);
    expect(scaling.min[1]).toBe(Math.min(...temps));
    expect(scaling.max[1]).toBe(Math.max(...temps));
    // New Year's Day and Martin Luther King Jr. Day (15 January 2024) are holidays.
    const rows = block.inputRows(scaling, 0, 20);
    expect(rows[0 * block.width + 2]).toBe(1);
    expect(rows[14 * block.width + 2]).toBe(1);
    expect(rows[13 * block.width + 2]).toBe(0);
    expect(block.futureRows(scaling, 40, 47)).toHaveLength(7 * block.futureWidth);
  });

  it('gives AutoARIMA the known-future covariates and the holiday flag unscaled, a missing value as 0', () => {
    const { t, futureT, covariates, promo } = sales(40);
    const config = {
      covariates: [
        { seriesId: 'promo', knownFuture: true },
        { seriesId: 'temp', knownFuture: false },
      ],
      holidays: 'US',
    };
    const block = covariateBlock({ t }, futureT, config, covariates)!;
    const { values, width } = block.regressorRows(0, 47);
    expect(width).toBe(2); // promo and the holiday flag; temperature is past-only
    expect(Array.from({ length: 47 }, (_, i) => values[i * width])).toEqual(promo);
    expect([values[0 * width + 1], values[13 * width + 1], values[14 * width + 1]]).toEqual([1, 0, 1]);
    const late = {
      ...covariates[0],
      t: Array.from(covariates[0].t).slice(2),
      v: (covariates[0].v as number[]).slice(2),
    };
    const gap = covariateBlock({ t }, futureT, { covariates: [config.covariates[0]], holidays: null }, [late])!;
    expect(Array.from(gap.regressorRows(0, 3).values)).toEqual([0, 0, promo[2]]);
    expect(() => block.regressorRows(40, 48)).toThrow(/cover steps 0\.\.46, not 40\.\.47/);
  });
});

describe('LSTMs with covariates', () => {
  const { t, futureT, v, covariates } = sales(160);
  const config = resolveConfig(
    {
      epochs: 3,
      units: 4,
      horizon: 7,
      lookback: 14,
      transform: 'none',
      covariates: [
        { seriesId: 'promo', knownFuture: true },
        { seriesId: 'temp', knownFuture: false },
      ],
      holidays: 'US',
    },
    { frequency: 'daily', points: 160 },
  );
  const blockOf = (list: CovariateSeries[]) => covariateBlock({ t }, futureT, config, list)!;
  const origin = 130;
  const values = Float64Array.from(v);

  async function plainForecasts(list: CovariateSeries[]) {
    const run = new LstmRun(config, 1, {}, { t, frequency: 'daily', covariates: blockOf(list) });
    try {
      const fitted = await run.fitter(values.subarray(0, origin), { index: 0, count: 1, origin });
      return await fitted.forecastFrom(values, [origin, origin + 5]);
    } finally {
      run.dispose();
    }
  }

  const poison = (c: CovariateSeries, from: number): CovariateSeries => ({
    ...c,
    v: Array.from(c.v, (x, i) => (i >= from ? x * 7 + 1000 : x)),
  });

  it('never reads a past-only covariate at or after an origin (no leakage)', async () => {
    const a = await plainForecasts(covariates);
    // Temperature poisoned from the second origin on: neither forecast changes.
    const b = await plainForecasts([covariates[0], poison(covariates[1], origin + 5)]);
    a.forEach((f, k) => f.forEach((x, i) => expect(b[k][i]).toBeCloseTo(x, 5)));
    expect(a[0]).toHaveLength(7);
    expect(a.flat().every(Number.isFinite)).toBe(true);
    // Poisoned inside the second origin's input window instead: that forecast does change.
    const c = await plainForecasts([covariates[0], poison(covariates[1], origin + 2)]);
    expect(c[1]).not.toEqual(a[1]);
  });

  it('reads a known-future covariate for the forecast steps, and nothing after them', async () => {
    const a = await plainForecasts(covariates);
    // After the last forecast step of the second origin: unchanged.
    const later = await plainForecasts([poison(covariates[0], origin + 12), covariates[1]]);
    a.forEach((f, k) => f.forEach((x, i) => expect(later[k][i]).toBeCloseTo(x, 5)));
    // Inside the first origin's forecast steps: its forecast changes (the model reads them).
    const inside = await plainForecasts([poison(covariates[0], origin), covariates[1]]);
    expect(inside[0]).not.toEqual(a[0]);
  });

  it('the hybrid LSTM cuts a past-only covariate at the origin too', async () => {
    const forecasts = async (list: CovariateSeries[]) => {
      const run = new HybridLstmRun(config, 1, {
        frequency: 'daily',
        season: { length: 7, source: 'frequency' },
        t,
        covariates: blockOf(list),
      });
      try {
        const fitted = await run.fitter(values.subarray(0, origin), { index: 0, count: 1, origin });
        return await fitted.forecastFrom(values, [origin]);
      } finally {
        run.dispose();
      }
    };
    const [a, b] = [await forecasts(covariates), await forecasts([covariates[0], poison(covariates[1], origin)])];
    a[0].forEach((x, i) => expect(b[0][i]).toBeCloseTo(x, 5));
  });
});

describe('the global LSTM with covariates', () => {
  it('reads covariates for the target and its related series, never a past-only one after the origin', async () => {
    const { t, futureT, v, covariates } = sales(160);
    const other = sales(160, 9);
    const config = resolveConfig(
      {
        epochs: 2,
        units: 4,
        horizon: 7,
        lookback: 14,
        covariates: [
          { seriesId: 'promo', knownFuture: true },
          { seriesId: 'temp', knownFuture: false },
        ],
        holidays: 'US',
      },
      { frequency: 'daily', points: 160 },
    );
    const origin = 130;
    const forecasts = async (list: CovariateSeries[]) => {
      const block = covariateBlock({ t }, futureT, config, list)!;
      const run = new GlobalLstmRun(config, 1, { t, frequency: 'daily', covariates: block }, [
        { name: 'other store', t: other.t, v: other.v, frequency: 'daily' },
      ]);
      try {
        const fitted = await run.fitter(Float64Array.from(v.slice(0, origin)), { index: 0, count: 1, origin });
        return await fitted.forecastFrom(Float64Array.from(v), [origin]);
      } finally {
        run.dispose();
      }
    };
    const poisoned = { ...covariates[1], v: Array.from(covariates[1].v, (x, i) => (i >= origin ? x * 7 + 1000 : x)) };
    const [a, b] = [await forecasts(covariates), await forecasts([covariates[0], poisoned])];
    expect(a[0]).toHaveLength(7);
    a[0].forEach((x, i) => expect(b[0][i]).toBeCloseTo(x, 5));
  });
});

describe('AutoARIMA with regressors', () => {
  it('solves least squares', () => {
    const x = [1, 2, 3, 4, 5];
    const b = leastSquares(
      x.map((v) => 3 * v + 2),
      [x, x.map(() => 1)],
    );
    expect(b[0]).toBeCloseTo(3, 4);
    expect(b[1]).toBeCloseTo(2, 4);
  });

  it('forecasts a promotion it is told about', () => {
    const { v, promo } = sales(200, 3);
    const rows = (from: number, to: number) => ({ values: Float32Array.from(promo.slice(from, to)), width: 1 });
    const forecast = arimaxForecast(v.slice(0, 180), 0, 7, 7, rows);
    if (!Array.isArray(forecast)) throw new Error('the promotion should have earned its coefficient');
    const actual = v.slice(180, 187);
    const error = forecast.reduce((s, f, i) => s + Math.abs(f - actual[i]), 0) / 7;
    // Promotions move sales by 30; the noise is a few units.
    expect(error).toBeLessThan(6);
  });

  it('keeps regressors that explain the series and drops ones that do not earn their coefficients', () => {
    const rng = createRng(5);
    const noise = () => rng() - 0.5;
    const x = Array.from({ length: 40 }, () => (rng() < 0.3 ? 1 : 0));
    expect(
      regressorsEarn(
        x.map((v) => 5 * v + noise()),
        [x],
      ),
    ).toBe(true);
    // Three unrelated columns on 40 values: their coefficients buy less than AICc charges for them.
    const y = x.map(noise);
    const unrelated = [0, 1, 2].map(() => x.map(noise));
    expect(regressorsEarn(y, unrelated)).toBe(false);
    // More coefficients than the values can bear.
    expect(
      regressorsEarn(
        y.slice(0, 4),
        unrelated.map((c) => c.slice(0, 4)),
      ),
    ).toBe(false);
  });

  it('forecasts as plain AutoARIMA when the regressor explains nothing', () => {
    const { v } = sales(120, 4);
    const rng = createRng(9);
    const unrelated = Float32Array.from({ length: 200 }, () => rng());
    const rows = (from: number, to: number) => ({ values: unrelated.slice(from, to), width: 1 });
    const train = v.slice(0, 100);
    const plain = autoArimaForecast(train, 1, 7);
    const forecast = arimaxForecast(train, 0, 1, 7, rows);
    if (Array.isArray(forecast)) throw new Error('the unrelated regressor should have been dropped');
    expect(forecast.path).toEqual(plain.path);
    // Later origins refit plain AutoARIMA's orders (no search, no regressor).
    const later = Float64Array.from(v.slice(0, 110));
    expect(forecast.refit(later, 7)).toEqual(plain.refit(later, 7));
  });
});
