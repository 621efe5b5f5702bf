// The two files of the ingest benchmark, written to the temp folder as streams: a million rows of
// one minutely series, and a million rows of 100 sensors in the long layout (time, id, value).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const BENCH_ROWS = 1_000_000;
const START = Date.UTC(2020, 0, 1);
const FLUSH_CHARS = 1 << 20;

async function writeLines(path: string, header: string, line: (row: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let text = `${header}\n`;
  for (let row = 0; row < BENCH_ROWS; row++) {
    text += `${line(row)}\n`;
    if (text.length >= FLUSH_CHARS) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

/** A value with a daily cycle and a weekly pattern, three decimals as sensors write them. */
function value(step: number, offset: number): string {
  return (100 + offset + 10 * Math.sin(step / 240) + (step % 7)).toFixed(3);
}

/** timestamp,value — one point a minute. */
export function writeSingleSeries(path: string): Promise<void> {
  return writeLines(
    path,
    'timestamp,value',
    (row) => `${new Date(START + row * 60_000).toISOString()},${value(row, 0)}`,
  );
}

export const LONG_SERIES = 100;

/** timestamp,sensor,value — each minute, one row per sensor, as a logger exports them. */
export function writeLongSeries(path: string): Promise<void> {
  return writeLines(path, 'timestamp,sensor,value', (row) => {
    const step = Math.floor(row / LONG_SERIES);
    const sensor = row % LONG_SERIES;
    return `${new Date(START + step * 60_000).toISOString()},sensor_${String(sensor).padStart(3, '0')},${value(step, sensor)}`;
  });
}
