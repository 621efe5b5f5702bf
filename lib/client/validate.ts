// Forms check what they are about to send with the route's own request schema (lib/api/schemas,
// pure zod), so the browser and the server cannot disagree about a field. A mismatch is the very
// ApiError the server would answer — 400 validation_error with `details.issues` — raised before
// any request, so a form shows the same field errors (ApiError.fieldErrors) either way.
import type { z } from 'zod';
import { ApiError } from './api-error';

/** The ApiError a body that does not match `schema` gets, or null when it matches. */
export function requestProblem(schema: z.ZodType, body: unknown): ApiError | null {
  const result = schema.safeParse(body);
  if (result.success) return null;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const described = issues.map(({ path, message }) => (path ? `${path}: ${message}` : message));
  return new ApiError(400, 'validation_error', `Invalid request. ${described.join('; ')}.`, { issues });
}

/** Throws requestProblem's error; returns `body` unchanged (it is sent as typed, the server parses it again). */
export function checkRequest<T>(schema: z.ZodType, body: T): T {
  const problem = requestProblem(schema, body);
  if (problem) throw problem;
  return body;
}
