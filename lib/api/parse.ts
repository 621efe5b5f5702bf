// Request parsing with zod. A schema mismatch throws ZodError, which lib/api/response.ts answers as
// 400 validation_error listing the fields.
import type { z } from 'zod';
import { badRequest } from './errors';

/** Query string → schema. Repeated keys keep the last value; schemas coerce numbers themselves. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return schema.parse(query);
}

/** JSON body → schema. An empty body parses as `{}` so that all-optional bodies may be omitted. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest('The request body is not valid JSON. Send a JSON object with content-type application/json.');
    }
  }
  return schema.parse(body);
}

/** Route params (a Promise since Next 15) → schema. */
export async function parseParams<S extends z.ZodType>(
  params: Promise<unknown> | undefined,
  schema: S,
): Promise<z.output<S>> {
  return schema.parse((await params) ?? {});
}
