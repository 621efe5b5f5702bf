// Helpers for integration tests that call route handlers directly with real Requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteContext } from '@/lib/api/route';

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;

const BASE = 'http://horizon.test';

export interface CallOptions {
  method?: string;
  /** Path and query, e.g. '/api/runs?seriesId=x'. */
  path?: string;
  /** Sent as JSON unless it is FormData. */
  body?: unknown;
  params?: Record<string, string>;
}

export async function call(handler: Handler, { method = 'GET', path = '/', body, params }: CallOptions = {}): Promise<Response> {
  const init: RequestInit = { method };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return handler(new Request(`${BASE}${path}`, init), params ? { params: Promise.resolve(params) } : undefined);
}

/** Calls and parses the JSON body; the status is returned beside it. */
export async function callJson<T = any>(handler: Handler, options: CallOptions = {}): Promise<{ status: number; body: T }> {
  const response = await call(handler, options);
  return { status: response.status, body: (await response.json()) as T };
}

export function csvForm(csv: string, fileName = 'upload.csv', fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([csv], fileName, { type: 'text/csv' }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

export function fixtureCsv(name: string): string {
  return readFileSync(join(process.cwd(), 'e2e', 'fixtures', name), 'utf8');
}

/** A daily series with weekly seasonality: `points` rows of date,value. */
export function dailyCsv(points: number, column = 'value', start = Date.UTC(2024, 0, 1)): string {
  const rows = Array.from({ length: points }, (_, i) => {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const value = 100 + i * 0.5 + 10 * Math.sin((2 * Math.PI * i) / 7);
    return `${date},${value.toFixed(2)}`;
  });
  return [`date,${column}`, ...rows].join('\n') + '\n';
}
