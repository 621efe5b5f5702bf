import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { uploadDatasetQuery } from '@/lib/api/schemas/datasets';
import { withCsvUpload } from '@/lib/api/upload';
import { uploadFieldsSchema } from '@/lib/api/schemas/upload';
import { importDataset } from '@/lib/datasets/import-dataset';
import { trackUpload } from '@/lib/datasets/upload-progress';
import { listDatasets } from '@/lib/db/datasets';

export const runtime = 'nodejs';

export const GET = apiRoute({}, async ({ scope }) => {
  return json({ datasets: await listDatasets(scope) });
});

// Streamed: the file is parsed as it arrives; `uploadId` lets the page poll GET /api/uploads/:id.
export const POST = apiRoute({ upload: true, query: uploadDatasetQuery }, async ({ scope, request, query }) => {
  const dataset = await withCsvUpload(request, (upload) =>
    trackUpload(scope, query.uploadId, upload, (progress) => {
      const { name, options } = uploadFieldsSchema.parse(upload.fields);
      return importDataset(scope, { file: upload.file, fileName: upload.fileName, name, options, progress });
    }),
  );
  return json({ dataset }, 201);
});
