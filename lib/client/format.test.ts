import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercentValue, formatRelative, formatSeriesRange, formatSeriesTime } from './format';

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
