// Choosing the LSTM's transform on validation: every applicable transform gets a short trial fit
// (lstm-forecaster.ts runs them), each trial forecasts the same validation origins, and the errors
// are compared in the series' own units, so a log or a difference is judged on what users see.
// The test window is never involved: the trials only see the first backtest fit's training values.
import { TRANSFORM_NAMES, type TransformName } from './transforms';

/** How much lower a more involved transform's validation MAE must be to be picked over a simpler one. */
export const MIN_IMPROVEMENT = 0.05;

export interface TransformTrial {
  transform: TransformName;
  /** Mean absolute error over the validation origins; undefined if the transform was not tried. */
  validationMae?: number;
  /** Why it was not tried. */
  skipped?: string;
  /** Its validation MAE after the full first fit, for the two transforms that got one. */
  fullFitValidationMae?: number;
}

export interface TransformChoice {
  transform: TransformName;
  /** One sentence for the run page: the errors that decided it, or why there was no choice. */
  reason: string;
  trials: TransformTrial[];
}

function format(mae: number): string {
  return mae.toPrecision(3);
}

/**
 * The transform with the lowest validation MAE, except that a simpler one (earlier in
 * TRANSFORM_NAMES) is kept unless the other beats it by MIN_IMPROVEMENT: a trial fit is short
 * and noisy, and a transform that buys nothing only adds ways to go wrong.
 */
export function pickTransform(trials: readonly TransformTrial[], validationOrigins: number): TransformChoice {
  const tried = trials
    .filter((t): t is TransformTrial & { validationMae: number } => Number.isFinite(t.validationMae))
    .sort((a, b) => TRANSFORM_NAMES.indexOf(a.transform) - TRANSFORM_NAMES.indexOf(b.transform));
  if (tried.length === 0) throw new Error('No transform could be tried.');
  let best = tried[0];
  for (const trial of tried.slice(1)) {
    if (trial.validationMae < best.validationMae * (1 - MIN_IMPROVEMENT)) best = trial;
  }
  const others = tried.filter((t) => t !== best).map((t) => `${t.transform} ${format(t.validationMae)}`);
  const skipped = trials.filter((t) => t.skipped).map((t) => `${t.transform} not tried: ${t.skipped}`);
  const reason =
    others.length === 0
      ? `${best.transform}: the only transform that applies (${skipped.join('; ')}).`
      : `${best.transform}: validation MAE ${format(best.validationMae)} against ${others.join(', ')} ` +
        `over ${validationOrigins} validation forecasts` +
        (best.transform === 'none' ? '' : ` (simpler transforms are kept unless ${MIN_IMPROVEMENT * 100}% worse)`) +
        (skipped.length > 0 ? `; ${skipped.join('; ')}.` : '.');
  return { transform: best.transform, reason, trials: [...trials] };
}

/**
 * The origins every trial is scored on: the last `count` origins whose `horizon` steps end within
 * `points`, spread evenly when there are more than `maxOrigins`.
 */
export function validationOrigins(points: number, horizon: number, count: number, maxOrigins: number): number[] {
  const last = points - horizon;
  const first = last - count + 1;
  const n = Math.min(count, maxOrigins);
  if (n <= 0) return [];
  if (n === 1) return [last];
  return Array.from({ length: n }, (_, k) => first + Math.round((k * (last - first)) / (n - 1)));
}
