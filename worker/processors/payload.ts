import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';

/** A payload that does not match its schema will never process: fail the job without retries. */
export function parsePayload<S extends z.ZodType>(schema: S, job: Job): z.output<S> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `Job ${job.id} (${job.name}) has an invalid payload: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
