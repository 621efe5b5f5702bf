// Transforms the LSTM may train on instead of the raw series: log (growth that scales with the
// level), first differences (trend) and seasonal differences (a cycle whose shape stays put while
// its level moves). Which one a run uses is chosen on validation (see transforms-choice.ts).
// A differencing transform with lag k turns y into z[j] = y[j + k] - y[j], so z[j] belongs to
// time step j + k, and forecasts are turned back into levels from the last k known values.

export const TRANSFORM_NAMES = ['none', 'log', 'difference', 'seasonalDifference'] as const;
export type TransformName = (typeof TRANSFORM_NAMES)[number];

export interface SeriesTransform {
  name: TransformName;
  /** Steps of history the transform consumes: z[j] belongs to step j + lag (0, 1 or the season). */
  lag: number;
}

export function seriesTransform(name: TransformName, seasonLength: number): SeriesTransform {
  return { name, lag: name === 'difference' ? 1 : name === 'seasonalDifference' ? seasonLength : 0 };
}

/**
 * Why `name` cannot be used on `values`, or undefined if it can. Log needs every value above 0;
 * seasonal differences need a season longer than one step (else they are first differences).
 */
export function whyNotApplicable(
  name: TransformName,
  values: ArrayLike<number>,
  seasonLength: number,
): string | undefined {
  if (name === 'log') {
    for (let i = 0; i < values.length; i++) {
      if (!(values[i] > 0)) return `log needs every value above 0, and value ${i + 1} is ${values[i]}`;
    }
  }
  if (name === 'seasonalDifference' && seasonLength < 2) {
    return 'seasonal differences need a season of 2 steps or more, and this series has none';
  }
  return undefined;
}

/** The transformed series: values.length - lag steps. */
export function applyTransform({ name, lag }: SeriesTransform, values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (name === 'none') return Float64Array.from(values);
  if (name === 'log') return Float64Array.from(values, Math.log);
  const out = new Float64Array(Math.max(0, n - lag));
  for (let j = 0; j < out.length; j++) out[j] = values[j + lag] - values[j];
  return out;
}

/**
 * Levels of the steps after `history` from a forecast of the transformed series. Differences
 * are summed back onto the last known values; a step more than one season ahead builds on the
 * forecast level one season before it.
 */
export function invertForecast(
  { name, lag }: SeriesTransform,
  history: ArrayLike<number>,
  forecast: ArrayLike<number>,
): number[] {
  if (name === 'none') return Array.from(forecast);
  if (name === 'log') return Array.from(forecast, Math.exp);
  const n = history.length;
  if (n < lag) throw new Error(`Undoing ${name} needs the last ${lag} values, got ${n}.`);
  const levels: number[] = [];
  for (let k = 0; k < forecast.length; k++) {
    const base = k < lag ? history[n - lag + k] : levels[k - lag];
    levels.push(base + forecast[k]);
  }
  return levels;
}
