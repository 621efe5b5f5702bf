// Fitting a group of models on a worker thread (node:worker_threads), so a run uses more than one
// core: the classical models and baselines on one, the hybrid LSTM on another, while the plain
// LSTM trains on the run's own thread. HORIZON_FORECAST_THREADS=0 keeps everything on one thread.
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../errors';
import type { ComparedModel, TrainProgress } from '../types';
import { fitGroup, type GroupInput, type GroupOutput } from './model-group';

/** Whether runs fit model groups on worker threads unless told otherwise (RunContext.threads). */
export function threadsByDefault(): boolean {
  return process.env.HORIZON_FORECAST_THREADS !== '0';
}

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

type GroupMessage = { ok?: GroupOutput; error?: string; progress?: { model: ComparedModel; progress: TrainProgress } };

/**
 * Fits `input` on a new worker thread. The thread runs TypeScript through tsx, as the worker
 * process, the CLI and the tests do (group-thread.mjs); where a thread cannot start, the group is
 * fit here instead.
 */
export function fitGroupInThread(input: GroupInput, observer: GroupObserver = {}): ThreadedGroup {
  let worker: Worker;
  try {
    // A JavaScript entry that registers tsx itself: loaders given in execArgv do not reach the thread.
    worker = new Worker(new URL('./group-thread.mjs', import.meta.url));
  } catch {
    return {
      result: fitGroup(input, (model) => ({
        onProgress: (p) => observer.onProgress?.(model, p),
        shouldCancel: observer.shouldCancel,
      })),
      stop: () => {},
    };
  }
  const result = new Promise<GroupOutput>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: GroupMessage) => {
      if (message.progress) {
        const { model, progress } = message.progress;
        void (async () => {
          try {
            await observer.onProgress?.(model, progress);
            if (await observer.shouldCancel?.()) settle(() => reject(new CancelledError()));
          } catch (error) {
            settle(() => reject(error));
          }
        })();
        return;
      }
      settle(() => (message.ok ? resolve(message.ok) : reject(new Error(message.error ?? 'The model thread failed.'))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The model thread exited (code ${code}) before its result.`))),
    );
  });
  worker.postMessage(input);
  return { result, stop: () => void worker.terminate() };
}
