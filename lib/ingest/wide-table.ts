// The wide layout: one time column and one series per numeric column. Records stream in one at a
// time; only per-column number arrays are kept, never the rows' text.
import { assembleSeries } from './assemble';
import { chooseTimeColumn, columnNames, looksLikeDataRow, type TimeColumnChoice } from './columns';
import { createDateColumnReader, type DateColumnReader } from './dates';
import { countGaps, firstGap, inferFrequency } from './frequency';
import * as problem from './problems';
import { RowExamples } from './problems';
import type { CsvRecord } from './records';
import type { ParsedFile, ParsedSeries, ParseOptions, Problem } from './types';
import { ValueColumn } from './value-column';

/** Rows the time column and its date format are judged from. */
const SAMPLE_ROWS = 200;
const PREVIEW_ROWS = 10;
const MIN_POINTS = 3;

/** Decided once the sample is in: which column is time, how it reads, which columns are series. */
interface Layout {
  time: TimeColumnChoice | null;
  /** Null when there is no time column or its values are not dates. */
  dates: DateColumnReader | null;
  values: ValueColumn[];
  /** Columns left out because `valueColumns` did not name them. */
  unselected: { name: string; reason: string }[];
  problems: Problem[];
}

/** A result with nothing but problems (and whatever columns are known). */
export function problemFile(delimiter: string, problems: Problem[], columns: string[] = []): ParsedFile {
  return {
    delimiter,
    columns,
    timeColumn: null,
    timeFormat: null,
    valueColumns: [],
    skippedColumns: [],
    preview: [],
    rows: 0,
    series: [],
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
  };
}

function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

export class WideTableReader {
  private columns: string[] | null = null;
  private sample: CsvRecord[] = [];
  private layout: Layout | null = null;
  private readonly preview: string[][] = [];
  /** File row of every data row, in file order. */
  private readonly rowNumbers: number[] = [];
  private readonly ragged = new RowExamples();
  private firstRaggedFields = 0;
  /** Rows of a time column whose values are not dates at all. */
  private readonly unreadTimes = new RowExamples();

  constructor(
    private readonly delimiter: string,
    private readonly options: ParseOptions = {},
  ) {}

  add(record: CsvRecord): void {
    // Spreadsheets export trailing rows of bare delimiters (",,,"); they hold nothing.
    if (isBlankRecord(record.fields)) return;
    if (this.columns === null) {
      const headerless = looksLikeDataRow(record.fields);
      this.columns = columnNames(headerless ? record.fields.map(() => '') : record.fields);
      if (!headerless) return;
    }
    if (this.preview.length < PREVIEW_ROWS) this.preview.push(record.fields);
    if (this.layout) {
      this.addRow(record, this.layout);
      return;
    }
    this.sample.push(record);
    if (this.sample.length >= SAMPLE_ROWS) this.settleLayout();
  }

  finish(): ParsedFile {
    const columns = this.columns;
    if (columns === null) return problemFile(this.delimiter, [problem.emptyFile()]);
    if (this.rowNumbers.length === 0 && this.sample.length === 0) {
      return problemFile(this.delimiter, [problem.headerOnly(columns)], columns);
    }
    const layout = this.layout ?? this.settleLayout();
    const problems = [...layout.problems];
    if (this.ragged.count > 0) {
      problems.push(problem.raggedRows(this.ragged, columns.length, this.firstRaggedFields, this.delimiter));
    }

    const requested = new Set(this.requestedValueColumns() ?? []);
    const seriesColumns: ValueColumn[] = [];
    const skippedColumns = [...layout.unselected];
    for (const column of layout.values) {
      const verdict = column.verdict(requested.has(column.name));
      if (verdict.kind === 'skipped') {
        skippedColumns.push({ name: column.name, reason: verdict.reason });
        continue;
      }
      seriesColumns.push(column);
      if (verdict.kind === 'series-with-text') problems.push(problem.nonNumericCells(column.name, verdict.text));
    }
    if (seriesColumns.length === 0) problems.push(problem.noNumericColumn(skippedColumns));

    const timeColumn = layout.time ? columns[layout.time.index] : null;
    let timeFormat: string | null = null;
    let series: ParsedSeries[] = [];
    if (layout.time === null) {
      if (this.options.timeColumn === undefined) problems.push(problem.noTimeColumn(columns));
    } else if (layout.dates === null) {
      problems.push(problem.unparseableDates(timeColumn!, this.unreadTimes, null));
    } else {
      const dates = layout.dates.finish();
      timeFormat = dates.label;
      if (dates.unparseableCount > 0) {
        const examples = new RowExamples();
        for (const { index, text } of dates.unparseable) examples.add(this.rowNumbers[index], text);
        examples.count = dates.unparseableCount;
        problems.push(problem.unparseableDates(timeColumn!, examples, dates.label));
      }
      if (dates.ambiguousOrder && dates.unparseableCount < dates.t.length) {
        problems.push(problem.ambiguousDates(timeColumn!, dates.label));
      }
      const assembled = assembleSeries({ t: dates.t, rows: this.rowNumbers, columns: seriesColumns });
      if (assembled.duplicates.count > 0) problems.push(problem.duplicateTimestamps(assembled.duplicates));
      // One frequency for the file, from all its rows: a series with missing values has the same
      // step as its neighbours, its missing points are gaps.
      const frequency = inferFrequency(assembled.t);
      series = assembled.series.map((s) => ({ name: s.name, frequency, t: s.t, v: s.v }));
      problems.push(...this.seriesProblems(series));
    }

    // Errors first: they are what the user has to act on.
    problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    return {
      delimiter: this.delimiter,
      columns,
      timeColumn,
      timeFormat,
      valueColumns: seriesColumns.map((c) => c.name),
      skippedColumns,
      preview: this.preview,
      rows: this.rowNumbers.length,
      series,
      problems,
      ok: !problems.some((p) => p.severity === 'error'),
    };
  }

