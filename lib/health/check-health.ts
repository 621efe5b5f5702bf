// GET /api/health: can we reach PostgreSQL and Redis, and how many workers listen for training
// jobs. Each probe is bounded in time, so a dead dependency answers "error" instead of hanging.
import { getPool } from '@/lib/db/client';
import { countWorkers, pingRedis } from '@/lib/queue/train-queue';

export interface Health {
  db: 'ok' | 'error';
  redis: 'ok' | 'error';
  workers: number;
}

const PROBE_TIMEOUT_MS = 2_000;

async function probe<T>(what: string, check: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    console.error(`Health check: ${what} is unreachable:`, error instanceof Error ? error.message : error);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const [db, redis] = await Promise.all([
    probe('PostgreSQL', async () => (await getPool().query('SELECT 1'), true)),
    probe('Redis', async () => (await pingRedis(), true)),
  ]);
  const workers = redis ? ((await probe('Redis (worker count)', countWorkers)) ?? 0) : 0;
  return { db: db ? 'ok' : 'error', redis: redis ? 'ok' : 'error', workers };
}

export function isHealthy(health: Health): boolean {
  return health.db === 'ok' && health.redis === 'ok';
}
