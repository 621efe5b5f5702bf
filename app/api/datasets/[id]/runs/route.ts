import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { createBatchBody } from '@/lib/api/schemas/batches';
import { createBatch } from '@/lib/batches/create-batch';
import { getDataset } from '@/lib/db/datasets';
import { checkRunQuota } from '@/lib/runs/run-quota';

export const runtime = 'nodejs';

// Forecast many series of the dataset at once: one batch, one run per series. Under the queued-runs
// cap like a single run (lib/runs/run-quota.ts): refused with 429 while the user already has the
// most runs waiting; once accepted, each of its queued runs counts against the cap.
export const POST = apiRoute({ params: idParams, body: createBatchBody }, async ({ scope, params, body }) => {
  const dataset = mustExist('dataset', params.id, await getDataset(scope, params.id));
  await checkRunQuota(scope);
  const batch = await createBatch(scope, dataset, body);
  return json({ batch: { id: batch.id, status: batch.status } }, 202);
});
