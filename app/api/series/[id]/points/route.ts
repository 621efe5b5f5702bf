import { revalidatedJson } from '@/lib/api/conditional-get';
import { mustExist } from '@/lib/api/errors';
import { apiRoute, idParams } from '@/lib/api/route';
import { pointsQuery } from '@/lib/api/schemas/series';
import { getPointsVersion } from '@/lib/db/series';
import { chartPoints } from '@/lib/series/chart-points';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams, query: pointsQuery }, async ({ request, scope, params, query }) => {
  // The access check comes before the cache, which holds every user's series.
  const version = mustExist('series', params.id, await getPointsVersion(scope, params.id));
  return revalidatedJson(request, await chartPoints(params.id, version, query));
});
