// Reading a CSV table as its records stream in. The first rows are held back as a sample that
// settles how to read the rest (time column and date format, decimal separator, which columns
// hold labels that may be ids); after that only per-column numbers and label indices are kept,
// never the rows' text.
import { CategoryColumn } from './category-column';
import { chooseTimeColumn, columnNames, looksLikeDataRow, type TimeColumnChoice } from './columns';
import { createDateColumnReader } from './dates';
import { detectDecimal } from './decimal';
import type { EarlySeries } from './early-points';
import { FormulaCells, isFormulaLike } from './formula-cells';
import { GrowableInt32 } from './growable';
import { isIdName } from './id-columns';
import { DEFAULT_READ_LIMITS, ReadLimitError, type ReadLimits } from './limits';
import { isMissingValue, parseNumber } from './numbers';
import { requestedNames } from './options';
import { buildParsedFile } from './parsed-file';
import type { ColumnPlan, TableContents } from './table-contents';
import * as problem from './problems';
import { RowExamples } from './problems';
import type { CsvRecord, ParseOptions, ParseResult, Problem } from './types';
import { ValueColumn } from './value-column';

/** Rows the time column, date format, decimal separator and label columns are judged from. */
const SAMPLE_ROWS = 200;
const PREVIEW_ROWS = 10;

export type { ColumnPlan, TableContents };

/** A result with nothing but problems (and whatever columns are known). */
export function problemFile(delimiter: string, problems: Problem[], columns: string[] = []): ParseResult {
  return {
    delimiter,
    decimal: '.',
    hasHeader: columns.length > 0,
    layout: 'wide',
    idColumns: [],
    columns,
    timeColumn: null,
    timeFormat: null,
    timeOffset: null,
    timeZone: null,
    valueColumns: [],
    skippedColumns: [],
    skippedSeries: [],
    preview: [],
    rows: 0,
    series: [],
    futureRows: null,
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
  };
}

function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

export class TableReader {
  private columns: string[] | null = null;
  private hasHeader = true;
  private readonly headerFormulas = new RowExamples();
  private sample: CsvRecord[] = [];
  private plan: ColumnPlan | null = null;
  private readonly preview: string[][] = [];
  private readonly rowNumbers = new GrowableInt32();
  private readonly ragged = new RowExamples();
  private firstRaggedFields = 0;
  private readonly unreadTimes = new RowExamples();
  private readonly formulas = new FormulaCells();
  /** Indices of the columns whose cells are checked for formulas: all but the time column. */
  private formulaColumns: number[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly options: ParseOptions = {},
    /** Hears of every data row once the plan is settled. */
    private readonly early?: EarlySeries,
    private readonly limits: Pick<ReadLimits, 'maxColumns' | 'maxColumnNameChars'> = DEFAULT_READ_LIMITS,
  ) {}

  add(record: CsvRecord): void {
    // Spreadsheets export trailing rows of bare delimiters (",,,"); they hold nothing.
    if (isBlankRecord(record.fields)) return;
    if (this.columns === null) {
      this.readHeader(record);
      if (this.hasHeader) return;
    }
    if (this.preview.length < PREVIEW_ROWS) this.preview.push(record.fields);
    if (this.plan) {
      this.addRow(record, this.plan);
      return;
    }
    this.sample.push(record);
    if (this.sample.length >= SAMPLE_ROWS) this.settlePlan();
  }

  finish(): ParseResult {
    const columns = this.columns;
    if (columns === null) return problemFile(this.delimiter, [problem.emptyFile()]);
    if (this.rowNumbers.length === 0 && this.sample.length === 0) {
      return problemFile(this.delimiter, [problem.headerOnly(columns)], columns);
    }
    return buildParsedFile(
      {
        delimiter: this.delimiter,
        columns,
        hasHeader: this.hasHeader,
        plan: this.plan ?? this.settlePlan(),
        preview: this.preview,
        rowNumbers: this.rowNumbers.view(),
        ragged: this.ragged,
        firstRaggedFields: this.firstRaggedFields,
        unreadTimes: this.unreadTimes,
        formulas: this.formulas,
        headerFormulas: this.headerFormulas,
      },
      this.options,
    );
  }

