// The thread's side of runInThread (run-in-thread.ts): an entry module hands serveOnce the work it does
// with the one input its parent posts; progress and the result (or the error's message) go back
// as messages.
import { parentPort } from 'node:worker_threads';

/** What a thread posts to its parent. */
export type ThreadMessage<O, P> = { ok?: O; error?: string; progress?: P };

export function serveOnce<I, O, P>(work: (input: I, progress: (p: P) => void) => Promise<O>): void {
  const post = (message: ThreadMessage<O, P>) => parentPort!.postMessage(message);
  parentPort?.once('message', async (input: I) => {
    try {
      post({ ok: await work(input, (progress) => post({ progress })) });
    } catch (error) {
      post({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}
