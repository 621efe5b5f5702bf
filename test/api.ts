// Helpers for integration tests that call route handlers directly with real Requests. Calls are
// signed in as a per-test-file default user unless they say otherwise (`as: otherUser` or
// `as: null` for no credentials).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteContext } from '@/lib/api/route';
import { createAccount } from '@/lib/auth/accounts';
import type { AuthUser, Scope } from '@/lib/auth/scope';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie';
import { startSession } from '@/lib/auth/sessions';
import { getPool } from '@/lib/db/client';
import { assertMatchesContract } from './contract';

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;

export const BASE = 'http://horizon.test';

/** A real account with a real session, as a browser would have after signing in. */
export interface TestUser {
  user: AuthUser;
  /** For calling lib/db directly as this user. */
  scope: Scope;
  email: string;
  password: string;
  /** The session's secret: the cookie value. */
  sessionToken: string;
  /** Request headers that authenticate as this user (the session cookie). */
  headers: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A new account (unique email) signed in with a new session. */
export async function signedInUser(label = 'user'): Promise<TestUser> {
  const email = `${label}-${randomUUID()}@horizon.test`;
  const { user } = await createAccount({ email, password: TEST_PASSWORD });
  const { token } = await startSession(user.id);
  return {
    user,
    scope: { userId: user.id },
    email: user.email,
    password: TEST_PASSWORD,
    sessionToken: token,
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
  };
}

let defaultUserPromise: Promise<TestUser> | undefined;

/** The user every call acts as unless it passes `as`; one per test file (module instance). */
export function defaultUser(): Promise<TestUser> {
  defaultUserPromise ??= signedInUser('default');
  return defaultUserPromise;
}

export interface CallOptions {
  method?: string;
  /** Path and query, e.g. '/api/runs?seriesId=x'. */
  path?: string;
  /** Sent as JSON unless it is FormData. */
  body?: unknown;
  params?: Record<string, string>;
  /** Who calls: the default user when left out, another TestUser, or null for no credentials. */
  as?: TestUser | null;
  /** Extra request headers (e.g. an Authorization header to test bearer tokens). */
  headers?: Record<string, string>;
  /** Aborts the request, as a client that disconnects (server-sent event streams). */
  signal?: AbortSignal;
  /**
   * The Origin header: Horizon's own by default, as a browser sends on its pages' requests
   * (state-changing requests need it, see lib/api/request-guard.ts); null to send none.
   */
  origin?: string | null;
}

export async function call(
  handler: Handler,
  { method = 'GET', path = '/', body, params, as, headers: extraHeaders = {}, signal, origin = BASE }: CallOptions = {},
): Promise<Response> {
  const caller = as === undefined ? await defaultUser() : as;
  const headers: Record<string, string> = {
    ...(origin === null ? {} : { origin }),
    ...caller?.headers,
    ...extraHeaders,
  };
  const init: RequestInit = { method, headers, signal };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  return handler(new Request(`${BASE}${path}`, init), params ? { params: Promise.resolve(params) } : undefined);
}

/**
 * Calls and parses the JSON body; the status is returned beside it. The body must match the
 * response schema of the OpenAPI document for the route and status (test/contract.ts).
 */
export async function callJson<T = any>(
  handler: Handler,
  options: CallOptions = {},
): Promise<{ status: number; body: T }> {
  const response = await call(handler, options);
  const body: unknown = await response.json();
  assertMatchesContract(options.method ?? 'GET', options.path, response.status, body, options.params);
  return { status: response.status, body: body as T };
}

/** Text fields first, the file last: uploads are streamed, so the fields must come before the file. */
export function csvForm(csv: string, fileName = 'upload.csv', fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new File([csv], fileName, { type: 'text/csv' }));
  return form;
}

export function fixtureCsv(name: string): string {
  return readFileSync(join(process.cwd(), 'e2e', 'fixtures', name), 'utf8');
}

/** A daily series with weekly seasonality: `points` rows of date,value. */
export function dailyCsv(points: number, column = 'value', start = Date.UTC(2024, 0, 1)): string {
  const rows = Array.from({ length: points }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const value = 100 + i * 0.5 + 10 * Math.sin((2 * Math.PI * i) / 7);
    return `${date},${value.toFixed(2)}`;
  });
  return [`date,${column}`, ...rows].join('\n') + '\n';
}

/** Rows in the tables an upload writes: a rejected file must leave all three unchanged. */
export async function storedRowCounts(): Promise<{ datasets: number; series: number; points: number }> {
  const { rows } = await getPool().query<{ datasets: number; series: number; points: number }>(
    `SELECT (SELECT count(*) FROM datasets)::int AS datasets,
            (SELECT count(*) FROM series)::int AS series,
            (SELECT count(*) FROM points)::int AS points`,
  );
  return rows[0];
}
