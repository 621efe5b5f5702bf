// The server-sent event stream of one run (GET /api/runs/:id/events): the run as GET
// /api/runs/:id answers it, sent at once, again whenever it changes, and the stream ends after a
// finished status. Changes are noticed from the training queue's events (progress, completion,
// failure) and, as a fallback, by re-reading every few seconds: a cancellation or a scheduled
// run whose job id is not the run id never shows up in the queue's events for this run.
import { getRunAsSystem, isFinished, type Run } from '@/lib/db/runs';
import { onRunChange } from '@/lib/queue/run-events';
import { withQueuePosition } from './queue-position';

export interface RunStreamOptions {
  /** Ends the stream (and frees its listeners) when the client goes away. */
  signal: AbortSignal;
  fallbackIntervalMs?: number;
  heartbeatIntervalMs?: number;
}

const FALLBACK_INTERVAL_MS = 5_000;
// Proxies drop connections that stay silent for long; a comment line keeps them open.
const HEARTBEAT_INTERVAL_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 3_000;

export function runEventStream(
  first: Run,
  { signal, fallbackIntervalMs = FALLBACK_INTERVAL_MS, heartbeatIntervalMs = HEARTBEAT_INTERVAL_MS }: RunStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastSent = '';
      let reading = false;
      let readAgain = false;

      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };

      const send = (run: Run) => {
        const data = JSON.stringify(run);
        if (data === lastSent) return; // a re-read without a change
        lastSent = data;
        write(`event: run\ndata: ${data}\n\n`);
        if (isFinished(run.status)) finish();
      };

      // Re-reads never overlap: notices arriving during a read coalesce into one more read.
      const refresh = async () => {
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        try {
          do {
            readAgain = false;
            const stored = await getRunAsSystem(first.id);
            if (closed) return;
            if (!stored) {
              finish(); // deleted while watched
              return;
            }
            // A queued run's place changes as runs ahead start: the fallback re-read sends it.
            const run = await withQueuePosition(stored);
            if (closed) return;
            send(run);
          } while (readAgain && !closed);
        } catch (error) {
          // The next notice or fallback tick tries again.
          console.error(`Run stream ${first.id}: could not re-read the run:`, error);
        } finally {
          reading = false;
        }
      };

      const unsubscribe = onRunChange(first.id, () => void refresh());
      const fallback = setInterval(() => void refresh(), fallbackIntervalMs);
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatIntervalMs);

      function finish() {
        if (closed) return;
        stop();
        controller.close();
      }

      stop = () => {
        closed = true;
        unsubscribe();
        clearInterval(fallback);
        clearInterval(heartbeat);
        signal.removeEventListener('abort', stop);
      };
      signal.addEventListener('abort', stop);

      write(`retry: ${RECONNECT_MS}\n\n`);
      send(first);
      // The run may have changed between the route's read and the subscription.
      if (!closed) void refresh();
    },
    cancel() {
      stop();
    },
  });
}
