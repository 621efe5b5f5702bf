// Text that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM(...)", "+cmd|..."). It is
// kept as data, since it may well be a real name, but flagged: a series named like this ends up
// in exported CSVs, where opening the export in a spreadsheet would evaluate it.
import { isMissingValue, parseNumber } from './numbers';
import { RowExamples } from './problems';

const EQUALS = 0x3d;
const PLUS = 0x2b;
const MINUS = 0x2d;
const AT = 0x40;
const SPACE = 0x20;

/** True for text starting with =, +, - or @ that is not a number ("-5", "+3,5") or a missing-value token ("-"). */
export function isFormulaLike(text: string): boolean {
  // Checked on every text cell of a file: look at the first character before anything else.
  let start = 0;
  while (text.charCodeAt(start) === SPACE) start++;
  const first = text.charCodeAt(start);
  if (first === EQUALS || first === AT) return true;
  if (first !== PLUS && first !== MINUS) return false;
  return Number.isNaN(parseNumber(text, true)) && !isMissingValue(text);
}

/** Formula-like cells per column, counted while rows stream in. */
export class FormulaCells {
  private readonly byColumn = new Map<number, RowExamples>();

  check(column: number, cell: string | undefined, row: number): void {
    if (cell === undefined || !isFormulaLike(cell)) return;
    let examples = this.byColumn.get(column);
    if (!examples) this.byColumn.set(column, (examples = new RowExamples()));
    examples.add(row, cell.trim());
  }

  of(column: number): RowExamples | undefined {
    return this.byColumn.get(column);
  }
}
