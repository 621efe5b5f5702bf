import { z } from 'zod';
import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { getPoints, getSeries } from '@/lib/db/series';

export const runtime = 'nodejs';

const isoTimestamp = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 timestamp, e.g. 2024-01-31T00:00:00Z')
  .transform((text) => new Date(text));

const pointsQuery = z
  .object({
    from: isoTimestamp.optional(),
    to: isoTimestamp.optional(),
    max: z.coerce.number().int().min(3).max(100_000).default(2000),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { message: '"from" must not be after "to"', path: ['from'] });

export const GET = apiRoute({ params: idParams, query: pointsQuery }, async ({ params, query }) => {
  const series = mustExist('series', params.id, await getSeries(params.id));
  return json({ points: await getPoints(series.id, query) });
});
