// The geometry of a table's sparkline: recent history, then (optionally) a forecast continuing from
// its last point, on one y-scale, in a fixed viewBox. Pure, so it is unit-tested without a browser.

export const SPARKLINE_WIDTH = 120;
export const SPARKLINE_HEIGHT = 32;
const PAD = 2;

export interface SparklinePaths {
  /** SVG path of the history; '' when there are fewer than two finite values to draw. */
  history: string;
  /** SVG path of the forecast, starting at the history's last point; '' without a forecast. */
  forecast: string;
}

function toPath(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}

export function sparklinePaths(history: readonly number[], forecast: readonly number[] = []): SparklinePaths {
  const past = history.filter(Number.isFinite);
  const future = past.length > 0 ? forecast.filter(Number.isFinite) : [];
  const values = [...past, ...future];
  if (past.length + future.length < 2) return { history: '', forecast: '' };
  const min = Math.min(...values);
  const range = Math.max(...values) - min || 1;
  const steps = values.length - 1;
  const point = (v: number, i: number): [number, number] => [
    PAD + (i / steps) * (SPARKLINE_WIDTH - 2 * PAD),
    SPARKLINE_HEIGHT - PAD - ((v - min) / range) * (SPARKLINE_HEIGHT - 2 * PAD),
  ];
  const last = past.length - 1;
  return {
    history: past.length >= 2 ? toPath(past.map(point)) : '',
    forecast:
      future.length > 0 ? toPath([point(past[last], last), ...future.map((v, i) => point(v, last + 1 + i))]) : '',
  };
}
