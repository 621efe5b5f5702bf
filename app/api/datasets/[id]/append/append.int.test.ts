import { afterAll, describe, expect, it, vi } from 'vitest';
import { disconnectDb, getPool } from '@/lib/db/client';
import { callJson, csvForm, defaultUser } from '@/test/api';
import { POST as upload } from '../../route';
import { POST as append } from './route';
import { GET as getPoints } from '../../../series/[id]/points/route';
import { GET as uploadProgress } from '../../../uploads/[id]/route';

interface SeriesBody {
  id: string;
  name: string;
  points: number;
  start: string;
  end: string;
}

async function pointCount(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM points');
  return rows[0].n;
}

function dailyRows(from: number, to: number, value: (day: number) => string): string {
  const rows = [];
  for (let day = from; day <= to; day++) {
    rows.push(`${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)},${value(day)}`);
  }
  return rows.join('\n');
}

async function uploadTwoSeries() {
  const csv = `date,a,b\n${dailyRows(0, 19, (d) => `${100 + d},${d}`)}\n`;
  const { body } = await callJson(upload, { method: 'POST', body: csvForm(csv, 'base.csv') });
  return body.dataset as { id: string; series: SeriesBody[] };
}

async function valuesOf(seriesId: string): Promise<Map<string, number>> {
  const { body } = await callJson(getPoints, { path: '/?max=100000', params: { id: seriesId } });
  return new Map(body.points.map((p: { t: string; v: number }) => [p.t.slice(0, 10), p.v]));
}

/** `rows` minutely rows of timestamp,value from minute `from`. */
function minutelyCsv(from: number, rows: number): string {
  const lines = ['timestamp,value'];
  for (let i = from; i < from + rows; i++)
    lines.push(`${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i % 89}`);
  return `${lines.join('\n')}\n`;
}

const BOUNDARY = 'horizon-append-boundary';

/**
 * A multipart body with `csv` as its file that stops after `pauseAt` bytes of it until `resume()`,
 * as a slow connection would: the append is then caught mid-stream.
 */
function pausedMultipart(csv: string, pauseAt: number) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="more.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const file = Buffer.from(csv);
  const pieces = [
    Buffer.concat([head, file.subarray(0, pauseAt)]),
    Buffer.concat([file.subarray(pauseAt), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
  ];
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === 1) await resumed;
      if (sent === pieces.length) return controller.close();
      controller.enqueue(pieces[sent++]);
    },
  });
  return { body, resume };
}

afterAll(async () => {
  await disconnectDb();
});

