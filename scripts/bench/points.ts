// The chart points API on a 1,000,000-point series, over real HTTP on loopback: the whole range
// and random zoomed ranges, each asked for 2000 points (about a chart's pixel width). The series
// is COPYed in through the same path as an upload, block summaries included. Target: p95 ≤ 100 ms.
import { createDataset } from '@/lib/db/datasets';
import type { ParsedSeries } from '@/lib/ingest/types';
import { seconds, table, timed } from './format';
import { benchInstance, type BenchInstance } from './instance';
import { latencyCells, percentile } from './latency';
import type { BenchSection } from './section';

const POINTS = 1_000_000;
const MAX = 2000;
const REQUESTS = 200;
const WARM_UP = 10;
const TARGET_P95_MS = 100;
const START = Date.UTC(2020, 0, 1);
const MINUTE = 60_000;

/** Minutely values with a daily cycle, a slow trend and noise (seeded: the same series every run). */
export function millionPointSeries(points = POINTS): ParsedSeries {
  const t = new Array<number>(points);
  const v = new Array<number>(points);
  let seed = 42;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 4;
  for (let i = 0; i < points; i++) {
    t[i] = START + i * MINUTE;
    v[i] = 100 + 20 * Math.sin((2 * Math.PI * i) / 1440) + i / 50_000 + noise();
  }
  return { name: 'sensor', frequency: 'minutely', t, v, valueColumn: 'value', gaps: 0, filled: 0, duplicates: 0 };
}

let seeded: Promise<{ seriesId: string; copyMs: number }> | undefined;

/** The 1M-point series, stored once per bench run (the load section reads it too). */
export function millionPointSeriesId(instance: BenchInstance): Promise<{ seriesId: string; copyMs: number }> {
  seeded ??= (async () => {
    const { value: dataset, wallMs } = await timed(() =>
      createDataset(instance.scope, { name: 'bench: 1M points', fileName: null, series: [millionPointSeries()] }),
    );
    return { seriesId: dataset.series[0].id, copyMs: wallMs };
  })();
  return seeded;
}

async function measure(
  instance: BenchInstance,
  paths: () => string,
): Promise<{ latencies: number[]; returned: number[] }> {
  const latencies: number[] = [];
  const returned: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(`${instance.url}${paths()}`, { headers: instance.headers });
    const body = (await response.json()) as { points?: unknown[] };
    const elapsed = performance.now() - started;
    if (!response.ok || !body.points)
      throw new Error(`The points API answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) {
      latencies.push(elapsed);
      returned.push(body.points.length);
    }
  }
  return { latencies, returned };
}

export const points: BenchSection = {
  name: 'points',
  description: `GET /api/series/:id/points?max=${MAX} on a ${POINTS.toLocaleString('en-US')}-point series, HTTP on loopback`,
  async run() {
    const instance = await benchInstance();
    const { seriesId, copyMs } = await millionPointSeriesId(instance);
    const base = `/api/series/${seriesId}/points?max=${MAX}`;
    const whole = await measure(instance, () => base);
    // Zoomed: a random window of 0.1% to 50% of the series, as a brush drag would ask for.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const zoomed = await measure(instance, () => {
      const length = Math.round(POINTS * (0.001 + random() * 0.499));
      const from = Math.floor(random() * (POINTS - length));
      const iso = (i: number) => new Date(START + i * MINUTE).toISOString();
      return `${base}&from=${iso(from)}&to=${iso(from + length)}`;
    });
    const worst = Math.max(percentile(whole.latencies, 95), percentile(zoomed.latencies, 95));
    const avg = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
    return [
      `Series stored (COPY + block summaries) in ${seconds(copyMs)}. ${REQUESTS} sequential requests per row after ${WARM_UP} warm-up ones.`,
      table(
        ['range', 'p50', 'p95', 'p99', 'max', 'points returned (avg)'],
        [
          ['whole series', ...latencyCells(whole.latencies), String(avg(whole.returned))],
          ['random zoom (0.1%–50%)', ...latencyCells(zoomed.latencies), String(avg(zoomed.returned))],
        ],
      ),
      `${worst <= TARGET_P95_MS ? 'Within' : 'Over'} the ${TARGET_P95_MS} ms p95 target (machine load counts: see the header).`,
    ].join('\n');
  },
};
