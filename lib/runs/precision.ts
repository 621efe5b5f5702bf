// The precision a series was written with, so numbers derived from it (forecasts, bounds) are
// shown and downloaded at that precision plus two digits instead of 17 significant digits. Pure:
// the run page and the downloads share it.

/** Decimals written at most, capped at 6 (0.1 + 0.2 reads as 6, not 17). */
const MAX_DECIMALS = 6;

/** The most decimals among `values` (as JavaScript writes them), e.g. [12, 12.5, 3.25] → 2. */
export function decimalsOf(values: Iterable<number | null | undefined>): number {
  let most = 0;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const text = String(value);
    if (text.includes('e')) continue;
    const dot = text.indexOf('.');
    if (dot >= 0) most = Math.max(most, Math.min(MAX_DECIMALS, text.length - dot - 1));
  }
  return most;
}

/** `value` rounded to `decimals` decimals; null and non-finite values stay null. */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}
