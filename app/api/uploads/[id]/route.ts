import { ApiError } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { uploadProgressParams } from '@/lib/api/schemas/datasets';
import { getUploadProgress } from '@/lib/datasets/upload-progress';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: uploadProgressParams }, async ({ scope, params }) => {
  const upload = getUploadProgress(scope, params.id);
  // Not found also before the upload's first bytes arrive: pollers keep asking until it appears.
  if (!upload) throw new ApiError(404, 'not_found', `There is no upload in progress with id "${params.id}".`);
  return json({ upload });
});
