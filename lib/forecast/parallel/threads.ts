// Fitting a group of models on a worker thread (node:worker_threads), so a run uses a second core:
// the classical models and baselines there while the LSTM family trains on the run's own thread.
// HORIZON_FORECAST_THREADS=0 keeps everything on one thread.
import { Worker } from 'node:worker_threads';
import { fitGroup, type GroupInput, type GroupOutput } from './model-group';

/** Whether runs fit a model group on a worker thread unless told otherwise (RunContext.threads). */
export function threadsByDefault(): boolean {
  return process.env.HORIZON_FORECAST_THREADS !== '0';
}

export interface ThreadedGroup {
  result: Promise<GroupOutput>;
  /** Stops the thread (after an error or a cancel elsewhere in the run); harmless once done. */
  stop(): void;
}

/**
 * Fits `input` on a new worker thread. The thread runs TypeScript through tsx, as the worker
 * process, the CLI and the tests do (group-thread.mjs); where a thread cannot start, the group is
 * fit here instead.
 */
export function fitGroupInThread(input: GroupInput): ThreadedGroup {
  let worker: Worker;
  try {
    // A JavaScript entry that registers tsx itself: loaders given in execArgv do not reach the thread.
    worker = new Worker(new URL('./group-thread.mjs', import.meta.url));
  } catch {
    return { result: fitGroup(input), stop: () => {} };
  }
  const result = new Promise<GroupOutput>((resolve, reject) => {
    worker.once('message', (message: { ok?: GroupOutput; error?: string }) => {
      if (message.ok) resolve(message.ok);
      else reject(new Error(message.error ?? 'The model thread failed.'));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The model thread exited (code ${code}) before its result.`)));
  });
  worker.postMessage(input);
  return { result, stop: () => void worker.terminate() };
}
