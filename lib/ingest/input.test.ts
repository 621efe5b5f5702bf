import { describe, expect, it } from 'vitest';
import { byteChunks, dropCutLastLine, firstBytes, peekHead } from './input';

async function collect(source: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

async function* chunksOf(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

describe('byteChunks', () => {
  it('accepts strings, bytes, async iterables and web streams', async () => {
    expect(await collect(byteChunks('a,b\n'))).toBe('a,b\n');
    expect(await collect(byteChunks(new TextEncoder().encode('a,b\n')))).toBe('a,b\n');
    async function* mixed() {
      yield 'a,';
      yield new TextEncoder().encode('b');
      yield Buffer.from('\n');
    }
    expect(await collect(byteChunks(mixed()))).toBe('a,b\n');
    const stream = new Blob(['date,v\n', '2024-01-01,1\n']).stream();
    expect(await collect(byteChunks(stream))).toBe('date,v\n2024-01-01,1\n');
  });
});

describe('peekHead', () => {
  it('returns the first bytes and then the whole input again', async () => {
    const peeked = await peekHead(chunksOf('abc', 'def', 'ghi'), 4);
    expect(peeked.head.toString()).toBe('abcdef');
    expect(peeked.complete).toBe(false);
    expect(await collect(peeked.chunks)).toBe('abcdefghi');
  });

  it('marks a short input as complete', async () => {
    const peeked = await peekHead(chunksOf('ab', 'c'), 100);
    expect(peeked.complete).toBe(true);
    expect(await collect(peeked.chunks)).toBe('abc');
  });
});

describe('dropCutLastLine', () => {
  it('drops the text after the last line break, across chunks', async () => {
    expect(await collect(dropCutLastLine(chunksOf('h\n1', '2\n3', '4')))).toBe('h\n12\n');
    expect(await collect(dropCutLastLine(chunksOf('h\r\n12\r', '\n34')))).toBe('h\r\n12\r\n');
  });

  it('keeps complete input and a lone header line', async () => {
    expect(await collect(dropCutLastLine(chunksOf('h\n1\n')))).toBe('h\n1\n');
    expect(await collect(dropCutLastLine(chunksOf('date,', 'value')))).toBe('date,value');
  });
});

describe('firstBytes', () => {
  it('yields at most the first n bytes, cutting a chunk if needed', async () => {
    expect(await collect(firstBytes(chunksOf('abc', 'def', 'ghi'), 5) as AsyncIterable<Buffer>)).toBe('abcde');
    expect(await collect(firstBytes(chunksOf('abc'), 10) as AsyncIterable<Buffer>)).toBe('abc');
  });

  it('stops reading the source once it has them', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for (const part of ['ab', 'cd', 'ef', 'gh']) {
        pulled++;
        yield Buffer.from(part);
      }
    }
    expect(await collect(firstBytes(counted(), 3) as AsyncIterable<Buffer>)).toBe('abc');
    expect(pulled).toBe(2);
  });
});
