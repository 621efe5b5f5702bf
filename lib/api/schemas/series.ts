// Request schemas of the /api/series routes (parsed by the routes, documented by lib/api/openapi.ts).
import { z } from 'zod';

const ISO_MESSAGE =
  'must be an ISO 8601 timestamp with Z or an offset (e.g. 2024-01-31T00:00:00Z) or a date (2024-01-31, read as UTC)';

// ISO 8601 only: Date.parse also takes "Jan 31 2024" or "2024/01/31", read in the server's time
// zone. A date alone is midnight UTC, as Date.parse reads it.
const isoTimestamp = z
  .union([z.iso.datetime({ offset: true, error: ISO_MESSAGE }), z.iso.date({ error: ISO_MESSAGE })], {
    error: ISO_MESSAGE,
  })
  .transform((text) => new Date(text));

export const pointsQuery = z
  .object({
    from: isoTimestamp.optional(),
    to: isoTimestamp.optional(),
    max: z.coerce.number().int().min(3).max(100_000).default(2000),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { message: '"from" must not be after "to"', path: ['from'] });
