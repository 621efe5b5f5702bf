// The wrapper every route handler is built with. It authenticates the caller (session cookie or
// bearer token; 401 when required and missing), parses params, query and JSON body with the
// schemas given and maps anything thrown to the error envelope, so a handler body reads:
// existence check in the caller's scope → one lib call → json.
//
//   export const GET = apiRoute({ params: idParams }, async ({ scope, params }) => {
//     const run = mustExist('run', params.id, await getRun(scope, params.id));
//     return json({ run });
//   });
//
// Auth is required unless a route says `auth: 'none'` (health, sign-in/up/out, openapi.json).
//
// Before the handler runs, every state-changing request passes the CSRF checks of
// request-guard.ts (its Content-Type, and its Origin unless it sends an API token); params that
// are not shaped like ids answer 404 before any query. Answers to authenticated routes are
// `Cache-Control: no-store` (unless the handler chose a policy), and carry the session cookie
// again when this request extended the session.
import { z } from 'zod';
import { authenticate } from '@/lib/auth/authenticate';
import { scopeOf, type AuthUser, type Scope } from '@/lib/auth/scope';
import { ApiError, unauthorized } from './errors';
import { entityId } from './schemas/ids';
import { parseJsonBody, parseParams, parseQuery } from './parse';
import { checkContentType, checkSameOrigin, isStateChanging } from './request-guard';
import { errorResponse } from './response';

interface RouteSchemas {
  /** 'required' (the default): a signed-in user or API token; 'none': public. */
  auth?: 'required' | 'none';
  /** The body is a multipart/form-data upload (read by the handler) rather than JSON. */
  upload?: true;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Caller<S extends RouteSchemas> = S extends { auth: 'none' }
  ? { user: null; scope: null }
  : { user: AuthUser; scope: Scope };

type Parsed<S extends RouteSchemas, K extends keyof RouteSchemas> = S extends { [key in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export type RouteInput<S extends RouteSchemas> = Caller<S> & {
  request: Request;
  params: Parsed<S, 'params'>;
  query: Parsed<S, 'query'>;
  body: Parsed<S, 'body'>;
};

/** What Next passes as the second argument; optional so tests can call list routes with a Request only. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export function apiRoute<S extends RouteSchemas>(
  schemas: S,
  handler: (input: RouteInput<S>) => Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  const authenticated = schemas.auth !== 'none';
  return async (request, context) => {
    let renewedCookie: string | null = null;
    let response: Response;
    try {
      const changes = isStateChanging(request);
      if (changes) checkContentType(request, schemas.upload ? 'multipart' : 'json');
      let user: AuthUser | null = null;
      if (authenticated) {
        const auth = await authenticate(request);
        if (!auth) throw unauthorized();
        user = auth.user;
        renewedCookie = auth.renewedCookie;
      }
      if (changes) checkSameOrigin(request);
      const input = {
        user,
        scope: user && scopeOf(user),
        request,
        params: schemas.params ? await parseIdParams(context?.params, schemas.params) : undefined,
        query: schemas.query ? parseQuery(request, schemas.query) : undefined,
        body: schemas.body ? await parseJsonBody(request, schemas.body) : undefined,
      } as RouteInput<S>;
      response = await handler(input);
    } catch (error) {
      response = errorResponse(error);
    }
    if (authenticated) return withPrivateHeaders(response, renewedCookie);
    return response;
  };
}

/** no-store unless the handler set a cache policy (ETag revalidation, event streams); the renewed cookie. */
function withPrivateHeaders(response: Response, renewedCookie: string | null): Response {
  try {
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    if (renewedCookie && !response.headers.has('set-cookie')) response.headers.append('set-cookie', renewedCookie);
    return response;
  } catch {
    // Immutable headers (a Response.redirect or a fetched response): copy them.
    const headers = new Headers(response.headers);
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    if (renewedCookie && !headers.has('set-cookie')) headers.append('set-cookie', renewedCookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Params that do not match the route's shape (a NUL, a megabyte, a stray character) name nothing: 404. */
async function parseIdParams<T extends z.ZodType>(
  params: RouteContext['params'] | undefined,
  schema: T,
): Promise<z.output<T>> {
  try {
    return await parseParams(params, schema);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    throw new ApiError(
      404,
      'not_found',
      'Nothing here: the id in this address is not one Horizon gives out (letters, digits, "-" and "_").',
    );
  }
}

/** Params of every `[id]` route. */
export const idParams = z.object({ id: entityId });
