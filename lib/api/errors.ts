// Typed errors that lib functions throw and lib/api/response.ts maps to HTTP, so a route never
// picks a status by hand. The codes are defined once in schemas/errors.ts; statuses are the table
// in docs/api.md.
import type { ErrorCode } from './schemas/errors';

export type { ErrorCode };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function badRequest(message: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(400, 'validation_error', message, details);
}

/** No valid session cookie or bearer token; `message` says how to authenticate. */
export function unauthorized(message = 'Sign in, or send an API token as "Authorization: Bearer <token>".'): ApiError {
  return new ApiError(401, 'unauthorized', message);
}

export function tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'too_many_requests',
    message,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export type EntityName = 'dataset' | 'series' | 'run' | 'schedule' | 'token' | 'batch';

export function notFound(entity: EntityName, id: string): ApiError {
  return new ApiError(404, 'not_found', `There is no ${entity} with id "${id}".`);
}

export function conflict(message: string): ApiError {
  return new ApiError(409, 'conflict', message);
}

export function fileTooLarge(limitMb: number): ApiError {
  return new ApiError(
    413,
    'file_too_large',
    `The upload is larger than ${limitMb} MB. Split the file, or raise HORIZON_MAX_UPLOAD_MB on the server.`,
  );
}

/** A JSON request body over HORIZON_MAX_JSON_KB. */
export function bodyTooLarge(limitBytes: number): ApiError {
  return new ApiError(
    413,
    'body_too_large',
    `The request body is larger than ${Math.round(limitBytes / 1024)} KB. Send less, or raise HORIZON_MAX_JSON_KB on the server.`,
    { limitBytes },
  );
}

export function unprocessable(
  code: 'invalid_csv' | 'series_too_short' | 'model_too_large' | 'future_not_covered',
  message: string,
  details?: Record<string, unknown>,
): ApiError {
  return new ApiError(422, code, message, details);
}

export function unavailable(message: string): ApiError {
  return new ApiError(503, 'unavailable', message);
}

/** The existence check of every route: the value, or a 404 naming what was asked for. */
export function mustExist<T>(entity: EntityName, id: string, value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound(entity, id);
  return value;
}
