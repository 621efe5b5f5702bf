// The fast path reads quote-free text exactly as csv-parse does (fields and line numbers), for
// any way the text is cut into chunks; text with quotes is handed over at a record boundary.
import { describe, expect, it } from 'vitest';
import { csvParseRecords, forEachRecord, type CsvRecord } from './records';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/** Quote-free CSV text with blank lines, stray break characters, multi-byte text and ragged rows. */
function plainText(next: () => number, ending: string): string {
  const cells = ['', '1.5', 'abc', 'x y', 'été', '日本', '\r', '\n', ' ', '2024-01-01T00:00:00Z', '-'];
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 30);
  for (let i = 0; i < count; i++) {
    const fields = Array.from({ length: Math.floor(next() * 4) }, () => pick(next, cells));
    lines.push(fields.join(','));
  }
  const bom = next() < 0.2 ? '\ufeff' : '';
  return bom + lines.join(ending) + (next() < 0.5 ? ending : '');
}

function chunked(bytes: Buffer, next: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(next() * 12);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function* source(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}

async function read(chunks: Buffer[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  await forEachRecord(source(chunks), { delimiter: ',', linesBeforeHeader: 0 }, (r) => out.push(r));
  return out;
}

async function readWithCsvParse(text: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const start = { delimiter: ',', skipLines: 0, firstLine: 1, atStart: true };
  await csvParseRecords(source([Buffer.from(text)]), start, (r) => out.push(r));
  return out;
}

describe('the fast path of the CSV reader', () => {
  it('reads quote-free text as csv-parse does, however it is cut into chunks', async () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const text = plainText(next, pick(next, ['\n', '\r\n', '\r']));
      const expected = await readWithCsvParse(text);
      expect(await read(chunked(Buffer.from(text), next)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('hands text with quotes over to csv-parse from the start of a record', async () => {
    const next = random(7);
    for (let round = 0; round < 100; round++) {
      const before = plainText(next, '\r\n');
      const text = `${before}${before.endsWith('\r\n') ? '' : '\r\n'}1,"a ""quoted""\r\nvalue",2\r\n3,4\r\n`;
      const expected = await readWithCsvParse(text);
      expect(await read(chunked(Buffer.from(text), next)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('stops reading the source when a visitor throws', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<Buffer> {
      try {
        for (;;) yield Buffer.from('1,2\n');
      } finally {
        closed = true;
      }
    }
    const reading = forEachRecord(endless(), { delimiter: ',', linesBeforeHeader: 0 }, (r) => {
      if (r.line === 3) throw new Error('enough');
    });
    await expect(reading).rejects.toThrow('enough');
    expect(closed).toBe(true);
  });
});
