import { describe, expect, it } from 'vitest';
import { skillHistogram, sparklineLabel, visibleRows, type BatchSeriesRow } from './batches';

const row = (
  name: string,
  mase: number | null,
  skill: number | null,
  status: BatchSeriesRow['status'] = 'succeeded',
  champion: BatchSeriesRow['champion'] = 'ets',
): BatchSeriesRow => ({
  seriesId: `s-${name}`,
  name,
  runId: `r-${name}`,
  status,
  champion,
  mase,
  skill,
  error: null,
});

const rows = [
  row('b', 0.8, 0.2),
  row('a', 1.2, -0.1, 'succeeded', 'lstm'),
  row('c', null, null, 'failed', null),
  row('d', 0.5, 0.5),
];

describe('visibleRows', () => {
  it('sorts by a number either way, missing values last', () => {
    expect(visibleRows(rows, { sort: 'mase', descending: false, text: '', status: 'all' }).map((r) => r.name)).toEqual([
      'd',
      'b',
      'a',
      'c',
    ]);
    expect(visibleRows(rows, { sort: 'mase', descending: true, text: '', status: 'all' }).map((r) => r.name)).toEqual([
      'a',
      'b',
      'd',
      'c',
    ]);
  });

  it('filters by status and by text in the name or champion', () => {
    expect(
      visibleRows(rows, { sort: 'name', descending: false, text: '', status: 'failed' }).map((r) => r.name),
    ).toEqual(['c']);
    expect(
      visibleRows(rows, { sort: 'name', descending: false, text: 'LST', status: 'all' }).map((r) => r.name),
    ).toEqual(['a']);
  });
});

describe('skillHistogram', () => {
  it('counts skills in bins from the lowest to the highest, clamping below -1', () => {
    const bins = skillHistogram([0.05, 0.15, 0.12, null, -3, 0.3]);
    expect(bins[0].from).toBeCloseTo(-1);
    expect(bins.at(-1)?.from).toBeCloseTo(0.3);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);
    expect(bins.find((bin) => Math.abs(bin.from - 0.1) < 1e-9)?.count).toBe(2);
    expect(bins.find((bin) => Math.abs(bin.from + 1) < 1e-9)?.count).toBe(1);
  });

  it('is empty without any skill', () => {
    expect(skillHistogram([null, null])).toEqual([]);
  });
});

describe('sparklineLabel', () => {
  it('says what the solid and the dashed line are', () => {
    expect(sparklineLabel('north', { history: [1, 2, 3], forecast: [4, 5], model: 'ets' })).toBe(
      'north: the last 3 values, then the ETS forecast of the next 2 steps (dashed)',
    );
    expect(sparklineLabel('south', { history: [1, 2], forecast: [], model: null })).toBe('south: the last 2 values');
  });
});
