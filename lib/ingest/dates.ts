// Reading time columns. A column's format is detected once from a sample, then every row is read
// with that one format: fast, and a row that doesn't fit is reported instead of being silently
// guessed differently from its neighbours.
//
// Hand-rolled regexes rather than date-fns: date-fns parses wall-clock values in the server's
// local zone, whereas a timestamp without an offset is defined here as UTC (the same file must
// give the same series on every machine), and a fixed regex per column is the fast path for
// million-row files.

import { GrowableFloat64 } from './growable';

export type DateFormatId =
  | 'iso'
  | 'year-month-day'
  | 'day-month-year-dots'
  | 'day-month-year'
  | 'month-name'
  | 'year-month'
  | 'year-quarter'
  | 'compact-date'
  | 'year'
  | 'unix-seconds'
  | 'unix-milliseconds'
  | 'iso-week'
  | 'excel-serial';

export interface DateFormat {
  id: DateFormatId;
  /** For messages, e.g. 'DD.MM.YYYY (optional time)'. */
  label: string;
  /** Reads bare integers, which a numeric value column could also hold. */
  integer: boolean;
}

export interface DateColumn {
  format: DateFormat;
  /** The format as settled by the whole column, e.g. 'DD/MM/YYYY' for a day-first column. */
  label: string;
  /** Epoch milliseconds per value, NaN where a value does not fit the format. */
  t: Float64Array;
  /** Day and month could not be told apart by any value and no order was given; month-first was assumed. */
  ambiguousOrder: boolean;
  /**
   * The UTC offset the values were written in, as "+HH:MM" (the most common one when they differ,
   * e.g. across a daylight-saving change); null when no value carries an offset. For display only:
   * `t` is UTC either way.
   */
  offset: string | null;
  /** The first values that did not fit (index = position in the column), and how many did not. */
  unparseable: { index: number; text: string }[];
  unparseableCount: number;
}

export interface DateColumnReader {
  push(text: string): void;
  /**
   * The values pushed so far when they are final (NaN where a value does not fit), for a reader
   * that acts on rows before the end; null while later values may still change how earlier ones
   * read (day/month order not given).
   */
  settled(): { values(): Float64Array; last(): number } | null;
  finish(): DateColumn;
}

/** How many unparseable values a column keeps as examples for its message. */
const EXAMPLES_KEPT = 5;

