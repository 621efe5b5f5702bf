// The plain-language answer to "is the LSTM worth it?": its error on the held-out window against
// the seasonal-naive baseline. MASE is compared when both are finite (it is undefined when the
// training part has no seasonal variation); MAE otherwise.
import type { RunMetrics } from './types';

export interface Verdict {
  /** null when there is nothing to compare. */
  beats: boolean | null;
  /** Relative error reduction of the LSTM, e.g. 0.23 for 23% lower; negative when worse. */
  improvement: number | null;
  text: string;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function describeVerdict(metrics: RunMetrics | null | undefined): Verdict {
  const lstm = metrics?.lstm;
  const naive = metrics?.seasonalNaive;
  const metric = finite(lstm?.mase) && finite(naive?.mase) ? 'mase' : finite(lstm?.mae) && finite(naive?.mae) ? 'mae' : null;
  const ours = metric && lstm?.[metric];
  const theirs = metric && naive?.[metric];
  if (!metric || !finite(ours) || !finite(theirs)) {
    return { beats: null, improvement: null, text: 'There are no metrics to compare yet.' };
  }
  const label = metric.toUpperCase();
  const numbers = `(${label} ${ours.toFixed(2)} vs ${theirs.toFixed(2)})`;
  const improvement = theirs > 0 ? 1 - ours / theirs : null;

  if (ours < theirs) {
    const percent = improvement === null ? null : Math.round(improvement * 100);
    const by = percent === null ? '' : percent < 1 ? ' by less than 1%' : ` by ${percent}%`;
    return { beats: true, improvement, text: `The LSTM beats the seasonal-naive baseline${by} ${numbers}.` };
  }
  return { beats: false, improvement, text: `The LSTM does NOT beat the seasonal-naive baseline ${numbers}.` };
}
