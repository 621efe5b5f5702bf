import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetCsvStream, DATASET_CSV_HEADER } from '@/lib/datasets/export-dataset';
import { disconnectDb } from '@/lib/db/client';
import { getDataset } from '@/lib/db/datasets';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, defaultUser, fixtureCsv } from '@/test/api';
import { POST as upload } from '../../route';
import { GET as getPoints } from '../../../series/[id]/points/route';
import { GET as exportDataset } from './route';

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

interface ExportedRow {
  series: string;
  timestamp: string;
  value: string;
}

async function uploaded(
  csv: string,
  fileName: string,
): Promise<{ id: string; series: { id: string; name: string }[] }> {
  const { status, body } = await callJson(upload, { method: 'POST', body: csvForm(csv, fileName) });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.dataset;
}

function parsedCsv(text: string): ExportedRow[] {
  expect(text.split('\n')[0]).toBe(DATASET_CSV_HEADER);
  return parse(text, { columns: true, skip_empty_lines: true }) as ExportedRow[];
}

/** Every stored point of the series, as the points API returns them. */
async function storedPoints(seriesId: string): Promise<{ t: string; v: number }[]> {
  const { status, body } = await callJson(getPoints, {
    path: '/?max=100000',
    params: { id: seriesId },
  });
  expect(status).toBe(200);
  return body.points;
}

describe('GET /api/datasets/:id/export', () => {
  it('downloads every point of every series as long-format CSV', async () => {
    const dataset = await uploaded(fixtureCsv('small-sales.csv'), 'small-sales.csv');
    const response = await call(exportDataset, { path: '/?format=csv', params: { id: dataset.id } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="small-sales.csv"');
    const rows = parsedCsv(await response.text());

    expect(rows).toHaveLength(240);
    expect([...new Set(rows.map((row) => row.series))]).toEqual(['store_north', 'store_south']);
    for (const series of dataset.series) {
      const exported = rows
        .filter((row) => row.series === series.name)
        .map((row) => ({ t: row.timestamp, v: Number(row.value) }));
      expect(exported).toEqual(await storedPoints(series.id));
    }
  });

  it('reads the points page by page without losing or repeating any', async () => {
    const dataset = await uploaded(fixtureCsv('small-sales.csv'), 'paged.csv');
    const whole = await new Response(
      datasetCsvStream((await getDataset((await defaultUser()).scope, dataset.id))!),
    ).text();
    // 120 points per series: pages of 7 end mid-series and the last page is partial.
    const paged = await new Response(
      datasetCsvStream((await getDataset((await defaultUser()).scope, dataset.id))!, { pageSize: 7 }),
    ).text();
    expect(paged).toBe(whole);
    expect(parsedCsv(paged)).toHaveLength(240);
  });

  it('neutralises series names a spreadsheet would run as formulas', async () => {
    const csv = ['date,=HYPERLINK("http://x"),plain', '2026-01-01,1,10', '2026-01-02,2,20', '2026-01-03,3,30.5'].join(
      '\n',
    );
    const dataset = await uploaded(csv, 'formulas.csv');
    const response = await call(exportDataset, { params: { id: dataset.id } });
    const text = await response.text();

    expect(text).toContain(`"'=HYPERLINK(""http://x"")",2026-01-01T00:00:00.000Z,1\n`);
    const rows = parsedCsv(text);
    expect(rows.map((row) => row.series)).toEqual([
      ...Array(3).fill(`'=HYPERLINK("http://x")`),
      ...Array(3).fill('plain'),
    ]);
    expect(rows.map((row) => Number(row.value))).toEqual([1, 2, 3, 10, 20, 30.5]);
  });

  it('answers 404 for an unknown dataset and 400 for an unknown format', async () => {
    const missing = await callJson(exportDataset, { params: { id: 'nope' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');

    const dataset = await uploaded(fixtureCsv('small-sales.csv'), 'format.csv');
    const wrongFormat = await callJson(exportDataset, { path: '/?format=xlsx', params: { id: dataset.id } });
    expect(wrongFormat.status).toBe(400);
    expect(wrongFormat.body.error.message).toContain('format');
  });
});
