import { describe, expect, it } from 'vitest';
import { boxCox, inverseBoxCox } from './box-cox';
import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it("finds Rosenbrock's minimum at (1, 1) from the textbook start", () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const { x, value } = nelderMead(rosenbrock, [-1.2, 1], {
      steps: [0.1, 0.1],
      maxEvaluations: 2000,
      relativeTolerance: 1e-12,
    });
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
    expect(value).toBeLessThan(1e-8);
  });

  it('stays inside bounds the objective enforces with Infinity', () => {
    const { x } = nelderMead(([a]) => (a < 0.5 ? Infinity : (a - 0.2) ** 2), [0.9], { steps: [0.1] });
    expect(x[0]).toBeGreaterThanOrEqual(0.5);
    expect(x[0]).toBeCloseTo(0.5, 3);
  });
});

describe('boxCox', () => {
  it('round-trips for log and for a power', () => {
    const x = [1, 2.5, 10, 400];
    for (const lambda of [0, 0.3, 1]) {
      inverseBoxCox(boxCox(x, lambda), lambda).forEach((v, i) => expect(v).toBeCloseTo(x[i], 9));
    }
    expect(boxCox([Math.E], 0)).toEqual([1]);
  });
});
