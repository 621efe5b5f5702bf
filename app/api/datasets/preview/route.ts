import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { parseFieldsSchema, readCsvUpload } from '@/lib/api/upload';
import { previewDataset } from '@/lib/datasets/preview-dataset';

export const runtime = 'nodejs';

export const POST = apiRoute({}, async ({ request }) => {
  const { file, fields } = await readCsvUpload(request);
  const options = parseFieldsSchema.parse(fields);
  return json({ preview: await previewDataset(file.stream(), options) });
});
