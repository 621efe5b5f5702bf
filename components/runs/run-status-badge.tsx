import { Badge, type BadgeTone } from '@/components/ui/badge';
import { RUN_STATUS_LABEL } from '@/lib/client/run-status';
import type { RunStatus } from '@/lib/client/types';

const TONE: Record<RunStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function RunStatusBadge({ status, 'data-testid': testId }: { status: RunStatus; 'data-testid'?: string }) {
  return (
    <Badge tone={TONE[status]} live={status === 'running' || status === 'queued'} data-testid={testId}>
      {RUN_STATUS_LABEL[status]}
    </Badge>
  );
}
