// The run's answer in two sentences: which model won and by how much it beats seasonal naive
// (the champion), then where the best LSTM ranks and how far behind it is. The tone says whether
// that is good news for the question a user trains an LSTM to answer: green only when an LSTM is
// the champion and beats seasonal naive; neutral when another model wins; a warning when nothing
// beats seasonal naive. Built on the leaderboard's ranking, so the sentence and the table agree.
// How much better the champion is comes from windows it was not chosen on where the run has them
// (its nested score against seasonal naive's on the same windows): its backtest score won on the
// very points it is measured on, and would overstate the gain a user can expect.
import { honestScore } from '@/lib/forecast/selection/honest-score';
import { leaderboardRows, rankingMetric, type LeaderboardRow } from './leaderboard';
import { LSTM_FAMILY } from './models';
import type { ComparedModel, PredictionModel, Run } from './types';

export type VerdictTone = 'good' | 'neutral' | 'bad';

/** What "champion" means, for a column header's tooltip. */
export const CHAMPION_TITLE =
  "The run's recommended model: the average of the models within 20% of the lowest backtest MASE, or the best one alone when no other comes that close";

export interface Verdict {
  /** Null when there is nothing to compare (no metrics yet). */
  tone: VerdictTone | null;
  /** The champion's row (rank 1); null without metrics. */
  champion: LeaderboardRow | null;
  /** The best LSTM's row and its rank (1-based) among `of` ranked rows; null when the run has no LSTM. */
  bestLstm: (LeaderboardRow & { rank: number; of: number }) | null;
  /** Names the champion and its gain over seasonal naive (on windows it was not chosen on, where the run has them). */
  headline: string;
  /** Where the best LSTM ranks, or why the run trained none; null when it is the champion or absent. */
  lstmLine: string | null;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Names inside a sentence: "the hybrid LSTM", "MSTL", "seasonal naive". */
const SENTENCE_NAMES: Record<ComparedModel, string> = {
  lstm: 'the LSTM',
  lstmHybrid: 'the hybrid LSTM',
  lstmGlobal: 'the global LSTM',
  mstl: 'MSTL',
  ets: 'ETS',
  autoArima: 'AutoARIMA',
  theta: 'Theta',
  naive: 'naive',
  seasonalNaive: 'seasonal naive',
  drift: 'drift',
};

function sentenceName(row: LeaderboardRow): string {
  return row.model === 'ensemble'
    ? `the ${row.label.charAt(0).toLowerCase()}${row.label.slice(1)}`
    : SENTENCE_NAMES[row.model];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "23%", or "less than 1%" for a positive share that rounds to zero. */
function percent(share: number): string {
  const rounded = Math.round(share * 100);
  return rounded < 1 ? 'less than 1%' : `${rounded}%`;
}

/** The relation of `score` to `reference` (lower is better): "12% better than X" / "30% worse than X" / "level with X". */
function against(score: number, reference: number, name: string, betterWord: string, worseWord: string): string {
  if (!(reference > 0))
    return score < reference
      ? `${betterWord} ${name}`
      : score > reference
        ? `${worseWord} ${name}`
        : `level with ${name}`;
  if (score === reference) return `level with ${name}`;
  return score < reference
    ? `${percent(1 - score / reference)} ${betterWord} ${name}`
    : `${percent(score / reference - 1)} ${worseWord} ${name}`;
}

const fixed = (value: number) => value.toFixed(2);

export function describeVerdict(run: Pick<Run, 'metrics' | 'evaluation'>): Verdict {
  const none: Verdict = {
    tone: null,
    champion: null,
    bestLstm: null,
    headline: 'There are no metrics to compare yet.',
    lstmLine: null,
  };
  const metrics = run.metrics;
  if (!metrics) return none;
  const rows = leaderboardRows(metrics, run.evaluation);
  const key = rankingMetric(metrics);
  const ranked = rows.filter((row) => finite(row[key]));
  const champion = ranked.find((row) => row.champion) ?? ranked[0];
  const naive = ranked.find((row) => row.model === 'seasonalNaive');
  if (!champion || !naive) return none;
  const label = key.toUpperCase();
  const score = (row: LeaderboardRow) => row[key] as number;

  const lstmRank = ranked.findIndex((row) => (LSTM_FAMILY as readonly PredictionModel[]).includes(row.model));
  const bestLstm = lstmRank < 0 ? null : { ...ranked[lstmRank], rank: lstmRank + 1, of: ranked.length };
  const lstmWins = bestLstm !== null && bestLstm.model === champion.model;
  const honest = key === 'mase' ? honestScore(run.evaluation?.champion) : null;
  const championBeatsNaive =
    champion.model !== 'seasonalNaive' &&
    score(champion) < score(naive) &&
    (honest === null || honest.mase < honest.reference);

  const name = capitalize(sentenceName(champion));
  let headline: string;
  if (champion.model === 'seasonalNaive' || score(champion) >= score(naive))
    headline = `${name} is the champion: no model beats seasonal naive, which repeats the last season (${label} ${fixed(score(naive))}).`;
  else if (honest) {
    const windows = `${honest.windows} backtest window${honest.windows === 1 ? '' : 's'}`;
    const relation = against(honest.mase, honest.reference, 'seasonal naive', 'better than', 'worse than');
    const figures = `(${label} ${fixed(honest.mase)} vs ${fixed(honest.reference)})`;
    headline = championBeatsNaive
      ? `${name} is the champion. Chosen the same way from earlier windows only, the champion was ${relation} on ${windows} ${figures}.`
      : `${name} is the champion, but chosen the same way from earlier windows only, the champion was ${relation} on ${windows} ${figures}.`;
  } else
    headline = `${name} is the champion, ${against(score(champion), score(naive), 'seasonal naive', 'better than', 'worse than')} (${label} ${fixed(score(champion))} vs ${fixed(score(naive))}).`;

  let lstmLine: string | null = null;
  if (bestLstm && !lstmWins) {
    const behind = against(score(bestLstm), score(champion), sentenceName(champion), 'ahead of', 'behind');
    const vsNaive =
      champion.model === 'seasonalNaive'
        ? ''
        : `, ${against(score(bestLstm), score(naive), 'seasonal naive', 'better than', 'worse than')}`;
    const member =
      champion.model === 'ensemble' &&
      (run.evaluation?.champion?.members as readonly string[] | undefined)?.includes(bestLstm.model);
    lstmLine =
      `${capitalize(sentenceName(bestLstm))} is ${ordinal(bestLstm.rank)} of ${bestLstm.of}: ${behind}${vsNaive} (${label} ${fixed(score(bestLstm))}).` +
      (member ? ' It is one of the models the champion averages.' : '');
  }

  // A series too short for the LSTMs: say why none is ranked.
  if (!bestLstm && run.evaluation?.lstmSkipped) lstmLine = run.evaluation.lstmSkipped;

  const tone: VerdictTone = !championBeatsNaive ? 'bad' : lstmWins ? 'good' : 'neutral';
  return { tone, champion, bestLstm, headline, lstmLine };
}
