// What `npm start` and the e2e server have in common: they own databases and app processes,
// stop them in order (apps first, then the databases they use) on a signal or when the process
// that started them goes away, and stop everything when an app dies on its own.
import { describeExit, type ManagedProcess } from './managed-process';
import type { RunningService } from './postgres';
import { onShutdownSignal, type ShutdownReason } from './shutdown-signals';

export class Supervisor {
  private readonly apps: ManagedProcess[] = [];
  private readonly databases: RunningService[] = [];
  private readonly cleanups: (() => Promise<void>)[] = [];
  private stopped: Promise<void> | undefined;

  constructor(private readonly log: (message: string) => void) {
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
        for (const app of this.apps) app.kill();
        // Exiting hands the databases their stop signals (see managed-process.ts).
        process.exit(1);
      },
    });
  }

  /** True once a shutdown has begun; long startup steps check it to give up early. */
  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  addDatabase(service: RunningService): RunningService {
    this.databases.push(service);
    return service;
  }

  /** An app that must keep running: if it exits on its own, everything stops. */
  addApp(app: ManagedProcess): ManagedProcess {
    this.apps.push(app);
    void app.exited.then((status) => {
      if (app.stopping || this.stopping) return;
      void this.fail(`The ${app.name} process stopped unexpectedly (${describeExit(status)}). See the [${app.name}] lines above.`);
    });
    return app;
  }

  /** Runs once everything has stopped, e.g. to delete a temporary data folder. */
  afterStop(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  stopAll(): Promise<void> {
    this.stopped ??= (async () => {
      await Promise.all(this.apps.map((app) => app.stop()));
      await Promise.all(this.databases.map((db) => db.stop()));
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
}

function describeReason(reason: ShutdownReason): string {
  return reason === 'parent exited' ? 'The process that started us exited' : `${reason} received`;
}
