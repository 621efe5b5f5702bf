// Who is calling: an API token (`Authorization: Bearer hzn_…`) or the session cookie. Null when
// neither is present or valid; the caller answers 401. A request that sends a bearer token is
// judged by that token alone, so a script never acts through a browser's leftover cookie.
import { findApiTokenUserAsSystem } from '@/lib/db/api-tokens';
import type { AuthUser } from './scope';
import { API_TOKEN_PREFIX } from './api-tokens';
import { hashSecretToken } from './secret-token';
import { sessionCookieHeader, sessionTokenFromCookieHeader } from './session-cookie';
import { lookUpSession } from './sessions';

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

async function userOfApiToken(token: string): Promise<AuthUser | null> {
  return token.startsWith(API_TOKEN_PREFIX) ? findApiTokenUserAsSystem(hashSecretToken(token)) : null;
}

export interface Authentication {
  user: AuthUser;
  via: 'token' | 'session';
  /** A Set-Cookie header when the session was extended: the browser must hear of the new expiry. */
  renewedCookie: string | null;
}

export async function authenticate(request: Request): Promise<Authentication | null> {
  if (request.headers.has('authorization')) {
    const bearer = bearerToken(request);
    const user = bearer ? await userOfApiToken(bearer) : null;
    return user && { user, via: 'token', renewedCookie: null };
  }
  const token = sessionTokenFromCookieHeader(request.headers.get('cookie'));
  const session = token ? await lookUpSession(token, { extend: true }) : null;
  if (!session) return null;
  const renewedCookie = session.extendedUntil && sessionCookieHeader(request, token!, session.extendedUntil);
  return { user: session.user, via: 'session', renewedCookie };
}

export async function authenticateRequest(request: Request): Promise<AuthUser | null> {
  return (await authenticate(request))?.user ?? null;
}
