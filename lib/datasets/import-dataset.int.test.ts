// importDataset copies the points while the file is read (lib/db/point-copy.ts), then keeps them
// only if they are exactly the parsed series; otherwise it stores the file the ordinary way. These
// read what each path stored back from PostgreSQL.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { getPool, disconnectDb } from '@/lib/db/client';
import { PointCopyStream } from '@/lib/db/point-copy';
import { parseCsv } from '@/lib/ingest';
import { defaultUser, storedRowCounts } from '@/test/api';
import { importDataset } from './import-dataset';

const stores = Array.from({ length: 20 }, (_, s) => `store_${String(s).padStart(2, '0')}`);
const iso = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);

/** `days` days of `time,store,sales`, the stores interleaved row by row, as loggers write them. */
function longCsv(days: number, stores: string[], value: (day: number, store: number) => number): string {
  const lines: string[] = [];
  for (let d = 0; d < days; d++) stores.forEach((store, s) => lines.push(`${iso(d)},${store},${value(d, s)}`));
  return ['time,store,sales', ...lines].join('\n');
}

/** The input in chunks of `size` bytes, as an upload arrives. */
async function* chunked(text: string, size = 4096): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Every stored point of the dataset, by series name. */
async function storedPoints(datasetId: string): Promise<Record<string, { t: number[]; v: number[] }>> {
  const { rows } = await getPool().query<{ name: string; t: Date; v: number }>(
    `SELECT s.name, p.t, p.v FROM points p JOIN series s ON s.key = p.series_key
      WHERE s.dataset_id = $1 ORDER BY s.name, p.t`,
    [datasetId],
  );
  const out: Record<string, { t: number[]; v: number[] }> = {};
  for (const { name, t, v } of rows) {
    out[name] ??= { t: [], v: [] };
    out[name].t.push(t.getTime());
    out[name].v.push(v);
  }
  return out;
}

/** What parseCsv makes of `csv`, in the shape of storedPoints. */
async function parsedPoints(csv: string): Promise<Record<string, { t: number[]; v: number[] }>> {
  const parsed = await parseCsv(csv);
  return Object.fromEntries(parsed.series.map((s) => [s.name, { t: s.t, v: s.v }]));
}

async function orphanPoints(): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM points p WHERE NOT EXISTS (SELECT 1 FROM series s WHERE s.key = p.series_key)',
  );
  return rows[0].n;
}

async function importCsv(csv: string | AsyncIterable<Buffer>, fileName = 'stores.csv') {
  const { scope } = await defaultUser();
  return importDataset(scope, { file: typeof csv === 'string' ? chunked(csv) : csv, fileName });
}

