// The CSRF defence of every state-changing API request (POST, PUT, PATCH, DELETE), applied by
// apiRoute before anything else runs:
// - the body's Content-Type must be the route's own (application/json, or multipart/form-data for
//   uploads): a cross-site HTML form can only send text/plain, urlencoded or multipart bodies, and
//   a cross-site fetch with application/json needs a CORS preflight that Horizon never grants;
// - unless the request carries an Authorization header (API tokens: a browser never attaches one
//   on its own, so such a request cannot be forged), it must come from Horizon's own pages: its
//   Origin header names this server, or (when a browser sends no Origin) Sec-Fetch-Site says
//   same-origin. This also covers sign-in and sign-up (login CSRF) and other sites on the same
//   host (another port is same-site, so SameSite=Lax cookies alone would be sent there).
// "This server" is HORIZON_ORIGIN when set (comma-separated origins, e.g. behind a proxy that
// rewrites Host), else the host the request was addressed to (X-Forwarded-Host or Host).
import { ApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type BodyKind = 'json' | 'multipart';

export function isStateChanging(request: Request): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase());
}

function mediaType(request: Request): string | null {
  const header = request.headers.get('content-type');
  return header === null ? null : header.split(';')[0].trim().toLowerCase();
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  // HTTP/1.1 (RFC 9112, 6.3): a request with neither header has no body. Next gives every
  // non-GET request a body stream, so \`request.body\` says nothing about what was sent.
  return request.headers.has('transfer-encoding');
}

/** 415 unless the body is of the route's kind; a body-less request (e.g. DELETE) passes. */
export function checkContentType(request: Request, kind: BodyKind): void {
  const type = mediaType(request);
  if (kind === 'multipart') {
    if (type === 'multipart/form-data') return;
    throw new ApiError(415, 'unsupported_media_type', 'Send the upload as multipart/form-data (FormData, or curl -F).');
  }
  if (type === 'application/json' || (type === null && !hasBody(request))) return;
  throw new ApiError(
    415,
    'unsupported_media_type',
    `Send the request body as JSON with "Content-Type: application/json"${type ? ` (got "${type}")` : ''}.`,
  );
}

/** The origins this server answers as: HORIZON_ORIGIN, else the one the request was sent to. */
function ownOrigins(request: Request): { origins: string[] } | { host: string; proto: string | null } {
  const configured = process.env.HORIZON_ORIGIN?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (configured?.length) return { origins: configured.map((origin) => new URL(origin).origin) };
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ||
    request.headers.get('host') ||
    new URL(request.url).host;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || null;
  return { host: host.toLowerCase(), proto };
}

function isOwnOrigin(request: Request, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const own = ownOrigins(request);
  if ('origins' in own) return own.origins.includes(url.origin);
  return url.host === own.host && (own.proto === null || url.protocol === `${own.proto}:`);
}

function forbidden(message: string): ApiError {
  return new ApiError(403, 'cross_origin_request', message);
}

/** 403 unless the request comes from Horizon's own pages or authenticates with a bearer token. */
export function checkSameOrigin(request: Request): void {
  if (request.headers.has('authorization')) return;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (isOwnOrigin(request, origin)) return;
    throw forbidden(
      `Requests from ${origin === 'null' ? 'an opaque origin' : origin} may not change anything here. ` +
        'Use Horizon\'s own pages, or send an API token ("Authorization: Bearer <token>"); behind a proxy, set HORIZON_ORIGIN.',
    );
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return;
  throw forbidden(
    'A request that changes something and is not sent with an API token must say where it comes from: ' +
      'send an Origin header naming this server (browsers do), or use "Authorization: Bearer <token>".',
  );
}
