import { describe, expect, it } from 'vitest';
import { checkUtf8, decodeUtf16, detectEncoding, EncodingError } from './encoding';

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

const TEXT = 'Datum;Umsatz €;Gäste\n2024-01-01;1,5;😀\n';

describe('detectEncoding', () => {
  it('reads byte order marks', () => {
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x64, 0x00]))).toBe('utf16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x64]))).toBe('utf16be');
  });

  it('recognises UTF-16 without a mark by its NUL bytes', () => {
    expect(detectEncoding(Buffer.from('date,value\n', 'utf16le'))).toBe('utf16le');
    expect(detectEncoding(Buffer.from('date,value\n', 'utf16le').swap16())).toBe('utf16be');
  });

  it('takes everything else for UTF-8, binary files included (they are reported later)', () => {
    expect(detectEncoding(Buffer.from('\ufeffdate,value\n'))).toBe('utf8');
    expect(detectEncoding(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00]))).toBe('utf8');
    expect(detectEncoding(Buffer.from('a'))).toBe('utf8');
  });
});

describe('decodeUtf16', () => {
  it.each([1, 3, 64])('turns UTF-16 into UTF-8 in chunks of %i bytes, dropping the mark', async (size) => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await collect(decodeUtf16(chunksOf(le, size), 'utf16le'))).toBe(TEXT);
    const be = Buffer.from(le).swap16();
    expect(await collect(decodeUtf16(chunksOf(be, size), 'utf16be'))).toBe(TEXT);
  });
});

describe('checkUtf8', () => {
  it('passes valid UTF-8 through unchanged, characters split between chunks included', async () => {
    for (const size of [1, 2, 5]) expect(await collect(checkUtf8(chunksOf(Buffer.from(TEXT), size)))).toBe(TEXT);
  });

  it('stops at the first byte that is not UTF-8, with its line and the line as Windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('date;v\n2024-01-01;1\n'),
      Buffer.from('2024-01-02;G\xe4ste\n', 'latin1'),
    ]);
    const error = await collect(checkUtf8(chunksOf(bytes, 4))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncodingError);
    expect(error).toMatchObject({ line: 3, byte: 0xe4, asWindows1252: '2024-01-02;Gäste' });
  });

  it('rejects a character cut at the end of a file, unless the file may be cut (a preview)', async () => {
    const cut = Buffer.from('a,b\n1,€').subarray(0, -1);
    await expect(collect(checkUtf8(chunksOf(cut, 3)))).rejects.toBeInstanceOf(EncodingError);
    expect(await collect(checkUtf8(chunksOf(cut, 3), true))).toBe(cut.toString('utf8'));
  });
});
