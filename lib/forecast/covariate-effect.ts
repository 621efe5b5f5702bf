// What covariates and holidays did for a run (issue 22), measured rather than assumed: the run's
// best LSTM is backtested a second time without them, on the same origins, windows and seed, and
// both are scored alike. The sentence says which way it went, also when they made it worse.
import { runBacktest, scoreBacktest, scoredPart } from './backtest';
import { modelInfo } from './compared-models';
import type { CovariateBlock } from './covariates';
import { MODEL_REGISTRY, type ModelContext } from './registry';
import type { AccuracyMetrics, CovariateEffect, LstmFamilyName } from './types';

/** Changes smaller than this (relative) are called "no real difference". */
const NEGLIGIBLE = 0.02;

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What the run added, in words: "promo, price and the US holiday calendar". */
export function inputsPhrase(covariates: string[], holidays: string | null): string {
  return list([...covariates, ...(holidays ? [`the ${holidays} holiday calendar`] : [])]);
}

/** The effect record from the two backtest errors. */
export function describeEffect(
  model: LstmFamilyName,
  block: Pick<CovariateBlock, 'covariateNames' | 'holidayCalendar'>,
  withCovariates: AccuracyMetrics,
  without: AccuracyMetrics,
): CovariateEffect {
  const metric = Number.isFinite(withCovariates.mase) && Number.isFinite(without.mase) ? 'mase' : 'mae';
  const a = withCovariates[metric];
  const b = without[metric];
  const change = b > 0 ? (a - b) / b : 0;
  const holidays = block.holidayCalendar ?? null;
  const what = inputsPhrase(block.covariateNames, holidays);
  const them = block.covariateNames.length + (holidays ? 1 : 0) === 1 ? 'it' : 'them';
  const name = metric.toUpperCase();
  const label = modelInfo(model).label;
  const numbers = `${b.toPrecision(3)} → ${a.toPrecision(3)}`;
  const percent = `${Math.round(Math.abs(change) * 100)}%`;
  const sentence =
    Math.abs(change) < NEGLIGIBLE
      ? `${capitalise(what)} made no real difference to the ${label}'s backtest ${name} (${numbers}).`
      : change < 0
        ? `${capitalise(what)} cut the ${label}'s backtest ${name} by ${percent} (${numbers}).`
        : `${capitalise(what)} made the ${label}'s backtest ${name} worse by ${percent} (${numbers}): it forecasts better without ${them}.`;
  return { model, covariates: block.covariateNames, holidays, metric, withMase: a, withoutMase: b, change, sentence };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Backtests `model` again without covariates and holidays over `origins` (the run's), scoring the
 * windows from `scoredFrom` on as the run does, and describes the difference to `withCovariates`.
 */
export async function covariateEffect(
  model: LstmFamilyName,
  context: Omit<ModelContext, 'covariates'> & { covariates: CovariateBlock },
  origins: readonly number[],
  scoredFrom: number,
  withCovariates: AccuracyMetrics,
): Promise<CovariateEffect> {
  const { covariates: block, ...plain } = context;
  const run = MODEL_REGISTRY[model].create(plain);
  try {
    const backtest = await runBacktest(context.data.v, context.config.horizon, origins, context.season.length, {
      [model]: run.fit,
    } as Record<LstmFamilyName, typeof run.fit>);
    const without = scoreBacktest(scoredPart(backtest, scoredFrom)).metrics[model];
    return describeEffect(model, block, withCovariates, without);
  } finally {
    run.dispose();
  }
}
