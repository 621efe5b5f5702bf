// The exact Gaussian likelihood of a stationary ARMA process by the Kalman filter, as R's arima
// computes it for method "ML" (Gardner, Harvey & Phillips 1980; Durbin & Koopman, "Time Series
// Analysis by State Space Methods", 2012, sections 3.4 and 4.3). Conditional sums of squares
// (sarima.ts) start the MA recursion at zero errors and drop the first p + sP values; on a short
// seasonal series that start-up is a large share of the data, and a seasonal MA term, the one
// that smooths the seasonal cycle, looks worse than it is. The exact likelihood counts every value.
//
// State space in Harvey's form: the state has r = max(p, q + 1) elements, its first the value;
// T is the companion matrix of the AR coefficients, R = (1, theta_1, ..., theta_{r-1}). The first
// state's covariance is the stationary one, P = T P T' + R R', solved by doubling. Once the filter
// has learnt the state (its prediction variance F is 1 to 1e-9), P stays R R' and the filter is
// the plain ARMA recursion, which R's filter switches to as well: the long tail of a series costs
// O(r) per value instead of O(r^2).
//
// Hand-written: no maintained JavaScript package computes an ARMA likelihood (the `arima` package
// wraps ctsa's fit without exposing it, auto-arima.ts says more).

/** The filter's output for demeaned values x under AR `phi` and MA `theta` (dense, lags 1..). */
export interface ArmaInnovations {
  /** The innovation variance's estimate: mean of v_t^2 / F_t. */
  sigma2: number;
  /** Sum of log F_t (F_t: the prediction variance of x_t, in units of the innovation variance). */
  sumLogF: number;
  /** Standardised innovations v_t / sqrt(F_t), one per value. */
  standardised: Float64Array;
  /** The predicted state after the last value: forecasts start from it (armaForecast). */
  state: Float64Array;
}

/** Below this distance of F from 1 the filter has converged and runs the plain recursion. */
const CONVERGED = 1e-9;
/** Doubling steps for the stationary covariance: 2^64 transitions, far past any stable model's memory. */
const MAX_DOUBLINGS = 64;

function stateSize(phi: readonly number[], theta: readonly number[]): number {
  return Math.max(phi.length, theta.length + 1);
}

/** The companion matrix T (row-major, r x r). */
function transition(phi: readonly number[], r: number): Float64Array {
  const t = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    if (i < phi.length) t[i * r] = phi[i];
    if (i + 1 < r) t[i * r + i + 1] = 1;
  }
  return t;
}

function multiply(a: Float64Array, b: Float64Array, r: number): Float64Array {
  const c = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < r; k++) {
      const aik = a[i * r + k];
      if (aik === 0) continue;
      for (let j = 0; j < r; j++) c[i * r + j] += aik * b[k * r + j];
    }
  }
  return c;
}

function transpose(a: Float64Array, r: number): Float64Array {
  const t = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) t[j * r + i] = a[i * r + j];
  return t;
}

/**
 * The stationary state covariance: P = T P T' + R R', by doubling (P_{k+1} = P_k + A_k P_k A_k',
 * A_{k+1} = A_k^2, from P_0 = R R' and A_0 = T), which converges in log2 of the model's memory.
 */
export function stationaryCovariance(phi: readonly number[], theta: readonly number[]): Float64Array {
  const r = stateSize(phi, theta);
  const rv = Float64Array.from({ length: r }, (_, i) => (i === 0 ? 1 : (theta[i - 1] ?? 0)));
  const p = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) p[i * r + j] = rv[i] * rv[j];
  let a = transition(phi, r);
  for (let step = 0; step < MAX_DOUBLINGS; step++) {
    const increment = multiply(multiply(a, p, r), transpose(a, r), r);
    let largest = 0;
    let scale = 0;
    for (let i = 0; i < r * r; i++) {
      p[i] += increment[i];
      largest = Math.max(largest, Math.abs(increment[i]));
      scale = Math.max(scale, Math.abs(p[i]));
    }
    if (largest <= 1e-14 * scale) break;
    a = multiply(a, a, r);
  }
  // Symmetric by construction; averaging removes rounding drift.
  const symmetric = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) symmetric[i * r + j] = (p[i * r + j] + p[j * r + i]) / 2;
  return symmetric;
}

