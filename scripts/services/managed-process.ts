// A child process that a supervisor (`npm start`, the e2e server, the tests) owns: its output
// arrives line by line, its exit is a promise, and stopping it escalates to SIGKILL after a grace
// period. Processes still running when the supervisor exits get their stop signal on the way out,
// so a crash of the supervisor does not leave servers behind (only SIGKILL of it can).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the process has exited, whatever the reason. */
  readonly exited: Promise<ExitStatus>;
  /** True once `stop()` was called: an exit after that is expected, not a crash. */
  readonly stopping: boolean;
  /** Sends the stop signal, waits up to the grace period, then kills it. Idempotent. */
  stop(): Promise<ExitStatus>;
  /** Skips the grace period (a second Ctrl-C). */
  kill(): void;
}

export interface ManagedProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /**
   * Own process group: a Ctrl-C in the terminal then reaches only the supervisor, which stops
   * its children in order (apps before the databases they use) instead of all at once.
   */
  detached?: boolean;
  /** Called for every line the process writes to stdout or stderr. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** PostgreSQL shuts down fast on SIGINT (SIGTERM would wait for clients to leave). */
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
}

/** Stop signals to send if the supervisor exits while these still run. */
const onSupervisorExit = new Map<ManagedProcess, () => void>();

process.once('exit', () => {
  for (const signalStop of onSupervisorExit.values()) signalStop();
});

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
  options: ManagedProcessOptions = {},
): ManagedProcess {
  const { stopSignal = 'SIGTERM', graceMs = 10_000, detached = false } = options;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    uid: options.uid,
    gid: options.gid,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Spawn failures arrive as an 'error' event as well; the missing pid below already reports them.
  child.on('error', () => {});
  if (child.pid === undefined) {
    throw new Error(
      `Could not start ${name}: ${command} was not found, or this user may not run it (check that it exists and is executable).`,
    );
  }
  const pid = child.pid;

  for (const stream of ['stdout', 'stderr'] as const) {
    const lines = createInterface({ input: child[stream] });
    lines.on('line', (line) => options.onLine?.(line, stream));
  }

  let hasExited = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      // Helpers it leaves behind (PostgreSQL's backends after the postmaster was killed, say)
      // would hold its port or shared memory and keep a restart from starting.
      if (detached) send('SIGKILL', true);
      onSupervisorExit.delete(managed);
      resolve({ code, signal });
    });
  });

  function send(sig: NodeJS.Signals, wholeGroup: boolean) {
    try {
      // A detached child leads its own group: signal the group so its helpers go too.
      process.kill(detached && wholeGroup ? -pid : pid, sig);
    } catch {
      // Already gone.
    }
  }

  let stopped: Promise<ExitStatus> | undefined;

  const managed: ManagedProcess = {
    name,
    pid,
    exited,
    get stopping() {
      return stopped !== undefined;
    },
    stop() {
      stopped ??= (async () => {
        if (hasExited) return exited;
        send(stopSignal, false);
        const timer = setTimeout(() => managed.kill(), graceMs);
        const status = await exited;
        clearTimeout(timer);
        return status;
      })();
      return stopped;
    },
    kill() {
      if (!hasExited) send('SIGKILL', true);
    },
  };
  onSupervisorExit.set(managed, () => send(stopSignal, false));
  return managed;
}

/** "exit code 1" / "signal SIGKILL", for messages. */
export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}
