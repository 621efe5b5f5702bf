// Plain-language lines about a run's evaluation (backtest, skill, interval coverage) for the run page.
import { formatNumber } from './format';
import type { RunEvaluation } from './types';

/** "3", or "2 of 3 asked for" when the series was too short for all of them. */
export function backtestWindowsText(backtest: RunEvaluation['backtest']): string {
  const used = backtest.windows.length;
  return used < backtest.requestedWindows ? `${used} of ${backtest.requestedWindows} asked for` : String(used);
}

/** Skill against seasonal naive as a share of its error removed: "+23%", "−12%", or "—" without MASE. */
export function skillText(skill: number | null): string {
  if (skill === null || !Number.isFinite(skill)) return '—';
  const percent = Math.round(skill * 100);
  return percent > 0 ? `+${percent}%` : percent < 0 ? `−${-percent}%` : '0%';
}

/** "83% of 21 points (aim 80%)", or why there is no figure. */
export function coverageText(coverage: { share: number | null; points: number } | undefined, level: 80 | 95): string {
  if (!coverage || coverage.share === null) return 'Too few backtest points to bound this interval';
  const points = coverage.points === 1 ? '1 point' : `${coverage.points} points`;
  return `${Math.round(coverage.share * 100)}% of ${points} (aim ${level}%)`;
}

type CoverageLevels = Record<'80' | '95', { share: number | null; points: number }>;

/**
 * What the points of a coverage figure are, so "86% of 36 points" beside "100% of 24 points" makes
 * sense: the backtest points (windows x steps) at which the model's interval was bounded, each
 * checked against an interval calibrated on the other windows' errors only. A 95% interval needs
 * more errors per step than an 80% one, so it is bounded at fewer points (often only the early
 * steps). Null without a coverage figure.
 */
export function coverageExplanation(
  backtest: Pick<RunEvaluation['backtest'], 'windows'>,
  coverage: CoverageLevels | undefined,
  model = 'the model',
): string | null {
  if (!coverage || (coverage['80'].share === null && coverage['95'].share === null)) return null;
  const windows = backtest.windows.length;
  const total = backtest.windows.reduce((sum, w) => sum + w.points, 0);
  const steps = windows > 0 ? Math.round(total / windows) : 0;
  const sentences = [
    `Coverage is counted over the ${total} backtest points (${windows} window${windows === 1 ? '' : 's'} × ${steps} ` +
      `step${steps === 1 ? '' : 's'}) where ${model}'s interval is bounded: each window is checked against an ` +
      'interval calibrated on the errors of the other windows only.',
  ];
  const [p80, p95] = [coverage['80'].points, coverage['95'].points];
  if (p80 !== p95) {
    sentences.push(
      `The 95% interval needs more past errors per step than the 80% one, so it is bounded at fewer points here ` +
        `(${p95} against ${p80}); the other ${total - p95} are left out of its figure rather than counted as hits.`,
    );
  }
  return sentences.join(' ');
}

/**
 * What averaging earned on the champion's honest windows: the MASE of one model picked the same way
 * (the lowest error on the earlier windows, no averaging) beside the champion's, as in "One model
 * picked the same way, without averaging, scores 0.816 there: averaging cost 10%." Null when every
 * pick was a single model already (the two are then the same) or the run predates the figure.
 */
export function singlePickText(
  testMase: number | null | undefined,
  nested: { windows: { model: string }[]; singlePick?: { mase: number | null } },
): string | null {
  const single = nested.singlePick?.mase;
  if (single == null || testMase == null || !nested.windows.some((w) => w.model === 'ensemble')) return null;
  const change = testMase / single - 1;
  const scores = `One model picked the same way, without averaging, scores ${formatNumber(single, 3)} there`;
  if (!Number.isFinite(change) || Math.abs(change) < 0.005) return `${scores}, level with the champion.`;
  return `${scores}: averaging ${change < 0 ? 'saved' : 'cost'} ${Math.round(Math.abs(change) * 100)}%.`;
}
