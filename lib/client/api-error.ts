// One error type for every failed API call, built from the JSON error envelope (docs/api.md), so
// components can branch on `status`/`code` and show `message`, which says what to fix.
import type { ApiErrorBody, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** CSV problems of a 422 `invalid_csv` answer (empty for any other error). */
  get problems(): Problem[] {
    const problems = this.details?.problems;
    return Array.isArray(problems) ? (problems as Problem[]) : [];
  }

  /** Per-field messages of a 400 `validation_error`, keyed by the field's top-level name. */
  get fieldErrors(): Record<string, string> {
    const issues = this.details?.issues;
    const out: Record<string, string> = {};
    if (!Array.isArray(issues)) return out;
    for (const issue of issues) {
      if (!issue || typeof issue !== 'object') continue;
      const { path, message } = issue as { path?: unknown; message?: unknown };
      const field = Array.isArray(path) ? path[0] : path;
      if ((typeof field === 'string' || typeof field === 'number') && typeof message === 'string') {
        out[String(field)] ??= message;
      }
    }
    return out;
  }
}

/** Turns a non-2xx answer into an ApiError, falling back to the status text for non-JSON bodies. */
export function apiErrorFrom(status: number, statusText: string, body: unknown): ApiError {
  const envelope = (body as Partial<ApiErrorBody> | null)?.error;
  if (envelope && typeof envelope.message === 'string') {
    return new ApiError(status, envelope.code ?? 'error', envelope.message, envelope.details);
  }
  if (status === 413) {
    return new ApiError(status, 'file_too_large', 'The file is larger than the server accepts.');
  }
  return new ApiError(status, 'http_error', `The server answered ${status} ${statusText}`.trim() + '.');
}

/** A readable message for anything thrown by a fetch helper (network errors included). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach the Horizon server. Check that it is running.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
