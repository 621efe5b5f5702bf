// Nelder-Mead simplex minimisation (Nelder & Mead 1965, with the usual coefficients 1, 2, 1/2, 1/2),
// as R's optim() uses it for forecast::ets. Hand-written: the npm packages for it (fmin and
// similar) have been unmaintained for years, and the method is forty lines. Points outside a
// model's bounds are rejected by the objective returning Infinity, as R's ets does.

export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (the simplex is x0 plus each step along its axis). */
  steps: readonly number[];
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this, relative (R's reltol). */
  relativeTolerance?: number;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions,
): Minimum {
  const n = x0.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.relativeTolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const value = f(x);
    return Number.isNaN(value) ? Infinity : value;
  };
  const points: number[][] = [Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Array.from(x0);
    p[i] += options.steps[i];
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i] - v));
  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const spread = Math.abs(values[worst] - values[best]);
    if (Number.isFinite(values[worst]) && spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += points[order[k]][i] / n;
    const reflected = along(centroid, points[worst], -1);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      const expanded = along(centroid, points[worst], -2);
      const fe = evaluate(expanded);
      if (fe < fr) [points[worst], values[worst]] = [expanded, fe];
      else [points[worst], values[worst]] = [reflected, fr];
    } else if (fr < values[order[n - 1]]) {
      [points[worst], values[worst]] = [reflected, fr];
    } else {
      const outside = fr < values[worst];
      const contracted = along(centroid, outside ? reflected : points[worst], 0.5);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[worst])) {
        [points[worst], values[worst]] = [contracted, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          const i = order[k];
          points[i] = along(points[best], points[i], 0.5);
          values[i] = evaluate(points[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { x: points[best], value: values[best], evaluations };
}
