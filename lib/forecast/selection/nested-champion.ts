// Honest selection (nested rolling origin). The champion a run recommends is picked on its whole
// backtest, so the backtest score of that pick flatters it: it won on those very points. Here each
// backtest window is instead forecast by the model (or average) the same selection rule picks from
// the windows before it only, and those forecasts are scored. That is the error a forecaster who
// re-ran the selection at every origin would have seen, and the score the champion is reported
// with. Windows before the first scored one (`firstScored`) only ever serve to choose.
//
// What the selection of window i may read: the actual values and forecasts of windows 0..i-1 and
// nothing else of the run (no calibration residuals: those reach into later windows).
//
// Two bars to read the score against, on the same windows: the best single model chosen with
// hindsight (no selection rule can promise to match it: it is picked on the very points it is
// scored on), and one model picked the honest way, the lowest error on the earlier windows with no
// averaging (`singlePick`): whether pooling close models paid off over betting on one. And seasonal
// naive on those windows (`reference`), so that "better than seasonal naive" compares like with like.
import { scoreBacktest, type BacktestRun } from '../backtest';
import { averageForecast, pickChampion, rankModels, type ModelBacktestRun } from '../champion';
import { modelEntry, REFERENCE_MODEL } from '../compared-models';
import { minimumPoints } from '../config';
import { accuracyMetrics } from '../metrics';
import type { AccuracyMetrics, ComparedModel, ForecastConfig, ModelRecord, NestedChampionScore } from '../types';

type Windows = ModelBacktestRun['windows'];

/** Each model's metrics pooled over `windows`: forecasts and actual values only. */
function windowMetrics(run: ModelBacktestRun, windows: Windows): ModelRecord<AccuracyMetrics> {
  const models = Object.keys(run.residuals) as ComparedModel[];
  const bare = {
    horizon: run.horizon,
    windows,
    residuals: Object.fromEntries(models.map((m) => [m, []])),
  } as unknown as BacktestRun<ComparedModel>;
  return scoreBacktest(bare).metrics as ModelRecord<AccuracyMetrics>;
}

/** The pick the selection rule makes for window `index` of `run`, from the windows before it. */
export function nestedPick(
  run: ModelBacktestRun,
  index: number,
): { members: ComparedModel[]; ensemble: boolean; best: ComparedModel } {
  if (index < 1) throw new Error('The first backtest window has no earlier window to choose on.');
  const earlier = run.windows.slice(0, index);
  const pick = pickChampion(run.horizon, earlier, windowMetrics(run, earlier));
  return { members: pick.ensemble?.members ?? [pick.best], ensemble: pick.ensemble !== undefined, best: pick.best };
}

/**
 * The nested score of the champion over the windows from `firstScored` on (every one of them that
 * has an earlier window to choose on); undefined when none has.
 */
export function nestedChampion(run: ModelBacktestRun, firstScored: number): NestedChampionScore | undefined {
  const scored: Windows = [];
  const picks: NestedChampionScore['windows'] = [];
  const singles: ComparedModel[] = [];
  const actual: number[] = [];
  const forecast: number[] = [];
  const single: number[] = [];
  const scale: number[] = [];
  for (let i = Math.max(1, firstScored); i < run.windows.length; i++) {
    const window = run.windows[i];
    const { members, ensemble, best } = nestedPick(run, i);
    const predicted = averageForecast(window.forecasts, members);
    const alone = modelEntry(window.forecasts, best);
    picks.push({ origin: window.origin, model: ensemble ? 'ensemble' : members[0], members });
    singles.push(best);
    scored.push(window);
    window.actual.forEach((a, h) => {
      actual.push(a);
      forecast.push(predicted[h]);
      single.push(alone[h]);
      scale.push(window.scale);
    });
  }
  if (scored.length === 0) return undefined;
  const metrics = accuracyMetrics(actual, forecast, scale);
  const hindsight = windowMetrics(run, scored);
  const best = rankModels(hindsight)[0];
  return {
    testMase: metrics.mase,
    metrics,
    windows: picks,
    selectionWindows: Math.max(0, firstScored),
    bestSingle: { model: best, mase: modelEntry(hindsight, best).mase },
    singlePick: { mase: accuracyMetrics(actual, single, scale).mase, models: singles },
    reference: { model: REFERENCE_MODEL, mase: modelEntry(hindsight, REFERENCE_MODEL).mase },
  };
}

/**
 * Earlier windows, used only to choose, that a run adds before its scored ones. More did not choose
 * better: replayed on the evaluation bench's series (runs of 10 backtest windows, the last 5 scored,
 * 2026-12-07), 1, 2, 3 or 5 windows before the first scored one gave the 20% pool nested ratios over
 * the best single model in hindsight of 1.114, 1.127, 1.202 and 1.200 (geometric mean over the 8
 * series), and the best model alone 1.148, 1.137, 1.119 and 1.135; which model wins the next window
 * drifts, and each window is another fit of every model.
 */
export const MAX_SELECTION_WINDOWS = 1;

/**
 * Selection-only windows that fit before `scored` backtest windows in `points` (0 when the series
 * is too short: then the first scored window is not scored for the champion, having no earlier one).
 */
export function selectionWindowsFor(
  points: number,
  config: Pick<ForecastConfig, 'lookback' | 'horizon'>,
  scored: number,
): number {
  let extra = MAX_SELECTION_WINDOWS;
  while (extra > 0 && points < minimumPoints(config, scored + extra)) extra--;
  return extra;
}
