import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { withCsvUpload } from '@/lib/api/upload';
import { parseFieldsSchema } from '@/lib/api/schemas/upload';
import { previewDataset } from '@/lib/datasets/preview-dataset';
import { z } from 'zod';

/** `whole=true`: the file part is the whole file, not its head, so the preview reads it as the import will. */
const scopeSchema = z.object({ whole: z.enum(['true', 'false']).optional() });

export const runtime = 'nodejs';

export const POST = apiRoute({ upload: true }, async ({ request }) => {
  const preview = await withCsvUpload(request, (upload) =>
    previewDataset(upload.file, parseFieldsSchema.parse(upload.fields), {
      whole: scopeSchema.parse(upload.fields).whole === 'true',
    }),
  );
  return json({ preview });
});
