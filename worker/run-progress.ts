// Training progress → the run row (what the UI polls: progress, the loss history of the plain
// LSTM's fit in progress, and the phase/epoch/window of the fit in progress) and the BullMQ job. An epoch on a small
// series takes milliseconds, so writes are throttled to at most one per interval; the last
// epoch of each fit is always written, and flush() writes whatever is still pending.
import type { Job } from 'bullmq';
import { progressDetail } from '@/lib/db/run-evaluation';
import { updateRunProgressAsSystem } from '@/lib/db/runs';
import type { EpochLog, TrainProgress } from '@/lib/forecast/types';

const MIN_WRITE_INTERVAL_MS = 500;

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
  private lastWrite = 0;

  constructor(
    private readonly job: Job,
    private readonly runId: string,
  ) {}

  /** The engine's onProgress; it awaits this, so writes never overlap. */
  async report(progress: TrainProgress): Promise<void> {
    // The plain LSTM's fits are the run's curve; the hybrid and global LSTMs report their own epochs too.
    if (progress.phase !== 'refit' && (progress.model ?? 'lstm') === 'lstm') {
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

  async flush(): Promise<void> {
    const progress = this.pending;
    if (!progress) return;
    this.pending = null;
    this.lastWrite = Date.now();
    await Promise.all([
      updateRunProgressAsSystem(this.runId, progress.progress, this.history, progressDetail(progress)),
      this.job.updateProgress({ ...progress }),
    ]);
  }
}
