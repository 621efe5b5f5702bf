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
import { z } from 'zod';
import { authenticateRequest } from '@/lib/auth/authenticate';
import { scopeOf, type AuthUser, type Scope } from '@/lib/auth/scope';
import { unauthorized } from './errors';
import { parseJsonBody, parseParams, parseQuery } from './parse';
import { errorResponse } from './response';

interface RouteSchemas {
  /** 'required' (the default): a signed-in user or API token; 'none': public. */
  auth?: 'required' | 'none';
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
  return async (request, context) => {
    try {
      let user: AuthUser | null = null;
      if (schemas.auth !== 'none') {
        user = await authenticateRequest(request);
        if (!user) throw unauthorized();
      }
      const input = {
        user,
        scope: user && scopeOf(user),
        request,
        params: schemas.params ? await parseParams(context?.params, schemas.params) : undefined,
        query: schemas.query ? parseQuery(request, schemas.query) : undefined,
        body: schemas.body ? await parseJsonBody(request, schemas.body) : undefined,
      } as RouteInput<S>;
      return await handler(input);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Params of every `[id]` route. */
export const idParams = z.object({ id: z.string().trim().min(1, 'id is required') });
