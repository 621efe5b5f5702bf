// The upload as a stream: multipart bodies sent chunk by chunk without a Content-Length (as a
// chunked request arrives), so the size limit, late problems and progress are all met mid-stream.
import { afterAll, describe, expect, it } from 'vitest';
import { disconnectDb, getPool } from '@/lib/db/client';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { callJson, defaultUser, storedRowCounts } from '@/test/api';
import { GET as uploadProgress } from '../uploads/[id]/route';
import { POST as upload } from './route';

const BOUNDARY = 'horizon-test-boundary';

/** A multipart body streamed in 64 KB pieces: text fields, then the file (then `after` fields). */
function multipartStream(csv: string, fields: Record<string, string> = {}, after: Record<string, string> = {}) {
  const part = (name: string, value: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const text =
    Object.entries(fields)
      .map(([k, v]) => part(k, v))
      .join('') +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="stream.csv"\r\nContent-Type: text/csv\r\n\r\n` +
    `${csv}\r\n` +
    Object.entries(after)
      .map(([k, v]) => part(k, v))
      .join('') +
    `--${BOUNDARY}--\r\n`;
  const bytes = Buffer.from(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 65_536));
      at += 65_536;
    },
  });
}

async function streamUpload(body: ReadableStream<Uint8Array>, query = '') {
  const { headers } = await defaultUser();
  const request = new Request(`http://horizon.test/api/datasets${query}`, {
    method: 'POST',
    body,
    headers: { ...headers, origin: 'http://horizon.test', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    duplex: 'half',
  } as RequestInit);
  const response = await upload(request);
  return { status: response.status, body: await response.json() };
}

/** Minutely rows: `timestamp,value`. */
function minutelyCsv(rows: number, start = Date.UTC(2024, 0, 1)): string {
  const lines = ['timestamp,value'];
  for (let i = 0; i < rows; i++)
    lines.push(`${new Date(start + i * 60_000).toISOString()},${(50 + (i % 97) * 0.25).toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('POST /api/datasets, streamed', () => {
  it('imports a large-ish file sent in chunks, every row stored, with its progress readable by id', async () => {
    const rows = 150_000; // about 5 MB
    const before = await storedRowCounts();
    const uploadId = `test-${Date.now()}`;
    const { status, body } = await streamUpload(
      multipartStream(minutelyCsv(rows), { name: 'Streamed' }),
      `?uploadId=${uploadId}`,
    );

    expect(status).toBe(201);
    expect(body.dataset.name).toBe('Streamed');
    expect(body.dataset.series).toHaveLength(1);
    expect(body.dataset.series[0]).toMatchObject({ points: rows, frequency: 'minutely', timeOffset: '+00:00' });
    expect(await storedRowCounts()).toEqual({
      datasets: before.datasets + 1,
      series: before.series + 1,
      points: before.points + rows,
    });
    const { rows: stored } = await getPool().query<{ first: Date; last: Date; sum: number }>(
      'SELECT min(t) AS first, max(t) AS last, sum(v) AS sum FROM points WHERE series_key = (SELECT key FROM series WHERE id = $1)',
      [body.dataset.series[0].id],
    );
    expect(stored[0].first.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(stored[0].last.toISOString()).toBe(new Date(Date.UTC(2024, 0, 1) + (rows - 1) * 60_000).toISOString());

    const progress = await callJson(uploadProgress, { params: { id: uploadId } });
    expect(progress.status).toBe(200);
    expect(progress.body.upload).toMatchObject({ id: uploadId, phase: 'done', rowsParsed: rows + 1, bytesTotal: null });
    expect(progress.body.upload.bytesReceived).toBe(Buffer.byteLength(minutelyCsv(rows)));
  });

  it('answers 413 when the file passes HORIZON_MAX_UPLOAD_MB mid-stream, and stores nothing', async () => {
    const before = await storedRowCounts();
    process.env.HORIZON_MAX_UPLOAD_MB = '1';
    try {
      // About 3 MB, no Content-Length: only the streamed byte count can catch it.
      const { status, body } = await streamUpload(multipartStream(minutelyCsv(90_000)));
      expect(status).toBe(413);
      expect(body.error.code).toBe('file_too_large');
      expect(body.error.message).toMatch(/larger than 1 MB/);
    } finally {
      delete process.env.HORIZON_MAX_UPLOAD_MB;
    }
    expect(await storedRowCounts()).toEqual(before);
  });

  it('answers 422 for a bad row at the very end of a large file, and stores nothing', async () => {
    const before = await storedRowCounts();
    const csv = `${minutelyCsv(100_000)}not a date,12\n`;
    const { status, body } = await streamUpload(multipartStream(csv));
    expect(status).toBe(422);
    expect(body.error.code).toBe('invalid_csv');
    const problem = body.error.details.problems.find((p: { code: string }) => p.code === 'unparseable_dates');
    expect(problem).toMatchObject({ severity: 'error', row: 100_002 });
    expect(await storedRowCounts()).toEqual(before);
  });

  it('answers 400 for a field sent after the file, and stores nothing', async () => {
    const before = await storedRowCounts();
    const { status, body } = await streamUpload(multipartStream(minutelyCsv(500), {}, { name: 'Too late' }));
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_error');
    expect(body.error.message).toMatch(/"name" came after the file/);
    expect(await storedRowCounts()).toEqual(before);
  });

  it('reads ambiguous dates in the order given by dayFirst, and keeps the offset of the file for display', async () => {
    const csv =
      'date,value\n' +
      Array.from({ length: 12 }, (_, i) => `01/${String(i + 1).padStart(2, '0')}/2024,${i + 1}`).join('\n') +
      '\n';
    const dayFirst = await streamUpload(multipartStream(csv, { dayFirst: 'true' }));
    expect(dayFirst.status).toBe(201);
    expect(dayFirst.body.dataset.series[0]).toMatchObject({
      frequency: 'monthly',
      start: '2024-01-01T00:00:00.000Z',
      end: '2024-12-01T00:00:00.000Z',
      timeOffset: null,
    });
    const monthFirst = await streamUpload(multipartStream(csv, { dayFirst: 'false' }));
    expect(monthFirst.body.dataset.series[0]).toMatchObject({
      frequency: 'daily',
      start: '2024-01-01T00:00:00.000Z',
      end: '2024-01-12T00:00:00.000Z',
    });

    // Local times of a logger in Berlin's summer time: stored as UTC, shown at +02:00.
    const berlin = Array.from(
      { length: 24 },
      (_, h) => `2024-03-01T${String(h).padStart(2, '0')}:00:00+02:00,${h % 5}`,
    );
    const { status, body } = await streamUpload(multipartStream(`time,load\n${berlin.join('\n')}\n`));
    expect(status).toBe(201);
    expect(body.dataset.series[0]).toMatchObject({ timeOffset: '+02:00', start: '2024-02-29T22:00:00.000Z' });
  });
});
