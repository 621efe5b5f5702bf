import { mustExist } from '@/lib/api/errors';
import { json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { getRunForecastAsSystem } from '@/lib/db/predictions';
import { getRun } from '@/lib/db/runs';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  return json({ forecast: await getRunForecastAsSystem(run.id) });
});
