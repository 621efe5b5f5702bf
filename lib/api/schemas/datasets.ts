// Request schemas of the /api/datasets routes beyond the multipart parse fields (upload.ts).
import { z } from 'zod';

/** Progress ids are chosen by the client (it polls before the upload answers): keep them tame. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const uploadId = z
  .string()
  .regex(UPLOAD_ID_PATTERN, 'uploadId must be 8 to 64 letters, digits, "-" or "_" (e.g. a UUID)');

/** POST /api/datasets?uploadId= and POST /api/datasets/:id/append?uploadId=: the id the client polls GET /api/uploads/:id with. */
export const uploadDatasetQuery = z.object({ uploadId: uploadId.optional() });

export const uploadProgressParams = z.object({ id: uploadId });

export const exportDatasetQuery = z.object({ format: z.enum(['csv']).default('csv') });
