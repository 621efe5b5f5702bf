import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { uploadDatasetQuery } from '@/lib/api/schemas/datasets';
import { withCsvUpload } from '@/lib/api/upload';
import { parseFieldsSchema } from '@/lib/api/schemas/upload';
import { appendToDataset } from '@/lib/datasets/append-dataset';
import { trackUpload } from '@/lib/datasets/upload-progress';
import { getDataset } from '@/lib/db/datasets';

export const runtime = 'nodejs';

// Streamed like an import: `uploadId` lets the page poll GET /api/uploads/:id for rows parsed.
export const POST = apiRoute(
  { upload: true, params: idParams, query: uploadDatasetQuery },
  async ({ scope, params, query, request }) => {
    mustExist('dataset', params.id, await getDataset(scope, params.id));
    const { dataset, series } = await withCsvUpload(request, (upload) =>
      trackUpload(scope, query.uploadId, upload, (progress) =>
        appendToDataset(scope, {
          datasetId: params.id,
          file: upload.file,
          options: parseFieldsSchema.parse(upload.fields),
          progress,
        }),
      ),
    );
    return json({ dataset, appended: series });
  },
);
