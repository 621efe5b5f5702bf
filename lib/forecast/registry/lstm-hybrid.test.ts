import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { resolveConfig } from '../config';
import { covariateBlock } from '../covariates';
import { dailyHolidayKeys } from '../hybrid/holiday-effects';
import { createRng } from '../random';
import type { SeasonInfo, SeriesData } from '../types';
import { lstmHybridModel } from './lstm-hybrid';

const DAY = 86_400_000;
const WEEK: SeasonInfo = { length: 7, source: 'frequency' };

beforeAll(async () => {
  await initBackend();
});

describe('lstmHybrid in the registry', () => {
  it('takes the holidays from the run’s covariates, so the run without them (covariate-effect.ts) has none', async () => {
    // 2014 from New Year's Day: a weekly cycle and dips of 35% on US public holidays.
    const t = Array.from({ length: 260 }, (_, i) => Date.UTC(2014, 0, 1) + i * DAY);
    const keyAt = dailyHolidayKeys('US', t);
    const rng = createRng(4);
    const v = t.map((_, i) => {
      const dip = keyAt(i)?.offset === 0 ? 0.65 : 1;
      return 100 * (1 + 0.1 * Math.sin((2 * Math.PI * i) / 7)) * dip * (1 + 0.01 * (rng() - 0.5));
    });
    const data: SeriesData = { t, v, frequency: 'daily' };
    const config = resolveConfig(
      { epochs: 2, units: 4, horizon: 7, lookback: 14, holidays: 'US' },
      { frequency: 'daily', points: t.length },
    );
    const futureT = Array.from({ length: 7 }, (_, h) => t[t.length - 1] + (h + 1) * DAY);
    const labourDay = t.indexOf(Date.UTC(2014, 8, 1));
    const origin = labourDay - 3;
    const forecastWith = async (withCovariates: boolean) => {
      const covariates = withCovariates ? covariateBlock(data, futureT, config, []) : undefined;
      const run = lstmHybridModel.create({
        data,
        config,
        season: WEEK,
        windowCount: 1,
        related: [],
        origins: [origin],
        callbacks: {},
        ...(covariates && { covariates }),
      });
      try {
        const fitted = await run.fit(Float64Array.from(v.slice(0, origin)), { index: 0, count: 1, origin });
        const [forecast] = await fitted.forecastFrom(Float64Array.from(v), [origin]);
        // Labor Day (step 3) against the lower of the days beside it.
        return forecast[3] / Math.min(forecast[2], forecast[4]);
      } finally {
        run.dispose();
      }
    };
    expect(await forecastWith(true)).toBeLessThan(0.75);
    // The config still names the calendar; without the covariates nothing reads it.
    expect(await forecastWith(false)).toBeGreaterThan(0.8);
  });
});
