// The reader's limits (limits.ts) and its cost on long lines: a line without a break costs time
// linear in its length (it used to be quadratic: the unfinished line was joined again on every
// chunk), and with the default limits a megabyte-long line stops the read at once.
import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv';
import { DEFAULT_READ_LIMITS, readLimits } from './limits';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** `date,` then `size` bytes of `fill` without a line break, in 64 KB chunks, counting the chunks read. */
function longLine(size: number, fill = 'x'): { chunks: AsyncGenerator<Buffer>; read: () => number } {
  let read = 0;
  const block = Buffer.alloc(CHUNK, fill);
  async function* chunks(): AsyncGenerator<Buffer> {
    read++;
    yield Buffer.from('date,');
    for (let sent = 0; sent < size; sent += CHUNK) {
      read++;
      yield sent + CHUNK <= size ? block : block.subarray(0, size - sent);
    }
  }
  return { chunks: chunks(), read: () => read };
}

async function secondsToRead(size: number, fill: string): Promise<number> {
  const started = performance.now();
  const file = await parseCsv(longLine(size, fill).chunks, {}, { limits: { maxLineBytes: Infinity } });
  const seconds = (performance.now() - started) / 1000;
  expect(file.ok).toBe(false);
  return seconds;
}

describe('a line without a line break', () => {
  it('costs time linear in its length (16 MB vs 64 MB), without a limit', async () => {
    await secondsToRead(4 * MB, 'x'); // warm-up
    const small = await secondsToRead(16 * MB, 'x');
    const large = await secondsToRead(64 * MB, 'x');
    // Linear: about 4x. Quadratic would be about 16x (the old reader: 0.6 s at 8 MB, 2.8 s at 16 MB).
    expect(large / small, `16 MB: ${small.toFixed(2)} s, 64 MB: ${large.toFixed(2)} s`).toBeLessThan(8);
  });

  it('stops the read at the line limit and says so', async () => {
    const { chunks, read } = longLine(64 * MB);
    const file = await parseCsv(chunks);
    expect(file.ok).toBe(false);
    expect(file.problems).toEqual([expect.objectContaining({ code: 'line_too_long', row: 1, severity: 'error' })]);
    expect(file.problems[0].message).toMatch(/longer than 1,024 KB/);
    // The file was not read past its first megabyte (and a chunk or two).
    expect(read() * CHUNK).toBeLessThan(DEFAULT_READ_LIMITS.maxLineBytes + 4 * CHUNK);
  });

  it('also stops a quoted line (the csv-parse path) at the limit', async () => {
    const text = `date,value\n2024-01-01,"${'y'.repeat(2 * MB)}`;
    const file = await parseCsv(text, {}, { limits: { maxLineBytes: MB } });
    expect(file.problems.map((p) => p.code)).toEqual(['line_too_long']);
    expect(file.problems[0].row).toBe(2);
  });

  it('stops a long data line after ordinary ones, naming its row', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i}`);
    const text = `date,value\n${rows.join('\n')}\n2024-02-01,${'9'.repeat(MB + 10)}\n`;
    const file = await parseCsv(text, {}, { limits: { maxLineBytes: MB } });
    expect(file.problems.map((p) => [p.code, p.row])).toEqual([['line_too_long', 12]]);
  });
});

describe('columns and series', () => {
  it('refuses more columns than the limit before reading on', async () => {
    const header = ['date', ...Array.from({ length: 2_500 }, (_, i) => `c${i}`)].join(',');
    const row = ['2024-01-01', ...Array.from({ length: 2_500 }, () => '1')].join(',');
    const file = await parseCsv(`${header}\n${row}\n`);
    expect(file.problems.map((p) => p.code)).toEqual(['too_many_columns']);
    expect(file.problems[0].message).toMatch(/2,501 columns; Horizon reads at most 2,000/);
  });

  it('refuses a column name over the limit', async () => {
    const file = await parseCsv(`date,${'n'.repeat(MB - 100)}\n2024-01-01,1\n`);
    expect(file.problems.map((p) => p.code)).toEqual(['column_name_too_long']);
    expect(file.problems[0].message).toMatch(/column 2 is 1,048,476 characters long; at most 200/);
  });

  it('refuses more series than the limit (long layout)', async () => {
    const lines = ['date,store,sales'];
    for (let store = 0; store < 30; store++) {
      for (let day = 1; day <= 5; day++) lines.push(`2024-01-0${day},s${store},${store + day}`);
    }
    const file = await parseCsv(`${lines.join('\n')}\n`, { idColumns: ['store'] }, { limits: { maxSeries: 20 } });
    expect(file.problems.map((p) => p.code)).toEqual(['too_many_series']);
    expect(file.problems[0].message).toMatch(/30 series; a dataset holds at most 20/);
  });

  it('reads its limits from the environment', () => {
    process.env.HORIZON_MAX_LINE_KB = '64';
    process.env.HORIZON_MAX_COLUMNS = '10';
    try {
      expect(readLimits()).toMatchObject({ maxLineBytes: 64 * 1024, maxColumns: 10, maxSeries: 10_000 });
      expect(readLimits({ maxColumns: 5 }).maxColumns).toBe(5);
    } finally {
      delete process.env.HORIZON_MAX_LINE_KB;
      delete process.env.HORIZON_MAX_COLUMNS;
    }
  });
});
