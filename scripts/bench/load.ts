// Load on a running instance, over HTTP on loopback and bounded in time: chart reads at a fixed
// 200 requests/s for 30 s (points of the 1M-point series, whole and zoomed, plus series and
// dataset reads) while 10 CSV uploads run at once. Reports errors and p50/p95/p99 of each part;
// the aim is 0 errors. Latencies are each request's own response time.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { createDataset } from '@/lib/db/datasets';
import { table } from './format';
import { benchInstance } from './instance';
import { latencyCells } from './latency';
import { millionPointSeries, millionPointSeriesId } from './points';
import type { BenchSection } from './section';

const READ_RATE = 200;
const READ_SECONDS = 30;
/**
 * autocannon gives each connection an equal share of the rate and one request in flight, so a
 * connection whose answer is slow falls behind its share for the rest of that second. With 20
 * connections (10/s each) a 100 ms answer already lowered the offered rate; 50 connections (4/s
 * each) keep offering 200/s through answers of up to 250 ms, and the latencies still say how slow
 * they were.
 */
const READ_CONNECTIONS = 50;
const UPLOADS = 10;
/** Seconds into the reads when the uploads start, so they meet the read load at full rate. */
const UPLOADS_AFTER = 5;
const UPLOAD_ROWS = 5_000;
const REQUEST_TIMEOUT_S = 30;

/** A daily CSV of `rows` rows with a weekly cycle, as a user would upload. */
function uploadCsv(rows: number): string {
  const start = Date.UTC(2000, 0, 1);
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return `${day},${(100 + 10 * Math.sin((2 * Math.PI * i) / 7) + i / 100).toFixed(2)}`;
  });
  return `date,sales\n${lines.join('\n')}\n`;
}

interface Measured {
  result: AutocannonResult;
  latencies: number[];
  statuses: Map<number, number>;
}

/** Runs autocannon and keeps every response's time and status beside its summary. */
async function measured(options: Parameters<typeof autocannon>[0]): Promise<Measured> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon(options);
  instance.on('response', (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  return { result: await instance, latencies, statuses };
}

function row(label: string, { result, latencies, statuses }: Measured): string[] {
  const failed = result.errors + result.non2xx;
  const codes = [...statuses].map(([status, count]) => `${status}×${count}`).join(' ');
  return [label, String(latencies.length), String(failed), ...latencyCells(latencies), codes];
}

export const load: BenchSection = {
  name: 'load',
  description: `${READ_RATE} chart reads/s for ${READ_SECONDS} s plus ${UPLOADS} concurrent CSV uploads, HTTP on loopback`,
  async run() {
    const instance = await benchInstance();
    const { seriesId: longId } = await millionPointSeriesId(instance);
    const small = await createDataset(instance.scope, {
      name: 'bench: small',
      fileName: null,
      series: [millionPointSeries(2000)],
    });
    const shortId = small.series[0].id;
    const zoom = (from: string, to: string) => `/api/series/${longId}/points?max=2000&from=${from}&to=${to}`;
    const reads: AutocannonRequest[] = [
      { path: `/api/series/${longId}/points?max=2000` },
      { path: zoom('2020-06-01T00:00:00Z', '2020-06-08T00:00:00Z') },
      { path: zoom('2020-03-01T00:00:00Z', '2021-03-01T00:00:00Z') },
      { path: `/api/series/${shortId}/points?max=1500` },
      { path: `/api/series/${longId}` },
      { path: `/api/datasets/${small.id}` },
    ];

    const dir = await mkdtemp(join(tmpdir(), 'horizon-load-'));
    try {
      const csvPath = join(dir, 'upload.csv');
      await writeFile(csvPath, uploadCsv(UPLOAD_ROWS));
      const readRun = measured({
        url: instance.url,
        connections: READ_CONNECTIONS,
        overallRate: READ_RATE,
        duration: READ_SECONDS,
        timeout: REQUEST_TIMEOUT_S,
        headers: instance.headers,
        requests: reads,
      });
      await new Promise((resolve) => setTimeout(resolve, UPLOADS_AFTER * 1000));
      const uploadRun = measured({
        url: `${instance.url}/api/datasets`,
        method: 'POST',
        connections: UPLOADS,
        amount: UPLOADS,
        timeout: REQUEST_TIMEOUT_S,
        headers: instance.headers,
        form: { file: { type: 'file', path: csvPath, options: { filename: 'load.csv', contentType: 'text/csv' } } },
      });
      const [readsDone, uploadsDone] = await Promise.all([readRun, uploadRun]);
      const errors =
        readsDone.result.errors + readsDone.result.non2xx + uploadsDone.result.errors + uploadsDone.result.non2xx;
      return [
        `Reads cycle through ${reads.length} requests (1M-point series whole and zoomed, a 2,000-point one, series and dataset metadata) ` +
          `on ${READ_CONNECTIONS} connections; uploads are ${UPLOAD_ROWS.toLocaleString('en-US')}-row CSVs, all ${UPLOADS} at once, ${UPLOADS_AFTER} s in.`,
        table(
          ['part', 'responses', 'errors', 'p50', 'p95', 'p99', 'max', 'status codes'],
          [row(`reads at ${READ_RATE}/s`, readsDone), row(`${UPLOADS} uploads`, uploadsDone)],
        ),
        `Reads: ${readsDone.latencies.length.toLocaleString('en-US')} answered of ${(READ_RATE * READ_SECONDS).toLocaleString('en-US')} offered, ` +
          `${(readsDone.latencies.length / readsDone.result.duration).toFixed(0)} responses/s over ${readsDone.result.duration.toFixed(1)} s. ` +
          (errors === 0 ? '0 errors.' : `${errors} errors (connection errors, timeouts and non-2xx answers).`),
      ].join('\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
