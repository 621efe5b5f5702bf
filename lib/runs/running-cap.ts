// Fair use of the shared workers while training: one user may have at most
// HORIZON_MAX_RUNNING_RUNS runs training at once (default 2), however many workers and slots
// (HORIZON_WORKER_CONCURRENCY) there are. A worker that takes a job of a user already at the cap
// puts it back to wait a few seconds (worker/processors/train.ts), so other users' jobs go first;
// the run stays `queued` and says why (runningCapNote).

/** How long a held-back job waits before a worker looks at it again. */
export const RUNNING_CAP_RETRY_MS = 5_000;

export function maxRunningRuns(): number {
  const text = process.env.HORIZON_MAX_RUNNING_RUNS;
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isInteger(value) && value > 0 ? value : 2;
}

export function runningCapNote(running: number, max: number): string {
  return (
    `Waiting: you already have ${running} run${running === 1 ? '' : 's'} training, the most allowed per user at once ` +
    `(HORIZON_MAX_RUNNING_RUNS is ${max}). This run starts when one of them ends; other users' runs go first meanwhile.`
  );
}
