// Conditional GET for answers that are the same until the data behind them changes (chart points):
// a strong ETag over the body, and 304 Not Modified when the client already holds that body.
// `private, no-cache` lets a browser keep the answer but makes it ask every time, so a request
// still goes through authentication and the access check before any 304; shared caches must not
// keep one user's data.
import { createHash } from 'node:crypto';

export interface TaggedBody {
  /** UTF-8 JSON. */
  body: Uint8Array<ArrayBuffer>;
  /** Strong ETag, quoted: `"…"`. */
  etag: string;
}

const REVALIDATE_EVERY_TIME = 'private, no-cache';

/** The body as JSON with a strong ETag derived from its bytes. */
export function taggedJson(data: unknown): TaggedBody {
  const body = new TextEncoder().encode(JSON.stringify(data));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * Whether `If-None-Match` names `etag` (or is `*`). RFC 9110 compares If-None-Match weakly: a
 * `W/` in front of a listed tag does not stop it from matching.
 */
export function ifNoneMatchHas(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((listed) => listed.trim().replace(/^W\//, '') === etag);
}

/** 200 with the body, or 304 without it when the client's copy is current. */
export function revalidatedJson(request: Request, { body, etag }: TaggedBody): Response {
  const headers = { etag, 'cache-control': REVALIDATE_EVERY_TIME };
  if (ifNoneMatchHas(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
