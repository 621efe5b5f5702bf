// Display formatting. Series timestamps are shown in UTC, as stored: a daily series read from
// "2024-03-01" must not show as Feb 29 to a user west of Greenwich. Creation times are the
// user's own events and are shown in local time. A series whose dataset named an IANA zone is shown
// in that zone (its offset at each instant, from @date-fns/tz), else at the offset its file wrote.
import { tzOffset } from '@date-fns/tz';
import { FREQUENCIES, FREQUENCY_SPECS, frequencyLabel, isFrequency } from '@/lib/forecast/time/frequency';
import type { Frequency } from './types';

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
const INTEGER = new Intl.NumberFormat('en');

export function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (digits !== undefined) return value.toFixed(digits);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(2);
  return NUMBER.format(value);
}

/** A value that is already in percent (MAPE, WAPE), e.g. 4.14 → "4.1%". */
export function formatPercentValue(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(1)}%`;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : INTEGER.format(value);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

const DATE_ONLY: ReadonlySet<Frequency> = new Set(
  FREQUENCIES.filter((f) => ['day', 'business-day', 'week', 'month'].includes(FREQUENCY_SPECS[f].unit)),
);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "4 Jul 2026" in UTC. Built by hand: Intl's en-GB writes "Sept", other locales reorder. */
export function utcDate(date: Date, withYear = true): string {
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${day} ${date.getUTCFullYear()}` : day;
}

export function utcMonth(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function utcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * What a series' times are shown in: the IANA zone its dataset named ('Europe/Berlin'), else the
 * UTC offset its file wrote ('+02:00'), else null (UTC). Every `offset` parameter below takes it.
 */
export function seriesZone(
  series: { timeZone?: string | null; timeOffset?: string | null } | null | undefined,
): string | null {
  return series?.timeZone ?? series?.timeOffset ?? null;
}

/** Minutes east of UTC at `instant` of an offset like "+02:00" or an IANA zone; 0 for none. */
function offsetMinutes(offset: string | null | undefined, instant = 0): number {
  if (!offset) return 0;
  const match = FIXED_OFFSET.exec(offset);
  if (match) return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const minutes = tzOffset(offset, new Date(instant));
  return Number.isFinite(minutes) ? minutes : 0;
}

/** "+02:00" for 120 minutes. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The zone a series' times are shown in, said once beside a chart or table: "UTC+02:00" for a
 * file written at +02:00, "UTC" for one written in UTC or without an offset, the zone's name
 * ("Europe/Berlin") for a dataset that named one.
 */
export function timeZoneLabel(offset: string | null | undefined): string {
  if (offset && !FIXED_OFFSET.test(offset)) return offset;
  return offsetMinutes(offset) === 0 ? 'UTC' : `UTC${offset}`;
}

/**
 * The instant as a Date whose getUTC* fields read the wall-clock time at `offset` ("+02:00", or
 * an IANA zone at that instant), for formatting with the utc* helpers; the instant itself when
 * there is no offset.
 */
export function atOffset(value: string | number, offset?: string | null): Date {
  const instant = new Date(value).getTime();
  return new Date(instant + offsetMinutes(offset, instant) * 60_000);
}

/**
 * A timestamp of a series, in UTC, or at the UTC offset its file was written in ("+02:00", the
 * series' timeOffset) so times read as the user knows them. The time of day is left out for
 * date-like frequencies, and, when the frequency is unknown, for timestamps at midnight.
 * `withZone` false leaves out the zone after the time, for places that say it once (timeZoneLabel).
 */
export function formatSeriesTime(
  value: string | number | null | undefined,
  frequency?: Frequency,
  offset?: string | null,
  withZone = true,
): string {
  if (value === null || value === undefined) return '—';
  const date = atOffset(value, offset);
  if (Number.isNaN(date.getTime())) return '—';
  const minutes = offsetMinutes(offset, new Date(value).getTime());
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  const dateOnly = frequency === undefined ? midnight : DATE_ONLY.has(frequency);
  if (dateOnly) return utcDate(date);
  return withZone
    ? `${utcDate(date)}, ${utcTime(date)} ${minutes ? offsetText(minutes) : 'UTC'}`
    : `${utcDate(date)}, ${utcTime(date)}`;
}

export function formatSeriesRange(
  start: string | null | undefined,
  end: string | null | undefined,
  frequency?: Frequency,
  offset?: string | null,
  withZone = true,
): string {
  if (!start || !end) return '—';
  return `${formatSeriesTime(start, frequency, offset, withZone)} – ${formatSeriesTime(end, frequency, offset, withZone)}`;
}

const LOCAL_DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An event time (created, next fire) in the user's time zone. */
export function formatLocalTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : LOCAL_DATE_TIME.format(date);
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "in 2 hours"; "just now" within a minute. */
export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '—';
  const seconds = (new Date(value).getTime() - now) / 1000;
  if (!Number.isFinite(seconds)) return '—';
  if (Math.abs(seconds) < 60) return seconds <= 0 ? 'just now' : 'in less than a minute';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return RELATIVE.format(Math.round(seconds / 60), 'minute');
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return `${minutes} min ${rest} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "Every 15 minutes", "Business days (Mon-Fri)": the label of lib/forecast/time, capitalised. */
export function formatFrequency(frequency: Frequency | string): string {
  if (!isFrequency(frequency)) return frequency;
  const label = frequencyLabel(frequency);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const DAY = 24 * 3600 * 1000;

/**
 * Tick labels sized to the visible span, in UTC: months for years of data, hours for a day.
 * `offset` ("+02:00"): label the ticks at the series' own UTC offset instead of in UTC.
 * `frequency`: hourly and minutely data keep the time of day on spans up to two months, so an
 * hourly forecast's axis does not repeat "26 Dec, 26 Dec".
 */
export function timeTickFormatter(
  first: number,
  last: number,
  offset?: string | null,
  frequency?: Frequency,
): (value: number) => string {
  const span = Math.abs(last - first);
  const subDaily = frequency === 'hourly' || frequency === 'minutely';
  const format = (date: Date) =>
    span > 400 * DAY
      ? utcMonth(date)
      : span > (subDaily ? 60 : 3) * DAY
        ? utcDate(date, false)
        : span > DAY
          ? `${utcDate(date, false)} ${utcTime(date)}`
          : utcTime(date);
  return (value) => (Number.isFinite(value) ? format(atOffset(value, offset)) : '');
}

const SHORT = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/**
 * An axis tick precise enough to tell neighbouring ticks apart: 12,500 (not "13k") up to a
 * million, then 1.25M / 3.5B with up to two decimals.
 */
export function axisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${SHORT.format(value / 1e9)}B`;
  if (abs >= 1e6) return `${SHORT.format(value / 1e6)}M`;
  if (abs >= 1e3) return SHORT.format(value);
  return formatNumber(value);
}
