import { mustExist } from '@/lib/api/errors';
import { json, noContent } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { deleteDataset } from '@/lib/datasets/delete-dataset';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const dataset = mustExist('dataset', params.id, await getDataset(scope, params.id));
  return json({ dataset });
});

export const DELETE = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const dataset = mustExist('dataset', params.id, await getDataset(scope, params.id));
  await deleteDataset(scope, dataset.id);
  return noContent();
});
