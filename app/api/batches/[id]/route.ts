import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { batchView } from '@/lib/batches/batch-view';
import { getBatch } from '@/lib/db/batches';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const batch = mustExist('batch', params.id, await getBatch(scope, params.id));
  return json({ batch: await batchView(batch) });
});
