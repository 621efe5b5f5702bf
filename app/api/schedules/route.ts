import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { createScheduleBody, listSchedulesQuery } from '@/lib/api/schemas/schedules';
import { getDataset } from '@/lib/db/datasets';
import { getSeries } from '@/lib/db/series';
import { createDatasetSchedule, createSchedule } from '@/lib/schedules/create-schedule';
import { listSchedules } from '@/lib/schedules/get-schedule';

export const runtime = 'nodejs';

export const GET = apiRoute({ query: listSchedulesQuery }, async ({ scope, query }) => {
  if (query.seriesId) mustExist('series', query.seriesId, await getSeries(scope, query.seriesId));
  if (query.datasetId) mustExist('dataset', query.datasetId, await getDataset(scope, query.datasetId));
  return json({ schedules: await listSchedules(scope, query) });
});

// One series (a run per firing) or a whole dataset (a batch per firing); the body has exactly one.
export const POST = apiRoute({ body: createScheduleBody }, async ({ scope, body }) => {
  const { seriesId, datasetId, seriesIds, ...input } = body;
  if (datasetId !== undefined) {
    const dataset = mustExist('dataset', datasetId, await getDataset(scope, datasetId));
    return json({ schedule: await createDatasetSchedule(scope, dataset, { ...input, seriesIds }) }, 201);
  }
  const series = mustExist('series', seriesId!, await getSeries(scope, seriesId!));
  return json({ schedule: await createSchedule(scope, series, input) }, 201);
});
