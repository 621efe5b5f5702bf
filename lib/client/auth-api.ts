// Typed fetch helpers for the account routes (sign-up/in/out, API tokens). Same contract as
// lib/client/api.ts: the documented shape, or an ApiError whose message says what to fix.
import type { ApiToken, User as AuthUser } from '@/lib/api/schemas/responses';
import { createTokenBody, signInBody, signUpBody } from '@/lib/api/schemas/auth';
import { ApiError, apiErrorFrom } from './api-error';
import { checkRequest } from './validate';

export type { ApiToken, AuthUser };

async function send<T>(path: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    cache: 'no-store',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, response.statusText, parsed);
  return parsed as T;
}

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Sign-up answers alike whether it created the account or the email was taken (so it does not
 * tell strangers which emails have accounts); signing in with the same credentials right after
 * is what tells the user, who knows their own password.
 */
export async function signUp(credentials: Credentials): Promise<AuthUser> {
  await send<{ message: string }>('/api/auth/sign-up', 'POST', checkRequest(signUpBody, credentials));
  try {
    return await signIn(credentials);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(
        401,
        'unauthorized',
        'Could not sign you in with this email and password. If the email already has an account, sign in with its password instead.',
      );
    }
    throw error;
  }
}

export async function signIn(credentials: Credentials): Promise<AuthUser> {
  return (await send<{ user: AuthUser }>('/api/auth/sign-in', 'POST', checkRequest(signInBody, credentials))).user;
}

export async function signOut(): Promise<void> {
  await send<void>('/api/auth/sign-out', 'POST');
}

export async function listApiTokens(): Promise<ApiToken[]> {
  return (await send<{ tokens: ApiToken[] }>('/api/tokens', 'GET')).tokens;
}

export async function createApiToken(name: string): Promise<{ token: string; apiToken: ApiToken }> {
  return send('/api/tokens', 'POST', checkRequest(createTokenBody, { name }));
}

export async function revokeApiToken(id: string): Promise<void> {
  await send<void>(`/api/tokens/${encodeURIComponent(id)}`, 'DELETE');
}

/** Stands in for this site's origin: only whether `next` stays on it matters. */
const HERE = 'http://horizon.invalid';

/**
 * Only paths on this site: `?next=https://evil.example` must not turn sign-in into a redirector.
 * `next` is parsed as a URL against this site, as the browser will resolve it, and must stay on
 * it. Control characters (tabs and line breaks, which URL parsers drop, so `/\t/evil.test` means
 * `//evil.test`; a line break in a Location header is a 500) and backslashes (read as slashes)
 * are refused outright, as is anything not starting with a single `/`.
 */
export function safeReturnPath(next: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
