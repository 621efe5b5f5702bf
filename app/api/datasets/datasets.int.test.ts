import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv, fixtureCsv, storedRowCounts } from '@/test/api';
import { DELETE, GET as getDataset } from './[id]/route';
import { POST as preview } from './preview/route';
import { GET as listDatasets, POST as upload } from './route';
import { GET as getSeries } from '../series/[id]/route';
import { GET as getPoints } from '../series/[id]/points/route';

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('POST /api/datasets', () => {
  it('stores a wide file as one dataset with a series per value column', async () => {
    const before = await storedRowCounts();
    const { status, body } = await callJson(upload, {
      method: 'POST',
      body: csvForm(fixtureCsv('small-sales.csv'), 'small-sales.csv'),
    });

    expect(status).toBe(201);
    const { dataset } = body;
    expect(dataset).toMatchObject({ name: 'small-sales', fileName: 'small-sales.csv' });
    expect(Date.parse(dataset.createdAt)).not.toBeNaN();
    expect(dataset.series.map((s: { name: string }) => s.name)).toEqual(['store_north', 'store_south']);
    for (const series of dataset.series) {
      expect(series).toEqual({
        id: expect.any(String),
        datasetId: dataset.id,
        name: expect.any(String),
        frequency: 'daily',
        points: 120,
        start: '2026-07-04T00:00:00.000Z',
        end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
        timeOffset: null,
        timeZone: null,
      });
    }
    expect(await storedRowCounts()).toEqual({
      datasets: before.datasets + 1,
      series: before.series + 2,
      points: before.points + 240,
    });

    const listed = await callJson(listDatasets);
    expect(listed.body.datasets[0]).toEqual(dataset);
    const fetched = await callJson(getDataset, { params: { id: dataset.id } });
    expect(fetched.body).toEqual({ dataset });
  });

  it('takes the name, value columns and time column from form fields', async () => {
    const csv =
      'when,a,b\n' +
      dailyCsv(40)
        .split('\n')
        .slice(1, -1)
        .map((row) => `${row},1`)
        .join('\n') +
      '\n';
    const { status, body } = await callJson(upload, {
      method: 'POST',
      body: csvForm(csv, 'x.csv', { name: 'Chosen', timeColumn: 'when', valueColumns: 'a' }),
    });
    expect(status).toBe(201);
    expect(body.dataset.name).toBe('Chosen');
    expect(body.dataset.series.map((s: { name: string }) => s.name)).toEqual(['a']);
  });

  it('rejects a file that cannot be imported with 422, its problems, and stores nothing', async () => {
    const before = await storedRowCounts();
    const broken = 'date,value\n2024-01-01,1\n2024-01-02,abc\nnot a date,3\n2024-01-04,4\n';
    const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(broken, 'broken.csv') });

    expect(status).toBe(422);
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.message).toMatch(/cannot be imported/);
    expect(body.error.details.problems.length).toBeGreaterThan(0);
    for (const problem of body.error.details.problems) {
      expect(problem).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        severity: expect.stringMatching(/error|warning/),
      });
    }
    expect(await storedRowCounts()).toEqual(before);
  });

  it('answers 400 without a file and 413 over HORIZON_MAX_UPLOAD_MB', async () => {
    const noFile = new FormData();
    noFile.set('name', 'nothing');
    const missing = await callJson(upload, { method: 'POST', body: noFile });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_error');

    const before = await storedRowCounts();
    process.env.HORIZON_MAX_UPLOAD_MB = '0.001'; // about 1 KB
    try {
      const tooLarge = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(200)) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.code).toBe('file_too_large');
    } finally {
      delete process.env.HORIZON_MAX_UPLOAD_MB;
    }
    expect(await storedRowCounts()).toEqual(before);
  });
});

