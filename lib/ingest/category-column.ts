// A column of labels (store names, product codes) while rows stream in: each row keeps only the
// index of its label, so a million rows of "north"/"south" cost a million small integers.
import { GrowableInt32 } from './growable';
import { parseNumber } from './numbers';

/** More distinct values than this and a column cannot be an id column; it stops being tracked. */
export const MAX_ID_VALUES = 10_000;

export class CategoryColumn {
  private rowCodes = new GrowableInt32();
  /** Distinct trimmed values in order of first appearance. */
  readonly labels: string[] = [];
  /** True once the column had more than MAX_ID_VALUES distinct values. */
  overflowed = false;
  private readonly lookup = new Map<string, number>();
  private numericLabels = 0;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly decimalComma: boolean,
  ) {}

  push(cell: string | undefined): void {
    if (this.overflowed) return;
    const text = cell === undefined ? '' : cell.trim();
    if (text === '') {
      this.rowCodes.push(-1);
      return;
    }
    let code = this.lookup.get(text);
    if (code === undefined) {
      if (this.labels.length === MAX_ID_VALUES) {
        this.overflow();
        return;
      }
      code = this.labels.length;
      this.labels.push(text);
      this.lookup.set(text, code);
      if (!Number.isNaN(parseNumber(text, this.decimalComma))) this.numericLabels++;
    }
    this.rowCodes.push(code);
  }

  /** Per data row: the index of its label, or -1 for an empty cell. Empty after an overflow. */
  get codes(): Int32Array {
    return this.rowCodes.view();
  }

  /** The latest row's entry of `codes`; undefined after an overflow. */
  lastCode(): number | undefined {
    return this.rowCodes.last();
  }

  /** Most distinct values are text rather than numbers. */
  get holdsText(): boolean {
    return this.numericLabels * 2 < this.labels.length;
  }

  private overflow(): void {
    this.overflowed = true;
    this.rowCodes = new GrowableInt32();
    this.lookup.clear();
  }
}
