// The embedded servers keep their data across restarts and recover from an unclean stop: what
// `npm start` relies on to be restartable.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { startPostgres } from './postgres';
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
      await expect(startPostgres({ dataDir: join(dir, 'postgres-2'), port })).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      await other.stop();
    }
  });
});

describe('startRedis', () => {
  it('keeps data across a stop and a start (append-only file)', async () => {
    const redisDir = join(dir, 'redis');
    const cli = (port: string, ...args: string[]) =>
      spawnSync('redis-cli', ['-p', port, ...args], { encoding: 'utf8' }).stdout.trim();

    const first = await startRedis({ dir: redisDir, port: await freePort() });
    expect(cli(new URL(first.url).port, 'SET', 'horizon:kept', 'yes')).toBe('OK');
    await first.stop();

    const second = await startRedis({ dir: redisDir, port: await freePort() });
    try {
      expect(cli(new URL(second.url).port, 'GET', 'horizon:kept')).toBe('yes');
    } finally {
      await second.stop();
    }
  });
});
