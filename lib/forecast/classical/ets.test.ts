import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { autoEts, autoEtsPath, candidateSpecs, etsFitter, fitEtsModel, specName, type EtsOptima } from './ets';
import { AIR_PASSENGERS } from './testdata/air-passengers';

// Reference values from R 4.2, forecast 8.20: ets(AirPassengers) and ets(..., model = "MAM", damped = FALSE).
const R_AUTO = { spec: 'ETS(M,Ad,M)', aicc: 1400.638 };
const R_MAM_AICC = 1403.664;
const R_FORECAST = [
  441.80185, 434.11862, 496.63005, 483.23748, 483.99135, 551.0244, 613.17968, 609.36483, 530.54083, 463.03321, 402.7478,
  451.96937,
];

describe('seasonal ETS', () => {
  it('chooses the model R chooses on AirPassengers, at a likelihood at least as good, and forecasts like it', () => {
    const model = autoEts(AIR_PASSENGERS, 12);
    expect(specName(model.spec)).toBe(R_AUTO.spec);
    expect(model.aicc).toBeLessThanOrEqual(R_AUTO.aicc + 0.01);
    expect(model.phi).toBeGreaterThan(0.9);
    const forecast = model.forecast(12);
    forecast.forEach((v, h) => expect(Math.abs(v / R_FORECAST[h] - 1)).toBeLessThan(0.01));
  });

  it("refits the chosen spec at later origins: on the search's own values, its path", () => {
    const train = Float64Array.from(AIR_PASSENGERS.slice(0, 132));
    const searched = autoEtsPath(train, 12, 12);
    expect(searched.path).toEqual(autoEts(train, 12).forecast(12));
    // The refit starts at the search's optimum, so it ends there or a little better.
    searched.refit(train, 12).forEach((v, h) => expect(Math.abs(v / searched.path[h] - 1)).toBeLessThan(0.002));
    expect(searched.refit(Float64Array.from(AIR_PASSENGERS), 12)).not.toEqual(searched.path);
  });

  it("starts each spec at an earlier search's optimum when given one, and ends no worse", () => {
    const optima: EtsOptima = new Map();
    const first = autoEts(AIR_PASSENGERS, 12, undefined, optima);
    expect(optima.get(specName(first.spec))).toEqual(first.optimum);
    expect(optima.size).toBeGreaterThan(3);
    const again = autoEts(AIR_PASSENGERS, 12, undefined, optima);
    expect(specName(again.spec)).toBe(specName(first.spec));
    expect(again.aicc).toBeLessThanOrEqual(first.aicc + 1e-9);
  });

  it('fits a fixed Holt-Winters multiplicative model by likelihood no worse than R', () => {
    const model = fitEtsModel(AIR_PASSENGERS, { error: 'M', trend: 'A', season: 'M' }, 12)!;
    expect(model.aicc).toBeLessThanOrEqual(R_MAM_AICC + 0.01);
    expect(model.aicc).toBeGreaterThan(R_MAM_AICC - 10);
  });

  it('recovers an additive seasonal cycle and its trend on a simulated Holt-Winters series', () => {
    const rng = createRng(3);
    const season = [5, -3, 8, 0, -6, -4];
    const y = Array.from({ length: 180 }, (_, t) => 50 + 0.5 * t + season[t % 6] + (rng() - 0.5));
    const model = autoEts(y, 6);
    expect(model.spec.season).toBe('A');
    expect(model.spec.trend).not.toBe('N');
    const forecast = model.forecast(12);
    forecast.forEach((v, h) => expect(v).toBeCloseTo(50 + 0.5 * (180 + h) + season[(180 + h) % 6], -0.3));
  });

  it('leaves out multiplicative forms on a series that is not positive, and seasons on a short one', () => {
    expect(candidateSpecs([1, -1, 2, 3, 4, 5, 6, 7, 8, 9], 1).every((s) => s.error === 'A' && s.season === 'N')).toBe(
      true,
    );
    expect(candidateSpecs(AIR_PASSENGERS.slice(0, 20), 12).every((s) => s.season === 'N')).toBe(true);
    expect(candidateSpecs(AIR_PASSENGERS, 12)).toHaveLength(15);
    expect(candidateSpecs(AIR_PASSENGERS, 168).every((s) => s.season === 'N')).toBe(true);
  });

  it('says so when no model can be fit', () => {
    expect(() => autoEts([1, 2, 3], 1)).toThrow(/no ETS model could be fit on 3 values/);
  });
});

describe('etsFitter', () => {
  it('says that it ignores a season longer than 24 steps, as R warns; a shorter season needs no note', async () => {
    const train = Float64Array.from({ length: 300 }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 48) + (i % 5));
    const window = { index: 0, count: 1, origin: train.length };
    const long = await etsFitter(4, 48)(train, window);
    expect(long.note).toBe(
      "ETS ignores seasons longer than 24 steps, as R's ets does, so it forecast this series' 48-step season without one; MSTL models long seasons.",
    );
    const [path] = await long.forecastFrom(train, [train.length]);
    expect(path).toHaveLength(4);
    expect((await etsFitter(4, 12)(train, window)).note).toBeUndefined();
  });

  it('says that it forecast without the season where it had fewer than two full seasons to fit on', async () => {
    const values = (n: number) =>
      Float64Array.from({ length: n }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 12));
    const fitOn = (n: number) => etsFitter(3, 12)(values(n), { index: 0, count: 1, origin: n });
    expect((await fitOn(23)).note).toBe(
      "ETS needs 24 values (two full seasons) to fit this series' 12-step season; where it had fewer to fit on, it forecast without one.",
    );
    expect(candidateSpecs(values(23), 12).every((spec) => spec.season === 'N')).toBe(true);
    expect((await fitOn(24)).note).toBeUndefined();
    expect(candidateSpecs(values(24), 12).some((spec) => spec.season !== 'N')).toBe(true);
  });
});