describe('POST /api/datasets/preview', () => {
  // Issue 20: a file without a trailing newline previewed one row less than the import stored.
  const monthly = (rows: number) => [
    'month,north,south',
    ...Array.from({ length: rows }, (_, i) => {
      const month = new Date(Date.UTC(2000, i, 1)).toISOString().slice(0, 10);
      return `${month},${100 + (i % 12) * 3 + i},${50 + ((i * 7) % 11)}`;
    }),
  ];
  const variants: Record<string, string> = {
    'no trailing newline': monthly(40).join('\n'),
    'CRLF with a trailing newline': monthly(40).join('\r\n') + '\r\n',
    'CRLF without a trailing newline': monthly(40).join('\r\n'),
    'a BOM, no trailing newline': '\uFEFF' + monthly(40).join('\n'),
  };
  for (const [name, csv] of Object.entries(variants)) {
    it(`counts exactly what the import stores for a whole file with ${name}`, async () => {
      const previewed = await callJson(preview, {
        method: 'POST',
        body: csvForm(csv, 'monthly.csv', { whole: 'true' }),
      });
      expect(previewed.status).toBe(200);
      const stored = await callJson(upload, { method: 'POST', body: csvForm(csv, 'monthly.csv') });
      expect(stored.status).toBe(201);
      const shape = (series: { name: string; points: number; start: string; end: string }[]) =>
        series.map(({ name, points, start, end }) => ({ name, points, start, end }));
      expect(shape(previewed.body.preview.series)).toEqual(shape(stored.body.dataset.series));
      expect(previewed.body.preview.rows).toBe(40);
      expect(stored.body.dataset.series[0]).toMatchObject({ points: 40, end: '2003-04-01T00:00:00.000Z' });
    });
  }

  it('treats a file sent without whole=true as a head that may be cut, and refuses a bad whole', async () => {
    const csv = variants['no trailing newline'];
    const head = await callJson(preview, { method: 'POST', body: csvForm(csv, 'monthly.csv') });
    expect(head.body.preview.series[0].points).toBe(39);
    const bad = await callJson(preview, { method: 'POST', body: csvForm(csv, 'monthly.csv', { whole: 'yes' }) });
    expect(bad.status).toBe(400);
  });

  it('detects columns and series from the head of a file and stores nothing', async () => {
    const before = await storedRowCounts();
    const csv = fixtureCsv('small-sales.csv');
    const head = csv.slice(0, 500); // cut mid-line, as the UI sends the first bytes
    const { status, body } = await callJson(preview, { method: 'POST', body: csvForm(head, 'small-sales.csv') });

    expect(status).toBe(200);
    expect(body.preview).toMatchObject({
      delimiter: ',',
      columns: ['date', 'store_north', 'store_south'],
      timeColumn: 'date',
      valueColumns: ['store_north', 'store_south'],
      ok: true,
    });
    expect(body.preview.series).toHaveLength(2);
    expect(body.preview.series[0]).toEqual({
      name: 'store_north',
      frequency: 'daily',
      points: expect.any(Number),
      start: '2026-07-04T00:00:00.000Z',
      end: expect.any(String),
      gaps: 0,
      filled: 0,
      duplicates: 0,
      valueColumn: 'store_north',
    });
    expect(body.preview).toMatchObject({
      layout: 'wide',
      idColumns: [],
      decimal: '.',
      hasHeader: true,
      skippedSeries: [],
    });
    expect(body.preview.series[0]).not.toHaveProperty('t');
    expect(await storedRowCounts()).toEqual(before);
  });
});

/** Long layout: 12 days for each of two stores, one row per store and day. */
function longCsv(): string {
  const rows = [];
  for (let day = 0; day < 12; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    rows.push(`${date},north,${10 + day}`, `${date},south,${50 - day}`);
  }
  return ['date,store,sales', ...rows].join('\n') + '\n';
}