/** Share of a sample that must fit a text format for the column to count as dates. */
const MIN_SAMPLE_SHARE = 0.8;

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const OFFSET = String.raw`(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;

const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME}\s*${OFFSET}?)?$`, 'i');
const YEAR_MONTH_DAY = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ]${TIME})?$`);
const DAY_MONTH_YEAR_DOTS = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+${TIME})?$`);
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+${TIME}\s*([AP]M)?)?$`,
  'i',
);
const DAY_MONTHNAME_YEAR = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/i;
const MONTHNAME_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const MONTHNAME_YEAR = /^([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})$/i;
const YEAR_MONTHNAME = /^(\d{4})[\s-]+([a-z]{3,9})\.?$/i;
const YEAR_MONTH = /^(\d{4})(?:[-/]|M)(\d{1,2})$/i;
const MONTH_YEAR = /^(\d{1,2})[-/](\d{4})$/;
const YEAR_QUARTER = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/i;
const QUARTER_YEAR = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR = /^\d{4}$/;
const UNIX_SECONDS = /^\d{9,10}$/;
const UNIX_MILLISECONDS = /^\d{12,13}$/;
/** ISO 8601 week dates: 2024-W05, 2024W05, 2024-W05-3 (weekday 1 = Monday). */
const ISO_WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?$/i;
/** Spreadsheet serial dates: days since 1899-12-30, a fraction for the time of day. */
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;

/** Excel serials are only believed between 1954 (20000) and 2119 (80000). */
const EXCEL_SERIAL_RANGE = [20_000, 80_000] as const;
/** Day 0 of the spreadsheet calendar: 1899-12-30, which absorbs Lotus's phantom 29 Feb 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Unix timestamps are only believed between 1973 and 2128; other integers are not times. */
const UNIX_SECONDS_RANGE = [1e8, 5e9] as const;
const UNIX_MILLISECONDS_RANGE = [1e11, 5e12] as const;

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MS_400_YEARS = 146_097 * 86_400_000;
const DAY_MS = 86_400_000;

/** Epoch ms of a UTC calendar time, NaN when any part is out of range (31 Feb, 25:00, ...). */
export function utcTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  // Date.UTC reads years 0..99 as 1900..1999; shift by 400 years, which is a whole calendar cycle.
  if (year < 100) return Date.UTC(year + 400, month - 1, day, hour, minute, second, ms) - MS_400_YEARS;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two-digit years as spreadsheets write them: 00..69 → 2000s, 70..99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function fraction(digits: string | undefined): number {
  return digits ? Number(digits.slice(0, 3).padEnd(3, '0')) : 0;
}

/** '+HH:MM' for 'Z', 'UTC', '+02', '+0200', '+02:00'. */
function normalizedOffset(text: string): string {
  const minutes = offsetMinutes(text);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Minutes east of UTC for 'Z', '+02', '+0200', '+02:00'. */
function offsetMinutes(text: string | undefined): number {
  if (!text || /^(z|utc|gmt)$/i.test(text)) return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function num(text: string | undefined): number {
  return text ? Number(text) : 0;
}

/** The number written by `count` digits at `from`; -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const COLON = 58;
const DOT = 46;
const PLUS = 43;
const MINUS = 45;
const UPPER_T = 84;
const UPPER_Z = 90;
const SPACE = 32;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * The last calendar day read and its epoch ms. A file's consecutive timestamps mostly share their
 * day, and Date.UTC is the dearest step of reading one (a memo: the answer never depends on it).
 */
let lastDay = { year: -1, month: -1, day: -1, ms: NaN };

function startOfDay(year: number, month: number, day: number): number {
  if (year !== lastDay.year || month !== lastDay.month || day !== lastDay.day) {
    lastDay = { year, month, day, ms: utcTime(year, month, day) };
  }
  return lastDay.ms;
}

/**
 * The common shape of machine-written ISO times, read without a regex (a million-row file spends
 * a good part of its parse in the regex): YYYY-MM-DD, then optionally T or space, HH:MM[:SS[.fff]]
 * and Z or ±HH:MM. Undefined for anything else, which the regex then reads.
 */
function parseCanonicalIso(text: string, offsets?: OffsetTally): number | undefined {
  if (text.length < 10 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (text.length === 10) return utcTime(year, month, day);
  const separator = text.charCodeAt(10);
  if ((separator !== UPPER_T && separator !== SPACE) || text.length < 16 || text.charCodeAt(13) !== COLON)
    return undefined;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  let at = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(at) === COLON) {
    second = digitsAt(text, 17, 2);
    at = 19;
    if (text.charCodeAt(at) === DOT) {
      const start = ++at;
      while (at < text.length && at - start < 9 && isDigit(text.charCodeAt(at))) at++;
      if (at === start) return undefined;
      // Milliseconds: the first three digits, "5" meaning 500.
      for (let i = start; i < start + 3; i++) ms = ms * 10 + (i < at ? text.charCodeAt(i) - 48 : 0);
    }
  }
  if (hour < 0 || minute < 0 || second < 0) return undefined;
  let offset: string | undefined;
  let offsetMs = 0;
  if (at < text.length) {
    if (at === text.length - 1 && text.charCodeAt(at) === UPPER_Z) offset = 'Z';
    else if (text.length - at === 6 && text.charCodeAt(at + 3) === COLON) {
      const sign = text.charCodeAt(at) === PLUS ? 1 : text.charCodeAt(at) === MINUS ? -1 : 0;
      const hours = digitsAt(text, at + 1, 2);
      const minutes = digitsAt(text, at + 4, 2);
      if (sign === 0 || hours < 0 || minutes < 0) return undefined;
      offset = text.slice(at);
      offsetMs = sign * (hours * 60 + minutes) * 60_000;
    } else return undefined;
  }
  // As utcTime: NaN for a time of day or a date that does not exist (a cut value gives NaN parts).
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const local = startOfDay(year, month, day) + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  if (Number.isNaN(local)) return NaN;
  offsets?.add(offset);
  return local - offsetMs;
}

/** `offsets` hears the offset of every value read, from the same match (no second regex). */
function parseIso(text: string, offsets?: OffsetTally): number {
  const canonical = parseCanonicalIso(text, offsets);
  if (canonical !== undefined) return canonical;
  const m = ISO.exec(text);
  if (!m) return NaN;
  const local = utcTime(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), fraction(m[7]));
  if (Number.isNaN(local)) return NaN;
  offsets?.add(m[8]);
  return local - offsetMinutes(m[8]) * 60_000;
}

function parseYearMonthDay(text: string): number {
  const m = YEAR_MONTH_DAY.exec(text);
  if (!m) return NaN;
  return utcTime(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), fraction(m[7]));
}

function parseDayMonthYearDots(text: string): number {
  const m = DAY_MONTH_YEAR_DOTS.exec(text);
  if (!m) return NaN;
  return utcTime(fullYear(m[3]), num(m[2]), num(m[1]), num(m[4]), num(m[5]), num(m[6]), fraction(m[7]));
}

/** The two leading numbers of 'a/b/yyyy' and the timestamp under each reading of them. */
interface DayMonthReading {
  separator: string;
  first: number;
  second: number;
  dayFirst: number;
  monthFirst: number;
}

function readDayMonthYear(text: string): DayMonthReading | null {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return null;
  const first = num(m[1]);
  const second = num(m[3]);
  const year = fullYear(m[4]);
  let hour = num(m[5]);
  const meridiem = m[9]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const minute = num(m[6]);
  const second_ = num(m[7]);
  const ms = fraction(m[8]);
  return {
    separator: m[2],
    first,
    second,
    dayFirst: utcTime(year, second, first, hour, minute, second_, ms),
    monthFirst: utcTime(year, first, second, hour, minute, second_, ms),
  };
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? NaN;
}

function parseMonthName(text: string): number {
  let m = DAY_MONTHNAME_YEAR.exec(text);
  if (m) return utcTime(fullYear(m[3]), monthNumber(m[2]), num(m[1]));
  m = MONTHNAME_DAY_YEAR.exec(text);
  if (m) return utcTime(num(m[3]), monthNumber(m[1]), num(m[2]));
  m = MONTHNAME_YEAR.exec(text);
  if (m) return utcTime(fullYear(m[2]), monthNumber(m[1]), 1);
  m = YEAR_MONTHNAME.exec(text);
  if (m) return utcTime(num(m[1]), monthNumber(m[2]), 1);
  return NaN;
}

function parseYearMonth(text: string): number {
  let m = YEAR_MONTH.exec(text);
  if (m) return utcTime(num(m[1]), num(m[2]), 1);
  m = MONTH_YEAR.exec(text);
  if (m) return utcTime(num(m[2]), num(m[1]), 1);
  return NaN;
}

function parseYearQuarter(text: string): number {
  let m = YEAR_QUARTER.exec(text);
  if (m) return utcTime(num(m[1]), (num(m[2]) - 1) * 3 + 1, 1);
  m = QUARTER_YEAR.exec(text);
  if (m) return utcTime(num(m[2]), (num(m[1]) - 1) * 3 + 1, 1);
  return NaN;
}

function parseCompactDate(text: string): number {
  const m = COMPACT_DATE.exec(text);
  if (!m) return NaN;
  const year = num(m[1]);
  return year >= 1000 ? utcTime(year, num(m[2]), num(m[3])) : NaN;
}

function parseYear(text: string): number {
  if (!YEAR.test(text)) return NaN;
  const year = Number(text);
  return year >= 1000 && year <= 2999 ? utcTime(year, 1, 1) : NaN;
}

function inRange(value: number, [low, high]: readonly [number, number]): boolean {
  return value >= low && value < high;
}

function parseUnixSeconds(text: string): number {
  if (!UNIX_SECONDS.test(text)) return NaN;
  const seconds = Number(text);
  return inRange(seconds, UNIX_SECONDS_RANGE) ? seconds * 1000 : NaN;
}

function parseUnixMilliseconds(text: string): number {
  if (!UNIX_MILLISECONDS.test(text)) return NaN;
  const ms = Number(text);
  return inRange(ms, UNIX_MILLISECONDS_RANGE) ? ms : NaN;
}

/** The Monday (or the weekday given) of ISO week `week` of ISO year `year`, midnight UTC. */
function parseIsoWeek(text: string): number {
  const m = ISO_WEEK.exec(text);
  if (!m) return NaN;
  const year = num(m[1]);
  const week = num(m[2]);
  const weekday = m[3] ? num(m[3]) : 1;
  // Week 1 holds 4 January; its Monday is 4 January minus (its ISO weekday - 1).
  const jan4 = utcTime(year, 1, 4);
  const jan4Weekday = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
  const weeksInYear = isoWeeksIn(year);
  if (week < 1 || week > weeksInYear) return NaN;
  return jan4 - (jan4Weekday - 1) * DAY_MS + ((week - 1) * 7 + weekday - 1) * DAY_MS;
}

/** 53 when the year starts on a Thursday (or a leap year on a Wednesday), else 52. */
function isoWeeksIn(year: number): number {
  const jan1 = new Date(utcTime(year, 1, 1)).getUTCDay();
  const leap = daysInMonth(year, 2) === 29;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

function parseExcelSerial(text: string): number {
  if (!EXCEL_SERIAL.test(text)) return NaN;
  const days = Number(text);
  if (!inRange(days, EXCEL_SERIAL_RANGE)) return NaN;
  // Rounded to the second: a serial's fraction of a day carries float noise.
  return EXCEL_EPOCH + Math.round(days * 86_400) * 1000;
}

function parseEitherDayMonthOrder(text: string): number {
  const reading = readDayMonthYear(text);
  if (!reading) return NaN;
  return Number.isNaN(reading.monthFirst) ? reading.dayFirst : reading.monthFirst;
}

interface FormatSpec extends DateFormat {
  /**
   * NaN when the text does not fit; the day/month format accepts either order here. Formats that
   * can carry a UTC offset tell `offsets` the one each value has.
   */
  parse(text: string, offsets?: OffsetTally): number;
}

// Order matters only for display: no text fits two formats.
const FORMATS: FormatSpec[] = [
  { id: 'iso', label: 'ISO 8601 (YYYY-MM-DD, optional time and offset)', integer: false, parse: parseIso },
  { id: 'year-month-day', label: 'YYYY/MM/DD (optional time)', integer: false, parse: parseYearMonthDay },
  { id: 'day-month-year-dots', label: 'DD.MM.YYYY (optional time)', integer: false, parse: parseDayMonthYearDots },
  { id: 'day-month-year', label: 'DD/MM/YYYY or MM/DD/YYYY', integer: false, parse: parseEitherDayMonthOrder },
  { id: 'month-name', label: 'D MMM YYYY, MMM D YYYY or MMM YYYY', integer: false, parse: parseMonthName },
  { id: 'year-month', label: 'YYYY-MM', integer: false, parse: parseYearMonth },
  { id: 'year-quarter', label: 'YYYY-Qn', integer: false, parse: parseYearQuarter },
  { id: 'compact-date', label: 'YYYYMMDD', integer: true, parse: parseCompactDate },
  { id: 'year', label: 'YYYY', integer: true, parse: parseYear },
  { id: 'unix-seconds', label: 'Unix seconds', integer: true, parse: parseUnixSeconds },
  { id: 'unix-milliseconds', label: 'Unix milliseconds', integer: true, parse: parseUnixMilliseconds },
  { id: 'iso-week', label: 'ISO week (YYYY-Www)', integer: false, parse: parseIsoWeek },
  // Bare numbers, like Unix time: only in a time-named or the first column.
  { id: 'excel-serial', label: 'Excel serial date', integer: true, parse: parseExcelSerial },
];

export interface DetectOptions {
  /**
   * Also consider formats made of bare integers (years, Unix time, YYYYMMDD). Callers allow them
   * only for a column named like a time column or the first column, because a numeric value column
   * can hold the same integers.
   */
  allowIntegers?: boolean;
  /**
   * Also consider Excel serial dates (5-digit day counts). Callers allow them only for a column
   * named like a time column: a first column of 5-digit numbers is more often values than dates.
   */
  allowSerials?: boolean;
}

/**
 * The format most of `samples` fit (integer formats: all of them), or null. Empty values are
 * ignored.
 */
export function detectDateFormat(samples: readonly string[], options: DetectOptions = {}): DateFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return null;
  let best: FormatSpec | null = null;
  let bestHits = 0;
  for (const format of FORMATS) {
    if (format.integer && !options.allowIntegers) continue;
    if (format.id === 'excel-serial' && !options.allowSerials) continue;
    let hits = 0;
    for (const value of values) if (!Number.isNaN(format.parse(value))) hits++;
    const needed = format.integer ? values.length : Math.ceil(values.length * MIN_SAMPLE_SHARE);
    if (hits >= needed && hits > bestHits) {
      best = format;
      bestHits = hits;
    }
  }
  return best && { id: best.id, label: best.label, integer: best.integer };
}

function specOf(format: DateFormat): FormatSpec {
  const spec = FORMATS.find((f) => f.id === format.id);
  if (!spec) throw new Error(`Unknown date format '${format.id}'`);
  return spec;
}

class FailureLog {
  readonly examples: { index: number; text: string }[] = [];
  count = 0;

  add(index: number, text: string): void {
    this.count++;
    if (this.examples.length < EXAMPLES_KEPT) this.examples.push({ index, text });
  }
}

export interface ReaderOptions {
  /**
   * For a/b/yyyy dates: true reads them day-first, false month-first. Unset: the values decide
   * (a day above 12 anywhere settles it), month-first when none does.
   */
  dayFirst?: boolean;
}

/** Reads one value per row with a fixed format; day/month order is settled by the whole column. */
export function createDateColumnReader(format: DateFormat, options: ReaderOptions = {}): DateColumnReader {
  return format.id === 'day-month-year'
    ? dayMonthYearReader(format, options.dayFirst)
    : fixedFormatReader(specOf(format));
}

/**
 * Counts the offsets values are written with, as written ('Z', '+0200', ...): a Map update per
 * row, normalized only once at the end.
 */
class OffsetTally {
  private readonly counts = new Map<string, number>();
  /** The offset of the latest run of values written with the same one, not yet in `counts`. */
  private run: string | undefined;
  private runLength = 0;

  add(written: string | undefined): void {
    if (written === undefined) return;
    if (written === this.run) {
      this.runLength++;
      return;
    }
    this.endRun();
    this.run = written;
    this.runLength = 1;
  }

  private endRun(): void {
    if (this.run !== undefined) this.counts.set(this.run, (this.counts.get(this.run) ?? 0) + this.runLength);
    this.run = undefined;
    this.runLength = 0;
  }

  /** '+HH:MM'; null when no value had an offset. */
  mostCommon(): string | null {
    this.endRun();
    const normalized = new Map<string, number>();
    for (const [written, count] of this.counts) {
      const offset = normalizedOffset(written);
      normalized.set(offset, (normalized.get(offset) ?? 0) + count);
    }
    let best: string | null = null;
    let bestCount = 0;
    for (const [offset, count] of normalized) {
      if (count > bestCount) [best, bestCount] = [offset, count];
    }
    return best;
  }
}

function fixedFormatReader(spec: FormatSpec): DateColumnReader {
  const t = new GrowableFloat64();
  const failures = new FailureLog();
  const offsets = new OffsetTally();
  // Long files repeat each timestamp once per series, row after row: parse a repeat only once.
  let lastText: string | null = null;
  let lastValue = NaN;
  const settled = { values: () => t.view(), last: () => lastValue };
  return {
    push(text) {
      // Offsets are tallied per distinct value: a long file's repeats would only weigh it.
      const value = text === lastText ? lastValue : spec.parse(text.trim(), offsets);
      lastText = text;
      lastValue = value;
      if (Number.isNaN(value)) failures.add(t.length, text);
      t.push(value);
    },
    settled: () => settled,
    finish: () => ({
      format: publicFormat(spec),
      label: spec.label,
      t: t.view(),
      ambiguousOrder: false,
      offset: offsets.mostCommon(),
      unparseable: failures.examples,
      unparseableCount: failures.count,
    }),
  };
}

function publicFormat(format: DateFormat): DateFormat {
  return { id: format.id, label: format.label, integer: format.integer };
}

// Both readings are kept until the end: one value like 13/01 anywhere in the column decides
// the order of all of them, unless the caller gave the order (then values that do not fit it,
// like 13/01 read month-first, are unparseable).
function dayMonthYearReader(format: DateFormat, givenDayFirst: boolean | undefined): DateColumnReader {
  const dayFirst = new GrowableFloat64();
  const monthFirst = new GrowableFloat64();
  let separator: string | null = null;
  let dayFirstSeen = false;
  let monthFirstSeen = false;
  const dayFirstFailures = new FailureLog();
  const monthFirstFailures = new FailureLog();
  return {
    push(text) {
      const reading = readDayMonthYear(text.trim());
      if (reading) {
        separator ??= reading.separator;
        if (reading.first > 12) dayFirstSeen = true;
        if (reading.second > 12) monthFirstSeen = true;
      }
      const asDayFirst = reading ? reading.dayFirst : NaN;
      const asMonthFirst = reading ? reading.monthFirst : NaN;
      if (Number.isNaN(asDayFirst)) dayFirstFailures.add(dayFirst.length, text);
      if (Number.isNaN(asMonthFirst)) monthFirstFailures.add(monthFirst.length, text);
      dayFirst.push(asDayFirst);
      monthFirst.push(asMonthFirst);
    },
    settled() {
      if (givenDayFirst === undefined) return null;
      const readings = givenDayFirst ? dayFirst : monthFirst;
      return { values: () => readings.view(), last: () => readings.last() ?? NaN };
    },
    finish() {
      // When both orders are evidenced the column is inconsistent: keep the reading that fits
      // more rows, the rest are reported as unparseable.
      const useDayFirst =
        givenDayFirst ?? (dayFirstSeen && (!monthFirstSeen || dayFirstFailures.count < monthFirstFailures.count));
      const failures = useDayFirst ? dayFirstFailures : monthFirstFailures;
      const label = (useDayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY').replaceAll('/', separator ?? '/');
      return {
        format: publicFormat(format),
        label,
        t: (useDayFirst ? dayFirst : monthFirst).view(),
        ambiguousOrder: givenDayFirst === undefined && !dayFirstSeen && !monthFirstSeen,
        offset: null,
        unparseable: failures.examples,
        unparseableCount: failures.count,
      };
    },
  };
}

/** Detects the format of `values` and reads all of them with it; null when no format fits. */
export function parseDateColumn(
  values: readonly string[],
  options: DetectOptions & ReaderOptions = {},
): DateColumn | null {
  const format = detectDateFormat(values, options);
  if (!format) return null;
  const reader = createDateColumnReader(format, options);
  for (const value of values) reader.push(value);
  return reader.finish();
}
