import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { readCsvUpload, uploadFieldsSchema } from '@/lib/api/upload';
import { importDataset } from '@/lib/datasets/import-dataset';
import { listDatasets } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const GET = apiRoute({}, async () => {
  return json({ datasets: await listDatasets() });
});

export const POST = apiRoute({}, async ({ request }) => {
  const { file, fields } = await readCsvUpload(request);
  const { name, options } = uploadFieldsSchema.parse(fields);
  const dataset = await importDataset({ file: file.stream(), fileName: file.name || null, name, options });
  return json({ dataset }, 201);
});
