import { describe, expect, it } from 'vitest';
import { periodStart, resample } from './resample';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

describe('periodStart', () => {
  it.each([
    ['minutely', '2024-05-15T13:47:31.250Z', '2024-05-15T13:47:00Z'],
    ['hourly', '2024-05-15T13:47:31Z', '2024-05-15T13:00:00Z'],
    ['daily', '2024-05-15T13:47:31Z', '2024-05-15T00:00:00Z'],
    ['weekly', '2024-05-15T13:47:31Z', '2024-05-13T00:00:00Z'], // a Wednesday → its Monday
    ['weekly', '2024-05-13T00:00:00Z', '2024-05-13T00:00:00Z'],
    ['weekly', '1969-12-31T12:00:00Z', '1969-12-29T00:00:00Z'],
    ['monthly', '2024-05-15T13:47:31Z', '2024-05-01T00:00:00Z'],
    ['quarterly', '2024-05-15T13:47:31Z', '2024-04-01T00:00:00Z'],
    ['yearly', '2024-05-15T13:47:31Z', '2024-01-01T00:00:00Z'],
  ] as const)('%s: %s → %s', (frequency, t, start) => {
    expect(periodStart(at(t), frequency)).toBe(at(start));
  });
});

describe('resample', () => {
  const t = [0, 2 * HOUR, 5 * HOUR, DAY + HOUR, 3 * DAY];
  const v = [1, 5, 3, 10, 7];

  it.each([
    ['sum', [9, 10, 7]],
    ['mean', [3, 10, 7]],
    ['min', [1, 10, 7]],
    ['max', [5, 10, 7]],
    ['last', [3, 10, 7]],
  ] as const)('aggregates by %s, one point per period that has values', (aggregation, expected) => {
    expect(resample(t, v, 'daily', aggregation)).toEqual({ t: [0, DAY, 3 * DAY], v: expected });
  });
});
