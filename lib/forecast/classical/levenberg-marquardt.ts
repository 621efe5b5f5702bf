// Levenberg-Marquardt for small nonlinear least-squares problems: minimises the sum of squares of a
// residual vector r(x) over a few parameters (an ARIMA's coefficients under conditional sum of
// squares, sarima.ts), with a forward-difference Jacobian, Marquardt's diagonal scaling and
// Nielsen's damping update (Madsen, Nielsen & Tingleff, "Methods for non-linear least squares
// problems", 2004, algorithm 3.16). A point where r is undefined (outside the admissible region)
// is a rejected step. It stops when a step lowers the sum by less than a relative tolerance (R's
// `reltol`), the same stopping rule as nelder-mead.ts.
//
// Hand-written: the maintained JavaScript implementation (ml-levenberg-marquardt) fits curves
// y = f(x; p) and stops only at an absolute error or its iteration cap, and has no way to reject
// a step outside a region; this file is ~100 lines of textbook algorithm.

/** The residuals at x, or undefined where x is not admissible. */
export type Residuals = (x: readonly number[]) => Float64Array | undefined;

export interface LeastSquaresOptions {
  maxIterations?: number;
  /** Stop when an accepted step lowers the sum of squares by less than this, relative. */
  relativeTolerance?: number;
}

export interface LeastSquaresMinimum {
  x: number[];
  /** Sum of squared residuals at x. */
  value: number;
  /** Residual vectors computed (the Jacobian's included). */
  evaluations: number;
}

const sumOfSquares = (r: Float64Array) => {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
};

const dot = (u: Float64Array, v: Float64Array) => {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
};

/** Solves the symmetric positive definite system a x = b (Cholesky); undefined when a is not. */
function solveSpd(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

/** Minimises sum(r(x)^2) from x0, which must be admissible. */
export function levenbergMarquardt(
  residuals: Residuals,
  x0: readonly number[],
  { maxIterations = 100, relativeTolerance = 1e-8 }: LeastSquaresOptions = {},
): LeastSquaresMinimum {
  const n = x0.length;
  let x = Array.from(x0);
  let r = residuals(x);
  let evaluations = 1;
  if (!r) throw new Error('Levenberg-Marquardt needs an admissible starting point.');
  let value = sumOfSquares(r);
  let damping = -1;
  let growth = 2;
  for (let iteration = 0; iteration < maxIterations && n > 0; iteration++) {
    // Forward differences, backward where a forward step leaves the admissible region.
    const jacobian: Float64Array[] = [];
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(x[j]));
      const shifted = Array.from(x);
      shifted[j] += h;
      let rj = residuals(shifted);
      let sign = 1;
      if (!rj) {
        shifted[j] = x[j] - h;
        rj = residuals(shifted);
        sign = -1;
      }
      evaluations++;
      if (!rj) return { x, value, evaluations };
      const column = new Float64Array(r.length);
      for (let i = 0; i < r.length; i++) column[i] = (sign * (rj[i] - r[i])) / h;
      jacobian.push(column);
    }
    const a = jacobian.map(() => new Array<number>(n).fill(0));
    const gradient = new Array<number>(n).fill(0);
    for (let p = 0; p < n; p++) {
      const cp = jacobian[p];
      for (let q = 0; q <= p; q++) a[p][q] = a[q][p] = dot(cp, jacobian[q]);
      gradient[p] = dot(cp, r);
    }
    if (damping < 0) damping = 1e-3 * Math.max(...a.map((row, i) => row[i]));
    let accepted = false;
    for (let attempt = 0; attempt < 30 && !accepted; attempt++) {
      const scaled = a.map((row, i) => row.map((v, j) => (i === j ? v + damping * Math.max(v, 1e-12) : v)));
      const step = solveSpd(
        scaled,
        gradient.map((g) => -g),
      );
      const candidate = step && x.map((v, i) => v + step[i]);
      const rc = candidate && residuals(candidate);
      if (candidate) evaluations++;
      const vc = rc ? sumOfSquares(rc) : Infinity;
      if (step && rc && vc < value) {
        // Gain ratio: actual against predicted decrease (Nielsen's update of the damping).
        let predicted = 0;
        for (let i = 0; i < n; i++) predicted += step[i] * (damping * Math.max(a[i][i], 1e-12) * step[i] - gradient[i]);
        const rho = (value - vc) / Math.max(predicted, 1e-300);
        damping *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        growth = 2;
        const improvement = value - vc;
        x = candidate;
        r = rc;
        value = vc;
        accepted = true;
        if (improvement <= relativeTolerance * (value + relativeTolerance)) return { x, value, evaluations };
      } else {
        damping *= growth;
        growth *= 2;
      }
    }
    if (!accepted) break;
  }
  return { x, value, evaluations };
}
