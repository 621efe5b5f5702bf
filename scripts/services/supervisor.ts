// What `npm start` and the e2e server have in common: they own databases and app processes, keep
// them running, and stop them in order (apps first, then the databases they use) on a signal or
// when the process that started them goes away.
//
// A process that dies on its own — the worker killed by the out-of-memory killer, Redis or
// PostgreSQL crashing, the web server exiting — is started again after a backoff (1 s, 2 s, 4 s,
// … up to 30 s), with a log line each time; the others carry on and reconnect by themselves.
// Only a process that keeps dying right after it starts (MAX_QUICK_FAILURES times in a row, each
// within STABLE_MS of its start) makes the supervisor give up and stop everything, saying so.
import { describeExit, type ExitStatus } from './managed-process';
import { onShutdownSignal, type ShutdownReason } from './shutdown-signals';

/** A process the supervisor keeps running: a database server or one of the apps. */
export interface Supervised {
  readonly pid: number;
  readonly exited: Promise<ExitStatus>;
  stop(): Promise<unknown>;
  /** Skips the grace period (a second Ctrl-C); databases get their stop signal on exit anyway. */
  kill?(): void;
}

export type SupervisedKind = 'database' | 'app';

/** Started again at once after a run at least this long; quick deaths in a row back off. */
export const STABLE_MS = 60_000;
/** Quick deaths in a row (or failed restarts) after which the supervisor gives up. */
export const MAX_QUICK_FAILURES = 6;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

interface Entry {
  /** For messages: "the worker", "Redis". */
  label: string;
  kind: SupervisedKind;
  start: () => Promise<Supervised>;
  current: Supervised;
  startedAt: number;
  failures: number;
  /** A restart in progress, which a shutdown waits for (to stop what it starts). */
  restarting?: Promise<unknown>;
}

export interface SupervisorOptions {
  /** Backoff before the first restart (doubling up to 30 s); tests shorten it. */
  firstDelayMs?: number;
  /** Whether to install the signal handlers; off for supervisors inside tests. */
  handleSignals?: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export class Supervisor {
  private readonly entries: Entry[] = [];
  private readonly cleanups: (() => Promise<void>)[] = [];
  private stopped: Promise<void> | undefined;
  private wakeOnStop: () => void = () => {};
  private readonly stopRequested = new Promise<void>((resolve) => (this.wakeOnStop = resolve));
  private readonly firstDelayMs: number;

  constructor(
    private readonly log: (message: string) => void,
    options: SupervisorOptions = {},
  ) {
    this.firstDelayMs = options.firstDelayMs ?? FIRST_DELAY_MS;
    if (options.handleSignals === false) return;
    onShutdownSignal({
      shutdown: (reason) => {
        this.log(`${describeReason(reason)}: stopping the web and the worker, then the databases (again to force)...`);
        void this.stopAll().then(() => {
          this.log('Stopped.');
          process.exit(0);
        });
      },
      force: () => {
        this.log('Forcing stop.');
        for (const entry of this.entries) if (entry.kind === 'app') entry.current.kill?.();
        // Exiting hands the databases their stop signals (see managed-process.ts).
        process.exit(1);
      },
    });
  }

  /** True once a shutdown has begun; long startup steps check it to give up early. */
  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  /**
   * Starts a process and keeps it running: restarted whenever it dies on its own. The first
   * start's failure is the caller's (it throws); later ones are retried with backoff.
   */
  async keep<T extends Supervised>(label: string, kind: SupervisedKind, start: () => T | Promise<T>): Promise<T> {
    const first = await start();
    const entry: Entry = {
      label,
      kind,
      start: async () => start(),
      current: first,
      startedAt: Date.now(),
      failures: 0,
    };
    this.entries.push(entry);
    if (this.stopping) await first.stop();
    else void this.watch(entry);
    return first;
  }

  /** The process currently running for `label` (it changes with every restart). */
  current(label: string): Supervised | undefined {
    return this.entries.find((entry) => entry.label === label)?.current;
  }

  /** Runs once everything has stopped, e.g. to delete a temporary data folder. */
  afterStop(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  stopAll(): Promise<void> {
    this.stopped ??= (async () => {
      this.wakeOnStop();
      await Promise.allSettled(this.entries.map((entry) => entry.restarting));
      const stopKind = (kind: SupervisedKind) =>
        Promise.all(this.entries.filter((entry) => entry.kind === kind).map((entry) => entry.current.stop()));
      await stopKind('app');
      await stopKind('database');
      for (const cleanup of this.cleanups) await cleanup();
    })();
    return this.stopped;
  }

  /** Reports `message`, stops everything and exits with status 1. */
  async fail(message: string): Promise<never> {
    // During a requested shutdown, startup steps fail as their servers go away: not news.
    if (!this.stopping) console.error(`\n✖ ${message}\n  Stopping everything.\n`);
    await this.stopAll();
    process.exit(1);
  }

  /** Waits `ms`; false when a shutdown began meanwhile. */
  private async pause(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), this.stopRequested]);
    clearTimeout(timer);
    return !this.stopping;
  }

  private async watch(entry: Entry): Promise<void> {
    for (;;) {
      const status = await entry.current.exited;
      if (this.stopping) return;
      // A death after a long run starts a new count; quick deaths in a row add up.
      let failures = Date.now() - entry.startedAt >= STABLE_MS ? 1 : entry.failures + 1;
      let why = describeExit(status);
      for (;;) {
        if (failures > MAX_QUICK_FAILURES) {
          void this.fail(
            `${capitalize(entry.label)} keeps stopping right after it starts (${failures - 1} restarts in a row failed; last: ${why}). ` +
              'Giving up; see its lines above.',
          );
          return;
        }
        const delay = Math.min(this.firstDelayMs * 2 ** (failures - 1), MAX_DELAY_MS);
        this.log(`${capitalize(entry.label)} stopped unexpectedly (${why}). Restarting it in ${delay / 1000} s...`);
        if (!(await this.pause(delay))) return;
        const restart = entry.start();
        entry.restarting = restart;
        try {
          entry.current = await restart;
          entry.startedAt = Date.now();
          entry.failures = failures;
          this.log(`${capitalize(entry.label)} is running again (pid ${entry.current.pid}).`);
          break;
        } catch (error) {
          if (this.stopping) return;
          why = `it could not start: ${error instanceof Error ? error.message : String(error)}`;
          failures++;
        } finally {
          entry.restarting = undefined;
        }
      }
      // stopAll() stopped the process that was current when it began; this one came later.
      if (this.stopping) {
        await entry.current.stop();
        return;
      }
    }
  }
}

function describeReason(reason: ShutdownReason): string {
  return reason === 'parent exited' ? 'The process that started us exited' : `${reason} received`;
}
