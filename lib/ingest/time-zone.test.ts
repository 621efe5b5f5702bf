import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { isKnownTimeZone, wallClockToInstants } from './time-zone';

const wall = (text: string) => Date.parse(`${text}Z`);
const at = (text: string) => Date.parse(text);

function instants(texts: string[], zone: string, groups: number[] | null = null): string[] {
  const t = Float64Array.from(texts.map(wall));
  wallClockToInstants(t, zone, groups && Int32Array.from(groups));
  return [...t].map((ms) => (Number.isNaN(ms) ? 'NaN' : new Date(ms).toISOString()));
}

describe('isKnownTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Europe/Atlantis')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone(' Europe/Berlin')).toBe(false);
  });
});

describe('wallClockToInstants', () => {
  it('reads winter and summer times at their offsets', () => {
    expect(instants(['2024-01-15T12:00', '2024-07-15T12:00'], 'Europe/Berlin')).toEqual([
      '2024-01-15T11:00:00.000Z',
      '2024-07-15T10:00:00.000Z',
    ]);
    expect(instants(['2024-07-15T12:00'], 'America/New_York')).toEqual(['2024-07-15T16:00:00.000Z']);
  });

  it('reads a time the spring change skips with the offset before it (02:30 is 03:30 summer time)', () => {
    expect(instants(['2024-03-31T01:45', '2024-03-31T02:30', '2024-03-31T03:00'], 'Europe/Berlin')).toEqual([
      '2024-03-31T00:45:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-03-31T01:00:00.000Z',
    ]);
  });

  it('reads the repeated autumn hour as summer time first, winter time once the series has been there', () => {
    const texts = [
      '2024-10-27T01:45',
      '2024-10-27T02:00',
      '2024-10-27T02:45',
      '2024-10-27T02:00',
      '2024-10-27T02:45',
      '2024-10-27T03:00',
    ];
    expect(instants(texts, 'Europe/Berlin')).toEqual([
      '2024-10-26T23:45:00.000Z',
      '2024-10-27T00:00:00.000Z',
      '2024-10-27T00:45:00.000Z',
      '2024-10-27T01:00:00.000Z',
      '2024-10-27T01:45:00.000Z',
      '2024-10-27T02:00:00.000Z',
    ]);
  });

  it('decides the repeated hour per series when rows of several series interleave', () => {
    const texts = ['2024-10-27T02:30', '2024-10-27T02:30', '2024-10-27T02:30', '2024-10-27T02:30'];
    expect(instants(texts, 'Europe/Berlin', [0, 1, 0, 1])).toEqual([
      '2024-10-27T00:30:00.000Z',
      '2024-10-27T00:30:00.000Z',
      '2024-10-27T01:30:00.000Z',
      '2024-10-27T01:30:00.000Z',
    ]);
  });

  it.each(['Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata'])(
    'gives back the wall clock it read for every quarter hour of a year in %s, changes at midnight included',
    (zone) => {
      const start = zone === 'America/Sao_Paulo' ? Date.UTC(2018, 0, 1) : Date.UTC(2024, 0, 1);
      const t = Float64Array.from({ length: 366 * 96 }, (_, i) => start + i * 900_000);
      const walls = Float64Array.from(t);
      wallClockToInstants(t, zone, null);
      let skipped = 0;
      for (let i = 0; i < t.length; i++) {
        const back = t[i] + tzOffset(zone, new Date(t[i])) * 60_000;
        if (back !== walls[i]) skipped++;
      }
      // Only the times a spring change skips do not exist (4 quarter hours for an hour, 2 for Lord Howe's 30 minutes).
      expect(skipped).toBe(zone === 'Asia/Kolkata' ? 0 : zone === 'Australia/Lord_Howe' ? 2 : 4);
    },
  );

  it('leaves unreadable values as NaN', () => {
    expect(instants(['nope'], 'Europe/Berlin')).toEqual(['NaN']);
  });
});

describe('parseCsv with timeZone', () => {
  it('reads offset-less times in the zone', async () => {
    const parsed = await parseCsv('time,v\n2024-07-01 06:00,1\n2024-07-01 07:00,2\n2024-07-01 08:00,4\n', {
      timeZone: 'Europe/Berlin',
    });
    expect(parsed.series[0].t).toEqual([at('2024-07-01T04:00Z'), at('2024-07-01T05:00Z'), at('2024-07-01T06:00Z')]);
    expect(parsed.timeZone).toBe('Europe/Berlin');
  });

  it('lets offsets written in the file win over the zone', async () => {
    const parsed = await parseCsv(
      'time,v\n2024-07-01T00:00+00:00,1\n2024-07-02T00:00+00:00,2\n2024-07-03T00:00+00:00,4\n',
      {
        timeZone: 'Europe/Berlin',
      },
    );
    expect(parsed.series[0].t[0]).toBe(at('2024-07-01T00:00Z'));
    expect(parsed.timeOffset).toBe('+00:00');
  });

  it('leaves a column of dates as calendar days: a zone is about times of day', async () => {
    const parsed = await parseCsv('date,v\n2024-03-30,1\n2024-03-31,2\n2024-04-01,4\n', {
      timeZone: 'America/New_York',
    });
    expect(parsed.series[0].t).toEqual([at('2024-03-30T00:00Z'), at('2024-03-31T00:00Z'), at('2024-04-01T00:00Z')]);
    expect(parsed.series[0]).toMatchObject({ frequency: 'daily', gaps: 0, timeZone: null });
    expect(parsed.timeZone).toBeNull();
  });

  it('refuses an unknown zone with a message that says what to give', async () => {
    const parsed = await parseCsv('time,v\n2024-07-01,1\n2024-07-02,2\n', { timeZone: 'Mars/Olympus' });
    expect(parsed.ok).toBe(false);
    const found = parsed.problems.find((p) => p.code === 'invalid_option');
    expect(found?.message).toContain('Mars/Olympus');
    expect(found?.message).toContain('Europe/Berlin');
  });
});
