import { describe, expect, it } from 'vitest';
import { arimaSeasonNote, autoArima, autoArimaFitter } from './auto-arima';
import { seasonNote } from './path-fitter';
import { isSeasonal, thetaFitter } from './theta';

/** A monthly-like series with a strong 12-step season and a trend. */
const values = (n: number) =>
  Float64Array.from({ length: n }, (_, i) => 100 + i + 20 * Math.sin((2 * Math.PI * i) / 12) + (i % 3));
const fitOn = (fitter: ReturnType<typeof autoArimaFitter>, n: number) =>
  fitter(values(n), { index: 0, count: 1, origin: n });

describe('season notes: a classical model says when it forecast without the season for lack of values', () => {
  it('AutoARIMA needs two full seasons and 20 more values for a seasonal model', async () => {
    expect((await fitOn(autoArimaFitter(3, 12), 43)).note).toBe(
      "AutoARIMA needs 44 values (two full seasons and 20 more) to fit this series' 12-step season; where it had fewer to fit on, it forecast without one.",
    );
    expect(autoArima(Array.from(values(43)), 12).order.s).toBe(1);
    expect((await fitOn(autoArimaFitter(3, 12), 44)).note).toBeUndefined();
    expect(autoArima(Array.from(values(44)), 12).order.s).toBe(12);
  });

  it('Theta tests the season only with more than two full seasons', async () => {
    expect((await fitOn(thetaFitter(3, 12), 24)).note).toBe(
      "Theta needs 25 values (more than two full seasons) to fit this series' 12-step season; where it had fewer to fit on, it forecast without one.",
    );
    expect(isSeasonal(values(24), 12)).toBe(false);
    expect((await fitOn(thetaFitter(3, 12), 25)).note).toBeUndefined();
  });

  it('says when the values a model reads at most are too few for the season at all', () => {
    // One-minute data's daily season: AutoARIMA reads the last 1000 values.
    expect(arimaSeasonNote(1440, 50_000)).toBe(
      "AutoARIMA fits on the last 1000 values at most, fewer than the 2900 (two full seasons and 20 more) this series' 1440-step season needs, so it forecast without one; MSTL models long seasons.",
    );
    expect(arimaSeasonNote(1, 10)).toBeUndefined();
    expect(seasonNote(7, 100, { model: 'X', needs: 14, why: 'two full seasons', cap: 50 })).toBeUndefined();
  });
});
