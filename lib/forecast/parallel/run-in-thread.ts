// Work on worker threads (node:worker_threads): a run's model groups (threads.ts), so a run uses
// more than one core, and a batch's shared global LSTM (global/shared-global-thread.ts), so the
// memory its training grows goes with its thread. HORIZON_FORECAST_THREADS=0 keeps
// everything on one thread.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { CancelledError } from '../errors';
import type { ThreadMessage } from './serve';

/** The code of the error a thread ends with when its heap outgrows its resourceLimits. */
export const THREAD_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** Whether work goes to worker threads unless told otherwise (for a run: RunContext.threads). */
export function threadsByDefault(): boolean {
  return process.env.HORIZON_FORECAST_THREADS !== '0';
}

/**
 * Runs the entry module `entry` (a TypeScript file that calls serveOnce, serve.ts) on a new worker
 * thread with `input`: its progress goes to `onProgress`, after which `shouldCancel` is asked (true
 * ends the thread and rejects with a CancelledError). The thread runs TypeScript through tsx, as
 * the worker process, the CLI and the tests do (thread.mjs). `resourceLimits` bound the thread's
 * heap (a thread past them ends with an error whose code is THREAD_OUT_OF_MEMORY). Undefined when
 * no thread can start.
 */
export function runInThread<O, P>(
  entry: URL,
  input: unknown,
  observer: {
    onProgress?: (progress: P) => void | Promise<void>;
    shouldCancel?: () => boolean | Promise<boolean>;
  } = {},
  resourceLimits?: ResourceLimits,
): { result: Promise<O>; stop(): void } | undefined {
  let worker: Worker;
  try {
    // A JavaScript entry that registers tsx itself: loaders given in execArgv do not reach the thread.
    worker = new Worker(new URL('./thread.mjs', import.meta.url), {
      workerData: { entry: entry.href },
      resourceLimits,
    });
  } catch {
    return undefined;
  }
  const result = new Promise<O>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: ThreadMessage<O, P>) => {
      if ('progress' in message) {
        void (async () => {
          try {
            await observer.onProgress?.(message.progress!);
            if (await observer.shouldCancel?.()) settle(() => reject(new CancelledError()));
          } catch (error) {
            settle(() => reject(error));
          }
        })();
        return;
      }
      settle(() => ('ok' in message ? resolve(message.ok!) : reject(new Error(message.error ?? 'The thread failed.'))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The thread exited (code ${code}) before its result.`))),
    );
  });
  worker.postMessage(input);
  return { result, stop: () => void worker.terminate() };
}
