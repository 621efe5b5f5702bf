import { describe, expect, it } from 'vitest';
import { bucketCandidates, downsamplePoints, type BucketSummary, type TimePoint } from './points-downsample';

/** A smooth wave with one sharp spike and one sharp dip, neither at the ends. */
function spikySeries(length: number, spikeAt: number, dipAt: number): TimePoint[] {
  return Array.from({ length }, (_, i): TimePoint => {
    const base = Math.sin(i / 50);
    return [1_700_000_000_000 + i * 60_000, i === spikeAt ? 40 : i === dipAt ? -35 : base];
  });
}

/** What the SQL bucketing returns for `points` cut into `buckets` equal time spans. */
function summarise(points: readonly TimePoint[], buckets: number): BucketSummary[] {
  const start = points[0][0];
  const width = Math.ceil((points[points.length - 1][0] - start + 1) / buckets);
  const groups = new Map<number, TimePoint[]>();
  for (const point of points) {
    const key = Math.floor((point[0] - start) / width);
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  return [...groups.values()].map((group) => ({
    first: group[0],
    last: group[group.length - 1],
    low: group.reduce((a, b) => (b[1] < a[1] ? b : a)),
    high: group.reduce((a, b) => (b[1] > a[1] ? b : a)),
  }));
}

describe('downsamplePoints', () => {
  it('returns every point, unchanged and in order, when they fit', () => {
    const points = spikySeries(120, 30, 90);
    expect(downsamplePoints(points, 120)).toEqual(points);
    expect(downsamplePoints(points, 500)).toEqual(points);
  });

  it('keeps at most max points, with the first and last', () => {
    const points = spikySeries(10_000, 4_321, 7_777);
    const chosen = downsamplePoints(points, 200);
    expect(chosen.length).toBeLessThanOrEqual(200);
    expect(chosen[0]).toEqual(points[0]);
    expect(chosen.at(-1)).toEqual(points.at(-1));
    expect(chosen.map((p) => p[0])).toEqual([...chosen.map((p) => p[0])].sort((a, b) => a - b));
  });

  it('keeps the last point where the LTTB library alone ends one point early', () => {
    // 6000 points to 1500: the library's last index rounds down to the point before the last.
    const points = spikySeries(6000, 2000, 4000);
    const chosen = downsamplePoints(points, 1500);
    expect(chosen.length).toBeLessThanOrEqual(1500);
    expect(chosen.at(-1)).toEqual(points.at(-1));
  });

  it('keeps the first and last point with the smallest max', () => {
    const points = spikySeries(1000, 10, 20);
    for (const max of [3, 4, 5, 6]) {
      const chosen = downsamplePoints(points, max);
      expect(chosen.length).toBeLessThanOrEqual(max);
      expect(chosen[0]).toEqual(points[0]);
      expect(chosen.at(-1)).toEqual(points.at(-1));
    }
  });

  it('keeps the lowest and highest point however few are asked for', () => {
    const points = spikySeries(20_000, 12_345, 3_210);
    for (const max of [7, 17, 100, 1000]) {
      const chosen = downsamplePoints(points, max);
      expect(chosen.length).toBeLessThanOrEqual(max);
      expect(chosen).toContainEqual(points[12_345]);
      expect(chosen).toContainEqual(points[3_210]);
    }
  });
});

describe('bucketCandidates', () => {
  it('merges the bucket summaries into distinct points in time order', () => {
    const a: TimePoint = [1, 5];
    const b: TimePoint = [2, 9];
    const c: TimePoint = [3, 1];
    const d: TimePoint = [4, 4];
    expect(
      bucketCandidates([
        { first: c, last: d, low: c, high: d },
        { first: a, last: b, low: a, high: b },
      ]),
    ).toEqual([a, b, c, d]);
  });

  it('gives one point for a bucket holding one', () => {
    const only: TimePoint = [10, 3];
    expect(bucketCandidates([{ first: only, last: only, low: only, high: only }])).toEqual([only]);
  });

  it('with downsamplePoints, keeps a large range’s extremes through the buckets', () => {
    const points = spikySeries(100_000, 55_555, 99_000);
    const chosen = downsamplePoints(bucketCandidates(summarise(points, 2000)), 2000);
    expect(chosen.length).toBeLessThanOrEqual(2000);
    expect(chosen).toContainEqual(points[55_555]);
    expect(chosen).toContainEqual(points[99_000]);
    expect(chosen[0]).toEqual(points[0]);
    expect(chosen.at(-1)).toEqual(points.at(-1));
  });
});
