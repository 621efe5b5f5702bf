// What a parse found, summed up for people and scripts: the `npm run inspect` report. Series come
// with counts and their range instead of their points.
import { frequencyLabel, type Frequency } from '@/lib/forecast/time';
import type { Layout, ParseResult, Problem } from './types';

export interface SeriesSummary {
  name: string;
  frequency: Frequency;
  points: number;
  /** ISO timestamps; null for a series without points. */
  start: string | null;
  end: string | null;
  gaps: number;
  duplicates: number;
}

export interface FileInspection {
  delimiter: string;
  layout: Layout;
  timeColumn: string | null;
  idColumns: string[];
  valueColumns: string[];
  skippedColumns: { name: string; reason: string }[];
  series: SeriesSummary[];
  problems: Pick<Problem, 'code' | 'severity' | 'message' | 'row' | 'column' | 'count'>[];
  decimal: string;
  timeFormat: string | null;
  rows: number;
  /** True when the file would import. */
  ok: boolean;
}

function isoOrNull(t: number | undefined): string | null {
  return t === undefined ? null : new Date(t).toISOString();
}

/** A parsed series without its points: counts and range. Shared by inspect and the upload preview. */
export function summarizeSeries(s: ParseResult['series'][number]): SeriesSummary {
  return {
    name: s.name,
    frequency: s.frequency,
    points: s.t.length,
    start: isoOrNull(s.t[0]),
    end: isoOrNull(s.t.at(-1)),
    gaps: s.gaps,
    duplicates: s.duplicates,
  };
}

export function inspectFile(parsed: ParseResult): FileInspection {
  return {
    delimiter: parsed.delimiter,
    layout: parsed.layout,
    timeColumn: parsed.timeColumn,
    idColumns: parsed.idColumns,
    valueColumns: parsed.valueColumns,
    skippedColumns: parsed.skippedColumns,
    series: parsed.series.map(summarizeSeries),
    problems: parsed.problems.map(({ code, severity, message, row, column, count }) => ({
      code,
      severity,
      message,
      ...(row === undefined ? {} : { row }),
      ...(column === undefined ? {} : { column }),
      ...(count === undefined ? {} : { count }),
    })),
    decimal: parsed.decimal,
    timeFormat: parsed.timeFormat,
    rows: parsed.rows,
    ok: parsed.ok,
  };
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '|': 'pipe' };

function describeDelimiter(delimiter: string): string {
  if (delimiter === '\t') return 'tab';
  const name = DELIMITER_NAMES[delimiter];
  return name ? `${name} (${delimiter})` : JSON.stringify(delimiter);
}

/** `2024-01-01` for midnight, the full ISO time otherwise. */
function shortTime(iso: string | null): string {
  if (iso === null) return '-';
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Columns padded to their widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

function list(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '-';
}

/** The report as text lines. */
export function formatInspection(inspection: FileInspection, file: string): string {
  const lines = [
    `File             ${file}`,
    `Delimiter        ${describeDelimiter(inspection.delimiter)}, decimal "${inspection.decimal}"`,
    `Layout           ${inspection.layout}`,
    `Time column      ${inspection.timeColumn ?? '-'}${inspection.timeFormat ? ` (${inspection.timeFormat})` : ''}`,
    `Id columns       ${list(inspection.idColumns)}`,
    `Value columns    ${list(inspection.valueColumns)}`,
    `Skipped columns  ${list(inspection.skippedColumns.map((c) => `${c.name} (${c.reason})`))}`,
    `Rows             ${inspection.rows}`,
    '',
    `Series: ${inspection.series.length}`,
  ];
  if (inspection.series.length > 0) {
    const header = ['name', 'frequency', 'points', 'start', 'end', 'gaps', 'duplicates'];
    const rows = inspection.series.map((s) => [
      s.name,
      // People read "every 15 minutes"; --json keeps the stable code ('15min').
      frequencyLabel(s.frequency),
      String(s.points),
      shortTime(s.start),
      shortTime(s.end),
      String(s.gaps),
      String(s.duplicates),
    ]);
    lines.push(...table([header, ...rows]).map((line) => `  ${line}`));
  }
  lines.push('', `Problems: ${inspection.problems.length}`);
  for (const p of inspection.problems) {
    const where = [p.row === undefined ? '' : `row ${p.row}`, p.column === undefined ? '' : `column "${p.column}"`]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${p.severity} ${p.code}${where ? ` (${where})` : ''}: ${p.message}`);
  }
  lines.push('', inspection.ok ? 'The file can be imported.' : 'The file cannot be imported: fix the errors above.');
  return lines.join('\n');
}
