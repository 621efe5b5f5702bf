import { mustExist } from '@/lib/api/errors';
import { attachment } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { exportDatasetQuery } from '@/lib/api/schemas/datasets';
import { datasetCsvStream, datasetFileName } from '@/lib/datasets/export-dataset';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams, query: exportDatasetQuery }, async ({ scope, params }) => {
  const dataset = mustExist('dataset', params.id, await getDataset(scope, params.id));
  return attachment(datasetCsvStream(dataset), 'text/csv; charset=utf-8', datasetFileName(dataset.name));
});
