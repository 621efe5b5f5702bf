'use client';
// Progress of a queued or running run: a bar, the epoch reached and what is happening, announced
// politely to screen readers as it changes.
import { Alert } from '@/components/ui/alert';
import { ProgressBar } from '@/components/ui/progress-bar';
import { RelativeTime } from '@/components/ui/relative-time';
import { formatPercent } from '@/lib/client/format';
import { useHealth } from '@/lib/client/hooks';
import { epochProgress } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';

export function LiveProgress({ run }: { run: Run }) {
  const { epoch, epochs } = epochProgress(run);
  const health = useHealth().data;
  const queued = run.status === 'queued';
  const text = queued
    ? 'Queued: waiting for a worker to pick up the run.'
    : epoch === 0
      ? 'Preparing the data and the model…'
      : `Epoch ${epoch} of ${epochs}`;

  return (
    <div className="live-progress">
      <div className="row-between">
        <span aria-live="polite" data-testid="run-progress-text">
          {text}
        </span>
        <span className="num muted">{formatPercent(run.progress)}</span>
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
          Started <RelativeTime value={run.startedAt} />. Early stopping can end training before the last epoch; the
          model is then refit on all data for the future forecast.
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
