// No input may produce a 500 or an uncaught exception: every operation of the API (the OPERATIONS
// list the OpenAPI unit test keeps in step with app/api/**/route.ts) gets a NUL byte and a
// megabyte as its id, and every state-changing one a multipart body cut off before its closing
// boundary. Each must answer 4xx in the error envelope, and the process must see no uncaught
// exception or unhandled rejection meanwhile. Real route handlers, PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationSpec } from '@/lib/api/openapi';
import type { RouteContext } from '@/lib/api/route';
import { closeSignInLimits } from '@/lib/auth/sign-in-limit';
import { disconnectDb } from '@/lib/db/client';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { BASE, call, defaultUser, type CallOptions } from '@/test/api';

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const routeModules = import.meta.glob<RouteModule>('./**/route.ts');

async function handlerOf(operation: Pick<OperationSpec, 'method' | 'path'>): Promise<Handler> {
  const file = `./${operation.path.replace(/^\/api\//, '').replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
  const handler = (await routeModules[file]?.())?.[operation.method.toUpperCase()];
  if (!handler) throw new Error(`No ${operation.method} handler in ${file}`);
  return handler;
}

const key = (operation: OperationSpec) => `${operation.method.toUpperCase()} ${operation.path}`;
const NUL_ID = 'run\u0000id';
const HUGE_ID = 'x'.repeat(1024 * 1024);

const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);

beforeAll(() => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});

afterAll(async () => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  await closeTrainQueue();
  await closeSignInLimits();
  await disconnectDb();
});

async function expect4xx(operation: OperationSpec, options: CallOptions, what: string): Promise<void> {
  const response = await call(await handlerOf(operation), {
    method: operation.method.toUpperCase(),
    path: operation.path,
    ...options,
  });
  const label = `${key(operation)} with ${what}`;
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const body = await response.json();
  expect(body.error.code, label).toMatch(/^[a-z_]+$/);
  expect(body.error.message, label).toBeTruthy();
}

/** Where an operation takes an id: its path, else a seriesId in its query or body. */
function withId(operation: OperationSpec, id: string): CallOptions | null {
  if (operation.path.includes('{id}')) return { params: { id } };
  if (operation.method === 'get' && /\/api\/(runs|schedules)$/.test(operation.path)) {
    return { path: `${operation.path}?seriesId=${encodeURIComponent(id)}` };
  }
  if (operation.method === 'post' && /\/api\/(runs|schedules)$/.test(operation.path))
    return { body: { seriesId: id, every: '1d' } };
  if (operation.body) return { body: { email: `${id}@example.com`, password: id, name: id } };
  return null;
}

/** A multipart body whose file part never reaches its closing boundary. */
function truncatedMultipart(): { body: string; headers: Record<string, string> } {
  const boundary = '----horizon-truncated';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ndate,value\n2024-01-01,1\n`;
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function sendTruncatedMultipart(operation: OperationSpec): Promise<Response> {
  const { body, headers } = truncatedMultipart();
  const { headers: auth } = await defaultUser();
  const request = new Request(`${BASE}${operation.path}`, {
    method: operation.method.toUpperCase(),
    body,
    headers: { ...auth, ...headers, origin: BASE },
  });
  const context = operation.path.includes('{id}') ? { params: Promise.resolve({ id: 'no-such-id' }) } : undefined;
  return (await handlerOf(operation))(request, context);
}

describe('bad input to every operation', () => {
  it('answers 4xx to a NUL byte and to a 1 MB id', async () => {
    for (const operation of OPERATIONS) {
      for (const [id, what] of [
        [NUL_ID, 'a NUL id'],
        [HUGE_ID, 'a 1 MB id'],
      ] as const) {
        const options = withId(operation, id);
        if (options) await expect4xx(operation, options, what);
      }
    }
  });

  it('answers 404 (not a query) for ids of the wrong shape in the path', async () => {
    const getRun = OPERATIONS.find((operation) => key(operation) === 'GET /api/runs/{id}')!;
    for (const id of [NUL_ID, HUGE_ID, 'a b', 'ü', '../x']) {
      const response = await call(await handlerOf(getRun), { params: { id } });
      expect(response.status, JSON.stringify(id.slice(0, 10))).toBe(404);
    }
  });

  it('answers 4xx to a multipart body cut off before its closing boundary', async () => {
    for (const operation of OPERATIONS) {
      if (operation.method === 'get') continue;
      const response = await sendTruncatedMultipart(operation);
      expect(response.status, key(operation)).toBeGreaterThanOrEqual(400);
      expect(response.status, key(operation)).toBeLessThan(500);
    }
    // An upload route reads the body: the missing boundary is a 400 that says so.
    const response = await sendTruncatedMultipart(
      OPERATIONS.find((operation) => key(operation) === 'POST /api/datasets')!,
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/cut off before its closing boundary/);
  });

  it('saw no uncaught exception or unhandled rejection', async () => {
    // Let destroyed streams report whatever they were going to.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
  });
});
