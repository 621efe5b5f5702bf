// The wrapper every route handler is built with. It parses params, query and JSON body with the
// schemas given and maps anything thrown to the error envelope, so a handler body reads:
// existence check → one lib call → json.
//
//   export const GET = apiRoute({ params: idParams }, async ({ params }) => {
//     const run = mustExist('run', params.id, await getRun(params.id));
//     return json({ run });
//   });
import { z } from 'zod';
import { parseJsonBody, parseParams, parseQuery } from './parse';
import { errorResponse } from './response';

interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Parsed<S extends RouteSchemas, K extends keyof RouteSchemas> = S extends { [key in K]: infer T extends z.ZodType }
  ? z.output<T>
  : undefined;

export interface RouteInput<S extends RouteSchemas> {
  request: Request;
  params: Parsed<S, 'params'>;
  query: Parsed<S, 'query'>;
  body: Parsed<S, 'body'>;
}

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
      const input = {
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
