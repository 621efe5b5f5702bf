// A throwaway Horizon web server for the ingest benchmark, started like the e2e server: fresh
// PostgreSQL and Redis in a temporary folder on free ports, migrated, and `next start` (the
// production build; rebuilt first if the sources changed — run the bench under the e2e lock,
// `flock /tmp/horizon-e2e.lock npm run bench -- ingest`). No worker: nothing is trained.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@/lib/db/migrate';
import { startWeb } from '../services/app-processes';
import { freePort } from '../services/free-port';
import { startPostgres } from '../services/postgres';
import { startRedis } from '../services/redis';
import { ensureWebBuild } from '../services/web-build';

export interface BenchServer {
  url: string;
  databaseUrl: string;
  /** Of the `next start` process. */
  webPid: number;
  stop(): Promise<void>;
}

const quiet = () => undefined;

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(new URL('/api/health', url)).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { db?: string } | null;
    if (body?.db === 'ok') return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url}/api/health did not report the database as ok within ${timeoutMs / 1000} s.`);
}

export async function startBenchServer(log: (message: string) => void): Promise<BenchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'horizon-bench-ingest-'));
  const stops: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), detached: true });
    stops.push(() => postgres.stop());
    const redis = await startRedis({ dir: join(dir, 'redis'), port: await freePort(), detached: true });
    stops.push(() => redis.stop());
    await applyMigrations(postgres.url);
    const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    await ensureWebBuild({ env, onLine: quiet, log });
    const port = await freePort();
    const web = startWeb({ port, hostname: '127.0.0.1', env, onLine: quiet });
    stops.push(() => web.stop().then(() => undefined));
    const url = `http://127.0.0.1:${port}`;
    await waitUntilServing(url, 120_000);
    return { url, databaseUrl: postgres.url, webPid: web.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
