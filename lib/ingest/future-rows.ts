// Future rows (issue 22): rows after a series' last value where its cell is empty but other series
// of the same rows go on, e.g. the next 14 days of planned promotions and prices below the last
// day of sales. Nothing special is stored for them: every column (every id of a long file) is its
// own series, so the continuing values simply are the later points of those series, and the
// series whose cells are empty just ends earlier; trailing empty cells are neither gaps nor
// missing values. What this module adds is the count the upload preview shows, so the user sees
// that those rows were read as the known future of the continuing series (usable as known-future
// covariates of a run on the shorter one).
//
// Which series share rows: in a long file with several value columns, the series of one id (its
// columns); otherwise (a wide file, or a long file with one value column, where every id is a
// series as every column is in a wide one) all series of the file.
import type { FutureRows, ParsedSeries } from './types';

/**
 * More timestamps than this after a series' last value are not "future rows": the series simply
 * ended earlier (a sensor that stopped). A horizon is at most 1000 steps, so no run could use more.
 */
export const MAX_FUTURE_ROWS = 1000;
/** Names listed in the summary; the counts say how many more there are. */
const NAMES_LISTED = 5;

export function findFutureRows(series: readonly ParsedSeries[], valueColumns: number): FutureRows | null {
  const groups = new Map<string, number[]>();
  series.forEach((s, index) => {
    const key = valueColumns > 1 && s.ids ? JSON.stringify(Object.values(s.ids)) : '';
    const members = groups.get(key) ?? [];
    members.push(index);
    groups.set(key, members);
  });
  const targets: { name: string; rows: number; last: number }[] = [];
  const continuing = new Set<number>();
  for (const members of groups.values()) {
    const counts = countsAfterLast(members.map((index) => series[index].t));
    members.forEach((index, k) => {
      const rows = counts[k];
      if (rows === null || rows === 0) return;
      const { t, name } = series[index];
      targets.push({ name, rows, last: t[t.length - 1] });
      // The series with values after this one's last are its covariates' candidates.
      members.forEach((other) => {
        const ot = series[other].t;
        if (other !== index && ot.length > 0 && ot[ot.length - 1] > t[t.length - 1]) continuing.add(other);
      });
    });
  }
  if (targets.length === 0) return null;
  const rows = targets.map((target) => target.rows);
  const covariates = [...continuing].sort((a, b) => a - b).map((index) => series[index].name);
  const found = {
    rows: Math.max(...rows),
    fewestRows: Math.min(...rows),
    targets: targets.slice(0, NAMES_LISTED).map(({ name, rows, last }) => ({
      name,
      rows,
      last: new Date(last).toISOString(),
    })),
    targetCount: targets.length,
    covariates: covariates.slice(0, NAMES_LISTED),
    covariateCount: covariates.length,
  };
  return { message: describe(found), ...found };
}

function describe(found: Omit<FutureRows, 'message'>): string {
  const count = found.fewestRows === found.rows ? `${found.rows}` : `${found.fewestRows} to ${found.rows}`;
  const rows = `${count} future row${found.rows === 1 ? '' : 's'}`;
  const after =
    found.targetCount === 1
      ? `after the last value of ${quote(found.targets[0].name)} (${found.targets[0].last.slice(0, 10)})`
      : `after the last values of ${listed(
          found.targets.map((t) => t.name),
          found.targetCount,
        )}`;
  const continuing = listed(found.covariates, found.covariateCount);
  const verb = found.covariateCount === 1 ? 'goes on: its values there are' : 'go on: their values there are';
  return `${rows}: used as known-future covariates. ${capitalize(after)}, ${continuing} ${verb} stored as the future part.`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const quote = (name: string) => `"${name}"`;

function listed(names: readonly string[], total: number): string {
  const shown = names.map(quote);
  if (total > names.length) return `${shown.join(', ')} and ${total - names.length} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * For each series (its ascending timestamps): how many distinct timestamps the others have after
 * its last one; null past MAX_FUTURE_ROWS, and 0 for an empty series. Series are taken by
 * descending last timestamp, and each timestamp of the others is added to the set once, so the
 * work is bounded by MAX_FUTURE_ROWS per series whatever the file's length.
 */
export function countsAfterLast(series: readonly (readonly number[])[]): (number | null)[] {
  const counts: (number | null)[] = series.map(() => 0);
  const order = series
    .map((t, index) => ({ index, last: t.length > 0 ? t[t.length - 1] : -Infinity }))
    .filter((s) => s.last > -Infinity)
    .sort((a, b) => b.last - a.last);
  const seen = new Set<number>();
  /** Per series already taken: how many of its points (from its start) are not yet in `seen`. */
  const unread = new Map<number, number>();
  for (let k = 0; k < order.length; k++) {
    const { index, last } = order[k];
    for (const [other, left] of unread) {
      const t = series[other];
      let i = left;
      while (i > 0 && t[i - 1] > last && seen.size <= MAX_FUTURE_ROWS) seen.add(t[--i]);
      unread.set(other, i);
    }
    if (seen.size > MAX_FUTURE_ROWS) {
      for (let rest = k; rest < order.length; rest++) counts[order[rest].index] = null;
      break;
    }
    counts[index] = seen.size;
    unread.set(index, series[index].length);
  }
  return counts;
}
