// Request schemas of the batch routes (POST /api/datasets/:id/runs, /api/batches/**): the routes
// parse with them and lib/api/openapi.ts documents them.
import { z } from 'zod';
import { forecastConfigInputSchema } from '@/lib/forecast/config';
import { entityId } from './ids';

/** Which series of a dataset a batch (or a dataset schedule's batches) forecasts; absent: all. */
export const seriesSelection = z
  .array(entityId)
  .min(1, 'seriesIds: give at least one series id, or leave it out to forecast every series')
  .max(10_000)
  .optional()
  .meta({ description: 'Series of the dataset to forecast; absent: all of them' });

/** The training settings of a single run, applied to every series, and optionally which series. */
export const createBatchBody = forecastConfigInputSchema.extend({ seriesIds: seriesSelection });

export const batchPredictionsQuery = z.object({ format: z.enum(['csv', 'json', 'parquet']).default('json') });
