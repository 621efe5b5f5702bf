// The last step of chart downsampling, in memory: PostgreSQL has already reduced a long range to
// a few points per time bucket (its first, last, lowest and highest); this merges them, lets LTTB
// pick the `max` that keep the visual shape, and makes sure the range's extremes survive. Pure,
// so it is unit-tested without a database.
import { LTTB } from 'downsample';

/** Epoch milliseconds and value. */
export type TimePoint = [t: number, v: number];

/** What SQL returns per time bucket: [t, v] of its first, last, lowest and highest point. */
export interface BucketSummary {
  first: TimePoint;
  last: TimePoint;
  low: TimePoint;
  high: TimePoint;
}

/** The distinct points of the buckets, in time order (a bucket of one point gives one). */
export function bucketCandidates(buckets: readonly BucketSummary[]): TimePoint[] {
  const byTime = new Map<number, TimePoint>();
  for (const { first, last, low, high } of buckets) {
    for (const point of [first, low, high, last]) byTime.set(point[0], point);
  }
  return [...byTime.values()].sort((a, b) => a[0] - b[0]);
}

const extremes = (points: readonly TimePoint[]): [low: TimePoint, high: TimePoint] => {
  let low = points[0];
  let high = points[0];
  for (const point of points) {
    if (point[1] < low[1]) low = point;
    if (point[1] > high[1]) high = point;
  }
  return [low, high];
};

/**
 * Exactly `max` (≥ 3) of `points` (time-ordered) when there are more, else all of them: LTTB's
 * choice, with the first and last point and, for `max` ≥ 7, the lowest and highest swapped in
 * for the chosen point nearest in time when LTTB left them out. A chart of a sensor that spiked
 * once must still show the spike. (The ends are checked because the LTTB library can end one
 * point early when its buckets' fractional sizes round down.)
 */
export function downsamplePoints(points: readonly TimePoint[], max: number): TimePoint[] {
  if (points.length <= max) return [...points];
  const ends = [points[0], points[points.length - 1]];
  const required = new Set(max >= 7 ? [...ends, ...extremes(points)] : ends);
  // LTTB returns the very points it was given (the same arrays), so identity finds them.
  const chosen = LTTB([...points], max) as TimePoint[];
  const present = new Set(chosen);
  for (const point of required) {
    if (present.has(point)) continue;
    let nearest = -1;
    chosen.forEach((candidate, i) => {
      if (required.has(candidate)) return;
      const distance = Math.abs(candidate[0] - point[0]);
      if (nearest < 0 || distance < Math.abs(chosen[nearest][0] - point[0])) nearest = i;
    });
    chosen[nearest] = point;
    present.add(point);
  }
  return chosen.sort((a, b) => a[0] - b[0]);
}
