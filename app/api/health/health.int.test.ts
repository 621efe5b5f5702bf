import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { createRedisConnection } from '@/lib/queue/connection';
import { TRAIN_QUEUE } from '@/lib/queue/names';
import { closeTrainQueue } from '@/lib/queue/train-queue';
import { callJson } from '@/test/api';
import { GET } from './route';

afterAll(async () => {
  await closeTrainQueue();
  await disconnectDb();
});

describe('GET /api/health', () => {
  it('reports the database, Redis and the workers listening on the training queue', async () => {
    const before = await callJson(GET);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ db: 'ok', redis: 'ok', workers: expect.any(Number) });

    // A worker that is connected but not processing (autorun off), so it takes no jobs.
    const connection = createRedisConnection('worker');
    const worker = new Worker(TRAIN_QUEUE, null, { connection, autorun: false });
    await worker.waitUntilReady();
    try {
      const after = await callJson(GET);
      expect(after.body.workers).toBe(before.body.workers + 1);
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });

  it('answers 503 when Redis is unreachable', async () => {
    await closeTrainQueue();
    const url = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1'; // nothing listens on port 1
    try {
      const { status, body } = await callJson(GET);
      expect(status).toBe(503);
      expect(body).toEqual({ db: 'ok', redis: 'error', workers: 0 });
    } finally {
      await closeTrainQueue();
      process.env.REDIS_URL = url;
    }
  });
});
