// The plain answer a user wants from a run: is the LSTM worth it here? Decided on the pooled
// backtest, by MASE (scale-free, so it compares windows with different levels); by MAE only when
// MASE is undefined because a training part had no variation.
import { MODEL_LABELS, SIMPLICITY_ORDER } from './compared-models';
import type { AccuracyMetrics, BaselineName, ComparedModel, Verdict } from './types';

const LABELS = MODEL_LABELS;

const BASELINE_ORDER: readonly BaselineName[] = ['naive', 'seasonalNaive', 'drift'];
/** On a tie the simpler model wins: the LSTM must be strictly better to be worth its training. */
const TIE_ORDER = SIMPLICITY_ORDER;

/** The models present in `metrics`, in tie order (older callers pass only the LSTM and baselines). */
const present = (metrics: Partial<Record<ComparedModel, AccuracyMetrics>>) =>
  TIE_ORDER.filter((m) => metrics[m] !== undefined);

function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : 'n/a';
}

function joinNames(names: readonly string[], conjunction: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/**
 * 1 - MASE(lstm) / MASE(seasonal naive): the share of seasonal naive's error the LSTM removes; NaN
 * when the run trained no LSTM.
 */
export function skillScore(
  metrics: Partial<Record<'lstm', AccuracyMetrics>> & Record<'seasonalNaive', AccuracyMetrics>,
): number {
  if (!metrics.lstm) return NaN;
  const ratio = metrics.lstm.mase / metrics.seasonalNaive.mase;
  return Number.isFinite(ratio) ? 1 - ratio : NaN;
}

/**
 * `noLstmReason` says why a run without the LSTM has none (a series too short for it, or the user
 * left it out). Baselines the run left out (config.models) are neither beaten nor named.
 */
export function decideVerdict(
  metrics: Partial<Record<ComparedModel, AccuracyMetrics>> & Record<'seasonalNaive', AccuracyMetrics>,
  windows: number,
  noLstmReason = 'the series is too short for it',
): Verdict {
  const models = present(metrics);
  const byMase = models.every((m) => Number.isFinite(metrics[m]!.mase));
  const key: 'mase' | 'mae' = byMase ? 'mase' : 'mae';
  const score = (m: ComparedModel) => metrics[m]![key];
  const windowsText = windows === 1 ? 'the one backtest window' : `a ${windows}-window backtest`;
  const baselines = BASELINE_ORDER.filter((b) => metrics[b] !== undefined);
  const scores = baselines.map((b) => `${LABELS[b]} ${format(score(b))}`).join(', ');
  const bestModel = models.reduce((best, m) => (score(m) < score(best) ? m : best));

  if (!metrics.lstm) {
    // A series too short for the LSTMs: the classical models and baselines were compared alone.
    const best = `${LABELS[bestModel][0].toUpperCase()}${LABELS[bestModel].slice(1)}`;
    const sentences = [
      `No LSTM was trained (${noLstmReason}). ${best} is the most accurate model on ${windowsText} ` +
        `(${key.toUpperCase()} ${format(score(bestModel))} vs ${scores}).`,
    ];
    if (!byMase) sentences.push('Compared by MAE: MASE is undefined because a training part has no variation.');
    if (windows === 1) sentences.push('One window is weak evidence; a longer series allows more.');
    return { beatsNaive: false, beatsSeasonalNaive: false, beatsDrift: false, bestModel, summary: sentences.join(' ') };
  }

  const beats = (baseline: BaselineName) => metrics[baseline] !== undefined && score('lstm') < score(baseline);
  const beaten = baselines.filter(beats).map((b) => LABELS[b]);
  const unbeaten = baselines.filter((b) => !beats(b)).map((b) => LABELS[b]);

  const lead =
    unbeaten.length === 0
      ? 'The LSTM beats every baseline'
      : beaten.length === 0
        ? 'The LSTM does not beat any baseline'
        : `The LSTM beats ${joinNames(beaten, 'and')} but not ${joinNames(unbeaten, 'or')}`;
  const sentences = [`${lead} on ${windowsText} (${key.toUpperCase()} ${format(score('lstm'))} vs ${scores}).`];
  if (bestModel !== 'lstm') {
    sentences.push(
      `${LABELS[bestModel][0].toUpperCase()}${LABELS[bestModel].slice(1)} is the most accurate single model here; prefer it to the LSTM.`,
    );
  }
  if (!byMase) sentences.push('Compared by MAE: MASE is undefined because a training part has no variation.');
  if (windows === 1) sentences.push('One window is weak evidence; a longer series allows more.');

  return {
    beatsNaive: beats('naive'),
    beatsSeasonalNaive: beats('seasonalNaive'),
    beatsDrift: beats('drift'),
    bestModel,
    summary: sentences.join(' '),
  };
}
