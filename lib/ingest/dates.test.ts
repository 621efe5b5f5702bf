import { describe, expect, it } from 'vitest';
import { createDateColumnReader, detectDateFormat, parseDateColumn, utcTime } from './dates';

const utc = (iso: string) => Date.parse(iso);

/** Reads one column and returns its timestamps as ISO strings (null where unparseable). */
function read(values: string[], allowIntegers = false): (string | null)[] | null {
  const column = parseDateColumn(values, { allowIntegers });
  if (!column) return null;
  return Array.from(column.t, (t) => (Number.isNaN(t) ? null : new Date(t).toISOString()));
}

describe('ISO 8601', () => {
  it('reads dates and date-times without an offset as UTC', () => {
    expect(read(['2024-01-31', '2024-02-01'])).toEqual(['2024-01-31T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
    expect(read(['2024-01-31T14:05', '2024-01-31 14:05:09', '2024-01-31T14:05:09.25'])).toEqual([
      '2024-01-31T14:05:00.000Z',
      '2024-01-31T14:05:09.000Z',
      '2024-01-31T14:05:09.250Z',
    ]);
  });

  it('honours Z and numeric offsets', () => {
    expect(
      read(['2024-03-31T03:00:00+02:00', '2024-03-31T01:00:00Z', '2024-03-30T20:00:00-0500', '2024-03-31T09:00+09']),
    ).toEqual([
      '2024-03-31T01:00:00.000Z',
      '2024-03-31T01:00:00.000Z',
      '2024-03-31T01:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
    ]);
  });

  it('reads the machine-written shapes (fast path) exactly as the general ones', () => {
    expect(
      read([
        '2024-01-31T14:05:09.123456789Z',
        '2024-01-31 14:05:09.5-01:30',
        '2024-01-31T14:05:09.000z',
        '2024-01-31T14:05 UTC',
      ]),
    ).toEqual([
      '2024-01-31T14:05:09.123Z',
      '2024-01-31T15:35:09.500Z',
      '2024-01-31T14:05:09.000Z',
      '2024-01-31T14:05:00.000Z',
    ]);
    const valid = Array.from({ length: 8 }, (_, i) => `2024-01-31T14:05:0${i}Z`);
    expect(read([...valid, '2024-01-31T14:05:09.Z', '2024-01-31T14:05:09+2:00'])?.slice(7)).toEqual([
      '2024-01-31T14:05:07.000Z',
      null,
      null,
    ]);
  });

  it('rejects impossible calendar values instead of rolling them over', () => {
    expect(read(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2023-02-29'])?.[4]).toBeNull();
    expect(read(['2024-02-29', '2024-02-28', '2024-02-27', '2024-02-26', '2024-01-01T24:00'])).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2024-02-28T00:00:00.000Z',
      '2024-02-27T00:00:00.000Z',
      '2024-02-26T00:00:00.000Z',
      null,
    ]);
  });
});

describe('other written-out formats', () => {
  it('reads YYYY/MM/DD with an optional time', () => {
    expect(read(['2024/01/31', '2024/02/01 08:30', '2024/02/02 08:30:15'])).toEqual([
      '2024-01-31T00:00:00.000Z',
      '2024-02-01T08:30:00.000Z',
      '2024-02-02T08:30:15.000Z',
    ]);
  });

  it('reads DD.MM.YYYY as day-first, with two-digit years', () => {
    expect(read(['01.02.2024', '31.12.99 23:59'])).toEqual(['2024-02-01T00:00:00.000Z', '1999-12-31T23:59:00.000Z']);
  });

  it('reads year-month, month-year and year-quarter as the first day of the period', () => {
    expect(read(['2001-01', '2001-12'])).toEqual(['2001-01-01T00:00:00.000Z', '2001-12-01T00:00:00.000Z']);
    expect(read(['03/2001', '04/2001'])).toEqual(['2001-03-01T00:00:00.000Z', '2001-04-01T00:00:00.000Z']);
    expect(read(['2001-Q1', '2001 Q3', 'Q4 2001'])).toEqual([
      '2001-01-01T00:00:00.000Z',
      '2001-07-01T00:00:00.000Z',
      '2001-10-01T00:00:00.000Z',
    ]);
  });

  it('reads month names', () => {
    expect(read(['5 Jan 2021', '05-Feb-2021', 'March 7, 2021', 'Sept 2021', '2021 Dec'])).toEqual([
      '2021-01-05T00:00:00.000Z',
      '2021-02-05T00:00:00.000Z',
      '2021-03-07T00:00:00.000Z',
      '2021-09-01T00:00:00.000Z',
      '2021-12-01T00:00:00.000Z',
    ]);
  });
});

describe('day/month order of DD/MM/YYYY and MM/DD/YYYY', () => {
  it('is day-first when any first part is above 12, anywhere in the column', () => {
    const column = parseDateColumn(['01/02/2024', '02/02/2024', '13/02/2024']);
    expect(column?.label).toBe('DD/MM/YYYY');
    expect(column?.ambiguousOrder).toBe(false);
    expect(new Date(column!.t[0]).toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('is month-first when any second part is above 12', () => {
    const column = parseDateColumn(['01/02/2024', '01/13/2024']);
    expect(column?.label).toBe('MM/DD/YYYY');
    expect(new Date(column!.t[0]).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(column?.ambiguousOrder).toBe(false);
  });

  it('assumes month-first and says so when nothing decides it', () => {
    const column = parseDateColumn(['01-02-2024', '03-04-2024']);
    expect(column?.label).toBe('MM-DD-YYYY');
    expect(column?.ambiguousOrder).toBe(true);
  });

  it('decides from values after the sample: the reader sees the whole column', () => {
    const format = detectDateFormat(['01/02/2024', '02/02/2024']);
    expect(format?.id).toBe('day-month-year');
    const reader = createDateColumnReader(format!);
    for (let day = 1; day <= 28; day++) reader.push(`${String(day).padStart(2, '0')}/02/2024`);
    expect(reader.finish().label).toBe('DD/MM/YYYY');
  });

  it('reports the minority when a column mixes both orders', () => {
    const column = parseDateColumn(['13/01/2024', '14/01/2024', '15/01/2024', '01/16/2024']);
    expect(column?.label).toBe('DD/MM/YYYY');
    expect(column?.unparseableCount).toBe(1);
    expect(column?.unparseable).toEqual([{ index: 3, text: '01/16/2024' }]);
  });

  it('follows a given order, with no ambiguity left', () => {
    const dayFirst = parseDateColumn(['01/02/2024', '03/04/2024'], { dayFirst: true });
    expect(dayFirst?.label).toBe('DD/MM/YYYY');
    expect(dayFirst?.ambiguousOrder).toBe(false);
    expect(new Date(dayFirst!.t[1]).toISOString()).toBe('2024-04-03T00:00:00.000Z');
    const monthFirst = parseDateColumn(['01/02/2024', '03/04/2024'], { dayFirst: false });
    expect(monthFirst?.label).toBe('MM/DD/YYYY');
    expect(new Date(monthFirst!.t[1]).toISOString()).toBe('2024-03-04T00:00:00.000Z');
  });

  it('reports values that contradict the given order as unparseable', () => {
    const column = parseDateColumn(['01/02/2024', '13/02/2024'], { dayFirst: false });
    expect(column?.label).toBe('MM/DD/YYYY');
    expect(column?.unparseable).toEqual([{ index: 1, text: '13/02/2024' }]);
  });

  it('reads a 12-hour clock', () => {
    expect(read(['1/2/2024 12:15 AM', '1/2/2024 3:45 PM', '1/13/2024 12:00 PM'])).toEqual([
      '2024-01-02T00:15:00.000Z',
      '2024-01-02T15:45:00.000Z',
      '2024-01-13T12:00:00.000Z',
    ]);
  });
});

describe('integer formats', () => {
  it('are only considered when allowed', () => {
    expect(detectDateFormat(['1880', '1881'])).toBeNull();
    expect(detectDateFormat(['1880', '1881'], { allowIntegers: true })?.id).toBe('year');
  });

  it('reads bare years, YYYYMMDD, Unix seconds and milliseconds', () => {
    expect(read(['1880', '1881'], true)).toEqual(['1880-01-01T00:00:00.000Z', '1881-01-01T00:00:00.000Z']);
    expect(read(['20240131', '20240201'], true)).toEqual(['2024-01-31T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
    expect(read(['1700000000', '1700003600'], true)).toEqual(['2023-11-14T22:13:20.000Z', '2023-11-14T23:13:20.000Z']);
    expect(read(['1700000000000', '1700000060000'], true)).toEqual([
      '2023-11-14T22:13:20.000Z',
      '2023-11-14T22:14:20.000Z',
    ]);
  });

  it('need every sampled value to fit, in a plausible range', () => {
    expect(detectDateFormat(['1700000000', '1700003600', '12.5'], { allowIntegers: true })).toBeNull();
    expect(detectDateFormat(['1', '2', '3'], { allowIntegers: true })).toBeNull();
    expect(detectDateFormat(['99999999999999'], { allowIntegers: true })).toBeNull();
  });
});

describe('detection and the per-row fast path', () => {
  it('tolerates a few bad values in the sample and reports them with their position', () => {
    const values = ['2024-01-01', '2024-01-02', 'oops', '2024-01-04', '2024-01-05', ''];
    const column = parseDateColumn(values);
    expect(column?.format.id).toBe('iso');
    expect(column?.unparseableCount).toBe(2);
    expect(column?.unparseable).toEqual([
      { index: 2, text: 'oops' },
      { index: 5, text: '' },
    ]);
  });

  it('finds no format in text or plain numbers', () => {
    expect(detectDateFormat(['apple', 'pear'])).toBeNull();
    expect(detectDateFormat(['12.5', '13.25'])).toBeNull();
    expect(detectDateFormat(['', '  '])).toBeNull();
  });

  it('keeps at most five examples but counts every failure', () => {
    const reader = createDateColumnReader(detectDateFormat(['2024-01-01'])!);
    for (let i = 0; i < 12; i++) reader.push('nope');
    const column = reader.finish();
    expect(column.unparseable).toHaveLength(5);
    expect(column.unparseableCount).toBe(12);
  });
});

describe('utcTime', () => {
  it('handles years before 100 without the Date.UTC 1900 shift', () => {
    expect(new Date(utcTime(50, 3, 1)).getUTCFullYear()).toBe(50);
    expect(utcTime(2024, 2, 30)).toBeNaN();
    expect(utcTime(2024, 1, 1, 12, 30)).toBe(utc('2024-01-01T12:30:00Z'));
  });
});

describe('UTC offsets, kept for display', () => {
  it('are the offset the values were written with, normalized to +HH:MM', () => {
    expect(parseDateColumn(['2024-03-01T08:00:00+0200', '2024-03-01T09:00:00+0200'])?.offset).toBe('+02:00');
    expect(parseDateColumn(['2024-03-01 08:00-05', '2024-03-01 09:00-05'])?.offset).toBe('-05:00');
    expect(parseDateColumn(['2024-03-01T08:00:00Z', '2024-03-01T09:00:00Z'])?.offset).toBe('+00:00');
  });

  it('are the most common one when they change (daylight saving)', () => {
    const values = ['2024-03-30T12:00:00+01:00', '2024-03-31T12:00:00+02:00', '2024-04-01T12:00:00+02:00'];
    const column = parseDateColumn(values);
    expect(column?.offset).toBe('+02:00');
    // The times themselves are UTC, each by its own offset.
    expect(new Date(column!.t[0]).toISOString()).toBe('2024-03-30T11:00:00.000Z');
    expect(new Date(column!.t[1]).toISOString()).toBe('2024-03-31T10:00:00.000Z');
  });

  it('are null when the values carry none', () => {
    expect(parseDateColumn(['2024-03-01', '2024-03-02'])?.offset).toBeNull();
    expect(parseDateColumn(['2024-03-01 08:00', '2024-03-01 09:00'])?.offset).toBeNull();
    expect(parseDateColumn(['01/02/2024', '13/02/2024'])?.offset).toBeNull();
  });
});

describe('ISO 8601 fast path', () => {
  // Machine-written times are read without a regex and with the day's start remembered from the
  // previous value: every value must still read as the calendar says, in any order.
  it('reads random valid and invalid date-times exactly as Date.UTC computes them', () => {
    let state = 12_345;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % n;
    };
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    const reader = createDateColumnReader(detectDateFormat(['2024-01-01T00:00:00Z'])!);
    const expected: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const [year, month, day] = [1990 + next(40), 1 + next(13), 1 + next(31)]; // month 13 and 31 April: invalid
      const [hour, minute, second] = [next(25), next(61), next(61)]; // 24:00, :60: invalid
      const digits = next(10); // 0: no fraction
      const fraction =
        digits === 0
          ? ''
          : `.${String(next(10 ** 9))
              .padStart(9, '0')
              .slice(0, digits)}`;
      const offsetMinutes = [0, 0, 60, -300, 330][next(5)];
      const offset = [
        '',
        'Z',
        `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`,
      ][next(3)];
      const withSeconds = next(4) > 0;
      const text =
        `${year}-${pad(month)}-${pad(day)}${next(2) ? 'T' : ' '}${pad(hour)}:${pad(minute)}` +
        (withSeconds ? `:${pad(second)}${fraction}` : '') +
        offset;
      reader.push(text);
      const valid =
        month <= 12 &&
        day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
        hour <= 23 &&
        minute <= 59 &&
        (!withSeconds || second <= 59);
      const ms = withSeconds && digits > 0 ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
      const shift = offset === '' || offset === 'Z' ? 0 : offsetMinutes * 60_000;
      expected.push(valid ? Date.UTC(year, month - 1, day, hour, minute, withSeconds ? second : 0, ms) - shift : NaN);
    }
    expect(Array.from(reader.finish().t)).toEqual(expected);
  });
});

describe('ISO week dates and Excel serials', () => {
  it('read 2024-W05 as the Monday of that ISO week, a weekday when given, and refuse week 53 of a 52-week year', () => {
    const column = parseDateColumn(['2024-W05', '2020-W53', '2025W01', '2024-W05-3']);
    expect(column?.format.id).toBe('iso-week');
    expect(Array.from(column!.t)).toEqual([
      Date.UTC(2024, 0, 29),
      Date.UTC(2020, 11, 28),
      Date.UTC(2024, 11, 30), // ISO year 2025 starts on Monday 30 December 2024
      Date.UTC(2024, 0, 31),
    ]);
    expect(Number.isNaN(parseDateColumn(['2021-W53'])?.t[0] ?? NaN)).toBe(true);
  });

  it('read 5-digit spreadsheet serials only where asked (a time-named column), with the fraction as the time', () => {
    expect(detectDateFormat(['45292', '45293'], { allowIntegers: true })?.id).not.toBe('excel-serial');
    const format = detectDateFormat(['45292', '45292.5'], { allowIntegers: true, allowSerials: true });
    expect(format?.id).toBe('excel-serial');
    const reader = createDateColumnReader(format!);
    for (const text of ['45292', '45292.5', '60']) reader.push(text);
    const column = reader.finish();
    expect(column.t[0]).toBe(Date.UTC(2024, 0, 1));
    expect(column.t[1]).toBe(Date.UTC(2024, 0, 1, 12));
    expect(column.unparseableCount).toBe(1);
  });
});
