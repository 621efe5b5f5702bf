// Training progress → the run row (what the UI polls: progress, the loss history of the plain
// LSTM's fit in progress, and the phase/epoch/window of the fit in progress) and the BullMQ job. An epoch on a small
// series takes milliseconds, so writes are throttled to at most one per interval; the last
// epoch of each fit is always written, and flush() writes whatever is still pending.
//
// Reports can arrive while a write is in flight: a run's model groups train on threads of their
// own and report independently. Writes therefore go one after another, each taking the newest
// pending report, so the stored progress never moves back (two overlapping UPDATEs could commit
// in either order).
import type { Job } from 'bullmq';
import { progressDetail, type RunProgressDetail } from '@/lib/db/run-evaluation';
import { updateRunProgressAsSystem } from '@/lib/db/runs';
import type { EpochLog, TrainProgress } from '@/lib/forecast/types';
import { EpochPace } from './epoch-pace';

const MIN_WRITE_INTERVAL_MS = 500;

/** One write of a run's progress: the engine's report, the curve so far and the detail the run page shows. */
export interface ProgressWrite {
  progress: TrainProgress;
  history: EpochLog[];
  detail: RunProgressDetail;
}

/** Writes to the run's row and to its BullMQ job (whose progress event wakes the run's event streams). */
export function runProgressWriter(job: Job, runId: string): (write: ProgressWrite) => Promise<void> {
  return async ({ progress, history, detail }) => {
    await Promise.all([
      updateRunProgressAsSystem(runId, progress.progress, history, detail),
      job.updateProgress({ ...progress }),
    ]);
  };
}

export class RunProgress {
  /**
   * Loss per epoch of the plain LSTM's backtest fit in progress, from the first epoch of the first
   * window on; each window's fit starts a new curve, and the last one (the evaluation fit) is the
   * history the finished run keeps, so the refit leaves it in place.
   */
  private history: EpochLog[] = [];
  /** Which fit `history` belongs to: phase and backtest window. */
  private fit = '';
  private pending: TrainProgress | null = null;
  /** Measured time per epoch, for the run page's estimate (progressDetail.epochMs). */
  private readonly pace = new EpochPace();
  private lastWrite = 0;
  /** The write in flight (or the last one); the next waits for it. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (write: ProgressWrite) => Promise<void>) {}

  /** The engine's onProgress. */
  async report(progress: TrainProgress): Promise<void> {
    this.pace.record(progress);
    // The plain LSTM's fits are the run's curve; the hybrid and global LSTMs report their own epochs too.
    if (progress.phase !== 'refit' && progress.phase !== 'search' && (progress.model ?? 'lstm') === 'lstm') {
      const fit = `${progress.phase} ${progress.window ?? ''}`;
      if (fit !== this.fit) {
        this.fit = fit;
        this.history = [];
      }
      const { epoch, loss, valLoss } = progress;
      this.history.push(valLoss === undefined ? { epoch, loss } : { epoch, loss, valLoss });
    }
    this.pending = progress;
    const lastEpoch = progress.epoch >= progress.epochs;
    if (lastEpoch || Date.now() - this.lastWrite >= MIN_WRITE_INTERVAL_MS) await this.flush();
  }

  /** Writes the newest pending report, after any write in flight. */
  flush(): Promise<void> {
    this.lastWrite = Date.now();
    const next = this.writing.then(() => this.writePending());
    // A failed write fails its caller, not the writes after it.
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writePending(): Promise<void> {
    const progress = this.pending;
    if (!progress) return;
    this.pending = null;
    await this.write({
      progress,
      history: [...this.history],
      detail: progressDetail(progress, this.pace.epochMs),
    });
  }
}
