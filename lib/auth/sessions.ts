// Signing in creates a session row and hands its secret to the browser as a cookie; a valid
// session is extended when it is past half its life, so active users stay signed in.
import { deleteExpiredSessions, deleteSession, extendSession, findSessionUser, insertSession } from '@/lib/db/sessions';
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
  await deleteExpiredSessions(userId);
  await insertSession(userId, hashSecretToken(token), expiresAt);
  return { token, expiresAt };
}

export async function userOfSession(token: string): Promise<AuthUser | null> {
  const tokenHash = hashSecretToken(token);
  const found = await findSessionUser(tokenHash);
  if (!found) return null;
  if (found.expiresAt.getTime() - Date.now() < SESSION_MS / 2) {
    await extendSession(tokenHash, new Date(Date.now() + SESSION_MS));
  }
  return found.user;
}

export async function endSession(token: string): Promise<void> {
  await deleteSession(hashSecretToken(token));
}
