import { z } from 'zod';
import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { getSeries } from '@/lib/db/series';
import { forecastConfigInputSchema } from '@/lib/forecast/config';
import { createSchedule } from '@/lib/schedules/create-schedule';
import { listSchedules } from '@/lib/schedules/get-schedule';
import { cronSchema, exactlyOneTimingIssue, hasExactlyOneTiming, intervalSchema } from '@/lib/schedules/timing';

export const runtime = 'nodejs';

const listQuery = z.object({ seriesId: z.string().min(1).optional() });

const createBody = z
  .strictObject({
    seriesId: z.string().min(1),
    every: intervalSchema.optional(),
    cron: cronSchema.optional(),
    config: forecastConfigInputSchema.optional(),
  })
  .refine(hasExactlyOneTiming, exactlyOneTimingIssue);

export const GET = apiRoute({ query: listQuery }, async ({ query }) => {
  if (query.seriesId) mustExist('series', query.seriesId, await getSeries(query.seriesId));
  return json({ schedules: await listSchedules(query) });
});

export const POST = apiRoute({ body: createBody }, async ({ body: { seriesId, ...input } }) => {
  const series = mustExist('series', seriesId, await getSeries(seriesId));
  return json({ schedule: await createSchedule(series, input) }, 201);
});
