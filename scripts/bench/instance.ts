// A throwaway Horizon for the HTTP benchmarks (points, load, ingest): fresh PostgreSQL and Redis in
// a temporary folder on free ports, migrated, the production web build and one worker, all on
// loopback. `benchInstance()` is started once and shared by the sections that only read latency;
// a section that measures the web process's own memory takes a fresh one of its own
// (`startBenchInstance()`), so no earlier section's peak counts against it.
// The web build is redone first when sources changed (several minutes): where other people build
// in the same tree, run the bench under the lock their e2e runs take.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '@/lib/auth/accounts';
import { createApiToken } from '@/lib/auth/api-tokens';
import { scopeOf, type Scope } from '@/lib/auth/scope';
import { disconnectDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { startWeb, startWorker, waitForHealth } from '../services/app-processes';
import { freePort } from '../services/free-port';
import { startPostgres, type RunningService } from '../services/postgres';
import { startRedis } from '../services/redis';
import { ensureWebBuild } from '../services/web-build';
import type { ManagedProcess } from '../services/managed-process';

export interface BenchInstance {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The benchmark user: lib/db calls made in this process act for it. */
  scope: Scope;
  /** Headers that authenticate HTTP requests as that user. */
  headers: Record<string, string>;
  /** The server's database, for checking what a request stored. */
  databaseUrl: string;
  /** Of the `next start` process. */
  webPid: number;
  /** Stops the web server, worker and databases and deletes their folder. */
  stop(): Promise<void>;
}

let shared: Promise<BenchInstance> | undefined;

/** Quiet children: their output would bury the report. Errors still reach stderr. */
const onlyErrors = (name: string) => (line: string, stream: 'stdout' | 'stderr') => {
  if (stream === 'stderr') console.error(`[${name}] ${line}`);
};

/**
 * How the benchmark authenticates: an API token of a fresh account, sent as a Bearer header. The
 * one place to change if authentication changes.
 */
async function benchCredentials(): Promise<{ scope: Scope; headers: Record<string, string> }> {
  const { user } = await createAccount({ email: `bench-${randomUUID()}@horizon.test`, password: randomUUID() });
  const scope = scopeOf(user);
  const { token } = await createApiToken(scope, 'benchmark');
  return { scope, headers: { authorization: `Bearer ${token}` } };
}

export interface BenchInstanceOptions {
  /** Added to the web process's environment (e.g. NODE_OPTIONS for a memory probe). */
  webEnv?: Record<string, string>;
  /** Every line the web process prints (errors are still echoed to stderr). */
  onWebLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/**
 * The first instance of a run takes PORT, HORIZON_PG_PORT and HORIZON_REDIS_PORT when they are set
 * (several people benchmarking on one machine each keep to their own ports); others get free ones.
 */
const envPorts = { web: 'PORT', postgres: 'HORIZON_PG_PORT', redis: 'HORIZON_REDIS_PORT' } as const;
const portsTaken = new Set<string>();
async function benchPort(service: keyof typeof envPorts): Promise<number> {
  const configured = Number(process.env[envPorts[service]]);
  if (Number.isInteger(configured) && configured > 0 && !portsTaken.has(service)) {
    portsTaken.add(service);
    return configured;
  }
  return freePort();
}

/** A new instance of its own; the caller stops it. */
export async function startBenchInstance(options: BenchInstanceOptions = {}): Promise<BenchInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'horizon-bench-'));
  const apps: ManagedProcess[] = [];
  const services: RunningService[] = [];
  const stop = async () => {
    await disconnectDb().catch(() => undefined);
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await Promise.all(services.splice(0).map((service) => service.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: await benchPort('postgres') });
    services.push(postgres);
    const redis = await startRedis({ dir: join(dir, 'redis'), port: await benchPort('redis') });
    services.push(redis);
    await applyMigrations(postgres.url);
    // lib/db in this process (seeding, credentials) uses the same database as the server; its
    // pool binds to DATABASE_URL on first use, so drop the one an earlier instance opened.
    await disconnectDb();
    process.env.DATABASE_URL = postgres.url;

    const env = { DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    await ensureWebBuild({ env, onLine: onlyErrors('build'), log: (message) => console.log(`[bench] ${message}`) });
    const port = await benchPort('web');
    const webLines = onlyErrors('web');
    const web = startWeb({
      port,
      hostname: '127.0.0.1',
      env: { ...env, ...options.webEnv },
      onLine: (line, stream) => {
        webLines(line, stream);
        options.onWebLine?.(line, stream);
      },
    });
    apps.push(web);
    apps.push(startWorker({ env: { ...env, HORIZON_WORKER_CONCURRENCY: '1' }, onLine: onlyErrors('worker') }));
    const url = `http://127.0.0.1:${port}`;
    const health = await waitForHealth(url, { timeoutMs: 120_000 });
    if (!health.healthy) throw new Error(`${url}/api/health did not become healthy (last answer: ${health.last}).`);
    return { url, databaseUrl: postgres.url, webPid: web.pid, stop, ...(await benchCredentials()) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The shared instance, started on first use. */
export function benchInstance(): Promise<BenchInstance> {
  shared ??= startBenchInstance();
  return shared;
}

/** Stops the shared instance (nothing if it was not used). */
export async function stopBenchInstance(): Promise<void> {
  if (shared) await (await shared).stop();
}
