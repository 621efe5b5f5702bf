// The other series of a dataset that the global LSTM learns from beside the target, and how each
// is cut for a backtest window: only its points strictly before the window's first timestamp.
// A related series that ran ahead of the target would otherwise tell the model what happened
// during the window it is scored on.
import type { Frequency } from '../types';

/**
 * Related series a global LSTM pools at most (the first ones given). Each adds a series to load
 * and cut per window; the pooled windows are capped anyway (pooled-windows.ts), so beyond a few
 * dozen series more of them only thin out every series' share.
 */
export const MAX_RELATED_SERIES = 31;

/** A series the global LSTM may pool: timestamps (epoch ms, ascending) and values. */
export interface RelatedSeries {
  name: string;
  t: ArrayLike<number>;
  v: ArrayLike<number>;
  frequency: Frequency;
}

/** How many leading points of `t` (ascending) lie strictly before `cutoff`. */
export function pointsBefore(t: ArrayLike<number>, cutoff: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < cutoff) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of `series` a model trained for a window starting at `cutoff` may see. */
export function cutBefore(series: RelatedSeries, cutoff: number): { t: ArrayLike<number>; v: ArrayLike<number> } {
  const n = pointsBefore(series.t, cutoff);
  return { t: Array.prototype.slice.call(series.t, 0, n), v: Array.prototype.slice.call(series.v, 0, n) };
}

/**
 * The related series a target of `frequency` can pool with: the same frequency (a window of 24
 * hourly steps means nothing next to 24 days), and why the others were left out.
 */
export function compatibleRelated(
  frequency: Frequency,
  related: readonly RelatedSeries[],
): { usable: RelatedSeries[]; leftOut: string | undefined } {
  const compatible = related.filter((s) => s.frequency === frequency && frequency !== 'irregular');
  const usable = compatible.slice(0, MAX_RELATED_SERIES);
  const others = related.filter((s) => !compatible.includes(s));
  const capped =
    compatible.length > usable.length
      ? `${compatible.length - usable.length} related series left out: at most ${MAX_RELATED_SERIES} are pooled.`
      : undefined;
  const leftOut =
    others.length === 0
      ? capped
      : frequency === 'irregular'
        ? `${others.length} related series left out: an irregular series has no common time step to pool windows on.`
        : `${others.length} related series left out: not ${frequency} (${others
            .slice(0, 3)
            .map((s) => `"${s.name}" is ${s.frequency}`)
            .join(', ')}${others.length > 3 ? ', …' : ''}).${capped ? ` ${capped}` : ''}`;
  return { usable, leftOut };
}
