import { describe, expect, it } from 'vitest';
import { describeEffect, inputsPhrase } from './covariate-effect';
import type { AccuracyMetrics } from './types';

const metrics = (mase: number, mae = 1): AccuracyMetrics => ({
  mae,
  rmse: 1,
  mape: 1,
  mapeExcluded: 0,
  smape: 1,
  mase,
  wape: 1,
});
const block = { covariateNames: ['promotions', 'price'], holidayCalendar: undefined };

describe('describeEffect', () => {
  it('says how much the covariates cut the error', () => {
    const effect = describeEffect('lstm', block, metrics(0.69), metrics(1));
    expect(effect).toMatchObject({ model: 'lstm', metric: 'mase', withMase: 0.69, withoutMase: 1, holidays: null });
    expect(effect.change).toBeCloseTo(-0.31, 10);
    expect(effect.sentence).toBe("Promotions and price cut the LSTM's backtest MASE by 31% (1.00 → 0.690).");
  });

  it('tells the truth when they made it worse, or made no difference', () => {
    const worse = describeEffect(
      'lstmHybrid',
      { covariateNames: [], holidayCalendar: 'DE-BY' },
      metrics(1.2),
      metrics(1),
    );
    expect(worse.change).toBeCloseTo(0.2, 10);
    expect(worse.sentence).toBe(
      "The DE-BY holiday calendar made the hybrid LSTM's backtest MASE worse by 20% (1.00 → 1.20): it forecasts better without it.",
    );
    expect(describeEffect('lstm', block, metrics(1.01), metrics(1)).sentence).toMatch(/made no real difference/);
  });

  it('says "without it" for one input and "without them" for several', () => {
    const worse = (covariateNames: string[], holidayCalendar?: string) =>
      describeEffect('lstmHybrid', { covariateNames, holidayCalendar }, metrics(1.37), metrics(1.26)).sentence;
    expect(worse([], 'US')).toBe(
      "The US holiday calendar made the hybrid LSTM's backtest MASE worse by 9% (1.26 → 1.37): it forecasts better without it.",
    );
    expect(worse(['promo'])).toMatch(/: it forecasts better without it\.$/);
    expect(worse(['promo'], 'US')).toMatch(/: it forecasts better without them\.$/);
    expect(worse(['promo', 'price'])).toMatch(/: it forecasts better without them\.$/);
  });

  it('compares MAE when the series has no MASE scale', () => {
    const effect = describeEffect('lstm', block, metrics(Number.NaN, 4), metrics(Number.NaN, 5));
    expect(effect).toMatchObject({ metric: 'mae', withMase: 4, withoutMase: 5 });
    expect(effect.sentence).toContain('backtest MAE by 20%');
  });

  it('names the inputs', () => {
    expect(inputsPhrase(['promo', 'price', 'temp'], 'US')).toBe('promo, price, temp and the US holiday calendar');
    expect(inputsPhrase(['promo'], null)).toBe('promo');
  });
});
