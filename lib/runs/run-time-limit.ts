// How long one training may take before the worker stops it: HORIZON_RUN_TIME_LIMIT_MINUTES
// (default 30). A run past it is failed with that reason (not retried: it would only take as long
// again) and its worker takes the next job. Checked where cancellation is, after every epoch.

export function runTimeLimitMs(): number {
  const minutes = Number(process.env.HORIZON_RUN_TIME_LIMIT_MINUTES);
  const configured =
    process.env.HORIZON_RUN_TIME_LIMIT_MINUTES !== undefined && Number.isFinite(minutes) && minutes > 0;
  return (configured ? minutes : 30) * 60_000;
}

export function runTimeLimitMessage(limitMs: number): string {
  const minutes = limitMs / 60_000;
  const shown = minutes >= 1 ? `${Math.round(minutes * 10) / 10} minutes` : `${Math.round(limitMs / 1000)} seconds`;
  return (
    `Training took longer than the run time limit of ${shown} and was stopped (HORIZON_RUN_TIME_LIMIT_MINUTES on the server). ` +
    'Use fewer epochs, units or layers, a shorter lookback, or a coarser frequency.'
  );
}
