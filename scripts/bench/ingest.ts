// Ingest at scale, end to end: a 1M-row single-series CSV and a 1M-row long CSV with 100 series,
// each uploaded through the HTTP API of a real `next start` to stored rows. Reports rows/s from
// the first byte sent to the 201, the share spent before storing began (upload + parse, which
// overlap since the upload is streamed), and the web process's peak RSS. Targets: ≥ 250k rows/s
// and ≤ 500 MB.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rm, stat, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { BENCH_ROWS, LONG_SERIES, writeLongSeries, writeSingleSeries } from './ingest-files';
import { peakRssOfTree, sampleRss } from './ingest-memory';
import { uploadCsv } from './ingest-upload';
import { startBenchInstance } from './instance';
import { megabytes, rate, seconds, table } from './format';
import type { BenchSection } from './section';

const TARGET_ROWS_PER_SECOND = 250_000;
const TARGET_PEAK_BYTES = 500 * 1024 * 1024;

interface BenchFile {
  label: string;
  path: string;
  series: number;
  write(path: string): Promise<void>;
}

const FILES: BenchFile[] = [
  {
    label: '1 series (wide)',
    path: join(tmpdir(), 'horizon-bench-1m-single.csv'),
    series: 1,
    write: writeSingleSeries,
  },
  {
    label: `${LONG_SERIES} series (long)`,
    path: join(tmpdir(), 'horizon-bench-1m-long.csv'),
    series: LONG_SERIES,
    write: writeLongSeries,
  },
];

async function storedPoints(databaseUrl: string, datasetId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM points p JOIN series s ON s.key = p.series_key WHERE s.dataset_id = $1',
      [datasetId],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * One small upload before the measured ones: the first request to a fresh `next start` loads the
 * upload route's modules (about 0.9 s), which a server in use has done long before.
 */
async function warmUp(url: string, headers: Record<string, string>): Promise<void> {
  const path = join(tmpdir(), 'horizon-bench-warm-up.csv');
  const start = Date.UTC(2024, 0, 1);
  const lines = Array.from({ length: 1_000 }, (_, i) => `${new Date(start + i * 60_000).toISOString()},${i % 60}`);
  await writeFile(path, `time,value\n${lines.join('\n')}\n`);
  try {
    const outcome = await uploadCsv(url, path, headers);
    if (outcome.status !== 201)
      throw new Error(`The warm-up upload answered ${outcome.status}: ${JSON.stringify(outcome.body).slice(0, 500)}`);
  } finally {
    await rm(path, { force: true });
  }
}

export const ingest: BenchSection = {
  name: 'ingest',
  description: `${BENCH_ROWS.toLocaleString('en-US')}-row CSVs uploaded through the HTTP API of a running web server`,
  async run() {
    const log = (message: string) => console.log(`  ${message}`);
    for (const file of FILES) await file.write(file.path);
    log('Starting PostgreSQL, Redis and the web server...');
    const server = await startBenchInstance();
    await warmUp(server.url, server.headers);
    const rows: string[][] = [];
    const verdicts: string[] = [];
    try {
      for (const file of FILES) {
        const { size } = await stat(file.path);
        const rss = sampleRss(server.webPid);
        const outcome = await uploadCsv(server.url, file.path, server.headers);
        const sampledPeak = rss.stop();
        if (outcome.status !== 201) {
          throw new Error(
            `Upload of ${file.label} answered ${outcome.status}: ${JSON.stringify(outcome.body).slice(0, 500)}`,
          );
        }
        const { dataset } = outcome.body as { dataset: { id: string; series: unknown[] } };
        const points = await storedPoints(server.databaseUrl, dataset.id);
        if (points !== BENCH_ROWS || dataset.series.length !== file.series) {
          throw new Error(
            `${file.label}: stored ${points} points in ${dataset.series.length} series, expected ${BENCH_ROWS} in ${file.series}.`,
          );
        }
        const perSecond = (BENCH_ROWS / outcome.wallMs) * 1000;
        // The kernel's peak of the process serving the upload; the sampled sum also counts `next start`'s parent.
        const peak = peakRssOfTree(server.webPid);
        const storing = outcome.storingAtMs === null ? '—' : seconds(outcome.wallMs - outcome.storingAtMs);
        rows.push([
          file.label,
          megabytes(size),
          seconds(outcome.wallMs),
          storing,
          rate(perSecond),
          megabytes(peak),
          megabytes(sampledPeak),
        ]);
        verdicts.push(
          `${file.label}: ${perSecond >= TARGET_ROWS_PER_SECOND ? 'meets' : 'MISSES'} ${rate(TARGET_ROWS_PER_SECOND)} rows/s, ` +
            `${peak <= TARGET_PEAK_BYTES ? 'meets' : 'MISSES'} ${megabytes(TARGET_PEAK_BYTES)} peak RSS`,
        );
      }
    } finally {
      await server.stop();
      await Promise.all(FILES.map((file) => rm(file.path, { force: true })));
    }
    return [
      table(['file', 'size', 'total', 'of which storing', 'rows/s', 'web peak RSS', 'web tree RSS (sampled)'], rows),
      '',
      'total: first byte sent → 201, on a server that has served one small upload before; storing: after the',
      "whole file was parsed (the points are COPY'd while it is read; what is left: the rest of that COPY, series",
      'rows, point rollups, commit; planner statistics are refreshed after the answer).',
      'web peak RSS: the largest VmHWM among the `next start` process and its children, over the',
      "process's life (the second file's includes the first's); tree RSS: their summed RSS, sampled every 50 ms.",
      ...verdicts,
    ].join('\n');
  },
};
