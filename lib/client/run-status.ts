// Facts about a run's state that several views share (badges, polling, progress text).
import type { Run, RunProgressDetail, RunStatus } from './types';

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

/** The run's own name, else a short, stable one from its id (ids are long cuids): for lists and legends. */
export function runLabel(run: Pick<Run, 'id'> & { name?: string | null }): string {
  return run.name || `Run ${run.id.slice(-6)}`;
}

/**
 * Epoch reached in the fit in progress and that fit's own budget. Each fit has its own: the
 * backtest's first gets config.epochs, warm-started ones fewer. Runs from before progressDetail
 * fall back to the evaluation fit's history and config.epochs.
 */
export function epochProgress(run: Pick<Run, 'history' | 'config' | 'progressDetail'>): {
  epoch: number;
  epochs: number;
} {
  if (run.progressDetail) return { epoch: run.progressDetail.epoch, epochs: run.progressDetail.epochs };
  const history = run.history ?? [];
  const epoch = history.length ? history[history.length - 1].epoch : 0;
  return { epoch, epochs: run.config?.epochs ?? 0 };
}

const PHASE_LABEL: Record<RunProgressDetail['phase'], string> = {
  search: 'Hyperparameter search',
  backtest: 'Backtest',
  evaluate: 'Scoring fit',
  refit: 'Refit on all data',
};

/**
 * "Backtest window 2 of 3 · epoch 4 of 15", "Scoring fit · epoch 3 of 8", "Refit on all data · epoch 2 of 8",
 * "Hyperparameter search · trial 5 of 12" (the search counts trials in epoch/epochs).
 */
export function phaseText(detail: RunProgressDetail): string {
  if (detail.phase === 'search') return `${PHASE_LABEL.search} · trial ${detail.epoch} of ${detail.epochs}`;
  const window =
    detail.phase === 'backtest' && detail.window && detail.windows
      ? ` window ${detail.window} of ${detail.windows}`
      : '';
  return `${PHASE_LABEL[detail.phase]}${window} · epoch ${detail.epoch} of ${detail.epochs}`;
}

/**
 * Time left: the epochs the run still plans (all its LSTMs' fits) times the measured time per
 * epoch, both from the worker's progressDetail: "about 3 minutes left". Runs trained by an older
 * worker, without those, fall back to elapsed time over the share done. Null while too little is
 * known to say (no epoch measured yet; under 5% or 5 seconds for the fallback), or when done.
 * Early stopping can end fits sooner, so the estimate leans long.
 */
export function remainingText(
  run: Pick<Run, 'progress' | 'startedAt' | 'progressDetail'>,
  now = Date.now(),
): string | null {
  const { progress, startedAt, progressDetail: detail } = run;
  if (!startedAt || progress >= 1) return null;
  if (detail && typeof detail.remainingEpochs === 'number') {
    return typeof detail.epochMs === 'number' ? durationLeft((detail.remainingEpochs * detail.epochMs) / 1000) : null;
  }
  if (!(progress > 0.05)) return null;
  const elapsed = now - Date.parse(startedAt);
  if (!(elapsed >= 5_000)) return null;
  return durationLeft(((elapsed / progress) * (1 - progress)) / 1000);
}

function durationLeft(seconds: number): string {
  if (seconds < 45) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'} left`;
  const hours = Math.round(minutes / 6) / 10;
  return `about ${hours} hour${hours === 1 ? '' : 's'} left`;
}
