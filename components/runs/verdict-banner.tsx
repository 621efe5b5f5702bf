import { describeVerdict } from '@/lib/client/verdict';
import type { Run } from '@/lib/client/types';

/**
 * The answer first: does the LSTM beat the seasonal-naive baseline (headline), then the engine's
 * verdict against every baseline. Runs from before the engine verdict show the headline only.
 */
export function VerdictBanner({ run }: { run: Pick<Run, 'metrics' | 'evaluation'> }) {
  const verdict = describeVerdict(run.metrics);
  if (verdict.beats === null) return null;
  const summary = run.evaluation?.verdict.summary;
  return (
    <div className={`verdict ${verdict.beats ? 'verdict-good' : 'verdict-bad'}`} data-testid="verdict">
      <span className="verdict-icon" aria-hidden="true">
        {verdict.beats ? '✓' : '!'}
      </span>
      <div className="stack stack-sm">
        <p>{verdict.text}</p>
        {summary && (
          <p className="verdict-detail" data-testid="verdict-summary">
            {summary}
          </p>
        )}
      </div>
    </div>
  );
}
