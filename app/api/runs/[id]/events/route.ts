import { mustExist } from '@/lib/api/errors';
import { apiRoute, idParams } from '@/lib/api/route';
import { getRun } from '@/lib/db/runs';
import { withQueuePosition } from '@/lib/runs/queue-position';
import { runEventStream } from '@/lib/runs/run-stream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// An unknown run answers 404 JSON here, before the stream starts.
export const GET = apiRoute({ params: idParams }, async ({ scope, params, request }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  return new Response(runEventStream(await withQueuePosition(run), { signal: request.signal }), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    },
  });
});
