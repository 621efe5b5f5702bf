import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { parseFieldsSchema, readCsvUpload } from '@/lib/api/upload';
import { appendToDataset } from '@/lib/datasets/append-dataset';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const POST = apiRoute({ params: idParams }, async ({ params, request }) => {
  mustExist('dataset', params.id, await getDataset(params.id));
  const { file, fields } = await readCsvUpload(request);
  const options = parseFieldsSchema.parse(fields);
  const { dataset, series } = await appendToDataset({ datasetId: params.id, file: file.stream(), options });
  return json({ dataset, appended: series });
});