describe('importDataset, points copied while the file is read', () => {
  it('stores a long file interleaving its series exactly as parsed', async () => {
    const csv = longCsv(400, stores, (d, s) => ((d * 13 + s * 7) % 97) / 4);
    // Watched, not replaced: every point went through the COPY opened before the file was read.
    const streamed = vi.spyOn(PointCopyStream.prototype, 'point');
    const dataset = await importCsv(csv);
    expect(streamed).toHaveBeenCalledTimes(8000);
    streamed.mockRestore();
    expect(dataset.series).toHaveLength(20);
    expect(dataset.series.map((s) => s.points)).toEqual(stores.map(() => 400));
    expect(await storedPoints(dataset.id)).toEqual(await parsedPoints(csv));
    expect(await orphanPoints()).toBe(0);
  });

  it('takes more series keys while reading a file with more series than were reserved up front', async () => {
    // Store by store (each one's days in a row), so the sample shows the layout: 300 series, more
    // than the 256 keys the COPY starts with.
    const many = Array.from({ length: 300 }, (_, s) => `shop_${s}`);
    const lines = many.flatMap((shop, s) =>
      Array.from({ length: 20 }, (_, d) => `${iso(d)},${shop},${(d * 3 + s) % 29}`),
    );
    const csv = ['time,store,sales', ...lines].join('\n');
    const streamed = vi.spyOn(PointCopyStream.prototype, 'point');
    const dataset = await importCsv(csv);
    expect(streamed).toHaveBeenCalledTimes(6000);
    streamed.mockRestore();
    expect(dataset.series).toHaveLength(300);
    expect(await storedPoints(dataset.id)).toEqual(await parsedPoints(csv));
    const { rows } = await getPool().query<{ keys: number }>(
      'SELECT count(DISTINCT s.key)::int AS keys FROM series s WHERE s.dataset_id = $1',
      [dataset.id],
    );
    expect(rows[0].keys).toBe(300);
  });

  it('stores a file whose rows are out of order the ordinary way, sorted', async () => {
    const lines = longCsv(300, stores.slice(0, 3), (d, s) => (d + s) % 11).split('\n');
    // Two days swapped far past the sample: the early points are already out when this is seen.
    [lines[700], lines[703]] = [lines[703], lines[700]];
    const csv = lines.join('\n');
    const dataset = await importCsv(csv);
    const stored = await storedPoints(dataset.id);
    expect(stored).toEqual(await parsedPoints(csv));
    for (const { t } of Object.values(stored)) expect(t).toEqual([...t].sort((a, b) => a - b));
    expect(await orphanPoints()).toBe(0);
  });

  it('drops the points of a series skipped at the end (constant) and keeps the others', async () => {
    const csv = longCsv(300, stores, (d, s) => (s === 4 ? 42 : (d * 3 + s) % 17));
    const dataset = await importCsv(csv);
    expect(dataset.series.map((s) => s.name)).not.toContain('store_04');
    expect(dataset.series).toHaveLength(19);
    expect(await storedPoints(dataset.id)).toEqual(await parsedPoints(csv));
    expect(await orphanPoints()).toBe(0);
  });

  it('stores nothing when the file turns out invalid after its points went out', async () => {
    const before = await storedRowCounts();
    const csv = `${longCsv(300, stores, (d, s) => (d + s) % 13)}\n31.02.2024,store_00,1`;
    await expect(importCsv(csv)).rejects.toMatchObject({ status: 422 });
    expect(await storedRowCounts()).toEqual(before);
  });

  it('stores nothing when the upload breaks off midway, and the connection serves the next upload', async () => {
    const before = await storedRowCounts();
    const csv = longCsv(300, stores, (d, s) => (d + s) % 13);
    async function* cutOff() {
      let sent = 0;
      for await (const chunk of chunked(csv)) {
        yield chunk;
        if ((sent += chunk.length) > csv.length / 2) throw new Error('client went away');
      }
    }
    await expect(importCsv(cutOff())).rejects.toThrow('client went away');
    expect(await storedRowCounts()).toEqual(before);
    const next = await importCsv(csv);
    expect(next.series).toHaveLength(20);
  });
});

describe('importDataset as a role that may not skip foreign-key checks', () => {
  const role = `horizon_app_${randomUUID().slice(0, 8)}`;
  const superuserUrl = process.env.DATABASE_URL!;

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = superuserUrl;
    await getPool().query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
  });

  it('stores the file the ordinary way, points checked against their series', async () => {
    const { scope } = await defaultUser();
    await getPool().query(
      `CREATE ROLE ${role} LOGIN PASSWORD 'app' NOSUPERUSER;
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
       GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    );
    await disconnectDb();
    const url = new URL(superuserUrl);
    url.username = role;
    url.password = 'app';
    process.env.DATABASE_URL = url.toString();

    const csv = longCsv(200, stores.slice(0, 5), (d, s) => (d * 5 + s) % 19);
    const dataset = await importDataset(scope, { file: chunked(csv), fileName: 'app.csv' });
    expect(await storedPoints(dataset.id)).toEqual(await parsedPoints(csv));
    const { rows } = await getPool().query<{ is_superuser: string }>('SHOW is_superuser');
    expect(rows[0].is_superuser).toBe('off');
  });
});
