// Browser sessions: one row per sign-in, found by the SHA-256 of the cookie's token.
import type { AuthUser } from '@/lib/auth/scope';
import { getPrisma } from './client';
import { toAuthUser } from './users';

export async function insertSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await getPrisma().session.create({ data: { userId, tokenHash, expiresAt } });
}

/** The session's user, or null when there is no such session or it has expired. */
export async function findSessionUser(tokenHash: string): Promise<{ user: AuthUser; expiresAt: Date } | null> {
  const row = await getPrisma().session.findUnique({
    where: { tokenHash },
    select: { expiresAt: true, user: { select: { id: true, email: true, isAdmin: true } } },
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return { user: toAuthUser(row.user), expiresAt: row.expiresAt };
}

export async function extendSession(tokenHash: string, expiresAt: Date): Promise<void> {
  await getPrisma().session.updateMany({ where: { tokenHash }, data: { expiresAt } });
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { tokenHash } });
}

/** Housekeeping: sessions past their expiry are useless; called at sign-in. */
export async function deleteExpiredSessions(userId: string): Promise<void> {
  await getPrisma().session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } });
}
