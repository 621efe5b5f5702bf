import { describe, expect, it } from 'vitest';
import { formatAt, forecastTableRows, seriesDecimals } from './forecast-table';
import type { RunForecast } from './types';

const bounds = (lo80: number, hi80: number, lo95: number, hi95: number) => ({ lo80, hi80, lo95, hi95 });

const forecast = {
  test: [
    { t: '2024-01-01T00:00:00.000Z', actual: 10, mstl: 11, lstm: 9, seasonalNaive: 12 },
    { t: '2024-01-02T00:00:00.000Z', actual: 12, mstl: 12.5, lstm: 13, seasonalNaive: 10 },
  ],
  future: [
    {
      t: '2024-01-03T00:00:00.000Z',
      mstl: 13,
      lstm: 15,
      seasonalNaive: 11,
      intervals: { mstl: bounds(12, 14, 11, 15), lstm: bounds(1, 2, 0, 3) },
    },
  ],
} as unknown as RunForecast;

describe('forecastTableRows', () => {
  it('lists the drawn model over the last backtest window with actuals, then the future with its bounds', () => {
    expect(forecastTableRows(forecast, { main: 'mstl', members: ['mstl'] })).toEqual([
      {
        t: '2024-01-01T00:00:00.000Z',
        segment: 'backtest',
        forecast: 11,
        actual: 10,
        lo80: null,
        hi80: null,
        lo95: null,
        hi95: null,
      },
      {
        t: '2024-01-02T00:00:00.000Z',
        segment: 'backtest',
        forecast: 12.5,
        actual: 12,
        lo80: null,
        hi80: null,
        lo95: null,
        hi95: null,
      },
      {
        t: '2024-01-03T00:00:00.000Z',
        segment: 'future',
        forecast: 13,
        actual: null,
        lo80: 12,
        hi80: 14,
        lo95: 11,
        hi95: 15,
      },
    ]);
  });

  it('averages the members of an ensemble where the run kept no average', () => {
    const rows = forecastTableRows(forecast, { main: 'ensemble', members: ['mstl', 'lstm'] });
    expect(rows.map((r) => r.forecast)).toEqual([10, 12.75, 14]);
    expect(rows[2].lo80).toBeNull();
  });
});

describe('seriesDecimals / formatAt', () => {
  it('finds the decimals the series was written with, plus extra', () => {
    expect(seriesDecimals([12, 12.5, 3.25])).toBe(2);
    expect(seriesDecimals([12500, 13000], 2)).toBe(2);
    expect(seriesDecimals([0.1 + 0.2])).toBe(6);
  });
  it('writes values at that precision with thousands separators', () => {
    expect(formatAt(12500, 0)).toBe('12,500');
    expect(formatAt(3.14159, 2)).toBe('3.14');
    expect(formatAt(null, 2)).toBe('—');
  });
});
