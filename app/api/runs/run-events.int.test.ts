import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { closeRunEvents, runEventsReady, runListenerCount } from '@/lib/queue/run-events';
import { closeTrainQueue, getTrainQueue } from '@/lib/queue/train-queue';
import { call, callJson, csvForm, dailyCsv } from '@/test/api';
import { processTrain } from '@/worker/processors/train';
import { POST as upload } from '../datasets/route';
import { GET as runEvents } from './[id]/events/route';
import { GET as getRun } from './[id]/route';
import { POST as createRun } from './route';

const TINY = { horizon: 7, lookback: 14, epochs: 2, units: 4 };

interface StreamedRun {
  status: string;
  progress: number;
}

/** Parses server-sent events as they arrive; comment lines (heartbeats) and `retry:` are skipped. */
async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length) yield { event, data: data.join('\n') };
    }
  }
}

let seriesId: string;

beforeAll(async () => {
  const { body } = await callJson(upload, { method: 'POST', body: csvForm(dailyCsv(120, 'visits'), 'visits.csv') });
  seriesId = body.dataset.series[0].id;
});

afterAll(async () => {
  await closeRunEvents();
  await closeTrainQueue();
  await disconnectDb();
});

describe('GET /api/runs/:id/events', () => {
  it('streams the run from queued through training to succeeded, then ends', async () => {
    const created = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY } });
    const runId: string = created.body.run.id;

    const controller = new AbortController();
    const response = await call(runEvents, {
      path: `/api/runs/${runId}/events`,
      params: { id: runId },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const events = sseEvents(response.body!);
    const first = await events.next();
    expect(first.value?.event).toBe('run');
    const queued = JSON.parse(first.value!.data);
    // The same Run JSON as GET /api/runs/:id.
    expect(queued).toEqual((await callJson(getRun, { params: { id: runId } })).body.run);
    expect(queued.status).toBe('queued');

    // Train in this process while the stream is open; its progress reaches the stream through the
    // queue's events (the worker processor reports progress to the job as well as the row).
    await runEventsReady();
    const job = await getTrainQueue().getJob(runId);
    const training = processTrain(job!);

    const seen: StreamedRun[] = [queued];
    for await (const { event, data } of events) {
      expect(event).toBe('run');
      seen.push(JSON.parse(data));
    }
    await training;
    controller.abort();

    // The stream ended by itself after the finished status, which is the last event.
    expect(seen.at(-1)).toMatchObject({ status: 'succeeded', progress: 1 });
    expect(seen.slice(0, -1).every((run) => run.status !== 'succeeded')).toBe(true);
    const midway = seen.filter((run) => run.status === 'running' && run.progress > 0 && run.progress < 1);
    expect(midway.length).toBeGreaterThan(0);
    const progresses = seen.map((run) => run.progress);
    expect(progresses).toEqual([...progresses].sort((a, b) => a - b));
    // The final event carries what GET answers for the finished run.
    expect(seen.at(-1)).toEqual((await callJson(getRun, { params: { id: runId } })).body.run);
  });

  it('answers 404 JSON for an unknown run instead of opening a stream', async () => {
    const response = await call(runEvents, { params: { id: 'no-such-run' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('frees its listeners when the client disconnects', async () => {
    const created = await callJson(createRun, { method: 'POST', body: { seriesId, ...TINY } });
    const runId: string = created.body.run.id;
    const controller = new AbortController();
    const response = await call(runEvents, {
      path: `/api/runs/${runId}/events`,
      params: { id: runId },
      signal: controller.signal,
    });
    const events = sseEvents(response.body!);
    expect((await events.next()).value?.event).toBe('run');
    expect(runListenerCount(runId)).toBe(1);
    controller.abort();
    await events.return(undefined);
    expect(runListenerCount(runId)).toBe(0);
    await getTrainQueue().remove(runId);
  });
});
