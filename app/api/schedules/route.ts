import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { createScheduleBody, listSchedulesQuery } from '@/lib/api/schemas/schedules';
import { getSeries } from '@/lib/db/series';
import { createSchedule } from '@/lib/schedules/create-schedule';
import { listSchedules } from '@/lib/schedules/get-schedule';

export const runtime = 'nodejs';

export const GET = apiRoute({ query: listSchedulesQuery }, async ({ scope, query }) => {
  if (query.seriesId) mustExist('series', query.seriesId, await getSeries(scope, query.seriesId));
  return json({ schedules: await listSchedules(scope, query) });
});

export const POST = apiRoute({ body: createScheduleBody }, async ({ scope, body: { seriesId, ...input } }) => {
  const series = mustExist('series', seriesId, await getSeries(scope, seriesId));
  return json({ schedule: await createSchedule(scope, series, input) }, 201);
});
