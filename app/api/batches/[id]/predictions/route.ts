import { mustExist } from '@/lib/api/errors';
import { attachment, json } from '@/lib/api/response';
import { apiRoute, idParams } from '@/lib/api/route';
import { batchPredictionsQuery } from '@/lib/api/schemas/batches';
import {
  batchPredictionRows,
  batchPredictionsCsv,
  batchPredictionsFileName,
  batchPredictionsParquet,
} from '@/lib/batches/batch-predictions';
import { getBatch } from '@/lib/db/batches';
import { PARQUET_CONTENT_TYPE } from '@/lib/runs/predictions-parquet';

export const runtime = 'nodejs';

export const GET = apiRoute({ params: idParams, query: batchPredictionsQuery }, async ({ scope, params, query }) => {
  const batch = mustExist('batch', params.id, await getBatch(scope, params.id));
  const rows = await batchPredictionRows(batch);
  const name = batchPredictionsFileName(batch.id);
  if (query.format === 'csv') return attachment(batchPredictionsCsv(rows), 'text/csv; charset=utf-8', `${name}.csv`);
  if (query.format === 'parquet')
    return attachment(batchPredictionsParquet(rows), PARQUET_CONTENT_TYPE, `${name}.parquet`);
  return json({ batchId: batch.id, predictions: rows });
});
