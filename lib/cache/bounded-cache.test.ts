import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache';

const textCache = (maxBytes: number) => new BoundedCache<string>({ maxBytes, sizeOf: (value) => value.length });

describe('BoundedCache', () => {
  it('computes a key once and answers later requests from memory', async () => {
    const cache = textCache(100);
    let computed = 0;
    const compute = async () => `value ${++computed}`;
    expect(await cache.getOrCompute('a', compute)).toBe('value 1');
    expect(await cache.getOrCompute('a', compute)).toBe('value 1');
    expect(await cache.getOrCompute('b', compute)).toBe('value 2');
    expect(computed).toBe(2);
  });

  it('shares one computation between concurrent requests for the same key', async () => {
    const cache = textCache(100);
    let computed = 0;
    let finish!: (value: string) => void;
    const compute = () => {
      computed++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = cache.getOrCompute('a', compute);
    const second = cache.getOrCompute('a', compute);
    finish('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(computed).toBe(1);
  });

  it('drops the least recently used values beyond maxBytes', async () => {
    const cache = textCache(10);
    await cache.getOrCompute('a', async () => 'aaaa');
    await cache.getOrCompute('b', async () => 'bbbb');
    await cache.getOrCompute('a', async () => 'not used'); // a is now the most recently used
    await cache.getOrCompute('c', async () => 'cccc');
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(8);
  });

  it('does not keep a value larger than the whole cache, nor a failed computation', async () => {
    const cache = textCache(10);
    expect(await cache.getOrCompute('big', async () => 'x'.repeat(11))).toHaveLength(11);
    expect(cache.has('big')).toBe(false);
    await expect(cache.getOrCompute('bad', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.getOrCompute('bad', async () => 'recovered')).toBe('recovered');
    expect(cache.size).toBe(1);
  });
});