  private readHeader({ fields, line }: CsvRecord): void {
    // Before anything is kept per column: 100,000 columns would be 100,000 series.
    if (fields.length > this.limits.maxColumns)
      throw new ReadLimitError(problem.tooManyColumns(fields.length, this.limits.maxColumns));
    const long = fields.findIndex((field) => field.length > this.limits.maxColumnNameChars);
    if (long >= 0 && (this.options.hasHeader ?? true)) {
      throw new ReadLimitError(
        problem.columnNameTooLong(long + 1, fields[long].length, this.limits.maxColumnNameChars),
      );
    }
    this.hasHeader = this.options.hasHeader ?? !looksLikeDataRow(fields);
    this.columns = columnNames(this.hasHeader ? fields : fields.map(() => ''));
    if (!this.hasHeader) return;
    for (const name of this.columns) if (isFormulaLike(name)) this.headerFormulas.add(line, name);
  }

  private settlePlan(): ColumnPlan {
    const columns = this.columns!;
    const sample = this.sample.map((r) => r.fields);
    const problems: Problem[] = [];
    let time: TimeColumnChoice | null = null;
    const requestedTime = this.options.timeColumn?.trim();
    if (requestedTime !== undefined) {
      const index = columns.indexOf(requestedTime);
      if (index < 0) problems.push(problem.unknownColumn(requestedTime, 'time column', columns));
      else time = chooseTimeColumn(columns, sample, index);
    } else {
      time = chooseTimeColumn(columns, sample);
    }

    const requestedValues = requestedNames(this.options.valueColumns);
    const requestedIds = requestedNames(this.options.idColumns);
    for (const name of requestedValues ?? []) {
      if (!columns.includes(name)) problems.push(problem.unknownColumn(name, 'value column', columns));
    }
    for (const name of requestedIds ?? []) {
      if (!columns.includes(name)) problems.push(problem.unknownColumn(name, 'id column', columns));
      else if (time && columns[time.index] === name) problems.push(problem.timeColumnAsId(name));
      else if (requestedValues?.includes(name)) problems.push(problem.idColumnAsValue(name));
    }

    const others = columns.map((_, index) => index).filter((index) => index !== time?.index);
    const decimal =
      this.options.decimal ??
      detectDecimal(
        sample.flatMap((fields) => others.map((index) => fields[index] ?? '')),
        this.delimiter,
      );
    const decimalComma = decimal === ',';
    const values: ValueColumn[] = [];
    const labels: CategoryColumn[] = [];
    const unselected: { name: string; reason: string }[] = [];
    for (const index of others) {
      const name = columns[index];
      const isRequestedId = requestedIds?.includes(name) ?? false;
      if (isRequestedId || this.mayBeId(name, index, decimalComma)) {
        labels.push(new CategoryColumn(name, index, decimalComma));
      }
      if (isRequestedId) continue;
      if (requestedValues && !requestedValues.includes(name)) {
        unselected.push({ name, reason: 'not among the selected value columns' });
      } else {
        values.push(new ValueColumn(name, index, decimalComma));
      }
    }

    const plan: ColumnPlan = {
      time,
      dates: time?.format ? createDateColumnReader(time.format, { dayFirst: this.options.dayFirst }) : null,
      decimal,
      values,
      labels,
      unselected,
      problems,
    };
    this.plan = plan;
    this.formulaColumns = others;
    for (const record of this.sample) this.addRow(record, plan);
    this.sample = [];
    this.early?.start(plan, this.rowNumbers.length);
    return plan;
  }

  /** Judged from the sample: mostly text, or integers under a name like "store_id". */
  private mayBeId(name: string, index: number, decimalComma: boolean): boolean {
    let texts = 0;
    let integers = 0;
    let cells = 0;
    for (const { fields } of this.sample) {
      const cell = fields[index];
      if (cell === undefined || isMissingValue(cell)) continue;
      cells++;
      const value = parseNumber(cell, decimalComma);
      if (Number.isNaN(value)) texts++;
      else if (Number.isInteger(value)) integers++;
    }
    if (cells === 0) return false;
    return texts * 2 > cells || (integers === cells && isIdName(name));
  }

  private addRow({ fields, line }: CsvRecord, plan: ColumnPlan): void {
    this.rowNumbers.push(line);
    const width = this.columns!.length;
    if (fields.length !== width && !(fields.length > width && isBlankRecord(fields.slice(width)))) {
      if (this.ragged.count === 0) this.firstRaggedFields = fields.length;
      this.ragged.add(line);
    }
    if (plan.time) {
      const cell = fields[plan.time.index] ?? '';
      if (plan.dates) plan.dates.push(cell);
      else this.unreadTimes.add(line, cell);
    }
    for (const column of plan.values) column.push(fields[column.index], line);
    for (const column of plan.labels) column.push(fields[column.index]);
    for (const index of this.formulaColumns) this.formulas.check(index, fields[index], line);
    this.early?.row();
  }
}
