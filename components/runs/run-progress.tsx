import { ProgressBar } from '@/components/ui/progress-bar';
import { formatPercent } from '@/lib/client/format';
import { runLabel } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';

const TONE = {
  queued: 'muted',
  running: 'accent',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'muted',
} as const;

/** A compact progress bar with its percentage, for run tables. */
export function RunProgressCell({ run }: { run: Pick<Run, 'id' | 'status' | 'progress'> }) {
  const value = run.status === 'succeeded' ? 1 : run.progress;
  return (
    <div className="progress-cell">
      <ProgressBar value={value} label={`Progress of ${runLabel(run)}`} tone={TONE[run.status]} />
      <span className="progress-value" aria-hidden="true">
        {formatPercent(value)}
      </span>
    </div>
  );
}
