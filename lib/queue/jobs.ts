// Job payloads. Jobs carry ids only; everything else is read from Postgres when the job runs, so a
// payload never goes stale. The worker parses payloads with these schemas before trusting them.
import { z } from 'zod';

export const trainJobSchema = z.object({ runId: z.string().min(1) });

export const scheduledTrainJobSchema = z.object({
  scheduleId: z.string().min(1),
  /** Set by the processor once it has created the run, so a retried attempt trains the same run. */
  runId: z.string().min(1).optional(),
  /** Set once a dataset schedule's firing has started its batch, so a retried attempt starts no second one. */
  batchId: z.string().min(1).optional(),
});

export const batchJobSchema = z.object({ batchId: z.string().min(1) });

export const batchChunkJobSchema = z.object({ batchId: z.string().min(1), runIds: z.array(z.string().min(1)).min(1) });

export type TrainJobData = z.infer<typeof trainJobSchema>;
export type BatchJobData = z.infer<typeof batchJobSchema>;
export type BatchChunkJobData = z.infer<typeof batchChunkJobSchema>;
export type ScheduledTrainJobData = z.infer<typeof scheduledTrainJobSchema>;
export type TrainQueueJobData = TrainJobData | ScheduledTrainJobData | BatchJobData | BatchChunkJobData;
