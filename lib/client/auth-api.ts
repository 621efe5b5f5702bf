// Typed fetch helpers for the account routes (sign-up/in/out, API tokens). Same contract as
// lib/client/api.ts: the documented shape, or an ApiError whose message says what to fix.
import type { ApiToken, User as AuthUser } from '@/lib/api/schemas/responses';
import { apiErrorFrom } from './api-error';

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

export async function signUp(credentials: Credentials): Promise<AuthUser> {
  return (await send<{ user: AuthUser }>('/api/auth/sign-up', 'POST', credentials)).user;
}

export async function signIn(credentials: Credentials): Promise<AuthUser> {
  return (await send<{ user: AuthUser }>('/api/auth/sign-in', 'POST', credentials)).user;
}

export async function signOut(): Promise<void> {
  await send<void>('/api/auth/sign-out', 'POST');
}

export async function listApiTokens(): Promise<ApiToken[]> {
  return (await send<{ tokens: ApiToken[] }>('/api/tokens', 'GET')).tokens;
}

export async function createApiToken(name: string): Promise<{ token: string; apiToken: ApiToken }> {
  return send('/api/tokens', 'POST', { name });
}

export async function revokeApiToken(id: string): Promise<void> {
  await send<void>(`/api/tokens/${encodeURIComponent(id)}`, 'DELETE');
}

/** Only same-site paths: `?next=https://evil.example` must not turn sign-in into a redirector. */
export function safeReturnPath(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
