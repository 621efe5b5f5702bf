// Facts about a run's state that several views share (badges, polling, progress text).
import type { Run, RunStatus } from './types';

export const RUN_STATUS_LABEL: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Queued or running: the run can still change, so views keep polling it. */
export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** A short, stable name for a run in lists and legends (ids are long cuids). */
export function runLabel(run: Pick<Run, 'id'>): string {
  return `Run ${run.id.slice(-6)}`;
}

/** Last finished epoch of the evaluation fit and the configured maximum. */
export function epochProgress(run: Pick<Run, 'history' | 'config'>): { epoch: number; epochs: number } {
  const history = run.history ?? [];
  const epoch = history.length ? history[history.length - 1].epoch : 0;
  return { epoch, epochs: run.config?.epochs ?? 0 };
}
