// Request schemas of the /api/schedules routes (parsed by the routes, documented by lib/api/openapi.ts).
import { z } from 'zod';
import { seriesSelection } from './batches';
import { entityId } from './ids';
import { forecastConfigInputSchema } from '@/lib/forecast/config';
import { cronSchema, exactlyOneTimingIssue, hasExactlyOneTiming, intervalSchema } from '@/lib/queue/timing';

export const listSchedulesQuery = z.object({
  seriesId: entityId.optional().meta({ description: 'Only the schedules of this series' }),
  datasetId: entityId
    .optional()
    .meta({ description: "Only the schedules of this dataset as a whole (not its series' own)" }),
});

/**
 * A schedule retrains one series (`seriesId`: a run per firing) or a dataset (`datasetId`: a batch
 * per firing over all its series, or `seriesIds`, as POST /api/datasets/:id/runs starts).
 */
export const createScheduleBody = z
  .strictObject({
    seriesId: entityId.optional().meta({ description: 'The series to retrain; or give datasetId' }),
    datasetId: entityId.optional().meta({
      description: 'The dataset whose series to retrain together, as a batch on each firing; or give seriesId',
    }),
    seriesIds: seriesSelection.meta({
      description: 'With datasetId: which of its series each batch forecasts; absent: all of them at each firing',
    }),
    every: intervalSchema.optional(),
    cron: cronSchema.optional(),
    config: forecastConfigInputSchema
      .optional()
      .meta({ description: 'Training settings of every run (or of every series of each batch)' }),
  })
  .refine((body) => (body.seriesId === undefined) !== (body.datasetId === undefined), {
    message:
      'Give exactly one of "seriesId" (retrain one series) and "datasetId" (retrain the dataset\'s series as a batch).',
    path: ['seriesId'],
  })
  .refine((body) => body.seriesIds === undefined || body.datasetId !== undefined, {
    message: '"seriesIds" selects series of a dataset: give it with "datasetId", not with "seriesId".',
    path: ['seriesIds'],
  })
  .refine(hasExactlyOneTiming, exactlyOneTimingIssue);

export const patchScheduleBody = z.strictObject({ paused: z.boolean() });
