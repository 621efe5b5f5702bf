// Browser sessions: one row per sign-in, found by the SHA-256 of the cookie's token.
import type { AuthUser } from './scope';
import { getPool, getPrisma } from './client';
import { toAuthUser } from './users';

export async function insertSessionAsSystem(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await getPrisma().session.create({ data: { userId, tokenHash, expiresAt } });
}

/**
 * The session's user, or null when there is no such session or it has expired. Runs before every
 * request a browser makes, so it is one joined query on the pool rather than Prisma's pipeline.
 */
export async function findSessionUserAsSystem(tokenHash: string): Promise<{ user: AuthUser; expiresAt: Date } | null> {
  const { rows } = await getPool().query<{ expires_at: Date; id: string; email: string; isAdmin: boolean }>({
    // Named: prepared once per pool connection, so PostgreSQL does not plan it on every request.
    name: 'session-user',
    text: `SELECT s.expires_at, u.id, u.email, u.is_admin AS "isAdmin"
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.token_hash = $1`,
    values: [tokenHash],
  });
  const row = rows[0];
  if (!row || row.expires_at.getTime() <= Date.now()) return null;
  return { user: toAuthUser(row), expiresAt: row.expires_at };
}

export async function extendSessionAsSystem(tokenHash: string, expiresAt: Date): Promise<void> {
  await getPrisma().session.updateMany({ where: { tokenHash }, data: { expiresAt } });
}

export async function deleteSessionAsSystem(tokenHash: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { tokenHash } });
}

/** Housekeeping: sessions past their expiry are useless; called at sign-in. */
export async function deleteExpiredSessionsAsSystem(userId: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } });
}
