// Request schemas of the /api/schedules routes (parsed by the routes, documented by lib/api/openapi.ts).
import { z } from 'zod';
import { entityId } from './ids';
import { forecastConfigInputSchema } from '@/lib/forecast/config';
import { cronSchema, exactlyOneTimingIssue, hasExactlyOneTiming, intervalSchema } from '@/lib/queue/timing';

export const listSchedulesQuery = z.object({ seriesId: entityId.optional() });

export const createScheduleBody = z
  .strictObject({
    seriesId: entityId,
    every: intervalSchema.optional(),
    cron: cronSchema.optional(),
    config: forecastConfigInputSchema.optional(),
  })
  .refine(hasExactlyOneTiming, exactlyOneTimingIssue);

export const patchScheduleBody = z.strictObject({ paused: z.boolean() });
