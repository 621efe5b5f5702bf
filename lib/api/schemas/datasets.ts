// Request schemas of the /api/datasets routes beyond the multipart parse fields (lib/api/upload.ts).
import { z } from 'zod';

export const exportDatasetQuery = z.object({ format: z.enum(['csv']).default('csv') });
