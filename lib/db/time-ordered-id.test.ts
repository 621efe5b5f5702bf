import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('starts with the time it was made', () => {
    const before = Date.now();
    const ms = parseInt(timeOrderedId().replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    // Ids made faster than 4096 a millisecond borrow from the next one: a little ahead at most.
    expect(ms).toBeLessThan(Date.now() + 1000);
  });

  it('makes version 7 UUIDs that ascend, also within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1], `${ids[i - 1]} then ${ids[i]}`).toBe(true);
  });
});
