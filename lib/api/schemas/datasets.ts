// Request schemas of the /api/datasets routes beyond the multipart parse fields (lib/api/upload-fields.ts).
import { z } from 'zod';
import { UPLOAD_ID_PATTERN } from '@/lib/datasets/upload-progress';

const uploadId = z
  .string()
  .regex(UPLOAD_ID_PATTERN, 'uploadId must be 8 to 64 letters, digits, "-" or "_" (e.g. a UUID)');

/** POST /api/datasets?uploadId= and POST /api/datasets/:id/append?uploadId=: the id the client polls GET /api/uploads/:id with. */
export const uploadDatasetQuery = z.object({ uploadId: uploadId.optional() });

export const uploadProgressParams = z.object({ id: uploadId });

export const exportDatasetQuery = z.object({ format: z.enum(['csv']).default('csv') });
