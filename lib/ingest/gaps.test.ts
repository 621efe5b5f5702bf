import { describe, expect, it } from 'vitest';
import { fillGaps } from './gaps';

const DAY = 86_400_000;
const months = (...m: number[]) => m.map((month) => Date.UTC(2024, month, 1));

describe('fillGaps', () => {
  const t = [0, DAY, 4 * DAY, 5 * DAY];
  const v = [1, 2, 8, 9];

  it.each([
    ['linear', [1, 2, 4, 6, 8, 9]],
    ['ffill', [1, 2, 2, 2, 8, 9]],
    ['zero', [1, 2, 0, 0, 8, 9]],
  ] as const)('fills the missing steps with %s', (policy, expected) => {
    const filled = fillGaps(t, v, 'daily', policy);
    expect(filled.t).toEqual([0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY]);
    expect(filled.v).toEqual(expected);
    expect(filled.filled).toBe(2);
  });

  it("leaves the series as it is with 'leave' and for irregular series", () => {
    expect(fillGaps(t, v, 'daily', 'leave')).toEqual({ t, v, filled: 0 });
    expect(fillGaps(t, v, 'irregular', 'zero')).toEqual({ t, v, filled: 0 });
  });

  it('steps by calendar months', () => {
    const filled = fillGaps(months(0, 1, 4), [1, 2, 5], 'monthly', 'linear');
    expect(filled.t).toEqual(months(0, 1, 2, 3, 4));
    expect(filled.v).toEqual([1, 2, 3, 4, 5]);
  });
});
