import { describe, expect, it } from 'vitest';
import { GrowableFloat64, GrowableInt32 } from './growable';

describe('growable typed arrays', () => {
  it('keep every value pushed across reallocations, in order', () => {
    const floats = new GrowableFloat64();
    const ints = new GrowableInt32();
    for (let i = 0; i < 5000; i++) {
      floats.push(i / 4);
      ints.push(i - 5000);
    }
    expect(floats.length).toBe(5000);
    expect(Array.from(floats.view())).toEqual(Array.from({ length: 5000 }, (_, i) => i / 4));
    expect(Array.from(ints.view())).toEqual(Array.from({ length: 5000 }, (_, i) => i - 5000));
  });

  it('hands out the same view until the next push, then one that includes it', () => {
    const values = new GrowableFloat64();
    values.push(1);
    const first = values.view();
    expect(values.view()).toBe(first);
    values.push(2);
    expect(Array.from(values.view())).toEqual([1, 2]);
    expect(Array.from(new GrowableInt32().view())).toEqual([]);
  });
});