/** Runs the Kalman filter over x (values less the mean) and returns its innovations. */
export function armaInnovations(
  x: ArrayLike<number>,
  phi: readonly number[],
  theta: readonly number[],
): ArmaInnovations {
  const r = stateSize(phi, theta);
  const n = x.length;
  const rv = Float64Array.from({ length: r }, (_, i) => (i === 0 ? 1 : (theta[i - 1] ?? 0)));
  const ph = Float64Array.from({ length: r }, (_, i) => phi[i] ?? 0);
  // p: the predicted state covariance; pf: the filtered one; tp: T pf (scratch, reused every step).
  let p: Float64Array = stationaryCovariance(phi, theta);
  let pf: Float64Array = new Float64Array(r * r);
  const tp = new Float64Array(r * r);
  const filtered = new Float64Array(r);
  let a = new Float64Array(r);
  let next = new Float64Array(r);
  const standardised = new Float64Array(n);
  let sumSquares = 0;
  let sumLogF = 0;
  let converged = false;
  for (let t = 0; t < n; t++) {
    const v = x[t] - a[0];
    if (converged) {
      // P = R R': the gain is R and F is 1.
      standardised[t] = v;
      sumSquares += v * v;
      for (let i = 0; i < r; i++) next[i] = ph[i] * (a[0] + v) + (i + 1 < r ? a[i + 1] + rv[i + 1] * v : 0);
    } else {
      const f = p[0];
      // A degenerate model (the covariance lost its positive definiteness): no likelihood.
      if (!(f > 0)) return { sigma2: NaN, sumLogF: NaN, standardised, state: a };
      standardised[t] = v / Math.sqrt(f);
      sumSquares += (v * v) / f;
      sumLogF += Math.log(f);
      // Filtered state and covariance: a + P[:,0] v / F, P - P[:,0] P[0,:] / F.
      for (let i = 0; i < r; i++) filtered[i] = a[i] + (p[i * r] * v) / f;
      for (let i = 0; i < r; i++) {
        const gi = p[i * r] / f;
        for (let j = 0; j < r; j++) pf[i * r + j] = p[i * r + j] - gi * p[j * r];
      }
      // Predicted: T a, and T P T' + R R' in O(r^2) with T the companion matrix.
      for (let i = 0; i < r; i++) next[i] = ph[i] * filtered[0] + (i + 1 < r ? filtered[i + 1] : 0);
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < r; j++) tp[i * r + j] = ph[i] * pf[j] + (i + 1 < r ? pf[(i + 1) * r + j] : 0);
      }
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < r; j++) {
          pf[i * r + j] = tp[i * r] * ph[j] + (j + 1 < r ? tp[i * r + j + 1] : 0) + rv[i] * rv[j];
        }
      }
      [p, pf] = [pf, p];
      converged = Math.abs(p[0] - 1) < CONVERGED;
    }
    [a, next] = [next, a];
  }
  return { sigma2: sumSquares / n, sumLogF, standardised, state: a };
}

/** The next `steps` values of x (less the mean) from the filter's last predicted state: Z T^h a. */
export function armaForecast(state: Float64Array, phi: readonly number[], steps: number): number[] {
  const r = state.length;
  let a = Float64Array.from(state);
  const out: number[] = [];
  for (let h = 0; h < steps; h++) {
    out.push(a[0]);
    const next = new Float64Array(r);
    for (let i = 0; i < r; i++) next[i] = (phi[i] ?? 0) * a[0] + (i + 1 < r ? a[i + 1] : 0);
    a = next;
  }
  return out;
}
