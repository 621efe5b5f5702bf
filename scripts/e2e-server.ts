// The server `playwright test` runs its specs against (webServer in playwright.config.ts): a
// throwaway Horizon with fresh PostgreSQL and Redis in a temporary folder on free ports, migrated,
// the production web build on HORIZON_E2E_PORT and one worker that trains one job at a time.
// Playwright stops it with SIGTERM; everything stops and the folder is deleted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@/lib/db/migrate';
import { prefixedOutput, startWeb, startWorker, waitForHealth } from './services/app-processes';
import { freePort, portInUse } from './services/free-port';
import { startPostgres } from './services/postgres';
import { startRedis } from './services/redis';
import { Supervisor } from './services/supervisor';
import { ensureWebBuild } from './services/web-build';

const log = (message: string) => console.log(`[e2e-server] ${message}`);
const supervisor = new Supervisor(log);
const port = Number(process.env.HORIZON_E2E_PORT ?? 3107);

async function main(): Promise<void> {
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is in use: stop what runs there, or set HORIZON_E2E_PORT to another port.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'horizon-e2e-'));
  supervisor.afterStop(() => rm(dir, { recursive: true, force: true }));

  const pgOptions = { dataDir: join(dir, 'postgres'), port: await freePort(), detached: true };
  const postgres = await supervisor.keep('PostgreSQL', 'database', () => startPostgres(pgOptions));
  const redisOptions = { dir: join(dir, 'redis'), port: await freePort(), detached: true };
  const redis = await supervisor.keep('Redis', 'database', () => startRedis(redisOptions));
  await applyMigrations(postgres.url);

  const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url };
  // Normally a no-op: `npm test` builds just before the e2e stage.
  await ensureWebBuild({ env, onLine: prefixedOutput('build'), log });

  await supervisor.keep('the web server', 'app', () => startWeb({ port, hostname: '127.0.0.1', env }));
  await supervisor.keep('the worker', 'app', () => startWorker({ env: { ...env, HORIZON_WORKER_CONCURRENCY: '1' } }));

  const url = `http://127.0.0.1:${port}`;
  const health = await waitForHealth(url, { timeoutMs: 120_000, gaveUp: () => supervisor.stopping });
  if (supervisor.stopping) return;
  if (!health.healthy) throw new Error(`${url}/api/health did not become healthy (last answer: ${health.last}).`);
  // playwright.config.ts waits for this line.
  log(`Horizon e2e server ready at ${url}`);
}

main().catch((error: unknown) => supervisor.fail(error instanceof Error ? error.message : String(error)));
