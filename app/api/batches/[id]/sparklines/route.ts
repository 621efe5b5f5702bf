import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { batchSparklines } from '@/lib/batches/batch-sparklines';
import { getBatch } from '@/lib/db/batches';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const batch = mustExist('batch', params.id, await getBatch(scope, params.id));
  return json({ sparklines: await batchSparklines(batch) });
});
