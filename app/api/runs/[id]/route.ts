import { mustExist } from '@/lib/api/errors';
import { json, noContent } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { patchRunBody } from '@/lib/api/schemas/runs';
import { getRun, renameRunAsSystem } from '@/lib/db/runs';
import { deleteRun } from '@/lib/runs/delete-run';
import { withQueuePosition } from '@/lib/runs/queue-position';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  return json({ run: await withQueuePosition(run) });
});

export const PATCH = apiRoute({ params: idParams, body: patchRunBody }, async ({ scope, params, body }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  const renamed = mustExist('run', params.id, await renameRunAsSystem(run.id, body.name));
  return json({ run: await withQueuePosition(renamed) });
});

export const DELETE = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  await deleteRun(run);
  return noContent();
});
