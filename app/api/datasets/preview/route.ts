import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { withCsvUpload } from '@/lib/api/upload';
import { parseFieldsSchema } from '@/lib/api/upload-fields';
import { previewDataset } from '@/lib/datasets/preview-dataset';

export const runtime = 'nodejs';

export const POST = apiRoute({ upload: true }, async ({ request }) => {
  const preview = await withCsvUpload(request, (upload) =>
    previewDataset(upload.file, parseFieldsSchema.parse(upload.fields)),
  );
  return json({ preview });
});
