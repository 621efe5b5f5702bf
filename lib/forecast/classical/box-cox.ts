// Box-Cox transform with Guerrero's (1993) choice of lambda, as R's forecast::BoxCox.lambda: the
// lambda that makes the ratio sd / mean^(1 - lambda) of the series' seasonal (or 2-value)
// subseries most nearly constant. Used where the series is positive and its spread grows with its
// level (lambda well below 1); the forecast is transformed back (the median, as R's default).
// A dozen lines of arithmetic: no npm package for it is worth a dependency.

/** Below this Guerrero lambda the spread clearly grows with the level: transform. */
const TRANSFORM_BELOW = 0.5;
/** Lambdas below 0 (stronger than log) make back-transformed forecasts explode: floor at log. */
const LOWEST_LAMBDA = 0;

function mean(v: readonly number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}

function sd(v: readonly number[]): number {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
}

/** Guerrero's coefficient of variation of sd / mean^(1 - lambda) over subseries of `period` values. */
function guerreroCv(x: readonly number[], lambda: number, period: number): number {
  const cycles = Math.floor(x.length / period);
  const start = x.length - cycles * period;
  const ratios: number[] = [];
  for (let c = 0; c < cycles; c++) {
    const chunk = x.slice(start + c * period, start + (c + 1) * period);
    ratios.push(sd(chunk) / mean(chunk) ** (1 - lambda));
  }
  return sd(ratios) / mean(ratios);
}

/** R's BoxCox.lambda(x, method = "guerrero", lower = -1, upper = 2), by golden-section search. */
export function guerreroLambda(x: readonly number[], season: number): number {
  const period = Math.round(Math.max(2, season));
  let lower = -1;
  let upper = 2;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = upper - ratio * (upper - lower);
  let b = lower + ratio * (upper - lower);
  let fa = guerreroCv(x, a, period);
  let fb = guerreroCv(x, b, period);
  while (upper - lower > 1e-4) {
    if (fa < fb) {
      upper = b;
      b = a;
      fb = fa;
      a = upper - ratio * (upper - lower);
      fa = guerreroCv(x, a, period);
    } else {
      lower = a;
      a = b;
      fa = fb;
      b = lower + ratio * (upper - lower);
      fb = guerreroCv(x, b, period);
    }
  }
  return (lower + upper) / 2;
}

/** A positive series with at least four subseries whose spread grows with the level. */
export function shouldTransform(x: readonly number[], season: number): boolean {
  const period = Math.round(Math.max(2, season));
  if (x.length < 4 * period || !x.every((v) => v > 0)) return false;
  const lambda = guerreroLambda(x, season);
  return Number.isFinite(lambda) && lambda < TRANSFORM_BELOW;
}

/** The lambda a classical model uses: Guerrero's, floored at log. */
export function transformLambda(x: readonly number[], season: number): number {
  return Math.max(LOWEST_LAMBDA, guerreroLambda(x, season));
}

export function boxCox(x: readonly number[], lambda: number): number[] {
  return x.map((v) => (lambda === 0 ? Math.log(v) : (v ** lambda - 1) / lambda));
}

export function inverseBoxCox(x: readonly number[], lambda: number): number[] {
  // A transformed value below -1/lambda has no real inverse: it is held at the floor (value 0).
  return x.map((v) => (lambda === 0 ? Math.exp(v) : Math.max(lambda * v + 1, 0) ** (1 / lambda)));
}
