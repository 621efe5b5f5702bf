// Signing in creates a session row and hands its secret to the browser as a cookie; a valid
// session is extended when it is past half its life, so active users stay signed in.
import {
  deleteExpiredSessionsAsSystem,
  deleteSessionAsSystem,
  extendSessionAsSystem,
  findSessionUserAsSystem,
  insertSessionAsSystem,
} from '@/lib/db/sessions';
import type { AuthUser } from './scope';
import { hashSecretToken, newSecretToken } from './secret-token';
import { SESSION_DAYS } from './session-cookie';

const SESSION_MS = SESSION_DAYS * 86_400_000;

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function startSession(userId: string): Promise<NewSession> {
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + SESSION_MS);
  await deleteExpiredSessionsAsSystem(userId);
  await insertSessionAsSystem(userId, hashSecretToken(token), expiresAt);
  return { token, expiresAt };
}

export interface SessionLookup {
  user: AuthUser;
  /** The new expiry when this lookup extended the session: the cookie must be re-sent with it. */
  extendedUntil: Date | null;
}

/**
 * The session's user. With `extend` (API routes, which can re-send the cookie), a session past
 * half its life is extended; pages only read it, since a server component cannot set a cookie
 * and an extension the browser never hears of would let the cookie expire anyway.
 */
export async function lookUpSession(token: string, { extend }: { extend: boolean }): Promise<SessionLookup | null> {
  const tokenHash = hashSecretToken(token);
  const found = await findSessionUserAsSystem(tokenHash);
  if (!found) return null;
  if (!extend || found.expiresAt.getTime() - Date.now() >= SESSION_MS / 2)
    return { user: found.user, extendedUntil: null };
  const extendedUntil = new Date(Date.now() + SESSION_MS);
  await extendSessionAsSystem(tokenHash, extendedUntil);
  return { user: found.user, extendedUntil };
}

export async function userOfSession(token: string): Promise<AuthUser | null> {
  return (await lookUpSession(token, { extend: false }))?.user ?? null;
}

export async function endSession(token: string): Promise<void> {
  await deleteSessionAsSystem(hashSecretToken(token));
}
