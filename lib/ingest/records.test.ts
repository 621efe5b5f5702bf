import { CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { forEachRecord, type CsvRecord, type RecordOptions } from './records';

async function* chunksOf(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

async function records(text: string | string[], options: Partial<RecordOptions> = {}): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const parts = Array.isArray(text) ? text : [text];
  await forEachRecord(chunksOf(...parts), { delimiter: ',', linesBeforeHeader: 0, ...options }, (r) => out.push(r));
  return out;
}

describe('forEachRecord', () => {
  it('numbers records by the line they start on, past quoted line breaks and blank lines', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"p\nq\nr"\r\n3,z\r\n';
    expect(await records(text)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x\r\ny'], line: 2 },
      { fields: [''], line: 4 },
      { fields: ['2', 'p\nq\nr'], line: 5 },
      { fields: ['3', 'z'], line: 8 },
    ]);
  });

  it('handles quotes, escaped quotes and a BOM, with records split across chunks', async () => {
    const got = await records(['\ufeffdate;"no', 'te"\n2024-01-01;"say ""hi""; ok"\n'], { delimiter: ';' });
    expect(got.map((r) => r.fields)).toEqual([
      ['date', 'note'],
      ['2024-01-01', 'say "hi"; ok'],
    ]);
  });

  it('keeps rows with a different number of fields for the caller to report', async () => {
    expect((await records('a,b\n1,2,3\n4\n')).map((r) => r.fields.length)).toEqual([2, 3, 1]);
  });

  it('skips the lines before the header and keeps counting them', async () => {
    const got = await records('sep=;\na;b\n1;2\n', { delimiter: ';', linesBeforeHeader: 1 });
    expect(got).toEqual([
      { fields: ['a', 'b'], line: 2 },
      { fields: ['1', '2'], line: 3 },
    ]);
  });

  it('visits the records before an unclosed quote, then rejects', async () => {
    const seen: number[] = [];
    const reading = forEachRecord(chunksOf('a,b\n1,2\n3,"oops\n4,5\n'), { delimiter: ',', linesBeforeHeader: 0 }, (r) =>
      seen.push(r.line),
    );
    await expect(reading).rejects.toBeInstanceOf(CsvError);
    expect(seen).toEqual([1, 2]);
  });

  it('passes on errors of the source', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('a,b\n');
      throw new Error('connection reset');
    }
    await expect(forEachRecord(failing(), { delimiter: ',', linesBeforeHeader: 0 }, () => {})).rejects.toThrow(
      'connection reset',
    );
  });
});
