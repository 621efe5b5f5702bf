// Uploads past the reader's limits (lib/ingest/limits.ts), end to end through the route handlers
// on real PostgreSQL: each answers 422 invalid_csv naming the limit, stores nothing, and leaves no
// uncaught exception behind (a failed COPY once did: "protocol synchronization was lost").
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { call, callJson, csvForm, dailyCsv, storedRowCounts } from '@/test/api';
import { POST as append } from './[id]/append/route';
import { POST as preview } from './preview/route';
import { POST as upload } from './route';

const MB = 1024 * 1024;
const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);

beforeAll(() => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});

afterEach(() => {
  delete process.env.HORIZON_MAX_SERIES;
  delete process.env.HORIZON_MAX_LINE_KB;
});

afterAll(async () => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  await disconnectDb();
});

async function refused(csv: string, code: string): Promise<string> {
  const before = await storedRowCounts();
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(csv) });
  expect(status).toBe(422);
  expect(body.error.code).toBe('invalid_csv');
  expect(body.error.details.problems.map((p: { code: string }) => p.code)).toEqual([code]);
  expect(await storedRowCounts()).toEqual(before);
  return body.error.message as string;
}

describe('upload limits', () => {
  it('refuses a line over the limit: a 1 MB header-only line, a file without line breaks', async () => {
    for (let i = 0; i < 5; i++)
      expect(await refused(`date,${'v'.repeat(MB)}`, 'line_too_long')).toMatch(/Row 1 is longer than 1,024 KB/);
    expect(await refused(`date,value\n2024-01-01,${'1'.repeat(2 * MB)}\n`, 'line_too_long')).toMatch(/Row 2/);
    // The preview reads the file's head only, and stops at the same limit.
    const answer = await callJson(preview, { method: 'POST', body: csvForm(`date,${'v'.repeat(2 * MB)}`) });
    expect(answer.status).toBe(200);
    // (Its head is cut before the limit, so the overlong column name is what it finds.)
    expect(answer.body.preview.problems.map((p: { code: string }) => p.code)).toEqual(['column_name_too_long']);
  });

  it('refuses a 1 MB column name once the line limit lets it through', async () => {
    process.env.HORIZON_MAX_LINE_KB = '4096';
    const csv = `date,${'n'.repeat(MB)}\n${dailyCsv(30).split('\n').slice(1).join('\n')}`;
    expect(await refused(csv, 'column_name_too_long')).toMatch(/column 2 is 1,048,576 characters long/);
    // The header-only variant (no data rows) ends the same way.
    await refused(`date,${'n'.repeat(MB)}`, 'column_name_too_long');
  });

  it('refuses 100,000 columns', async () => {
    const header = ['date', ...Array.from({ length: 100_000 }, (_, i) => `c${i}`)].join(',');
    const row = ['2024-01-01', ...Array.from({ length: 100_000 }, () => '1')].join(',');
    process.env.HORIZON_MAX_LINE_KB = '4096';
    expect(await refused(`${header}\n${row}\n${row}\n`, 'too_many_columns')).toMatch(
      /100,001 columns; Horizon reads at most 2,000/,
    );
  });

  it('keeps a dataset within HORIZON_MAX_SERIES, appends included', async () => {
    process.env.HORIZON_MAX_SERIES = '2';
    const three = dailyCsv(30)
      .replace('date,value', 'date,a,b,c')
      .replace(/\n(\d{4}-\d\d-\d\d),([\d.]+)/g, '\n$1,$2,$2,$2');
    expect(await refused(three, 'too_many_series')).toMatch(/3 series; a dataset holds at most 2/);

    const created = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(30, 'a')) });
    expect(created.status).toBe(201);
    const id = created.body.dataset.id as string;
    const second = await call(append, {
      method: 'POST',
      params: { id },
      body: csvForm(dailyCsv(30, 'b', Date.UTC(2024, 1, 1))),
    });
    expect(second.status).toBe(200);
    const before = await storedRowCounts();
    const third = await callJson(append, {
      method: 'POST',
      params: { id },
      body: csvForm(dailyCsv(30, 'c', Date.UTC(2024, 2, 1))),
    });
    expect(third.status).toBe(422);
    expect(third.body.error.details.problems[0]).toMatchObject({ code: 'too_many_series' });
    expect(third.body.error.message).toMatch(
      /adds 1 new series to the dataset's 2, making 3; a dataset holds at most 2/,
    );
    expect(await storedRowCounts()).toEqual(before);
    // More points for a series it has are still welcome.
    const more = await call(append, {
      method: 'POST',
      params: { id },
      body: csvForm(dailyCsv(30, 'a', Date.UTC(2024, 3, 1))),
    });
    expect(more.status).toBe(200);
  });

  it('refuses a 1 MB header-only line as header-only when every limit lets it through', async () => {
    process.env.HORIZON_MAX_LINE_KB = '4096';
    process.env.HORIZON_MAX_COLUMN_NAME = String(2 * MB);
    try {
      for (let i = 0; i < 5; i++) {
        // The answer names a few columns, cut short: not the megabyte.
        expect((await refused(`date,${'v'.repeat(MB)}`, 'header_only')).length).toBeLessThan(1000);
      }
    } finally {
      delete process.env.HORIZON_MAX_COLUMN_NAME;
    }
  });

  it('left no uncaught exception or unhandled rejection', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(uncaught).toEqual([]);
  });
});
