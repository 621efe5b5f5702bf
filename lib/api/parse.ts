// Request parsing with zod. A schema mismatch throws ZodError, which lib/api/response.ts answers as
// 400 validation_error listing the fields. JSON bodies are read as a stream up to
// HORIZON_MAX_JSON_KB (413 beyond, without reading the rest), and no text may hold a NUL character
// (PostgreSQL cannot store one; it would fail as a 500 deep in a query instead).
import type { z } from 'zod';
import { badRequest, bodyTooLarge } from './errors';
import { maxJsonBytes } from './limits';

const NUL = '\u0000';

function noNul(where: string): Error {
  return badRequest(`The ${where} contains a NUL character (\\u0000), which Horizon cannot store. Remove it.`);
}

/** Query string → schema. Repeated keys keep the last value; schemas coerce numbers themselves. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (Object.entries(query).some(([key, value]) => key.includes(NUL) || value.includes(NUL)))
    throw noNul('query string');
  return schema.parse(query);
}

/**
 * The body's text, read chunk by chunk: 413 as soon as it passes `limitBytes` (or at once when
 * Content-Length says it will), so a 200 MB body is never held in memory.
 */
export async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  const length = Number(request.headers.get('content-length'));
  if (Number.isFinite(length) && length > limitBytes) throw bodyTooLarge(limitBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limitBytes);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** JSON body → schema. An empty body parses as `{}` so that all-optional bodies may be omitted. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await readLimitedText(request, maxJsonBytes());
  let body: unknown = {};
  if (text.trim()) {
    let hasNul = false;
    try {
      // Keys and strings are checked once decoded, so the escape \u0000 counts too.
      body = JSON.parse(text, (key, value: unknown) => {
        if (key.includes(NUL) || (typeof value === 'string' && value.includes(NUL))) hasNul = true;
        return value;
      });
    } catch {
      throw badRequest('The request body is not valid JSON. Send a JSON object with content-type application/json.');
    }
    if (hasNul) throw noNul('request body');
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
