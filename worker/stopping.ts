// Set once the process is asked to stop (SIGTERM/SIGINT). Training in progress then stops at its
// next epoch boundary and its job goes back to the queue, so a shutdown waits for one epoch
// instead of a whole training, and another worker (or this one, restarted) trains the run.
let requested = false;

export function requestStop(): void {
  requested = true;
}

export function stopRequested(): boolean {
  return requested;
}
