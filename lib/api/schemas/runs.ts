// Request schemas of the /api/runs routes: the routes parse with them and lib/api/openapi.ts
// documents them, so the contract has one source.
import { z } from 'zod';
import { entityId } from './ids';
import { PREDICTION_MODELS } from '@/lib/forecast/compared-models';
import { forecastConfigInputSchema } from '@/lib/forecast/config';

export const listRunsQuery = z.object({ seriesId: entityId.optional() });

// The config fields are optional and strict: a misspelt field is a 400, not silently ignored.
export const createRunBody = forecastConfigInputSchema.extend({ seriesId: entityId });

export const predictionsQuery = z.object({
  format: z.enum(['csv', 'json', 'parquet']).default('json'),
  /** Absent: the run's champion. `ensemble` exists only when the champion is an average. */
  model: z.enum(PREDICTION_MODELS).optional(),
});
