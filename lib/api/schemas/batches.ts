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

/** Up to this many series a batch trains per-series LSTMs by default; above, only the shared global one. */
export const PER_SERIES_LSTM_MAX_SERIES = 20;

/** Whether a batch of `series` series trains per-series LSTMs when its request does not say. */
export function defaultPerSeriesLstm(series: number): boolean {
  return series <= PER_SERIES_LSTM_MAX_SERIES;
}

/** The training settings of a single run, applied to every series, and optionally which series. */
export const createBatchBody = forecastConfigInputSchema.extend({
  perSeriesLstm: z
    .boolean()
    .optional()
    .meta({
      description:
        `Train each series' own LSTMs (LSTM, hybrid LSTM) beside the batch's one global LSTM. Default: on for up to ` +
        `${PER_SERIES_LSTM_MAX_SERIES} series, off above (then each series compares the classical models, the baselines ` +
        'and the shared global LSTM).',
    }),
  seriesIds: seriesSelection,
});

export const batchPredictionsQuery = z.object({ format: z.enum(['csv', 'json', 'parquet']).default('json') });
