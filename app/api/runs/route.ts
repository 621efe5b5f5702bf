import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute } from '@/lib/api/route';
import { createRunBody, listRunsQuery } from '@/lib/api/schemas/runs';
import { listRuns } from '@/lib/db/runs';
import { getDataset } from '@/lib/db/datasets';
import { getSeries } from '@/lib/db/series';
import { createRun } from '@/lib/runs/create-run';

export const runtime = 'nodejs';

export const GET = apiRoute({ query: listRunsQuery }, async ({ scope, query }) => {
  if (query.seriesId) mustExist('series', query.seriesId, await getSeries(scope, query.seriesId));
  if (query.datasetId) mustExist('dataset', query.datasetId, await getDataset(scope, query.datasetId));
  return json({ runs: await listRuns(scope, query) });
});

export const POST = apiRoute({ body: createRunBody }, async ({ scope, body: { seriesId, name, ...config } }) => {
  const series = mustExist('series', seriesId, await getSeries(scope, seriesId));
  const run = await createRun(scope, series, config, name ?? null);
  return json({ run: { id: run.id, status: run.status } }, 202);
});
