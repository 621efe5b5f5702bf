import { mustExist } from '@/lib/api/errors';
import { attachment, json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { predictionsQuery } from '@/lib/api/schemas/runs';
import { getRun } from '@/lib/db/runs';
import { predictionsAsCsv, predictionsAsJson, predictionsAsParquet } from '@/lib/runs/export-predictions';
import { PARQUET_CONTENT_TYPE } from '@/lib/runs/predictions-parquet';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams, query: predictionsQuery }, async ({ scope, params, query }) => {
  const run = mustExist('run', params.id, await getRun(scope, params.id));
  if (query.format === 'json') {
    // JSON for API clients, named like the CSV when a browser saves it.
    const { fileName, body } = await predictionsAsJson(run, query.model);
    return json(body, 200, { 'content-disposition': `attachment; filename="${fileName}"` });
  }
  if (query.format === 'parquet') {
    const { fileName, bytes } = await predictionsAsParquet(run, query.model);
    return attachment(bytes, PARQUET_CONTENT_TYPE, fileName);
  }
  const { fileName, csv } = await predictionsAsCsv(run, query.model);
  return attachment(csv, 'text/csv; charset=utf-8', fileName);
});
