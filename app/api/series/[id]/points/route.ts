import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { pointsQuery } from '@/lib/api/schemas/series';
import { getPoints, getSeries } from '@/lib/db/series';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams, query: pointsQuery }, async ({ scope, params, query }) => {
  const series = mustExist('series', params.id, await getSeries(scope, params.id));
  return json({ points: await getPoints(series.id, query) });
});
