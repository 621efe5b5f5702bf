// Series names of long files, and what a batch's covariate means for each of its series.
import { describe, expect, it } from 'vitest';
import { covariateOf, covariateSeriesOf, longSeriesName, longSeriesParts } from './series-names';

const named = (id: string, name: string) => ({ id, name });

describe('longSeriesParts', () => {
  it("splits a long file's name into its ids and value column, and nothing else", () => {
    expect(longSeriesParts(longSeriesName(['store'], ['north'], 'sales', 2))).toEqual({
      ids: 'store=north',
      column: 'sales',
    });
    expect(longSeriesParts('store=north / item=a / promo')).toEqual({ ids: 'store=north / item=a', column: 'promo' });
    expect(longSeriesParts(longSeriesName(['store'], ['north'], 'sales', 1))).toBeNull(); // "north"
    expect(longSeriesParts('north / apples')).toBeNull(); // two ids, one value column
    expect(longSeriesParts('promo')).toBeNull();
  });
});

describe('covariateOf and covariateSeriesOf', () => {
  const series = [
    named('1', 'store=north / sales'),
    named('2', 'store=north / promo'),
    named('3', 'store=south / sales'),
    named('4', 'store=south / promo'),
    named('5', 'store=west / sales'),
    named('6', 'temperature'),
  ];
  const byName = new Map(series.map((s) => [s.name, s]));

  it("gives each series its own id's column, and a shared covariate as it is", () => {
    expect(covariateOf(series[2], series[1], byName).id).toBe('4');
    expect(covariateOf(series[0], series[1], byName).id).toBe('2');
    // West has no promo column: the named one.
    expect(covariateOf(series[4], series[1], byName).id).toBe('2');
    expect(covariateOf(series[2], series[5], byName).id).toBe('6');
    expect(covariateOf(series[5], series[1], byName).id).toBe('2');
  });

  it("counts every id's column as a covariate, not a series to forecast", () => {
    expect([...covariateSeriesOf(series, ['2'])].sort()).toEqual(['2', '4']);
    expect([...covariateSeriesOf(series, ['6'])]).toEqual(['6']);
    expect([...covariateSeriesOf(series, ['2', '6'])].sort()).toEqual(['2', '4', '6']);
  });
});
