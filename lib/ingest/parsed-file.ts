// From a table read to the end to the parsed file: the time column's dates, the layout and its id
// columns, which columns are series, the series themselves, and every problem found on the way.
import type { CategoryColumn } from './category-column';
import { assembleSeries } from './assemble';
import { inferFrequency } from './frequency';
import { findFutureRows } from './future-rows';
import { detectIdColumns, groupRows, idCandidates, type RowGroups } from './id-columns';
import { requestedNames } from './options';
import { prepareSeries, type SeriesSettings } from './prepare-series';
import * as problem from './problems';
import { RowExamples } from './problems';
import { checkSeries, type CheckedSeries } from './series-checks';
import { longSeriesName, UniqueNames } from './series-names';
import type { TableContents } from './table-contents';
import { wallClockToInstants } from './time-zone';
import type { ParseOptions, ParseResult, Problem } from './types';
import type { ValueColumn } from './value-column';

export function buildParsedFile(table: TableContents, options: ParseOptions): ParseResult {
  const { columns, plan } = table;
  const problems: Problem[] = [...plan.problems];
  if (table.ragged.count > 0) {
    problems.push(problem.raggedRows(table.ragged, columns.length, table.firstRaggedFields, table.delimiter));
  }
  const dates = readDates(table, options, problems);
  const ids = dates ? chooseIdColumns(table, dates.t, options, problems) : [];
  const idNames = new Set(ids.map((column) => column.name));

  const requested = new Set(requestedNames(options.valueColumns) ?? []);
  const seriesColumns: ValueColumn[] = [];
  const skippedColumns = plan.unselected.filter((column) => !idNames.has(column.name));
  for (const column of plan.values) {
    if (idNames.has(column.name)) continue;
    const verdict = column.verdict(requested.has(column.name));
    if (verdict.kind === 'skipped') {
      skippedColumns.push({ name: column.name, reason: verdict.reason });
      continue;
    }
    seriesColumns.push(column);
    if (verdict.kind === 'series-with-text') problems.push(problem.nonNumericCells(column.name, verdict.text));
  }
  if (seriesColumns.length === 0) problems.push(problem.noNumericColumn(skippedColumns));
  problems.push(...formulaProblems(table, seriesColumns));

  // A zone is about times of day: a column of dates (all at midnight) stays calendar days, and
  // offsets written in the file win over the zone (it then only says how to show the times).
  const timeZone = options.timeZone && dates && !allMidnight(dates.t) ? options.timeZone : null;
  const zone = timeZone && dates?.offset === null ? timeZone : null;
  const built = dates
    ? buildSeries(table, dates.t, ids, seriesColumns, options, problems, zone)
    : { series: [], skippedSeries: [] };
  const timeOffset = dates?.offset ?? null;
  for (const series of built.series) {
    series.timeOffset = timeOffset;
    series.timeZone = timeZone;
  }

  // Errors first: they are what the user has to act on.
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    delimiter: table.delimiter,
    decimal: plan.decimal,
    hasHeader: table.hasHeader,
    layout: ids.length > 0 ? 'long' : 'wide',
    idColumns: ids.map((column) => column.name),
    columns,
    timeColumn: plan.time ? columns[plan.time.index] : null,
    timeFormat: dates?.label ?? null,
    timeOffset,
    timeZone,
    valueColumns: seriesColumns.map((column) => column.name),
    skippedColumns,
    skippedSeries: built.skippedSeries,
    preview: table.preview,
    rows: table.rowNumbers.length,
    series: built.series,
    futureRows: findFutureRows(built.series, seriesColumns.length),
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
  };
}

/** The timestamp of every row (NaN where it does not read), or null when there is no usable time column. */
function readDates(
  table: TableContents,
  options: ParseOptions,
  problems: Problem[],
): { t: Float64Array; label: string; offset: string | null } | null {
  const { plan, columns } = table;
  if (plan.time === null) {
    // A requested time column that does not exist is already reported as unknown.
    if (options.timeColumn === undefined) problems.push(problem.noTimeColumn(columns));
    return null;
  }
  const timeColumn = columns[plan.time.index];
  if (plan.dates === null) {
    problems.push(problem.unparseableDates(timeColumn, table.unreadTimes, null));
    return null;
  }
  const dates = plan.dates.finish();
  if (dates.unparseableCount > 0) {
    const examples = new RowExamples();
    for (const { index, text } of dates.unparseable) examples.add(table.rowNumbers[index], text);
    examples.count = dates.unparseableCount;
    problems.push(problem.unparseableDates(timeColumn, examples, dates.label));
  }
  if (dates.ambiguousOrder && dates.unparseableCount < dates.t.length) {
    problems.push(problem.ambiguousDates(timeColumn, dates.label));
  }
  return { t: dates.t, label: dates.label, offset: dates.offset };
}

