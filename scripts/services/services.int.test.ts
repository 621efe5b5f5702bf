// The embedded servers keep their data across restarts and recover from an unclean stop: what
// `npm start` relies on to be restartable. They start from a clone in any folder, with passwords.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { passwordFile, startPostgres } from './postgres';
import { startRedis } from './redis';

const dir = mkdtempSync(join(tmpdir(), 'horizon-services-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** As root, PostgreSQL runs as `postgres` (created by the first start). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A PID that no process has: past the kernel's pid_max. */
const DEAD_PID = 4_194_305;

describe('startPostgres', () => {
  const dataDir = join(dir, 'postgres');
  const pidFile = join(dataDir, 'postmaster.pid');

  it('keeps data across a stop and a start in the same folder', async () => {
    const first = await startPostgres({ dataDir, port: await freePort() });
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await startPostgres({ dataDir, port: await freePort() });
    try {
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('starts over a postmaster.pid left by a crash, whether its PID is dead or reused', async () => {
    // A process PostgreSQL could signal (same user), and not its parent, whose PID it ignores.
    const unrelated = spawn('sleep', ['60'], postgresUser());
    try {
      for (const pid of [DEAD_PID, unrelated.pid]) {
        writeFileSync(pidFile, `${pid}\n${dataDir}\n`);
        const server = await startPostgres({ dataDir, port: await freePort() });
        try {
          expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
        } finally {
          await server.stop();
        }
      }
    } finally {
      unrelated.kill();
    }
  });

  it('refuses to start a second server on a folder whose server is still running', async () => {
    const running = await startPostgres({ dataDir, port: await freePort() });
    try {
      const pid = readFileSync(pidFile, 'utf8').split('\n')[0];
      await expect(startPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
        new RegExp(`already running .*pid ${pid}.*kill -INT ${pid}`),
      );
      // The refusal left the running server alone.
      expect(await query(running.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it('says which port is taken', async () => {
    const other = await startPostgres({ dataDir, port: await freePort() });
    const port = Number(new URL(other.url).port);
    try {
      await expect(startPostgres({ dataDir: join(dir, 'postgres-2'), port })).rejects.toThrow(
        `port ${port} is already in use`,
      );
    } finally {
      await other.stop();
    }
  });
});

describe('startRedis', () => {
  it('keeps data across a stop and a start (append-only file)', async () => {
    const redisDir = join(dir, 'redis');
    const cli = (url: string, ...args: string[]) => {
      const { port, password } = new URL(url);
      return spawnSync('redis-cli', ['-p', port, '-a', password, '--no-auth-warning', ...args], {
        encoding: 'utf8',
      }).stdout.trim();
    };

    const first = await startRedis({ dir: redisDir, port: await freePort() });
    expect(cli(first.url, 'SET', 'horizon:kept', 'yes')).toBe('OK');
    await first.stop();

    const second = await startRedis({ dir: redisDir, port: await freePort() });
    try {
      expect(cli(second.url, 'GET', 'horizon:kept')).toBe('yes');
    } finally {
      await second.stop();
    }
  });
});

describe('startPostgres with a cluster made before passwords were random', () => {
  it('replaces the old default password with the random one on the next start', async () => {
    const dataDir = join(dir, 'postgres-legacy');
    const first = await startPostgres({ dataDir, port: await freePort() });
    // As such a cluster was: password "horizon", no password file.
    await query(first.url, "ALTER ROLE horizon WITH PASSWORD 'horizon'");
    await first.stop();
    rmSync(passwordFile(dataDir));

    const notices: string[] = [];
    const second = await startPostgres({ dataDir, port: await freePort(), notice: (line) => notices.push(line) });
    try {
      const password = readFileSync(passwordFile(dataDir), 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
      expect(decodeURIComponent(new URL(second.url).password)).toBe(password);
      expect(notices.join('\n')).toMatch(/Replaced the old default PostgreSQL password/);
      expect(await query(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const legacy = new URL(second.url);
      legacy.password = 'horizon';
      await expect(query(legacy.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await second.stop();
    }
  });
});

describe('the embedded services started from a copy of the project in a private folder', () => {
  // CI runs as root, and as root PostgreSQL runs as the `postgres` user, which cannot enter a
  // mode-700 folder (e.g. a clone in /root): the programs and the cluster must be put where it can.
  const privateDir = mkdtempSync(join(tmpdir(), 'horizon-private-'));
  const project = join(privateDir, 'horizon');
  let movedTo: string | undefined;

  afterAll(() => {
    if (movedTo) rmSync(dirname(movedTo), { recursive: true, force: true });
    rmSync(privateDir, { recursive: true, force: true });
  });

  /** Runs a script in the copy that starts both services with their data in .horizon/, prints their URLs, and stops them on SIGTERM. */
  async function startFromCopy(): Promise<{
    urls: { postgres: string; redis: string };
    stop: () => Promise<void>;
    output: string[];
  }> {
    const output: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', 'start-services.ts'], {
      cwd: project,
      env: { ...process.env, PG_PORT: String(await freePort()), REDIS_PORT: String(await freePort()) },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
    child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 90_000;
    for (;;) {
      const line = output.find((entry) => entry.startsWith('URLS '));
      if (line) {
        const urls = JSON.parse(line.slice('URLS '.length)) as { postgres: string; redis: string };
        return { urls, output, stop: async () => void (child.kill('SIGTERM'), await exited) };
      }
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`The services did not start:\n${output.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('start, keep their data in .horizon/ across a restart, and keep the passwords owner-only', async () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    mkdirSync(project);
    // Hard links: a full copy of the project in a second, as a clone would be.
    execFileSync('cp', ['-al', resolve('node_modules'), join(project, 'node_modules')]);
    cpSync(resolve('scripts/services'), join(project, 'scripts/services'), { recursive: true });
    for (const file of ['package.json', 'tsconfig.json']) cpSync(resolve(file), join(project, file));
    writeFileSync(
      join(project, 'start-services.ts'),
      [
        "import { join } from 'node:path';",
        "import { startPostgres } from './scripts/services/postgres';",
        "import { startRedis } from './scripts/services/redis';",
        "const data = join(process.cwd(), '.horizon');",
        "const postgres = await startPostgres({ dataDir: join(data, 'postgres'), port: Number(process.env.PG_PORT), notice: console.log });",
        "const redis = await startRedis({ dir: join(data, 'redis'), port: Number(process.env.REDIS_PORT) });",
        "console.log('URLS ' + JSON.stringify({ postgres: postgres.url, redis: redis.url }));",
        "process.on('SIGTERM', async () => { await redis.stop(); await postgres.stop(); process.exit(0); });",
      ].join('\n'),
    );

    const first = await startFromCopy();
    try {
      await query(
        first.urls.postgres,
        "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from a private folder')",
      );
      const { port, password } = new URL(first.urls.redis);
      const cli = spawnSync('redis-cli', ['-p', port, '-a', password, '--no-auth-warning', 'PING'], {
        encoding: 'utf8',
      });
      expect(cli.stdout.trim()).toBe('PONG');
    } finally {
      await first.stop();
    }
    const dataLink = join(project, '.horizon', 'postgres');
    if (process.getuid?.() === 0) {
      // Out of the postgres user's reach: the cluster lives under /var/lib/horizon, linked from .horizon/.
      expect(lstatSync(dataLink).isSymbolicLink()).toBe(true);
      movedTo = realpathSync(dataLink);
      expect(movedTo).toMatch(/^\/var\/lib\/horizon\/[0-9a-f]+\/data$/);
      expect(statSync(dirname(movedTo)).mode & 0o777).toBe(0o700);
      expect(first.output.join('\n')).toContain(`the database lives in ${movedTo}`);
    }
    for (const file of ['postgres-password', 'redis-password']) {
      expect(statSync(join(project, '.horizon', file)).mode & 0o777).toBe(0o600);
    }

    const second = await startFromCopy();
    try {
      expect(await query(second.urls.postgres, 'SELECT note FROM kept')).toEqual([{ note: 'from a private folder' }]);
      expect(second.urls.postgres).toBe(
        first.urls.postgres.replace(new URL(first.urls.postgres).port, new URL(second.urls.postgres).port),
      );
    } finally {
      await second.stop();
    }
  });
});

describe('npm start with a port taken', () => {
  /** Runs scripts/start.ts as `npm start` does, without DATABASE_URL/REDIS_URL (the embedded services). */
  function npmStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...inherited, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
  }

  async function withListener<T>(work: (port: number) => Promise<T>): Promise<T> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      return await work((server.address() as AddressInfo).port);
    } finally {
      server.close();
    }
  }

  it('says which port and which setting to change, without a stack trace', async () => {
    await withListener(async (taken) => {
      const web = await npmStart({ PORT: String(taken) });
      expect(web.code).toBe(1);
      expect(web.output).toContain(`✖ Port ${taken} is already in use. Set PORT to another port.`);
      expect(web.output).not.toMatch(/^\s+at /m);

      const pg = await npmStart({ PORT: String(await freePort()), HORIZON_PG_PORT: String(taken) });
      expect(pg.code).toBe(1);
      expect(pg.output).toContain(
        `✖ Port ${taken} is already in use. Set HORIZON_PG_PORT to another port, or DATABASE_URL to use an existing PostgreSQL server.`,
      );
      expect(pg.output).not.toMatch(/^\s+at /m);
    });
  });
});
