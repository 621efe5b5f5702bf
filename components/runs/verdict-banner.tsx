import { describeVerdict } from '@/lib/client/verdict';
import type { Run } from '@/lib/client/types';

const ICONS = { good: '✓', neutral: 'i', bad: '!' } as const;

/**
 * The answer first: the champion and its skill against seasonal naive (headline), where the best
 * LSTM ranks, then the engine's verdict against every baseline. Green only when an LSTM won.
 */
export function VerdictBanner({ run }: { run: Pick<Run, 'metrics' | 'evaluation'> }) {
  const verdict = describeVerdict(run);
  if (verdict.tone === null) return null;
  const summary = run.evaluation?.verdict.summary;
  return (
    <div className={`verdict verdict-${verdict.tone}`} data-testid="verdict" data-tone={verdict.tone}>
      <span className="verdict-icon" aria-hidden="true">
        {ICONS[verdict.tone]}
      </span>
      <div className="stack stack-sm">
        <p data-testid="verdict-headline">
          <strong>{verdict.headline}</strong>
        </p>
        {verdict.lstmLine && (
          <p className="verdict-lstm" data-testid="verdict-lstm">
            {verdict.lstmLine}
          </p>
        )}
        {summary && (
          <p className="verdict-detail" data-testid="verdict-summary">
            {summary}
          </p>
        )}
      </div>
    </div>
  );
}
