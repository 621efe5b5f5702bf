import { describe, expect, it } from 'vitest';
import { levenbergMarquardt } from './levenberg-marquardt';

describe('levenbergMarquardt', () => {
  it("finds Rosenbrock's minimum (1, 1) from the textbook start (-1.2, 1)", () => {
    const rosenbrock = ([x, y]: readonly number[]) => Float64Array.of(10 * (y - x * x), 1 - x);
    const { x, value, evaluations } = levenbergMarquardt(rosenbrock, [-1.2, 1], { relativeTolerance: 1e-14 });
    expect(x[0]).toBeCloseTo(1, 4);
    expect(x[1]).toBeCloseTo(1, 4);
    expect(value).toBeLessThan(1e-8);
    expect(evaluations).toBeLessThan(300);
  });

  it('fits an exponential decay exactly, as a linear least-squares fit of its log would', () => {
    const t = Array.from({ length: 30 }, (_, i) => i / 3);
    const y = t.map((v) => 5 * Math.exp(-0.7 * v));
    const { x } = levenbergMarquardt(([a, b]) => Float64Array.from(t, (v, i) => a * Math.exp(-b * v) - y[i]), [1, 0.1]);
    expect(x[0]).toBeCloseTo(5, 5);
    expect(x[1]).toBeCloseTo(0.7, 5);
  });

  it('never steps where the residuals are undefined: the minimum on the admissible side', () => {
    // Unconstrained, (x - 2)^2 is least at 2; only x < 1 is admissible.
    const { x } = levenbergMarquardt(([v]) => (v < 1 ? Float64Array.of(v - 2) : undefined), [0]);
    expect(x[0]).toBeLessThan(1);
    expect(x[0]).toBeGreaterThan(0.9);
  });

  it('refuses an inadmissible start, and returns an admissible one unchanged with no parameters', () => {
    expect(() => levenbergMarquardt(() => undefined, [0])).toThrow(/admissible starting point/);
    expect(levenbergMarquardt(() => Float64Array.of(3, 4), [])).toEqual({ x: [], value: 25, evaluations: 1 });
  });
});
