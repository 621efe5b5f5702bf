// One Prisma client and one pg pool per process.
//
// Prisma (through @prisma/adapter-pg) serves ordinary queries; the raw pool serves what Prisma
// cannot do well: COPY bulk loads and set-based SQL over millions of points.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start Horizon with `npm start` (which provides an embedded PostgreSQL) or set DATABASE_URL=postgresql://user:password@host:5432/db.',
    );
  }
  return url;
}

// Kept on globalThis so that Next's dev-mode module reloads don't open a new pool on every edit.
const globalForDb = globalThis as unknown as { horizonPrisma?: PrismaClient; horizonPool?: pg.Pool };

export function getPrisma(): PrismaClient {
  globalForDb.horizonPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl() }),
    // Prisma's defaults (wait 2 s for a connection, 5 s per interactive transaction) turn a busy
    // machine into 500s (P2028) and lost results: a run's completion is one transaction that
    // writes every prediction. These bound a stuck transaction without failing a slow one.
    transactionOptions: { maxWait: 15_000, timeout: 60_000 },
  });
  return globalForDb.horizonPrisma;
}

export function getPool(): pg.Pool {
  if (!globalForDb.horizonPool) {
    // Sign-in checks and the chart and metadata reads of every request use it, beside uploads'
    // transactions: 10 keeps reads from queueing behind a burst of uploads.
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10 });
    // An idle connection dropped by the server (PostgreSQL restarting) is reported here; without
    // a listener that would crash the process. The pool discards it and connects anew next time.
    pool.on('error', (error) => console.error(`PostgreSQL pool: idle connection lost (${error.message}).`));
    globalForDb.horizonPool = pool;
  }
  return globalForDb.horizonPool;
}

/** Closes both connections; for process shutdown and tests. */
export async function disconnectDb(): Promise<void> {
  const { horizonPrisma, horizonPool } = globalForDb;
  globalForDb.horizonPrisma = undefined;
  globalForDb.horizonPool = undefined;
  await Promise.all([horizonPrisma?.$disconnect(), horizonPool?.end()]);
}
