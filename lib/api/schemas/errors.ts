// The error envelope every failing endpoint answers with, and its codes: defined once here (pure,
// so the browser reads the same list); lib/api/errors.ts throws them and docs/api.md tables them.
import { z } from 'zod';

export const ERROR_CODES = [
  'validation_error',
  'unauthorized',
  'not_found',
  'conflict',
  'file_too_large',
  'body_too_large',
  'unsupported_media_type',
  'cross_origin_request',
  'invalid_csv',
  'series_too_short',
  'model_too_large',
  'future_not_covered',
  'too_many_requests',
  'internal_error',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: 'What is wrong and how to fix it' }),
      details: z.object({}).catchall(z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error envelope every failing endpoint answers with. */
export type ApiErrorBody = z.infer<typeof errorSchema>;
