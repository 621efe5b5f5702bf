import { describe, expect, it } from 'vitest';
import { niceTicks, tickLabel } from './axis-ticks';

const labels = (min: number, max: number) => {
  const { ticks, decimals } = niceTicks(min, max);
  return ticks.map((t) => tickLabel(t, decimals));
};

describe('niceTicks and tickLabel', () => {
  it('labels a loss that barely moves with enough digits to tell the ticks apart (issue 20: "0.251, 0.251")', () => {
    const shown = labels(0.2507, 0.2513);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toEqual(['0.2506', '0.2508', '0.251', '0.2512', '0.2514']);
  });

  it('spans the data with round steps', () => {
    for (const [min, max] of [
      [0.00765, 0.0312],
      [0.2507, 0.2513],
      [1, 1000],
      [-3.2, 7.9],
      [12_480, 12_530],
    ]) {
      const { ticks, step } = niceTicks(min, max);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(8);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContainEqual(Number(mantissa.toPrecision(6)));
      const shown = ticks.map((t) => tickLabel(t, niceTicks(min, max).decimals));
      expect(new Set(shown).size, `${min}..${max}: ${shown.join(', ')}`).toBe(shown.length);
    }
  });

  it('uses no more decimals than the step needs', () => {
    expect(labels(0, 1)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(labels(0, 100)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(niceTicks(0.00765, 0.0312).decimals).toBe(3);
  });

  it('draws a band around a flat line, and nothing for non-finite input', () => {
    const shown = labels(0.5, 0.5);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(new Set(shown).size).toBe(shown.length);
    expect(niceTicks(Number.NaN, 1).ticks).toEqual([]);
    expect(tickLabel(Number.POSITIVE_INFINITY, 2)).toBe('');
  });
});
