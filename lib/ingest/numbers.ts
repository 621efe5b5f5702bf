// Reading value cells: a number, a missing value, or text that is neither.

/** Tokens spreadsheets, R, pandas and databases write for "no value" (compared lower-cased). */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'nan', 'none', '-', '--', '?']);
const LONGEST_MISSING_TOKEN = 4;

// Numbers read are plain decimals with an optional sign and exponent, the pattern
// /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i: no thousands separators, no hex, no Infinity.
const DECIMAL_COMMA = /^[+-]?(?:\d+,\d*|,\d+)(?:e[+-]?\d+)?$/i;

/** True for an empty cell or a missing-value token such as NA, N/A, null, NaN, - or ?. */
export function isMissingValue(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= LONGEST_MISSING_TOKEN && MISSING_TOKENS.has(trimmed.toLowerCase());
}

/**
 * Made only of digits, '.', 'e', 'E', '+' and '-'. Over those characters Number() accepts exactly
 * that pattern (no hex, no Infinity, no separators can occur) except the empty string: a
 * check per character instead of a regex per cell, which a million-row file feels.
 */
function isDecimalAlphabet(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // 0-9, '.', '+', '-', 'e', 'E'
    if (!((code >= 48 && code <= 57) || code === 46 || code === 43 || code === 45 || code === 101 || code === 69))
      return false;
  }
  return true;
}

/**
 * The number in a cell, or NaN. With `decimalComma` (semicolon-delimited files, as spreadsheets in
 * decimal-comma locales write them) "1,5" also reads as 1.5.
 */
export function parseNumber(text: string, decimalComma = false): number {
  const trimmed = text.trim();
  if (isDecimalAlphabet(trimmed)) return Number(trimmed);
  if (decimalComma && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return NaN;
}
