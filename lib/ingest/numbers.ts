// Reading value cells: a number, a missing value, or text that is neither.

/** Tokens spreadsheets, R, pandas and databases write for "no value" (compared lower-cased). */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'nan', 'none', '-', '--', '?']);
const LONGEST_MISSING_TOKEN = 4;

// Plain decimals with an optional sign and exponent; no thousands separators, no hex, no Infinity.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?(?:\d+,\d*|,\d+)(?:e[+-]?\d+)?$/i;

/** True for an empty cell or a missing-value token such as NA, N/A, null, NaN, - or ?. */
export function isMissingValue(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= LONGEST_MISSING_TOKEN && MISSING_TOKENS.has(trimmed.toLowerCase());
}

/**
 * The number in a cell, or NaN. With `decimalComma` (semicolon-delimited files, as spreadsheets in
 * decimal-comma locales write them) "1,5" also reads as 1.5.
 */
export function parseNumber(text: string, decimalComma = false): number {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  if (decimalComma && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return NaN;
}