  private seriesProblems(series: ParsedSeries[]): Problem[] {
    const problems: Problem[] = [];
    for (const s of series) {
      if (s.t.length < MIN_POINTS) {
        // A preview sees only the head of the file; the full file may have enough points.
        if (!this.options.partial) problems.push(problem.tooFewPoints(s.name, s.t.length));
        continue;
      }
      const missing = countGaps(s.t, s.frequency);
      const first = firstGap(s.t, s.frequency);
      if (missing > 0 && first !== null) problems.push(problem.missingTimestamps(s.name, s.frequency, missing, first));
    }
    return problems;
  }

  private requestedValueColumns(): string[] | null {
    return this.options.valueColumns?.map((name) => name.trim()).filter((name) => name !== '') ?? null;
  }

  private settleLayout(): Layout {
    const columns = this.columns!;
    const problems: Problem[] = [];
    let time: TimeColumnChoice | null = null;
    const requestedTime = this.options.timeColumn?.trim();
    if (requestedTime !== undefined) {
      const index = columns.indexOf(requestedTime);
      if (index < 0) problems.push(problem.unknownColumn(requestedTime, 'time column', columns));
      else time = chooseTimeColumn(columns, this.sample.map((r) => r.fields), index);
    } else {
      time = chooseTimeColumn(columns, this.sample.map((r) => r.fields));
    }

    const requested = this.requestedValueColumns();
    for (const name of requested ?? []) {
      if (!columns.includes(name)) problems.push(problem.unknownColumn(name, 'value column', columns));
    }
    // Spreadsheets in decimal-comma locales write "1,5" and therefore separate fields with ';'.
    const decimalComma = this.delimiter === ';';
    const values: ValueColumn[] = [];
    const unselected: { name: string; reason: string }[] = [];
    columns.forEach((name, index) => {
      if (index === time?.index) return;
      if (requested && !requested.includes(name)) {
        unselected.push({ name, reason: 'not among the selected value columns' });
      } else {
        values.push(new ValueColumn(name, index, decimalComma));
      }
    });

    const layout: Layout = {
      time,
      dates: time?.format ? createDateColumnReader(time.format) : null,
      values,
      unselected,
      problems,
    };
    this.layout = layout;
    for (const record of this.sample) this.addRow(record, layout);
    this.sample = [];
    return layout;
  }

  private addRow({ fields, line }: CsvRecord, layout: Layout): void {
    this.rowNumbers.push(line);
    const width = this.columns!.length;
    if (fields.length !== width && !(fields.length > width && isBlankRecord(fields.slice(width)))) {
      if (this.ragged.count === 0) this.firstRaggedFields = fields.length;
      this.ragged.add(line);
    }
    if (layout.time) {
      const cell = fields[layout.time.index] ?? '';
      if (layout.dates) layout.dates.push(cell);
      else this.unreadTimes.add(line, cell);
    }
    for (const column of layout.values) column.push(fields[column.index], line);
  }
}
