import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { getSeries } from '@/lib/db/series';
import { defaultRunConfig } from '@/lib/runs/run-config';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const series = mustExist('series', params.id, await getSeries(scope, params.id));
  return json({ series, defaultConfig: defaultRunConfig(series) });
});
