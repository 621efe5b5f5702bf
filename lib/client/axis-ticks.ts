// Value-axis ticks whose labels never repeat: round ticks (1, 2 or 5 x 10^k apart) over the data's
// range, labelled with as many decimals as their step needs. A loss that barely moves (0.2507 to
// 0.2513) gets 0.2506, 0.2508, 0.251, 0.2512 rather than "0.251, 0.251, 0.251".

export interface AxisTicks {
  ticks: number[];
  /** Distance between neighbouring ticks. */
  step: number;
  /** Decimals that tell neighbouring ticks apart. */
  decimals: number;
}

/** Round ticks from at or below `min` to at or above `max`, about `target` of them. */
export function niceTicks(min: number, max: number, target = 5): AxisTicks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [], step: 1, decimals: 0 };
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (high === low) {
    // A flat line: a small band around it.
    const pad = Math.abs(low) * 0.01 || 1;
    low -= pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, target);
  const exponent = Math.floor(Math.log10(raw));
  const magnitude = 10 ** exponent;
  const mantissa = [1, 2, 5, 10].find((m) => m * magnitude >= raw * (1 - 1e-9)) ?? 10;
  const step = mantissa * magnitude;
  // 10 x 10^k is 1 x 10^(k+1): one decimal fewer.
  const decimals = Math.max(0, -(mantissa === 10 ? exponent + 1 : exponent));
  const first = Math.floor(low / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= high + step * 1e-9; tick += step) ticks.push(roundTo(tick, decimals));
  if (ticks[ticks.length - 1] < high) ticks.push(roundTo(first + ticks.length * step, decimals));
  return { ticks, step, decimals };
}

/** Removes floating-point dust (0.30000000000000004) at the ticks' own precision. */
function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(20, decimals)));
}

/** A tick label with the axis' decimals, trailing zeros dropped (0.251, 0.2512; 1.5, 2). */
export function tickLabel(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(Math.min(20, decimals))));
}

/**
 * Recharts value-axis props (ticks, domain, formatter) for `values`: round ticks over their range
 * (from 0 with `fromZero`), labelled so neighbours differ. Non-finite values are ignored.
 */
export function valueAxis(
  values: Iterable<number | null | undefined>,
  { fromZero = false, target = 5 }: { fromZero?: boolean; target?: number } = {},
): { ticks: number[]; domain: [number, number]; tickFormatter: (value: number) => string } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (min > max) return undefined;
  const { ticks, decimals } = niceTicks(fromZero ? Math.min(0, min) : min, max, target);
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], tickFormatter: (value) => tickLabel(value, decimals) };
}
