import { describe, expect, it } from 'vitest';
import {
  axisNumber,
  formatDuration,
  formatPercentValue,
  formatRelative,
  formatSeriesRange,
  formatSeriesTime,
  seriesZone,
  timeTickFormatter,
  timeZoneLabel,
} from './format';

describe('formatSeriesTime', () => {
  it('shows series timestamps in UTC, with the time of day only where it means something', () => {
    expect(formatSeriesTime('2026-09-03T00:00:00Z', 'daily')).toBe('3 Sep 2026');
    expect(formatSeriesTime('2026-09-03T07:05:00Z', 'hourly')).toBe('3 Sep 2026, 07:05 UTC');
    expect(formatSeriesTime('2026-09-03T00:00:00Z')).toBe('3 Sep 2026');
    expect(formatSeriesTime(null)).toBe('—');
  });

  it('joins a range', () => {
    expect(formatSeriesRange('2026-07-04T00:00:00Z', '2026-10-31T00:00:00Z', 'daily')).toBe('4 Jul 2026 – 31 Oct 2026');
  });

  it('shows times at the offset the file was written in, when the series has one', () => {
    expect(formatSeriesTime('2026-09-03T05:05:00Z', 'hourly', '+02:00')).toBe('3 Sep 2026, 07:05 +02:00');
    expect(formatSeriesTime('2026-09-03T02:00:00Z', 'hourly', '-05:00')).toBe('2 Sep 2026, 21:00 -05:00');
    // A local midnight is stored as the day before in UTC; shown at its offset it is that day again.
    expect(formatSeriesTime('2026-09-02T22:00:00Z', 'daily', '+02:00')).toBe('3 Sep 2026');
    expect(formatSeriesTime('2026-09-03T07:05:00Z', 'hourly', '+00:00')).toBe('3 Sep 2026, 07:05 UTC');
    expect(formatSeriesRange('2026-09-02T22:00:00Z', '2026-09-03T21:00:00Z', 'hourly', '+02:00')).toBe(
      '3 Sep 2026, 00:00 +02:00 – 3 Sep 2026, 23:00 +02:00',
    );
  });

  it('shows times in the IANA zone a dataset named, at its offset on each side of a daylight-saving change', () => {
    // Europe/Berlin, 27 October 2024: 02:00 summer time, then 02:00 again in winter time.
    expect(formatSeriesTime('2024-10-27T00:00:00Z', '15min', 'Europe/Berlin')).toBe('27 Oct 2024, 02:00 +02:00');
    expect(formatSeriesTime('2024-10-27T01:00:00Z', '15min', 'Europe/Berlin')).toBe('27 Oct 2024, 02:00 +01:00');
    expect(formatSeriesTime('2024-03-30T23:00:00Z', 'daily', 'Europe/Berlin')).toBe('31 Mar 2024');
    expect(formatSeriesTime('2024-07-01T16:00:00Z', 'hourly', 'America/New_York', false)).toBe('1 Jul 2024, 12:00');
    // The zone takes the place of the file's offset when both are known.
    expect(seriesZone({ timeZone: 'Europe/Berlin', timeOffset: '+01:00' })).toBe('Europe/Berlin');
    expect(seriesZone({ timeZone: null, timeOffset: '+01:00' })).toBe('+01:00');
    expect(seriesZone({ timeZone: null, timeOffset: null })).toBeNull();
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('speaks in the largest whole unit', () => {
    expect(formatRelative('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-01-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-01-01T18:00:00Z', now)).toBe('in 6 hours');
  });
});

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(9_200)).toBe('9.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('formatPercentValue', () => {
  it('shows a value already in percent with one decimal, a dash when undefined', () => {
    expect(formatPercentValue(4.14)).toBe('4.1%');
    expect(formatPercentValue(0)).toBe('0.0%');
    expect(formatPercentValue(null)).toBe('—');
    expect(formatPercentValue(Number.NaN)).toBe('—');
  });
});

describe('timeZoneLabel', () => {
  it('names the offset a series was written in, and UTC without one', () => {
    expect(timeZoneLabel('+02:00')).toBe('UTC+02:00');
    expect(timeZoneLabel('-05:30')).toBe('UTC-05:30');
    expect(timeZoneLabel('+00:00')).toBe('UTC');
    expect(timeZoneLabel(null)).toBe('UTC');
    expect(timeZoneLabel(undefined)).toBe('UTC');
    expect(timeZoneLabel('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('formatSeriesRange without the zone', () => {
  it('leaves the zone out of each time, for a place that says it once', () => {
    const start = '2024-02-29T22:00:00.000Z';
    const end = '2024-03-01T21:00:00.000Z';
    expect(formatSeriesRange(start, end, 'hourly', '+02:00', false)).toBe('1 Mar 2024, 00:00 – 1 Mar 2024, 23:00');
    expect(formatSeriesRange(start, end, 'hourly', '+02:00')).toBe(
      '1 Mar 2024, 00:00 +02:00 – 1 Mar 2024, 23:00 +02:00',
    );
    expect(formatSeriesTime(start, 'daily', '+02:00', false)).toBe('1 Mar 2024');
  });
});

describe('axisNumber', () => {
  it('keeps enough precision to tell ticks apart', () => {
    expect(axisNumber(12_500)).toBe('12,500');
    expect(axisNumber(13_000)).toBe('13,000');
    expect(axisNumber(1_250_000)).toBe('1.25M');
    expect(axisNumber(3_500_000_000)).toBe('3.5B');
    expect(axisNumber(0.25)).toBe('0.25');
  });
});

describe('timeTickFormatter', () => {
  const day = 86_400_000;
  const start = Date.UTC(2026, 11, 20);
  it('shows the time of day for hourly data over days, and dates alone for daily data', () => {
    expect(timeTickFormatter(start, start + 10 * day, null, 'hourly')(start + 26 * 3_600_000)).toBe('21 Dec 02:00');
    expect(timeTickFormatter(start, start + 10 * day, null, 'daily')(start + day)).toBe('21 Dec');
    expect(timeTickFormatter(start, start + 90 * day, null, 'hourly')(start + day)).toBe('21 Dec');
  });
});
