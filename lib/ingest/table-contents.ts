// What the table reader (table-reader.ts) hands the file builder (parsed-file.ts): types only, in
// their own file so neither of the two imports the other for them.
import type { CategoryColumn } from './category-column';
import type { TimeColumnChoice } from './columns';
import type { DateColumnReader } from './dates';
import type { FormulaCells } from './formula-cells';
import type { RowExamples } from './problems';
import type { DecimalSeparator, Problem } from './types';
import type { ValueColumn } from './value-column';

/** How the rows are read, decided once the sample is in. */
export interface ColumnPlan {
  time: TimeColumnChoice | null;
  /** Null when there is no time column or its values are not dates. */
  dates: DateColumnReader | null;
  decimal: DecimalSeparator;
  /** Columns that may become series. */
  values: ValueColumn[];
  /** Columns of labels (and integer columns named like ids): the possible id columns. */
  labels: CategoryColumn[];
  /** Columns left out because `valueColumns` did not name them. */
  unselected: { name: string; reason: string }[];
  problems: Problem[];
}

/** Everything read from a table with at least one data row. */
export interface TableContents {
  delimiter: string;
  columns: string[];
  hasHeader: boolean;
  plan: ColumnPlan;
  preview: string[][];
  /** File row of every data row, in file order. */
  rowNumbers: Int32Array;
  ragged: RowExamples;
  firstRaggedFields: number;
  /** Rows of a time column whose values are not dates at all. */
  unreadTimes: RowExamples;
  formulas: FormulaCells;
  headerFormulas: RowExamples;
}
