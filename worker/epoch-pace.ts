// How long an epoch takes, measured as the run trains: the time between consecutive epochs of
// the same fit (same LSTM, phase and backtest window), smoothed. Gaps between fits (data
// preparation, the classical models, forecasting) are not epochs and are left out. With the
// engine's planned remaining epochs this gives the run page its time estimate.
import type { TrainProgress } from '@/lib/forecast/types';

/** Weight of the newest epoch in the running mean: recent epochs say most about the next ones. */
const SMOOTHING = 0.3;

export class EpochPace {
  private fit = '';
  private lastEpoch = 0;
  private lastAt = 0;
  private mean: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Records an epoch's end; call once per engine progress report. */
  record(progress: Pick<TrainProgress, 'model' | 'phase' | 'window' | 'epoch'>): void {
    const at = this.now();
    const fit = `${progress.model ?? 'lstm'} ${progress.phase} ${progress.window ?? ''}`;
    if (fit === this.fit && progress.epoch > this.lastEpoch) {
      const sample = (at - this.lastAt) / (progress.epoch - this.lastEpoch);
      this.mean = this.mean === undefined ? sample : SMOOTHING * sample + (1 - SMOOTHING) * this.mean;
    }
    this.fit = fit;
    this.lastEpoch = progress.epoch;
    this.lastAt = at;
  }

  /** Milliseconds per epoch, once two epochs of one fit have been seen. */
  get epochMs(): number | undefined {
    return this.mean === undefined ? undefined : Math.round(this.mean);
  }
}