describe('POST /api/datasets/:id/append', () => {
  it('extends matching series (new values win on overlap) and adds series with new names', async () => {
    const dataset = await uploadTwoSeries();
    const [a] = dataset.series;

    // Days 15..24 of a: 15..19 overlap the stored points, 20..24 are new. c is a new series.
    const csv = `date,a,c\n${dailyRows(15, 24, (d) => `${1000 + d},${d * 2}`)}\n`;
    const { status, body } = await callJson(append, {
      method: 'POST',
      body: csvForm(csv, 'more.csv'),
      params: { id: dataset.id },
    });

    expect(status).toBe(200);
    expect(body.appended).toEqual([
      { seriesId: a.id, name: 'a', created: false, added: 5, overlapping: 5 },
      { seriesId: expect.any(String), name: 'c', created: true, added: 10, overlapping: 0 },
    ]);
    const byName = new Map<string, SeriesBody>(body.dataset.series.map((s: SeriesBody) => [s.name, s]));
    expect(byName.get('a')).toMatchObject({
      id: a.id,
      points: 25,
      start: '2024-01-01T00:00:00.000Z',
      end: '2024-01-25T00:00:00.000Z',
    });
    expect(byName.get('b')).toMatchObject({ points: 20, end: '2024-01-20T00:00:00.000Z' });
    expect(byName.get('c')).toMatchObject({
      points: 10,
      start: '2024-01-16T00:00:00.000Z',
      end: '2024-01-25T00:00:00.000Z',
      frequency: 'daily',
    });

    const values = await valuesOf(a.id);
    expect(values.size).toBe(25);
    expect(values.get('2024-01-15')).toBe(114); // before the overlap: unchanged
    expect(values.get('2024-01-16')).toBe(1015); // overlapping: the new value
    expect(values.get('2024-01-25')).toBe(1024);
  });

  it('reads an appended file in the zone the dataset was imported with, when the append names none', async () => {
    const hours = (from: number, to: number) =>
      Array.from(
        { length: to - from + 1 },
        (_, i) => `2024-07-01 ${String(from + i).padStart(2, '0')}:00,${i % 5}`,
      ).join('\n');
    const first = await callJson(upload, {
      method: 'POST',
      body: csvForm(`time,load\n${hours(0, 11)}\n`, 'h.csv', { timeZone: 'Europe/Berlin' }),
    });
    expect(first.status).toBe(201);
    expect(first.body.dataset.series[0]).toMatchObject({
      start: '2024-06-30T22:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    const { status, body } = await callJson(append, {
      method: 'POST',
      body: csvForm(`time,load\n${hours(12, 17)}\n`, 'more.csv'),
      params: { id: first.body.dataset.id },
    });
    expect(status).toBe(200);
    // 12:00-17:00 Berlin summer time follow 11:00 without a gap or an overlap.
    expect(body.appended[0]).toMatchObject({ created: false, added: 6, overlapping: 0 });
    expect(body.dataset.series[0]).toMatchObject({
      points: 18,
      end: '2024-07-01T15:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
  });

  it('merges overlapping values with duplicatePolicy "sum"', async () => {
    const dataset = await uploadTwoSeries();
    const a = dataset.series[0];
    const csv = `date,a\n${dailyRows(12, 21, (d) => String(d))}\n`;
    const { status, body } = await callJson(append, {
      method: 'POST',
      body: csvForm(csv, 'more.csv', { duplicatePolicy: 'sum' }),
      params: { id: dataset.id },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const values = await valuesOf(a.id);
    expect(values.get('2024-01-19')).toBe(118 + 18);
    expect(values.get('2024-01-22')).toBe(21);
  });

  it('stores nothing when the file is broken or overlaps under duplicatePolicy "error"', async () => {
    const dataset = await uploadTwoSeries();
    const before = await pointCount();

    const broken = `date,a\n${dailyRows(20, 24, (d) => String(d))}\n2024-01-26,abc\nnot a date,3\n`;
    const rejected = await callJson(append, { method: 'POST', body: csvForm(broken), params: { id: dataset.id } });
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.code).toBe('invalid_csv');
    expect(rejected.body.error.details.problems.length).toBeGreaterThan(0);

    const overlapping = `date,a,new_one\n${dailyRows(19, 22, (d) => `${d},${d}`)}\n`;
    const refused = await callJson(append, {
      method: 'POST',
      body: csvForm(overlapping, 'x.csv', { duplicatePolicy: 'error' }),
      params: { id: dataset.id },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Series "a" already has a point/);

    expect(await pointCount()).toBe(before);
    const { rows } = await getPool().query('SELECT name, point_count FROM series WHERE dataset_id = $1 ORDER BY name', [
      dataset.id,
    ]);
    expect(rows).toEqual([
      { name: 'a', point_count: 20 },
      { name: 'b', point_count: 20 },
    ]);
  });

  it('reports rows parsed while the file streams in and the final counts after, under its uploadId', async () => {
    const created = await callJson(upload, { method: 'POST', body: csvForm(minutelyCsv(0, 100), 'base.csv') });
    const datasetId = created.body.dataset.id as string;
    const rows = 30_000;
    const csv = minutelyCsv(100, rows);
    const uploadId = `append-${Date.now()}`;
    const { body, resume } = pausedMultipart(csv, Math.floor(csv.length * 0.6));
    const { headers } = await defaultUser();
    const request = new Request(`http://horizon.test/api/datasets/${datasetId}/append?uploadId=${uploadId}`, {
      method: 'POST',
      body,
      headers: {
        ...headers,
        origin: 'http://horizon.test',
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      duplex: 'half',
    } as RequestInit);
    const answer = append(request, { params: Promise.resolve({ id: datasetId }) });

    // Mid-stream: 60% of the file is in, so at least the first 10,000-row report has been made.
    const during = await vi.waitFor(async () => {
      const progress = await callJson(uploadProgress, { params: { id: uploadId } });
      expect(progress.status).toBe(200);
      expect(progress.body.upload.rowsParsed).toBeGreaterThanOrEqual(10_000);
      return progress.body.upload;
    });
    expect(during).toMatchObject({ id: uploadId, phase: 'receiving', bytesTotal: null });
    expect(during.rowsParsed).toBeLessThan(rows);
    expect(during.bytesReceived).toBeLessThan(csv.length);

    resume();
    const response = await answer;
    expect(response.status).toBe(200);
    expect((await response.json()).appended).toEqual([
      { seriesId: created.body.dataset.series[0].id, name: 'value', created: false, added: rows, overlapping: 0 },
    ]);
    const after = await callJson(uploadProgress, { params: { id: uploadId } });
    expect(after.body.upload).toMatchObject({
      id: uploadId,
      phase: 'done',
      rowsParsed: rows + 1,
      bytesReceived: csv.length,
    });
  });

  it('answers 404 for an unknown dataset and 400 for an invalid option', async () => {
    const csv = `date,a\n${dailyRows(0, 9, (d) => String(d))}\n`;
    const missing = await callJson(append, { method: 'POST', body: csvForm(csv), params: { id: 'nope' } });
    expect(missing.status).toBe(404);

    const dataset = await uploadTwoSeries();
    const invalid = await callJson(append, {
      method: 'POST',
      body: csvForm(csv, 'x.csv', { gapPolicy: 'guess' }),
      params: { id: dataset.id },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.issues[0]).toEqual({
      path: 'gapPolicy',
      message: 'must be one of "leave", "linear", "ffill", "zero"',
    });
  });
});
