// Public holidays as model inputs (issue 22), from the maintained `date-holidays` calendars: a
// calendar code is an ISO 3166 country, optionally with a region ('US', 'DE-BY': Bavaria adds
// Epiphany, Corpus Christi and All Saints' Day to Germany's). Only public holidays count (not
// observances, bank or school holidays). Each time step gets:
//   - a flag: a holiday falls on the step's local date (a daily or longer step: within its period),
//   - days to the next and from the last holiday, clipped at HOLIDAY_REACH and scaled to 0..1, so
//     the run-up to Christmas and the day after Thanksgiving are recognisable,
//   - the holiday's name, one-hot over the run's most frequent names (a fixed vocabulary per run, so
//     every fit reads the same inputs); holidays outside it show in the flag only.
// Dates are local: a sub-daily series reads each step's date in its IANA zone; a daily one's
// timestamps are already dates (UTC midnight).
import { tzOffset } from '@date-fns/tz';
import Holidays from 'date-holidays';
import { InvalidConfigError } from './errors';

/** Days before and after a holiday the distance features still tell apart (then they saturate at 1). */
export const HOLIDAY_REACH = 14;
/** Holiday names one-hot encoded at most: the most frequent ones of the run's dates. */
export const MAX_HOLIDAY_NAMES = 8;

const DAY_MS = 86_400_000;

/** One public holiday: its local date, the UTC-midnight timestamp of that date, and its name. */
export interface HolidayDate {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Date.UTC of the date: day numbers compare without a zone. */
  day: number;
  name: string;
}

const calendars = new Map<string, Holidays>();

/** The date-holidays calendar of `code`; InvalidConfigError for an unknown country or region. */
function calendarOf(code: string): Holidays {
  const cached = calendars.get(code);
  if (cached) return cached;
  const [country, region] = code.split('-');
  const known = new Holidays().getCountries('en');
  if (!known[country]) {
    throw new InvalidConfigError(`holidays: "${country}" is not a country date-holidays knows.`, [
      `holidays: unknown country "${country}"`,
    ]);
  }
  if (region) {
    const regions = new Holidays().getStates(country, 'en') ?? {};
    if (!regions[region]) {
      throw new InvalidConfigError(`holidays: "${region}" is not a region of ${country} that date-holidays knows.`, [
        `holidays: unknown region "${code}"`,
      ]);
    }
  }
  // English names where the calendar has them ("Day of German Unity"), else the local ones.
  const calendar = region
    ? new Holidays(country, region, { types: ['public'], languages: ['en'] })
    : new Holidays(country, { types: ['public'], languages: ['en'] });
  calendars.set(code, calendar);
  return calendar;
}

/** Throws InvalidConfigError unless date-holidays knows the calendar `code`. */
export function assertKnownCalendar(code: string): void {
  calendarOf(code);
}

/** Public holidays of `code` in the years fromYear..toYear, by date (one entry per date). */
export function holidaysInYears(code: string, fromYear: number, toYear: number): HolidayDate[] {
  const calendar = calendarOf(code);
  const byDate = new Map<string, HolidayDate>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of calendar.getHolidays(year, 'en')) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      if (byDate.has(date)) continue;
      const [y, m, d] = date.split('-').map(Number);
      byDate.set(date, { date, day: Date.UTC(y, m - 1, d), name: h.name });
    }
  }
  return [...byDate.values()].sort((a, b) => a.day - b.day);
}

/** UTC midnight of the local date of `t` (in `timeZone`, else UTC). */
export function localDay(t: number, timeZone?: string | null): number {
  let wall = t;
  if (timeZone) {
    const minutes = tzOffset(timeZone, new Date(t));
    if (Number.isFinite(minutes)) wall = t + minutes * 60_000;
  }
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** Public holidays of `code` whose dates lie within the local dates of from..to (inclusive). */
export function holidaysBetween(code: string, from: number, to: number, timeZone?: string | null): HolidayDate[] {
  const first = localDay(from, timeZone);
  const last = localDay(to, timeZone);
  return holidaysInYears(code, new Date(first).getUTCFullYear(), new Date(last).getUTCFullYear()).filter(
    (h) => h.day >= first && h.day <= last,
  );
}

/** The holiday inputs of one run: feature names, the name vocabulary, and how to compute them. */
export interface HolidayFeatures {
  calendar: string;
  /** Names one-hot encoded, most frequent first. */
  vocabulary: string[];
  /** Input names, in column order: holiday, daysToHoliday, daysFromHoliday, then one per vocabulary name. */
  names: string[];
}

/**
 * The holiday inputs for a run whose steps (history and forecast steps) are `t`: the vocabulary is
 * the most frequent holiday names among them.
 */
export function holidayFeaturesFor(code: string, t: ArrayLike<number>, timeZone?: string | null): HolidayFeatures {
  const counts = new Map<string, number>();
  if (t.length > 0) {
    for (const h of holidaysBetween(code, t[0], t[t.length - 1], timeZone)) {
      counts.set(h.name, (counts.get(h.name) ?? 0) + 1);
    }
  }
  const vocabulary = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_HOLIDAY_NAMES)
    .map(([name]) => name);
  return {
    calendar: code,
    vocabulary,
    names: ['holiday', 'daysToHoliday', 'daysFromHoliday', ...vocabulary.map((n) => `holiday: ${n}`)],
  };
}

/**
 * The holiday inputs of each step of `t` (ascending): t.length x names.length, row-major. A step of
 * a day or longer covers the dates up to the next step's (the last one: as long as the one before);
 * a sub-daily step, its own local date.
 */
export function holidayMatrix(features: HolidayFeatures, t: ArrayLike<number>, timeZone?: string | null): Float32Array {
  const width = features.names.length;
  const out = new Float32Array(t.length * width);
  if (t.length === 0) return out;
  const days = Array.from(t, (x) => localDay(x, timeZone));
  const lastDay = days[days.length - 1];
  const lastSpan = days.length > 1 ? Math.max(DAY_MS, lastDay - days[days.length - 2]) : DAY_MS;
  const pad = HOLIDAY_REACH * DAY_MS;
  const all = holidaysInYears(
    features.calendar,
    new Date(days[0] - pad).getUTCFullYear(),
    new Date(lastDay + lastSpan + pad).getUTCFullYear(),
  );
  const column = new Map(features.vocabulary.map((name, k) => [name, 3 + k]));
  let next = 0; // first holiday on or after the current step's day
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    const end = i + 1 < days.length ? Math.max(day + DAY_MS, days[i + 1]) : day + lastSpan;
    // Sub-daily steps share a date: the period is that date alone.
    const periodEnd = i + 1 < days.length && days[i + 1] === day ? day + DAY_MS : end;
    while (next < all.length && all[next].day < day) next++;
    const row = i * width;
    let k = next;
    while (k < all.length && all[k].day < periodEnd) {
      out[row] = 1;
      const c = column.get(all[k].name);
      if (c !== undefined) out[row + c] = 1;
      k++;
    }
    const toNext = next < all.length ? (all[next].day - day) / DAY_MS : Infinity;
    const fromLast = next > 0 ? (day - all[next - 1].day) / DAY_MS : Infinity;
    out[row + 1] = Math.min(toNext, HOLIDAY_REACH) / HOLIDAY_REACH;
    out[row + 2] = out[row] === 1 ? 0 : Math.min(fromLast, HOLIDAY_REACH) / HOLIDAY_REACH;
  }
  return out;
}
