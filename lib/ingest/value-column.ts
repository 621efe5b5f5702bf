// One candidate series column while rows stream in: its numbers (NaN for missing or text cells)
// and enough evidence to decide at the end whether it is a series, a series with stray text, or
// a text column to skip.
import { GrowableFloat64 } from './growable';
import { isMissingValue, parseNumber } from './numbers';
import { RowExamples } from './problems';

/** A column counts as numeric with stray text when more than this share of its values are numbers. */
const MIN_NUMERIC_SHARE = 0.5;

export type ValueColumnVerdict =
  { kind: 'series' } | { kind: 'series-with-text'; text: RowExamples } | { kind: 'skipped'; reason: string };

export class ValueColumn {
  private readonly parsed = new GrowableFloat64();
  private numbers = 0;
  private readonly text = new RowExamples();

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly decimalComma: boolean,
  ) {}

  push(cell: string | undefined, row: number): void {
    if (cell === undefined || isMissingValue(cell)) {
      this.parsed.push(NaN);
      return;
    }
    const value = parseNumber(cell, this.decimalComma);
    if (Number.isNaN(value)) this.text.add(row, cell.trim());
    else this.numbers++;
    this.parsed.push(value);
  }

  /** The latest row's entry of `values`. */
  last(): number {
    return this.parsed.last() ?? NaN;
  }

  /** One entry per data row: the number, or NaN for a missing or non-numeric cell. */
  get values(): Float64Array {
    return this.parsed.view();
  }

  /** `requested`: the user picked this column, so any number in it makes it a series. */
  verdict(requested: boolean): ValueColumnVerdict {
    const texts = this.text.count;
    if (this.numbers === 0) {
      if (texts === 0) return { kind: 'skipped', reason: 'no values' };
      return { kind: 'skipped', reason: `holds text, not numbers, e.g. "${this.text.texts[0]}"` };
    }
    if (texts === 0) return { kind: 'series' };
    if (requested || this.numbers > MIN_NUMERIC_SHARE * (this.numbers + texts)) {
      return { kind: 'series-with-text', text: this.text };
    }
    return {
      kind: 'skipped',
      reason:
        `${texts} of its ${this.numbers + texts} values ${texts === 1 ? 'is not a number' : 'are not numbers'}` +
        `, e.g. "${this.text.texts[0]}"`,
    };
  }
}
