import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { cancelBatch } from '@/lib/batches/cancel-batch';
import { getBatch } from '@/lib/db/batches';

export const runtime = 'nodejs';

export const POST = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const batch = mustExist('batch', params.id, await getBatch(scope, params.id));
  const cancelled = await cancelBatch(batch);
  return json({ batch: { id: cancelled.id, status: cancelled.status } });
});
