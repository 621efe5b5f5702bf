// `npm start`: Horizon on this machine in one command, after `npm install`.
//
// PostgreSQL and Redis run embedded with their data under .horizon/ unless DATABASE_URL /
// REDIS_URL point at servers. Then: migrations, a web build when the sources changed, the demo
// account (its credentials printed beside the URL) with the demo dataset on an empty database, the
// web server and one worker. Any of these processes that dies is started again (supervisor.ts);
// Ctrl-C (or SIGTERM) stops the apps first and the databases after them.
import { join } from 'node:path';
import { disconnectDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { prefixedOutput, startWeb, startWorker, waitForHealth } from './services/app-processes';
import { portInUse } from './services/free-port';
import { startPostgres } from './services/postgres';
import { startRedis } from './services/redis';
import { Supervisor } from './services/supervisor';
import { ensureWebBuild } from './services/web-build';
import { ensureDemoAccount, type DemoAccount } from '@/lib/demo/demo-account';
import { DEMO_CREDENTIALS_FILE, seedDemoIfEmpty } from './seed-demo';

// npm runs scripts from the project root, which is where everything below is looked up.
const DATA_DIR = join(process.cwd(), '.horizon');
const HEALTH_TIMEOUT_MS = 120_000;

const log = (message: string) => console.log(`[horizon] ${message}`);
const supervisor = new Supervisor(log);

function portSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}=${raw} is not a port number (1-65535).`);
  }
  return port;
}

async function ensurePortFree(port: number, setting: string, alternative?: string): Promise<void> {
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} is already in use. Set ${setting} to another port${alternative ? `, or ${alternative}` : ''}.`,
    );
  }
}

/** Server log lines worth showing; the rest only goes into error messages. */
const importantOnly = (name: string) => (line: string) => {
  if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line)) console.log(`[${name}]`, line);
};

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) {
    log('Using the PostgreSQL server at DATABASE_URL.');
    return process.env.DATABASE_URL;
  }
  const port = portSetting('HORIZON_PG_PORT', 54329);
  await ensurePortFree(port, 'HORIZON_PG_PORT', 'DATABASE_URL to use an existing PostgreSQL server');
  log(`Starting PostgreSQL on port ${port} (data in .horizon/postgres)...`);
  const options = {
    dataDir: join(DATA_DIR, 'postgres'),
    port,
    detached: true,
    log: importantOnly('postgres'),
    notice: log,
  };
  const postgres = await supervisor.keep('PostgreSQL', 'database', () => startPostgres(options));
  return postgres.url;
}

async function redisUrl(): Promise<string> {
  if (process.env.REDIS_URL) {
    log('Using the Redis server at REDIS_URL.');
    return process.env.REDIS_URL;
  }
  const port = portSetting('HORIZON_REDIS_PORT', 63799);
  await ensurePortFree(port, 'HORIZON_REDIS_PORT', 'REDIS_URL to use an existing Redis server');
  log(`Starting Redis on port ${port} (data in .horizon/redis)...`);
  const options = { dir: join(DATA_DIR, 'redis'), port, detached: true, log: importantOnly('redis') };
  const redis = await supervisor.keep('Redis', 'database', () => startRedis(options));
  return redis.url;
}

function banner(url: string, demo: DemoAccount): string {
  const lines = [
    `Horizon is running at ${url}`,
    `Demo account: ${demo.email}  password: ${demo.password}`,
    'Or create your own account there (the first one is the admin).',
  ];
  const width = Math.max(...lines.map((text) => text.length));
  const rule = '═'.repeat(width + 4);
  const rows = lines.map((text) => `  ║  ${text.padEnd(width)}  ║`).join('\n');
  return `\n  ╔${rule}╗\n${rows}\n  ╚${rule}╝\n  Press Ctrl-C to stop.\n`;
}

async function main(): Promise<void> {
  const port = portSetting('PORT', 3000);
  await ensurePortFree(port, 'PORT');
  const env = { DATABASE_URL: await databaseUrl(), REDIS_URL: await redisUrl() };
  // lib/db and lib/queue read the URLs from the environment (for the demo dataset and its run below).
  process.env.DATABASE_URL = env.DATABASE_URL;
  process.env.REDIS_URL = env.REDIS_URL;

  const applied = await applyMigrations(env.DATABASE_URL);
  log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date.',
  );

  if (!(await ensureWebBuild({ env, onLine: prefixedOutput('build'), log }))) log('Web build is up to date.');

  const demo = await ensureDemoAccount(DEMO_CREDENTIALS_FILE);
  if (await seedDemoIfEmpty({ userId: demo.user.id }))
    log(
      `Loaded the demo dataset "Demo: store sales" for ${demo.email}, with a demo run using its promotions and price.`,
    );
  await disconnectDb();

  await supervisor.keep('the web server', 'app', () => startWeb({ port, env }));
  await supervisor.keep('the worker', 'app', () => startWorker({ env }));

  const url = `http://localhost:${port}`;
  const health = await waitForHealth(url, { timeoutMs: HEALTH_TIMEOUT_MS, gaveUp: () => supervisor.stopping });
  if (supervisor.stopping) return;
  if (!health.healthy) {
    await supervisor.fail(
      `${url}/api/health did not report a healthy app with a worker within ${HEALTH_TIMEOUT_MS / 1000} s (last answer: ${health.last}).`,
    );
  }
  console.log(banner(url, demo));
}

main().catch((error: unknown) => supervisor.fail(error instanceof Error ? error.message : String(error)));
