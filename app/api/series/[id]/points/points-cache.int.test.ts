// The points route's answers are cached in memory and revalidated with ETags. The cache is shared
// by every user of the web process, so these tests are about what it must never do: answer
// another user (the access check runs first), or keep serving points that an append replaced.
// Real route handlers and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPool, disconnectDb } from '@/lib/db/client';
import { call, callJson, csvForm, signedInUser, type TestUser } from '@/test/api';
import { POST as upload } from '../../../datasets/route';
import { POST as append } from '../../../datasets/[id]/append/route';
import { GET } from './route';

/** date,value rows for days `from`..`to` of 2024. */
function dailyCsv(from: number, to: number, value: (day: number) => number): string {
  const rows = [];
  for (let day = from; day <= to; day++)
    rows.push(`${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)},${value(day)}`);
  return `date,value\n${rows.join('\n')}\n`;
}

async function uploadSeries(user: TestUser, csv: string): Promise<{ datasetId: string; seriesId: string }> {
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(csv, 'cached.csv'), as: user });
  expect(status).toBe(201);
  return { datasetId: body.dataset.id, seriesId: body.dataset.series[0].id };
}

/** The raw answer: status, ETag, Cache-Control and body text. */
async function readPoints(user: TestUser, seriesId: string, query = '?max=10', headers: Record<string, string> = {}) {
  const response = await call(GET, { path: `/${query}`, params: { id: seriesId }, as: user, headers });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    text: await response.text(),
  };
}

const values = (text: string) => (JSON.parse(text) as { points: { v: number }[] }).points.map((p) => p.v);

let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  owner = await signedInUser('owner');
  other = await signedInUser('other');
});

afterAll(async () => {
  await disconnectDb();
});

describe('GET /api/series/:id/points, cached', () => {
  it('answers a repeated request from memory with the same body and a strong ETag', async () => {
    const { seriesId } = await uploadSeries(
      owner,
      dailyCsv(0, 29, (day) => day),
    );
    const miss = await readPoints(owner, seriesId);
    expect(miss.status).toBe(200);
    expect(miss.etag).toMatch(/^"[\w-]+"$/);
    expect(miss.cacheControl).toBe('private, no-cache');
    expect(values(miss.text)).toHaveLength(10);

    // Points changed behind the series row's back, as no writer of points may do: a request
    // that still sees the old points can only have been answered from memory.
    await getPool().query('UPDATE points SET v = v + 1000 WHERE series_key = (SELECT key FROM series WHERE id = $1)', [
      seriesId,
    ]);
    const hit = await readPoints(owner, seriesId);
    expect(hit).toEqual(miss);
    // Another range of the same series is not in memory yet: it reads the points.
    const whole = await readPoints(owner, seriesId, '?max=100');
    expect(values(whole.text)[0]).toBe(1000);
  });

  it('answers 304 without a body when If-None-Match holds the current ETag', async () => {
    const { seriesId } = await uploadSeries(
      owner,
      dailyCsv(0, 29, (day) => day * 2),
    );
    const { etag } = await readPoints(owner, seriesId);
    for (const ifNoneMatch of [etag!, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const revalidated = await readPoints(owner, seriesId, '?max=10', { 'if-none-match': ifNoneMatch });
      expect(revalidated, ifNoneMatch).toMatchObject({ status: 304, etag, text: '' });
    }
    const changed = await readPoints(owner, seriesId, '?max=10', { 'if-none-match': '"something-else"' });
    expect(changed).toMatchObject({ status: 200, etag });
    // Another range is another answer with a tag of its own.
    const zoomed = await readPoints(owner, seriesId, '?max=5&to=2024-01-05T00:00:00Z', { 'if-none-match': etag! });
    expect(zoomed.status).toBe(200);
    expect(zoomed.etag).not.toBe(etag);
  });

  it('serves the new points with a new ETag after an append, also one that only replaces values', async () => {
    const { datasetId, seriesId } = await uploadSeries(
      owner,
      dailyCsv(0, 9, (day) => day),
    );
    const before = await readPoints(owner, seriesId, '?max=100');
    expect(values(before.text)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // New days at the end: more points, a later end.
    const appended = await callJson(append, {
      method: 'POST',
      params: { id: datasetId },
      body: csvForm(
        dailyCsv(10, 12, (day) => day),
        'more.csv',
      ),
      as: owner,
    });
    expect(appended.body.appended[0]).toMatchObject({ added: 3, overlapping: 0 });
    const extended = await readPoints(owner, seriesId, '?max=100', { 'if-none-match': before.etag! });
    expect(extended.status).toBe(200);
    expect(extended.etag).not.toBe(before.etag);
    expect(values(extended.text)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    // Every day again with new values: same count, start and end, different points.
    const replaced = await callJson(append, {
      method: 'POST',
      params: { id: datasetId },
      body: csvForm(
        dailyCsv(0, 12, (day) => 100 + day),
        'again.csv',
      ),
      as: owner,
    });
    expect(replaced.body.appended[0]).toMatchObject({ added: 0, overlapping: 13 });
    const after = await readPoints(owner, seriesId, '?max=100', { 'if-none-match': extended.etag! });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(extended.etag);
    expect(values(after.text)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112]);
  });

  it('answers 404 to another user for a series whose points are in memory, whatever their If-None-Match', async () => {
    const { seriesId } = await uploadSeries(
      owner,
      dailyCsv(0, 29, (day) => day),
    );
    const cached = await readPoints(owner, seriesId);
    expect(cached.status).toBe(200);
    const tries: Record<string, string>[] = [{}, { 'if-none-match': cached.etag! }, { 'if-none-match': '*' }];
    for (const headers of tries) {
      const answer = await readPoints(other, seriesId, '?max=10', headers);
      expect(answer.status).toBe(404);
      expect(answer.etag).toBeNull();
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: 'not_found', message: `There is no series with id "${seriesId}".` },
      });
    }
    const anonymous = await call(GET, {
      path: '/?max=10',
      params: { id: seriesId },
      as: null,
      headers: { 'if-none-match': cached.etag! },
    });
    expect(anonymous.status).toBe(401);
  });

  it("gives each user their own series' points for the same file and range", async () => {
    const [mine, theirs] = await Promise.all([
      uploadSeries(
        owner,
        dailyCsv(0, 19, (day) => day),
      ),
      uploadSeries(
        other,
        dailyCsv(0, 19, (day) => -day),
      ),
    ]);
    const [mineFirst, theirsFirst] = [await readPoints(owner, mine.seriesId), await readPoints(other, theirs.seriesId)];
    const [mineAgain, theirsAgain] = [await readPoints(owner, mine.seriesId), await readPoints(other, theirs.seriesId)];
    expect(values(mineAgain.text)).toEqual(values(mineFirst.text));
    expect(values(theirsAgain.text)).toEqual(values(theirsFirst.text));
    expect(Math.min(...values(mineAgain.text))).toBe(0);
    expect(Math.max(...values(theirsAgain.text))).toBe(0);
    expect(Math.min(...values(theirsAgain.text))).toBe(-19);
    expect(mineAgain.etag).not.toBe(theirsAgain.etag);
  });
});
