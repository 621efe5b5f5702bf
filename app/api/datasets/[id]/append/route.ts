import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { withCsvUpload } from '@/lib/api/upload';
import { parseFieldsSchema } from '@/lib/api/upload-fields';
import { appendToDataset } from '@/lib/datasets/append-dataset';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const POST = apiRoute({ params: idParams }, async ({ scope, params, request }) => {
  mustExist('dataset', params.id, await getDataset(scope, params.id));
  const { dataset, series } = await withCsvUpload(request, (upload) =>
    appendToDataset(scope, { datasetId: params.id, file: upload.file, options: parseFieldsSchema.parse(upload.fields) }),
  );
  return json({ dataset, appended: series });
});
