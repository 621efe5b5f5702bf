// Why a queued or running run is on a second (or later) attempt, in the worker's words: "The worker
// stopped in the middle of attempt 1 (it was killed or crashed); retrying, attempt 2 of 3." The
// worker keeps the reason in the run's `error` while the run is active (worker/interruption.ts,
// worker/processors/train.ts); a finished run's error is shown by the page itself.
import { Alert } from '@/components/ui/alert';
import { isActive } from '@/lib/client/run-status';
import type { Run } from '@/lib/client/types';

export function RetryNotice({ run }: { run: Pick<Run, 'status' | 'error'> }) {
  if (!isActive(run.status) || !run.error) return null;
  return (
    <Alert tone="warning" title="Retrying" data-testid="run-retry">
      {run.error}
    </Alert>
  );
}
