// Request schemas of the /api/runs routes: the routes parse with them and lib/api/openapi.ts
// documents them, so the contract has one source.
import { z } from 'zod';
import { entityId } from './ids';
import { PREDICTION_MODELS } from '@/lib/forecast/compared-models';
import { forecastConfigInputSchema } from '@/lib/forecast/config';

export const listRunsQuery = z.object({
  seriesId: entityId.optional(),
  datasetId: entityId.optional().meta({ description: 'Only the runs of this dataset’s series' }),
});

/** Longest run name (the column is VARCHAR of this length). */
export const RUN_NAME_MAX = 100;

/** A name the user gives a run ("before the price change"); trimmed, and blank means none. */
export const runNameSchema = z
  .string()
  .trim()
  .max(RUN_NAME_MAX)
  .nullable()
  .meta({ description: `Up to ${RUN_NAME_MAX} characters, trimmed; blank or null: no name` });

// The config fields are optional and strict: a misspelt field is a 400, not silently ignored.
export const createRunBody = forecastConfigInputSchema.extend({ seriesId: entityId, name: runNameSchema.optional() });

export const patchRunBody = z.strictObject({ name: runNameSchema });

export const predictionsQuery = z.object({
  format: z.enum(['csv', 'json', 'parquet']).default('json'),
  /** Absent: the run's champion. `ensemble` exists only when the champion is an average. */
  model: z.enum(PREDICTION_MODELS).optional(),
});
