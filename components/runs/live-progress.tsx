'use client';
// Progress of a queued or running run: a bar, the fit in progress (backtest window, scoring fit or
// refit) and its epoch, announced politely to screen readers as it changes.
import { Alert } from '@/components/ui/alert';
import { ProgressBar } from '@/components/ui/progress-bar';
import { RelativeTime } from '@/components/ui/relative-time';
import { formatPercent } from '@/lib/client/format';
import { useHealth } from '@/lib/client/hooks';
import { epochProgress, phaseText, remainingText } from '@/lib/client/run-status';
import { ordinal } from '@/lib/client/verdict';
import type { Run } from '@/lib/client/types';

export function LiveProgress({ run }: { run: Run }) {
  const { epoch, epochs } = epochProgress(run);
  // Recomputed on every poll of the run (each progress event re-renders this).
  const remaining = run.status === 'running' ? remainingText(run) : null;
  const health = useHealth().data;
  const queued = run.status === 'queued';
  const text = queued
    ? run.queuePosition
      ? `Queued: ${ordinal(run.queuePosition)} in line for a worker.`
      : 'Queued: waiting for a worker to pick up the run.'
    : epoch === 0
      ? 'Preparing the data and the model…'
      : run.progressDetail
        ? phaseText(run.progressDetail)
        : `Epoch ${epoch} of ${epochs}`;

  return (
    <div className="live-progress">
      <div className="row-between">
        <span aria-live="polite" data-testid="run-progress-text">
          {text}
        </span>
        <span className="num muted" data-testid="run-progress-percent">
          {formatPercent(run.progress)}
          {remaining && ` · ${remaining}`}
        </span>
      </div>
      <ProgressBar
        value={run.progress}
        label="Training progress"
        valueText={text}
        size="lg"
        tone={queued ? 'muted' : 'accent'}
        data-testid="run-progress"
      />
      {run.startedAt && (
        <p className="field-hint">
          Started <RelativeTime value={run.startedAt} />. The LSTM is fit once per backtest window (each scored on the
          points after it), then refit on all data for the future forecast. Early stopping can end a fit before its last
          epoch.
        </p>
      )}
      {queued && health && health.workers === 0 && (
        <Alert tone="warning" title="No worker is running">
          Runs wait in the queue until a training worker connects. Start one with <code>npm run worker</code>.
        </Alert>
      )}
    </div>
  );
}