/** The requested id columns, or the detected ones unless the layout is set to wide; [] for wide. */
function chooseIdColumns(
  table: TableContents,
  t: Float64Array,
  options: ParseOptions,
  problems: Problem[],
): CategoryColumn[] {
  const { labels } = table.plan;
  const requested = requestedNames(options.idColumns);
  if (requested && requested.length > 0) {
    // Unknown names are already reported; a column with too many labels cannot group rows.
    const chosen = requested
      .map((name) => labels.find((column) => column.name === name))
      .filter((column): column is CategoryColumn => column !== undefined);
    const overflowed = chosen.filter((column) => column.overflowed);
    for (const column of overflowed) problems.push(problem.tooManyIds(column.name));
    return overflowed.length > 0 ? [] : chosen;
  }
  if (options.layout === 'wide') return [];
  const candidates = idCandidates(labels);
  const force = options.layout === 'long';
  const detected = detectIdColumns(t, candidates, force);
  if (detected) return detected;
  if (force) problems.push(problem.noIdColumn(table.columns));
  return [];
}

/** Formula-like text in the header and in the columns kept as text (ids, skipped columns). */
function formulaProblems(table: TableContents, seriesColumns: readonly ValueColumn[]): Problem[] {
  const found: Problem[] = [];
  if (table.headerFormulas.count > 0) found.push(problem.formulaLikeCells(null, table.headerFormulas));
  const numeric = new Set(seriesColumns.map((column) => column.index));
  table.columns.forEach((name, index) => {
    const examples = numeric.has(index) ? undefined : table.formulas.of(index);
    if (examples) found.push(problem.formulaLikeCells(name, examples));
  });
  return found;
}

function buildSeries(
  table: TableContents,
  t: Float64Array,
  ids: readonly CategoryColumn[],
  seriesColumns: readonly ValueColumn[],
  options: ParseOptions,
  problems: Problem[],
  zone: string | null,
): CheckedSeries {
  const idNames = ids.map((column) => column.name);
  const groups = ids.length > 0 ? groupRows(ids, t.length) : null;
  // Wall-clock times become instants per series: the repeated autumn hour depends on its order.
  if (zone) wallClockToInstants(t, zone, groups?.codes ?? null);
  if (groups) {
    const missing = rowsWithoutId(groups, t, table.rowNumbers);
    if (missing.count > 0) problems.push(problem.missingIds(missing, idNames));
  }
  const policy = options.duplicatePolicy ?? 'error';
  const assembled = assembleSeries(
    {
      t,
      rows: table.rowNumbers,
      groups: groups?.codes ?? null,
      groupCount: groups?.labels.length ?? 1,
      groupLabel: groups ? (group) => groups.labels[group].join(' / ') : undefined,
      columns: seriesColumns.map((column) => ({ name: column.name, values: column.values })),
    },
    policy,
  );
  if (assembled.duplicates.count > 0) {
    problems.push(
      policy === 'error'
        ? problem.duplicateTimestamps(assembled.duplicates, idNames)
        : problem.mergedDuplicates(assembled.duplicates, policy),
    );
  }

  const settings: SeriesSettings = {
    // One frequency for the file, from all its rows: a series with missing values has the same
    // step as its neighbours, its missing points are gaps.
    frequency: inferFrequency(assembled.t),
    resample: options.resample,
    gapPolicy: options.gapPolicy ?? 'leave',
  };
  const names = new UniqueNames();
  const prepared = assembled.series.map((raw) => {
    const valueColumn = seriesColumns[raw.column].name;
    const labels = groups?.labels[raw.group];
    return prepareSeries(
      {
        name: names.claim(labels ? longSeriesName(idNames, labels, valueColumn, seriesColumns.length) : valueColumn),
        valueColumn,
        ...(labels ? { ids: Object.fromEntries(idNames.map((name, i) => [name, labels[i]])) } : {}),
        t: raw.t,
        v: raw.v,
        duplicates: raw.duplicates,
      },
      settings,
    );
  });
  return checkSeries(prepared, groups !== null, options, problems);
}

const DAY_MS = 86_400_000;

/** Whether every time read is a midnight (UTC, as written): the column holds dates, not times. */
function allMidnight(t: Float64Array): boolean {
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t[i]) && t[i] % DAY_MS !== 0) return false;
  return true;
}

/** Rows with a timestamp but an empty id cell: they belong to no series. */
function rowsWithoutId(groups: RowGroups, t: Float64Array, rowNumbers: Int32Array): RowExamples {
  const missing = new RowExamples();
  for (let row = 0; row < t.length; row++) {
    if (groups.codes[row] < 0 && !Number.isNaN(t[row])) missing.add(rowNumbers[row]);
  }
  return missing;
}
