// The worker's tunables, read once from the environment at boot. Defaults suit production; the
// fault tests shorten the lock and the stalled-check interval so a killed worker's job is taken
// over within seconds instead of minutes.
import { currentIdentity, workerName } from './identity';

export interface WorkerSettings {
  /** Jobs this process trains at once (HORIZON_WORKER_CONCURRENCY). */
  concurrency: number;
  /**
   * How long a job's lock lives without renewal (HORIZON_WORKER_LOCK_MS). BullMQ renews it every
   * half of this while the job runs; a job whose lock expires is "stalled" and handed to another
   * worker. It only expires when the process is dead or its event loop is blocked that long.
   */
  lockMs: number;
  /** How often this worker looks for stalled jobs of dead workers (HORIZON_WORKER_STALLED_INTERVAL_MS). */
  stalledIntervalMs: number;
  /**
   * Shown in the worker list of the queue and in logs, and recorded on the jobs it takes:
   * `host:pid`, or `label@host:pid` with HORIZON_WORKER_NAME=label (see identity.ts).
   */
  name: string;
}

function wholeNumber(variable: string, fallback: number, minimum: number): number {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`${variable} must be a whole number of at least ${minimum}, got "${text}".`);
  }
  return value;
}

export function readWorkerSettings(): WorkerSettings {
  const lockMs = wholeNumber('HORIZON_WORKER_LOCK_MS', 5 * 60_000, 1_000);
  return {
    concurrency: wholeNumber('HORIZON_WORKER_CONCURRENCY', 1, 1),
    lockMs,
    // Checking more often than the lock can expire finds nothing new.
    stalledIntervalMs: wholeNumber('HORIZON_WORKER_STALLED_INTERVAL_MS', Math.min(30_000, lockMs), 500),
    name: workerName(currentIdentity()),
  };
}
