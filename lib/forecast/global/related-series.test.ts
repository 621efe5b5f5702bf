import { describe, expect, it } from 'vitest';
import { compatibleRelated, cutBefore, MAX_RELATED_SERIES, pointsBefore, type RelatedSeries } from './related-series';

const DAY = 86_400_000;
const daily = (name: string, from: number, points: number): RelatedSeries => ({
  name,
  frequency: 'daily',
  t: Array.from({ length: points }, (_, i) => (from + i) * DAY),
  v: Array.from({ length: points }, (_, i) => i),
});

describe('cutBefore', () => {
  it('keeps exactly the points strictly before the cutoff', () => {
    const s = daily('a', 10, 20); // days 10..29
    expect(pointsBefore(s.t, 15 * DAY)).toBe(5);
    expect(pointsBefore(s.t, 15 * DAY + 1)).toBe(6);
    expect(pointsBefore(s.t, 0)).toBe(0);
    expect(pointsBefore(s.t, 100 * DAY)).toBe(20);
    const cut = cutBefore(s, 15 * DAY);
    expect(Array.from(cut.t)).toEqual([10, 11, 12, 13, 14].map((d) => d * DAY));
    expect(Array.from(cut.v)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('compatibleRelated', () => {
  it('pools only series of the same frequency and says which were left out', () => {
    const hourly: RelatedSeries = { ...daily('h', 0, 5), frequency: 'hourly' };
    const { usable, leftOut } = compatibleRelated('daily', [daily('a', 0, 5), hourly]);
    expect(usable.map((s) => s.name)).toEqual(['a']);
    expect(leftOut).toBe('1 related series left out: not daily ("h" is hourly).');
  });

  it('pools nothing for an irregular series', () => {
    const irregular: RelatedSeries = { ...daily('i', 0, 5), frequency: 'irregular' };
    expect(compatibleRelated('irregular', [irregular]).usable).toEqual([]);
  });

  it(`pools at most ${MAX_RELATED_SERIES} related series`, () => {
    const many = Array.from({ length: MAX_RELATED_SERIES + 2 }, (_, k) => daily(`s${k}`, 0, 5));
    const { usable, leftOut } = compatibleRelated('daily', many);
    expect(usable).toHaveLength(MAX_RELATED_SERIES);
    expect(leftOut).toBe(`2 related series left out: at most ${MAX_RELATED_SERIES} are pooled.`);
  });
});
