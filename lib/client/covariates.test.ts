import { describe, expect, it } from 'vitest';
import {
  batchTargets,
  checkBatchCoverage,
  checkCoverage,
  covariateCandidates,
  covariateFields,
  defaultKnownFuture,
  joinCalendar,
  splitCalendar,
} from './covariates';
import { formatConfigValue } from './training-fields';
import type { Series } from './types';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();

function series(id: string, end: number, frequency: Series['frequency'] = 'daily'): Series {
  return {
    id,
    datasetId: 'd',
    name: id,
    frequency,
    points: end + 1,
    start: day(0),
    end: day(end),
    timeOffset: null,
    timeZone: null,
  };
}

const sales = series('sales', 59);
const promo = series('promo', 73);
const price = series('price', 59);
const hourly = series('hourly', 100, 'hourly');
const all = [sales, promo, price, hourly];

describe('covariates in the forms', () => {
  it('offers the other series of the same frequency, known future when they go on after the target', () => {
    expect(covariateCandidates(sales, all).map((s) => s.id)).toEqual(['price', 'promo']);
    expect(covariateCandidates(null, all).map((s) => s.id)).toEqual(['hourly', 'price', 'promo', 'sales']);
    expect(defaultKnownFuture(promo, sales)).toBe(true);
    expect(defaultKnownFuture(price, sales)).toBe(false);
  });

  it('says whether the known future reaches the last forecast step, and the longest horizon it covers', () => {
    const covered = checkCoverage(sales, 14, [{ seriesId: 'promo', knownFuture: true }], all);
    expect(covered).toEqual({
      covered: true,
      message: 'The known future covers the 14-step forecast (to 14 Mar 2024).',
    });
    const short = checkCoverage(sales, 20, [{ seriesId: 'promo', knownFuture: true }], all);
    expect(short?.covered).toBe(false);
    expect(short?.message).toContain('“promo” ends 14 Mar 2024, but the 20-step forecast runs to 20 Mar 2024');
    expect(short?.message).toContain('Shorten the horizon to 14');
    const none = checkCoverage(sales, 7, [{ seriesId: 'price', knownFuture: true }], all);
    expect(none?.message).toContain('Use it as past-only');
    // Past-only covariates need no future.
    expect(checkCoverage(sales, 20, [{ seriesId: 'price', knownFuture: false }], all)).toBeNull();
  });

  it('checks every series of a batch but the covariates, with each frequency’s default horizon when blank', () => {
    const batch = checkBatchCoverage([sales, promo, price], null, [{ seriesId: 'promo', knownFuture: true }]);
    expect(batch).toEqual({ covered: true, message: 'The known future covers the forecast of every series (2).' });
    const failing = checkBatchCoverage([sales, promo, series('late', 70)], 10, [
      { seriesId: 'promo', knownFuture: true },
    ]);
    expect(failing?.covered).toBe(false);
    expect(failing?.message).toMatch(/^1 of 2 series would fail, e\.g\. “late”: “promo” ends/);
  });

  it("in a long file, checks each series against its own id's column and forecasts none of them", () => {
    const named = (id: string, name: string, end: number) => ({ ...series(id, end), name });
    const stores = [
      named('n-sales', 'store=north / sales', 59),
      named('n-promo', 'store=north / promo', 73),
      named('s-sales', 'store=south / sales', 59),
      named('s-promo', 'store=south / promo', 62),
    ];
    const choice = [{ seriesId: 'n-promo', knownFuture: true }];
    expect(batchTargets(stores, choice).map((s) => s.id)).toEqual(['n-sales', 's-sales']);
    // South's own promo ends 3 days after its sales: a 7-day horizon fails there, not in the north.
    const check = checkBatchCoverage(stores, 7, choice);
    expect(check?.covered).toBe(false);
    expect(check?.message).toMatch(
      /^1 of 2 series would fail, e\.g\. “store=south \/ sales”: “store=south \/ promo” ends/,
    );
    expect(checkBatchCoverage(stores, 3, choice)?.covered).toBe(true);
  });

  it('sends only what was chosen, and joins country and region', () => {
    expect(covariateFields({ covariates: [], holidays: null })).toEqual({});
    expect(covariateFields({ covariates: [{ seriesId: 'promo', knownFuture: true }], holidays: 'US' })).toEqual({
      covariates: [{ seriesId: 'promo', knownFuture: true }],
      holidays: 'US',
    });
    expect(splitCalendar('DE-BY')).toEqual({ country: 'DE', region: 'BY' });
    expect(splitCalendar(null)).toEqual({ country: '', region: '' });
    expect(joinCalendar('DE', 'BY')).toBe('DE-BY');
    expect(joinCalendar('US', '')).toBe('US');
    expect(joinCalendar('', 'BY')).toBeNull();
  });

  it('the configuration names covariates by their series', () => {
    const value = [
      { seriesId: 'a1', knownFuture: true },
      { seriesId: 'b2', knownFuture: false },
    ];
    expect(formatConfigValue(value, new Map([['a1', 'promotion']]))).toBe('promotion (known future), b2 (past only)');
    expect(formatConfigValue([])).toBe('none');
    expect(formatConfigValue(null)).toBe('none');
  });
});
