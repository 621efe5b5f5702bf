import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { armaForecast, armaInnovations, stationaryCovariance } from './arma-likelihood';

describe('the exact ARMA likelihood (Kalman filter)', () => {
  it('starts from the stationary covariance: AR(1) 1 / (1 - phi^2), MA(1) 1 + theta^2', () => {
    expect(stationaryCovariance([0.8], [])[0]).toBeCloseTo(1 / (1 - 0.64), 10);
    // MA(1): the state is (x_t, theta e_t); its covariance [[1 + theta^2, theta], [theta, theta^2]].
    expect(Array.from(stationaryCovariance([], [0.5]))).toEqual([1.25, 0.5, 0.5, 0.25]);
    // ARMA(1,1): Var x = (1 + 2 phi theta + theta^2) / (1 - phi^2).
    expect(stationaryCovariance([0.6], [0.3])[0]).toBeCloseTo((1 + 2 * 0.6 * 0.3 + 0.09) / (1 - 0.36), 10);
  });

  it('matches the AR(1) likelihood in closed form', () => {
    // x_1 ~ N(0, 1 / (1 - phi^2)), then x_t | x_{t-1} ~ N(phi x_{t-1}, 1).
    const phi = 0.7;
    const rng = createRng(3);
    const x = [0.4];
    for (let t = 1; t < 50; t++) x.push(phi * x[t - 1] + (rng() - 0.5));
    const { sigma2, sumLogF, standardised } = armaInnovations(x, [phi], []);
    let squares = x[0] ** 2 * (1 - phi * phi);
    for (let t = 1; t < x.length; t++) squares += (x[t] - phi * x[t - 1]) ** 2;
    expect(sumLogF).toBeCloseTo(-Math.log(1 - phi * phi), 10);
    expect(sigma2).toBeCloseTo(squares / x.length, 10);
    expect(standardised[0]).toBeCloseTo(x[0] * Math.sqrt(1 - phi * phi), 10);
  });

  it("counts an MA(1)'s first value with its full variance, and forecasts as the recursion once it has learnt the errors", () => {
    // x_t = e_t + theta e_{t-1}: F_1 = 1 + theta^2 (CSS would take e_0 = 0 and F_1 = 1), then F_t
    // falls towards 1; after many values the filter's errors are the recursion e_t = x_t - theta e_{t-1}.
    const theta = 0.5;
    const rng = createRng(5);
    const x = Array.from({ length: 200 }, () => rng() - 0.5);
    const { sumLogF, standardised, state } = armaInnovations(x, [], [theta]);
    expect(standardised[0]).toBeCloseTo(x[0] / Math.sqrt(1 + theta * theta), 12);
    expect(sumLogF).toBeGreaterThan(Math.log(1 + theta * theta));
    let e = 0;
    for (const v of x) e = v - theta * e;
    const [one, two] = armaForecast(state, [], 2);
    expect(one).toBeCloseTo(theta * e, 8);
    expect(two).toBe(0);
  });
});
