// vitest globalSetup for the integration project: a real PostgreSQL and a real Redis on free
// ports in a temporary folder, migrated, for the whole run. Test files read DATABASE_URL and
// REDIS_URL as the app does (worker forks inherit this process's environment).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@/lib/db/migrate';
import { freePort } from '@/scripts/services/free-port';
import { startPostgres } from '@/scripts/services/postgres';
import { startRedis } from '@/scripts/services/redis';

export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'horizon-it-'));
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: pgPort });
  const redis = await startRedis({ dir: join(dir, 'redis'), port: redisPort });
  await applyMigrations(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  process.env.REDIS_URL = redis.url;

  return async () => {
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
