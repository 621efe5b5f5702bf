import { z } from 'zod';
import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { listRuns } from '@/lib/db/runs';
import { getSeries } from '@/lib/db/series';
import { forecastConfigInputSchema } from '@/lib/forecast/config';
import { createRun } from '@/lib/runs/create-run';

export const runtime = 'nodejs';

const listQuery = z.object({ seriesId: z.string().min(1).optional() });

// The config fields are optional and strict: a misspelt field is a 400, not silently ignored.
const createBody = forecastConfigInputSchema.extend({ seriesId: z.string().min(1) });

export const GET = apiRoute({ query: listQuery }, async ({ query }) => {
  if (query.seriesId) mustExist('series', query.seriesId, await getSeries(query.seriesId));
  return json({ runs: await listRuns(query) });
});

export const POST = apiRoute({ body: createBody }, async ({ body: { seriesId, ...config } }) => {
  const series = mustExist('series', seriesId, await getSeries(seriesId));
  const run = await createRun(series, config);
  return json({ run: { id: run.id, status: run.status } }, 202);
});
