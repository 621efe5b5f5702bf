import { describe, expect, it } from 'vitest';
import { coverageGaps } from './covariates';

const DAY = 86_400_000;
const day = (k: number) => Date.UTC(2026, 0, 1) + k * DAY;
const covariate = (name: string, knownFuture: boolean, days: number[]) => ({
  seriesId: `id-${name}`,
  name,
  knownFuture,
  t: days.map(day),
  v: days.map(() => 1),
});

describe('coverageGaps', () => {
  it("names each known-future covariate's missing forecast steps (ISO), and ignores past-only ones", () => {
    const steps = [day(10), day(11), day(12)];
    const gaps = coverageGaps(steps, [
      covariate('promo', true, [8, 9, 10, 11, 12]),
      covariate('price', true, [8, 9, 10]),
      covariate('weather', false, [8, 9]),
    ]);
    expect(gaps).toEqual([
      {
        seriesId: 'id-price',
        name: 'price',
        dates: [new Date(day(11)).toISOString(), new Date(day(12)).toISOString()],
      },
    ]);
  });
});
