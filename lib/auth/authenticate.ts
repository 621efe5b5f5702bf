// Who is calling: an API token (`Authorization: Bearer hzn_…`) or the session cookie. Null when
// neither is present or valid; the caller answers 401. A request that sends a bearer token is
// judged by that token alone, so a script never acts through a browser's leftover cookie.
import { findApiTokenUser } from '@/lib/db/api-tokens';
import type { AuthUser } from './scope';
import { API_TOKEN_PREFIX } from './api-tokens';
import { hashSecretToken } from './secret-token';
import { sessionTokenFromCookieHeader } from './session-cookie';
import { userOfSession } from './sessions';

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

async function userOfApiToken(token: string): Promise<AuthUser | null> {
  return token.startsWith(API_TOKEN_PREFIX) ? findApiTokenUser(hashSecretToken(token)) : null;
}

export async function authenticateRequest(request: Request): Promise<AuthUser | null> {
  if (request.headers.has('authorization')) {
    const bearer = bearerToken(request);
    return bearer ? userOfApiToken(bearer) : null;
  }
  const session = sessionTokenFromCookieHeader(request.headers.get('cookie'));
  return session ? userOfSession(session) : null;
}
