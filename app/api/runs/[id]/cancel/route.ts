import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { getRun } from '@/lib/db/runs';
import { cancelRun } from '@/lib/runs/cancel-run';

export const runtime = 'nodejs';

export const POST = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  return json({ run: await cancelRun(run) });
});
