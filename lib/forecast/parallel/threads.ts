// Fitting a group of a run's models on a worker thread (runInThread, run-in-thread.ts), so a run
// uses more than one core: the classical models and baselines on one, the hybrid LSTM on another,
// while the plain LSTM trains on the run's own thread.
import type { ComparedModel, TrainProgress } from '../types';
import { fitGroup, type GroupInput, type GroupOutput } from './model-group';
import { runInThread } from './run-in-thread';

export interface ThreadedGroup {
  result: Promise<GroupOutput>;
  /** Stops the thread (after an error or a cancel elsewhere in the run); harmless once done. */
  stop(): void;
}

/** What the run's thread hears from a group: its LSTMs' progress, and whether to cancel. */
export interface GroupObserver {
  onProgress?: (model: ComparedModel, progress: TrainProgress) => void | Promise<void>;
  /** Asked after each progress report; true ends the thread and rejects with a CancelledError. */
  shouldCancel?: () => boolean | Promise<boolean>;
}

/** Fits `input` on a new worker thread (group-thread.ts); where a thread cannot start, here instead. */
export function fitGroupInThread(input: GroupInput, observer: GroupObserver = {}): ThreadedGroup {
  const thread = runInThread<GroupOutput, { model: ComparedModel; progress: TrainProgress }>(
    new URL('./group-thread.ts', import.meta.url),
    input,
    {
      onProgress: ({ model, progress }) => observer.onProgress?.(model, progress),
      shouldCancel: observer.shouldCancel,
    },
  );
  return (
    thread ?? {
      result: fitGroup(input, (model) => ({
        onProgress: (p) => observer.onProgress?.(model, p),
        shouldCancel: observer.shouldCancel,
      })),
      stop: () => {},
    }
  );
}
