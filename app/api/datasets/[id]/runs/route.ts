import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { createBatchBody } from '@/lib/api/schemas/batches';
import { createBatch } from '@/lib/batches/create-batch';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

// Forecast many series of the dataset at once: one batch, one run per series.
export const POST = apiRoute({ params: idParams, body: createBatchBody }, async ({ scope, params, body }) => {
  const dataset = mustExist('dataset', params.id, await getDataset(scope, params.id));
  const batch = await createBatch(dataset, body);
  return json({ batch: { id: batch.id, status: batch.status } }, 202);
});
