// Request schemas of the /api/series routes (parsed by the routes, documented by lib/api/openapi.ts).
import { z } from 'zod';

const isoTimestamp = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 timestamp, e.g. 2024-01-31T00:00:00Z')
  .transform((text) => new Date(text));

export const pointsQuery = z
  .object({
    from: isoTimestamp.optional(),
    to: isoTimestamp.optional(),
    max: z.coerce.number().int().min(3).max(100_000).default(2000),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { message: '"from" must not be after "to"', path: ['from'] });
