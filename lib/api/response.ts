// The one place that turns results and thrown errors into HTTP responses. Every error answers with
// the envelope of docs/api.md: { error: { code, message, details? } }.
import { ZodError } from 'zod';
import { InvalidConfigError, ModelTooLargeError, SeriesTooShortError } from '@/lib/forecast/errors';
import { RedisUnavailableError } from '@/lib/queue/errors';
import { ApiError, badRequest, unavailable, unprocessable } from './errors';

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** A file download, e.g. a CSV export; `body` may be a stream, sent as it is produced, or bytes (Parquet). */
export function attachment(
  body: string | ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>,
  contentType: string,
  fileName: string,
): Response {
  return new Response(body, {
    headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${fileName}"` },
  });
}

/** One readable line per zod issue, e.g. "horizon: Too big: expected number to be <=1000". */
function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return badRequest(`Invalid request. ${error.issues.map(describeIssue).join('; ')}.`, { issues });
  }
  if (error instanceof SeriesTooShortError) {
    return unprocessable('series_too_short', error.message, { points: error.points, minimum: error.minimum });
  }
  if (error instanceof RedisUnavailableError) {
    console.error(error.message);
    return unavailable('The training queue (Redis) is unreachable. Check that Redis is running, then try again.');
  }
  if (error instanceof ModelTooLargeError) {
    return unprocessable('model_too_large', error.message, {
      trainingWindows: error.trainingWindows,
      issues: error.issues.map((message) => ({ path: message.split(':')[0], message })),
    });
  }
  if (error instanceof InvalidConfigError) {
    return badRequest(error.message, { issues: error.issues.map((message) => ({ path: '', message })) });
  }
  return null;
}

/** Known errors keep their status and message; anything else is a bug: logged, answered generically. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  if (!apiError) {
    console.error('Unhandled error in an API route:', error);
    return json(
      { error: { code: 'internal_error', message: 'Something went wrong on the server. The cause has been logged.' } },
      500,
    );
  }
  const { code, message, details, headers } = apiError;
  return json({ error: details ? { code, message, details } : { code, message } }, apiError.status, headers);
}
