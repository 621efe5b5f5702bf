// The block summaries of point_rollups computed in memory, from a series' final time-ordered
// points, so a new dataset's summaries are COPY'd with it instead of being recomputed in SQL from
// the million rows just written. The choices match the SQL rebuild (point-rollups.ts) exactly:
// the lowest point is the earliest of equal lows, the highest the latest of equal highs, and NaN
// ranks above every number, as PostgreSQL orders float8.

/** One block as positions into the series' arrays. */
export interface RollupBlock {
  first: number;
  last: number;
  low: number;
  high: number;
}

/** `a` ranks below `b` in PostgreSQL's float8 order (NaN above all numbers). */
function below(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/** The blocks of `size` consecutive points of `v` (the last one may be shorter), oldest first. */
export function* rollupBlocks(v: ArrayLike<number>, size: number): Generator<RollupBlock> {
  for (let first = 0; first < v.length; first += size) {
    const last = Math.min(first + size, v.length) - 1;
    let low = first;
    let high = first;
    for (let i = first + 1; i <= last; i++) {
      if (below(v[i], v[low])) low = i;
      if (!below(v[i], v[high])) high = i;
    }
    yield { first, last, low, high };
  }
}