describe('parse options as form fields', () => {
  it('imports a long file as one series per id value', async () => {
    const previewed = await callJson(preview, {
      method: 'POST',
      body: csvForm(longCsv(), 'long.csv', { layout: 'long', idColumns: 'store' }),
    });
    expect(previewed.status).toBe(200);
    expect(previewed.body.preview).toMatchObject({ layout: 'long', idColumns: ['store'], ok: true });
    expect(previewed.body.preview.series.map((s: { ids: unknown; points: number }) => [s.ids, s.points])).toEqual([
      [{ store: 'north' }, 12],
      [{ store: 'south' }, 12],
    ]);

    const before = await storedRowCounts();
    const { status, body } = await callJson(upload, {
      method: 'POST',
      body: csvForm(longCsv(), 'long.csv', { idColumns: 'store' }),
    });
    expect(status).toBe(201);
    expect(body.dataset.series).toHaveLength(2);
    expect(body.dataset.series.map((s: { points: number }) => s.points)).toEqual([12, 12]);
    expect(await storedRowCounts()).toEqual({
      datasets: before.datasets + 1,
      series: before.series + 2,
      points: before.points + 24,
    });
  });

  it('fills gaps with gapPolicy "linear" and reports what it filled', async () => {
    // Daily with 2024-01-06 and 2024-01-07 missing between 5 and 8.
    const days = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12];
    const csv = 'date,value\n' + days.map((d) => `2024-01-${String(d).padStart(2, '0')},${d * 10}`).join('\n') + '\n';

    const left = await callJson(preview, { method: 'POST', body: csvForm(csv) });
    expect(left.body.preview.series[0]).toMatchObject({ points: 10, gaps: 2, filled: 0 });

    const filled = await callJson(preview, { method: 'POST', body: csvForm(csv, 'gaps.csv', { gapPolicy: 'linear' }) });
    expect(filled.body.preview.series[0]).toMatchObject({ points: 12, gaps: 2, filled: 2 });

    const { body } = await callJson(upload, {
      method: 'POST',
      body: csvForm(csv, 'gaps.csv', { gapPolicy: 'linear' }),
    });
    const points = await callJson(getPoints, { params: { id: body.dataset.series[0].id } });
    expect(points.body.points.slice(4, 8)).toEqual([
      { t: '2024-01-05T00:00:00.000Z', v: 50 },
      { t: '2024-01-06T00:00:00.000Z', v: 60 },
      { t: '2024-01-07T00:00:00.000Z', v: 70 },
      { t: '2024-01-08T00:00:00.000Z', v: 80 },
    ]);
  });

  it('answers 400 naming the field for an invalid option, and stores nothing', async () => {
    const before = await storedRowCounts();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ layout: 'tall' }, 'layout', /one of "wide", "long"/],
      [{ duplicatePolicy: 'first' }, 'duplicatePolicy', /one of "error", "mean", "sum", "last"/],
      [{ hasHeader: 'yes' }, 'hasHeader', /"true" or "false"/],
      [{ resampleAggregation: 'sum' }, 'resampleFrequency', /needs resampleFrequency/],
      [{ layout: 'wide', idColumns: 'store' }, 'idColumns', /only apply to the long layout/],
      [{ timeZone: 'Europe/Atlantis' }, 'timeZone', /IANA time zone name such as "Europe\/Berlin"/],
    ];
    for (const [fields, path, message] of cases) {
      for (const handler of [upload, preview]) {
        const { status, body } = await callJson(handler, {
          method: 'POST',
          body: csvForm(dailyCsv(20), 'x.csv', fields),
        });
        expect(status).toBe(400);
        expect(body.error.code).toBe('validation_error');
        expect(body.error.details.issues[0].path).toBe(path);
        expect(body.error.details.issues[0].message).toMatch(message);
      }
    }
    expect(await storedRowCounts()).toEqual(before);
  });

  it('reads local times in the timeZone given, across the autumn change, and stores and returns the zone', async () => {
    const csv = readFileSync(join(process.cwd(), 'test/fixtures/csv/berlin-15min-fall-back-long.csv'), 'utf8');
    const fields = { timeZone: 'Europe/Berlin' };
    const previewed = await callJson(preview, {
      method: 'POST',
      body: csvForm(csv, 'meters.csv', { ...fields, whole: 'true' }),
    });
    expect(previewed.status).toBe(200);
    expect(previewed.body.preview).toMatchObject({ timeZone: 'Europe/Berlin', timeOffset: null, ok: true });
    // Without the zone the repeated hour 02:00-02:45 is a repeated timestamp.
    const utc = await callJson(preview, { method: 'POST', body: csvForm(csv, 'meters.csv', { whole: 'true' }) });
    expect(utc.body.preview.problems.map((p: { code: string }) => p.code)).toContain('duplicate_timestamps');

    const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(csv, 'meters.csv', fields) });
    expect(status).toBe(201);
    for (const series of body.dataset.series) {
      // 26 October local midnight is 22:00 UTC the day before (summer time); 27 October has 25 hours.
      expect(series).toMatchObject({
        frequency: '15min',
        points: 196,
        start: '2024-10-25T22:00:00.000Z',
        end: '2024-10-27T22:45:00.000Z',
        timeZone: 'Europe/Berlin',
      });
    }
    const id = body.dataset.series[0].id;
    expect((await callJson(getSeries, { params: { id } })).body.series.timeZone).toBe('Europe/Berlin');
    const points = await callJson(getPoints, { params: { id }, path: `/api/series/${id}/points?max=1000` });
    const times = points.body.points.map((p: { t: string }) => Date.parse(p.t));
    expect(times).toHaveLength(196);
    expect(times.every((t: number, i: number) => i === 0 || t - times[i - 1] === 900_000)).toBe(true);
  });

  it('resamples to a coarser frequency with the chosen aggregation', async () => {
    const { body } = await callJson(preview, {
      method: 'POST',
      body: csvForm(dailyCsv(70), 'x.csv', { resampleFrequency: 'weekly', resampleAggregation: 'sum' }),
    });
    // 2024-01-01 is a Monday: 70 days are exactly 10 weeks.
    expect(body.preview.series[0]).toMatchObject({
      frequency: 'weekly',
      points: 10,
      start: '2024-01-01T00:00:00.000Z',
    });
  });
});

