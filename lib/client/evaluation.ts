// Plain-language lines about a run's evaluation (backtest, skill, interval coverage) for the run page.
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
