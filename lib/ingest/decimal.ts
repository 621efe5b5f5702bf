// Which character separates the decimals. Spreadsheets in most of Europe write "1,5"; a file can
// only carry that unquoted when its fields are not separated by commas, which is why
// semicolon-delimited files are the usual sign of it.
import type { DecimalSeparator } from './types';

const DOT_DECIMAL = /^[+-]?\d*\.\d+(?:e[+-]?\d+)?$/i;
const COMMA_DECIMAL = /^[+-]?(\d*),(\d+)$/;

/**
 * True for "1,5", "0,125", "1234,567": a comma that cannot be a thousands separator, because
 * thousands groups have exactly three digits, follow one to three digits, and never follow a lone 0.
 */
function isUnambiguousDecimalComma(text: string): boolean {
  const m = COMMA_DECIMAL.exec(text);
  if (!m) return false;
  const [, whole, fraction] = m;
  return fraction.length !== 3 || whole === '' || whole === '0' || whole.length > 3;
}

/**
 * The decimal separator of a file from sample cells. Semicolon files default to a comma, others
 * to a dot; a sample with only one kind of unambiguous decimal ("1.5" or "1,5") decides otherwise.
 * Cells such as "1,234" decide nothing: they could be thousands.
 */
export function detectDecimal(cells: Iterable<string>, delimiter: string): DecimalSeparator {
  let dots = 0;
  let commas = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (DOT_DECIMAL.test(text)) dots++;
    else if (isUnambiguousDecimalComma(text)) commas++;
  }
  if (commas > 0 && dots === 0) return ',';
  if (dots > 0 && commas === 0) return '.';
  return delimiter === ';' ? ',' : '.';
}
