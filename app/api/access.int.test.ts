// Isolation between accounts, for every operation of the API (the OPERATIONS list that the
// OpenAPI unit test keeps in step with app/api/**/route.ts): another user's ids answer 404 exactly
// like ids that do not exist, lists never show another user's rows, and without credentials every
// non-public operation answers 401. Real route handlers, real PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationSpec } from '@/lib/api/openapi';
import type { RouteContext } from '@/lib/api/route';
import { closeSignInLimits } from '@/lib/auth/sign-in-limit';
import { disconnectDb } from '@/lib/db/client';
import { closeBatchFlows } from '@/lib/queue/batch-flow';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv, signedInUser, type CallOptions, type TestUser } from '@/test/api';

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;
type RouteModule = Partial<Record<string, Handler>>;

const routeModules = import.meta.glob<RouteModule>('./**/route.ts');

/** /api/runs/{id}/cancel → the module of app/api/runs/[id]/cancel/route.ts */
async function handlerOf(operation: Pick<OperationSpec, 'method' | 'path'>): Promise<Handler> {
  const file = `./${operation.path.replace(/^\/api\//, '').replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
  const load = routeModules[file];
  if (!load) throw new Error(`No route file ${file} for ${operation.path}`);
  const handler = (await load())[operation.method.toUpperCase()];
  if (!handler) throw new Error(`${file} exports no ${operation.method.toUpperCase()}`);
  return handler;
}

const key = (operation: Pick<OperationSpec, 'method' | 'path'>) =>
  `${operation.method.toUpperCase()} ${operation.path}`;

/** What the owner has: one of each kind of thing an id can name. */
interface OwnedIds {
  datasetId: string;
  seriesId: string;
  runId: string;
  scheduleId: string;
  tokenId: string;
  /** An upload's progress record (kept a few minutes after the upload ends). */
  uploadId: string;
  batchId: string;
}

/**
 * How the other user tries each operation on the owner's things, and what must come back:
 * - 404: an id (path, query or body) names the owner's thing → exactly the not-found answer;
 * - 'own': an operation without the owner's ids (lists, creates): succeeds, shows only the caller's rows;
 * - 'public': answers without credentials.
 * A new operation fails the test until it is added here.
 */
const ATTEMPTS: Record<string, (ids: OwnedIds) => { options?: CallOptions; expect: 404 | 'own' | 'public' }> = {
  'POST /api/auth/sign-up': () => ({ expect: 'public' }),
  'POST /api/auth/sign-in': () => ({ expect: 'public' }),
  'POST /api/auth/sign-out': () => ({ expect: 'public' }),
  'GET /api/auth/me': () => ({ expect: 'own' }),
  'GET /api/tokens': () => ({ expect: 'own' }),
  'POST /api/tokens': () => ({ options: { body: { name: 'mine' } }, expect: 'own' }),
  'DELETE /api/tokens/{id}': ({ tokenId }) => ({ options: { params: { id: tokenId } }, expect: 404 }),
  'GET /api/health': () => ({ expect: 'public' }),
  'GET /api/openapi.json': () => ({ expect: 'public' }),
  // The holiday calendars are the same for everyone, but only for signed-in users (as the forms are).
  'GET /api/holidays': () => ({ expect: 'own' }),
  'POST /api/datasets/preview': () => ({ options: { body: csvForm(dailyCsv(30)) }, expect: 'own' }),
  'POST /api/datasets': () => ({ options: { body: csvForm(dailyCsv(30), 'mine.csv') }, expect: 'own' }),
  'GET /api/datasets': () => ({ expect: 'own' }),
  'GET /api/datasets/{id}': ({ datasetId }) => ({ options: { params: { id: datasetId } }, expect: 404 }),
  'DELETE /api/datasets/{id}': ({ datasetId }) => ({ options: { params: { id: datasetId } }, expect: 404 }),
  'POST /api/datasets/{id}/append': ({ datasetId }) => ({
    options: { params: { id: datasetId }, body: csvForm(dailyCsv(30)) },
    expect: 404,
  }),
  'GET /api/datasets/{id}/export': ({ datasetId }) => ({ options: { params: { id: datasetId } }, expect: 404 }),
  'GET /api/series/{id}': ({ seriesId }) => ({ options: { params: { id: seriesId } }, expect: 404 }),
  'GET /api/series/{id}/points': ({ seriesId }) => ({ options: { params: { id: seriesId } }, expect: 404 }),
  'POST /api/runs': ({ seriesId }) => ({
    options: { body: { seriesId, horizon: 7, lookback: 14, epochs: 1 } },
    expect: 404,
  }),
  'GET /api/runs': ({ seriesId }) => ({ options: { path: `/api/runs?seriesId=${seriesId}` }, expect: 404 }),
  'GET /api/runs/{id}': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'DELETE /api/runs/{id}': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'GET /api/runs/{id}/events': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'POST /api/runs/{id}/cancel': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'GET /api/runs/{id}/predictions': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'GET /api/runs/{id}/forecast': ({ runId }) => ({ options: { params: { id: runId } }, expect: 404 }),
  'POST /api/schedules': ({ seriesId }) => ({ options: { body: { seriesId, every: '1d' } }, expect: 404 }),
  'GET /api/schedules': ({ seriesId }) => ({ options: { path: `/api/schedules?seriesId=${seriesId}` }, expect: 404 }),
  'GET /api/schedules/{id}': ({ scheduleId }) => ({ options: { params: { id: scheduleId } }, expect: 404 }),
  'PATCH /api/schedules/{id}': ({ scheduleId }) => ({
    options: { params: { id: scheduleId }, body: { paused: true } },
    expect: 404,
  }),
  'DELETE /api/schedules/{id}': ({ scheduleId }) => ({ options: { params: { id: scheduleId } }, expect: 404 }),
  'GET /api/uploads/{id}': ({ uploadId }) => ({ options: { params: { id: uploadId } }, expect: 404 }),
  'POST /api/datasets/{id}/runs': ({ datasetId }) => ({
    options: { params: { id: datasetId }, body: { horizon: 7, lookback: 14, epochs: 1 } },
    expect: 404,
  }),
  'GET /api/batches/{id}': ({ batchId }) => ({ options: { params: { id: batchId } }, expect: 404 }),
  'POST /api/batches/{id}/cancel': ({ batchId }) => ({ options: { params: { id: batchId } }, expect: 404 }),
  'GET /api/batches/{id}/predictions': ({ batchId }) => ({ options: { params: { id: batchId } }, expect: 404 }),
  'GET /api/batches/{id}/sparklines': ({ batchId }) => ({ options: { params: { id: batchId } }, expect: 404 }),
};

// The owner's upload reports its progress under this id.
const ownerUploadId = '0b5a3f4e-7c1d-4e8a-9f00-000000000001';

const NOBODY = 'no-such-id';
const NOBODYS_IDS: OwnedIds = {
  datasetId: NOBODY,
  seriesId: NOBODY,
  runId: NOBODY,
  scheduleId: NOBODY,
  tokenId: NOBODY,
  uploadId: NOBODY,
  batchId: NOBODY,
};

let owner: TestUser;
let other: TestUser;
let ids: OwnedIds;

async function request(operation: OperationSpec, options: CallOptions): Promise<Response> {
  return call(await handlerOf(operation), { method: operation.method.toUpperCase(), path: operation.path, ...options });
}

beforeAll(async () => {
  [owner, other] = [await signedInUser('owner'), await signedInUser('other')];
  const as = owner;
  const uploaded = await callJson(await handlerOf({ method: 'post', path: '/api/datasets' }), {
    method: 'POST',
    path: `/api/datasets?uploadId=${ownerUploadId}`,
    body: csvForm(dailyCsv(60, 'sales'), 'owned.csv'),
    as,
  });
  expect(uploaded.status).toBe(201);
  const { id: datasetId, series } = uploaded.body.dataset;
  const seriesId: string = series[0].id;
  const run = await callJson(await handlerOf({ method: 'post', path: '/api/runs' }), {
    method: 'POST',
    body: { seriesId, horizon: 7, lookback: 14, epochs: 1 },
    as,
  });
  expect(run.status).toBe(202);
  const schedule = await callJson(await handlerOf({ method: 'post', path: '/api/schedules' }), {
    method: 'POST',
    body: { seriesId, every: '1d' },
    as,
  });
  expect(schedule.status).toBe(201);
  const token = await callJson(await handlerOf({ method: 'post', path: '/api/tokens' }), {
    method: 'POST',
    body: { name: 'owner script' },
    as,
  });
  expect(token.status).toBe(201);
  const batch = await callJson(await handlerOf({ method: 'post', path: '/api/datasets/{id}/runs' }), {
    method: 'POST',
    params: { id: datasetId },
    body: { horizon: 7, lookback: 14, epochs: 1 },
    as,
  });
  expect(batch.status).toBe(202);
  ids = {
    datasetId,
    seriesId,
    runId: run.body.run.id,
    scheduleId: schedule.body.schedule.id,
    tokenId: token.body.apiToken.id,
    uploadId: ownerUploadId,
    batchId: batch.body.batch.id,
  };
  // The owner can read their upload's progress: the other user's 404 below is about ownership.
  const progress = await call(await handlerOf({ method: 'get', path: '/api/uploads/{id}' }), {
    params: { id: ownerUploadId },
    as,
  });
  expect(progress.status).toBe(200);
});

afterAll(async () => {
  await closeBatchFlows();
  await closeTrainQueue();
  await closeSignInLimits();
  await disconnectDb();
});

describe('every API operation', () => {
  it('is covered by this test', () => {
    const missing = OPERATIONS.map(key).filter((name) => !(name in ATTEMPTS));
    expect(missing, 'add these operations to ATTEMPTS').toEqual([]);
  });

  it("answers 404 for another user's ids, exactly as for ids that do not exist", async () => {
    for (const operation of OPERATIONS) {
      const attempt = ATTEMPTS[key(operation)]?.(ids);
      if (attempt?.expect !== 404) continue;
      const response = await request(operation, { ...attempt.options, as: other });
      const body = await response.json();
      expect(response.status, key(operation)).toBe(404);
      expect(body.error.code, key(operation)).toBe('not_found');
      // The same operation with ids nobody has answers the same, but for the id in the message.
      const nobodys = ATTEMPTS[key(operation)]!(NOBODYS_IDS);
      const missing = await request(operation, { ...nobodys.options, as: other });
      const missingBody = await missing.json();
      expect(missing.status, `${key(operation)} (unknown id)`).toBe(404);
      const named = Object.values(ids).find((id) => body.error.message.includes(id))!;
      expect(body.error.message.replace(named, '<id>'), key(operation)).toBe(
        missingBody.error.message.replace(NOBODY, '<id>'),
      );
    }
  });

  it("never lists or touches another user's things", async () => {
    for (const operation of OPERATIONS) {
      const attempt = ATTEMPTS[key(operation)]?.(ids);
      if (attempt?.expect !== 'own') continue;
      const response = await request(operation, { ...attempt.options, as: other });
      expect(response.status, key(operation)).toBeLessThan(300);
      const text = await response.text();
      for (const id of Object.values(ids)) expect(text, `${key(operation)} shows ${id}`).not.toContain(id);
      expect(text).not.toContain(owner.email);
    }
    // Nothing of the owner's was deleted, paused or revoked by the other user's attempts.
    const as = owner;
    const dataset = await callJson(await handlerOf({ method: 'get', path: '/api/datasets/{id}' }), {
      params: { id: ids.datasetId },
      as,
    });
    expect(dataset.status).toBe(200);
    const run = await callJson(await handlerOf({ method: 'get', path: '/api/runs/{id}' }), {
      params: { id: ids.runId },
      as,
    });
    expect(run.body.run.status).toBe('queued');
    const batch = await callJson(await handlerOf({ method: 'get', path: '/api/batches/{id}' }), {
      params: { id: ids.batchId },
      as,
    });
    expect(batch.body.batch.status).toBe('queued');
    const schedule = await callJson(await handlerOf({ method: 'get', path: '/api/schedules/{id}' }), {
      params: { id: ids.scheduleId },
      as,
    });
    expect(schedule.body.schedule.paused).toBe(false);
    const tokens = await callJson(await handlerOf({ method: 'get', path: '/api/tokens' }), { as });
    expect(tokens.body.tokens.map((t: { id: string }) => t.id)).toContain(ids.tokenId);
  });

  it('answers 401 without credentials, or with a wrong token, unless it is public', async () => {
    for (const operation of OPERATIONS) {
      const attempt = ATTEMPTS[key(operation)]?.(ids);
      if (!attempt || attempt.expect === 'public') {
        expect(operation.public, `${key(operation)} is public in ATTEMPTS but not in OPERATIONS`).toBe(true);
        // ...and the route agrees (`auth: 'none'`): whatever else it answers, it is not 401.
        expect((await request(operation, { as: null })).status, key(operation)).not.toBe(401);
        continue;
      }
      expect(operation.public, key(operation)).toBeUndefined();
      for (const as of [null, { ...other, headers: { authorization: 'Bearer hzn_not-a-real-token' } }]) {
        const response = await request(operation, { ...attempt.options, as });
        expect(response.status, key(operation)).toBe(401);
        expect((await response.json()).error.code).toBe('unauthorized');
      }
    }
  });
});