describe('series and points', () => {
  it('returns a series with its default config, and its points capped at max', async () => {
    const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(300), 'long.csv') });
    const series = body.dataset.series[0];

    const detail = await callJson(getSeries, { params: { id: series.id } });
    expect(detail.status).toBe(200);
    expect(detail.body.series).toEqual(series);
    expect(detail.body.defaultConfig).toMatchObject({
      horizon: expect.any(Number),
      lookback: expect.any(Number),
      epochs: expect.any(Number),
    });

    const all = await callJson(getPoints, { params: { id: series.id } });
    expect(all.body.points).toHaveLength(300);
    expect(all.body.points[0]).toEqual({ t: '2024-01-01T00:00:00.000Z', v: 100 });

    const capped = await callJson(getPoints, { path: '/?max=50', params: { id: series.id } });
    expect(capped.body.points).toHaveLength(50);
    expect(capped.body.points[0]).toEqual(all.body.points[0]);
    expect(capped.body.points.at(-1)).toEqual(all.body.points.at(-1));

    const range = await callJson(getPoints, {
      path: '/?from=2024-01-10T00:00:00Z&to=2024-01-19T00:00:00Z',
      params: { id: series.id },
    });
    expect(range.body.points.map((p: { t: string }) => p.t.slice(0, 10))).toEqual(
      Array.from({ length: 10 }, (_, i) => `2024-01-${String(10 + i).padStart(2, '0')}`),
    );
  });

  it('answers 400 for a bad query and 404 for an unknown series', async () => {
    const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(30), 'short.csv') });
    const id = body.dataset.series[0].id;

    const badMax = await callJson(getPoints, { path: '/?max=abc', params: { id } });
    expect(badMax.status).toBe(400);
    expect(badMax.body.error.code).toBe('validation_error');
    expect(badMax.body.error.details.issues[0].path).toBe('max');

    const badFrom = await callJson(getPoints, { path: '/?from=yesterday', params: { id } });
    expect(badFrom.status).toBe(400);
    // Only ISO 8601: Date.parse would take these, in the server's time zone.
    for (const from of ['Jan 31 2024', '2024/01/31', '1706659200000', '2024-01-31T00:00:00']) {
      const notIso = await callJson(getPoints, { path: `/?from=${encodeURIComponent(from)}`, params: { id } });
      expect(notIso.status, from).toBe(400);
      expect(notIso.body.error.message, from).toMatch(/from: must be an ISO 8601 timestamp/);
    }
    for (const from of [
      '2024-01-05',
      '2024-01-05T00:00:00Z',
      '2024-01-05T02:00:00+02:00',
      '2024-01-05T00:00:00.000Z',
    ]) {
      expect((await call(getPoints, { path: `/?from=${encodeURIComponent(from)}`, params: { id } })).status, from).toBe(
        200,
      );
    }

    for (const handler of [getSeries, getPoints]) {
      const missing = await callJson(handler, { params: { id: 'nope' } });
      expect(missing.status).toBe(404);
      expect(missing.body.error).toEqual({ code: 'not_found', message: 'There is no series with id "nope".' });
    }
  });
});

describe('DELETE /api/datasets/:id', () => {
  it('deletes the dataset with its series and points, then answers 404', async () => {
    const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(50), 'gone.csv') });
    const before = await storedRowCounts();

    const response = await call(DELETE, { method: 'DELETE', params: { id: body.dataset.id } });
    expect(response.status).toBe(204);
    expect(await storedRowCounts()).toEqual({
      datasets: before.datasets - 1,
      series: before.series - 1,
      points: before.points - 50,
    });

    expect((await call(getDataset, { params: { id: body.dataset.id } })).status).toBe(404);
    expect((await call(DELETE, { method: 'DELETE', params: { id: body.dataset.id } })).status).toBe(404);
  });
});
