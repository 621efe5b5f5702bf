// The OpenAPI 3.1 document of the REST API (served at GET /api/openapi.json, rendered at
// /docs/api). Request parts are converted from the very zod schemas the routes parse with, so
// the document cannot drift from validation; response shapes come from lib/api/schemas/responses.
// OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what z.toJSONSchema emits.
import { z } from 'zod';
import { idParams } from './route';
import { createTokenBody, signInBody, signUpBody } from './schemas/auth';
import { exportDatasetQuery, uploadDatasetQuery } from './schemas/datasets';
import { batchPredictionsQuery, createBatchBody } from './schemas/batches';
import { createRunBody, listRunsQuery, predictionsQuery } from './schemas/runs';
import { COMPONENT_SCHEMAS, RUN_STATUSES } from './schemas/responses';
import { createScheduleBody, listSchedulesQuery, patchScheduleBody } from './schemas/schedules';
import { pointsQuery } from './schemas/series';
import { parseFieldsSchema, uploadFieldsSchema } from './schemas/upload';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

interface ResponseSpec {
  description: string;
  /** JSON body; omitted for an empty answer. */
  schema?: JsonSchema;
  /** Other media types, e.g. text/csv or text/event-stream. */
  content?: Record<string, { schema: JsonSchema }>;
  headers?: Record<string, JsonSchema>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/runs/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  /** JSON body schema. */
  body?: z.ZodType;
  /** Multipart text fields beside the `file` field. */
  upload?: z.ZodType;
  /** Answers without credentials (the route says `auth: 'none'`); every other operation answers 401 without them. */
  public?: true;
  responses: Record<number, ResponseSpec>;
}

const ref = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });
const envelope = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});
const list = (id: string): JsonSchema => ({ type: 'array', items: ref(id) });

/** A request schema as JSON Schema: the input side (before coercions and defaults apply). */
function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

const errors = (...statuses: number[]): Record<number, ResponseSpec> =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_TEXT[status] ?? 'Error', schema: ref('Error') }]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: 'validation_error: the query or body does not match the schema (details.issues lists { path, message })',
  401: 'unauthorized: no valid session cookie or bearer token',
  404: 'not_found: no such dataset, series, run or schedule',
  409: 'conflict: the action does not fit the current state',
  413: 'file_too_large: upload over HORIZON_MAX_UPLOAD_MB',
  429: 'too_many_requests: too many sign-in attempts; details.retryAfterSeconds and the Retry-After header say when to try again',
  422: 'invalid_csv, series_too_short, model_too_large (units x layers or batchSize beyond what the series supports), or future_not_covered (known-future covariates lack values for forecast steps; details.missing lists them)',
  503: 'unavailable: database or Redis unreachable',
};

const datasetOut = envelope({ dataset: ref('Dataset') });
const runOut = envelope({ run: ref('Run') });
const scheduleOut = envelope({ schedule: ref('Schedule') });
const userOut = envelope({ user: ref('User') });
const SESSION_COOKIE_HEADER = {
  'Set-Cookie': {
    description: 'The session cookie (httpOnly, SameSite=Lax, Secure over https)',
    schema: { type: 'string' },
  },
};

/** Every endpoint, in the order the docs page lists them. */
export const OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/api/auth/sign-up',
    tag: 'Accounts',
    summary: 'Create an account',
    description:
      'Creates the account when the email is free and does nothing when it is taken, answering the same either way (so it does not reveal which emails have accounts); sign in next with the same credentials. ' +
      'The first account of an install is the admin and takes over datasets stored before accounts existed. 20 sign-ups per client address per hour.',
    public: true,
    body: signUpBody,
    responses: {
      202: {
        description: 'Done, whether the email was free or taken',
        schema: envelope({ message: { type: 'string' } }),
      },
      ...errors(400, 429),
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    tag: 'Accounts',
    summary: 'Sign in with email and password',
    description:
      'Sets the session cookie. 10 attempts per email and client address and 100 per address per 15 minutes (then 429); after 10 failures for an email, attempts for it are slowed down (up to 3 s), never refused.',
    public: true,
    body: signInBody,
    responses: {
      200: { description: 'Signed in', schema: userOut, headers: SESSION_COOKIE_HEADER },
      ...errors(400, 401, 429),
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    tag: 'Accounts',
    summary: 'End the session and clear its cookie',
    public: true,
    responses: { 204: { description: 'Signed out' } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in user',
    responses: { 200: { description: 'The user', schema: userOut } },
  },
  {
    method: 'get',
    path: '/api/tokens',
    tag: 'Accounts',
    summary: 'Your API tokens (never the secrets)',
    responses: { 200: { description: 'The tokens, newest first', schema: envelope({ tokens: list('ApiToken') }) } },
  },
  {
    method: 'post',
    path: '/api/tokens',
    tag: 'Accounts',
    summary: 'Create an API token',
    description:
      'The answer is the only time the token is shown: store it. Send it as `Authorization: Bearer <token>`.',
    body: createTokenBody,
    responses: {
      201: {
        description: 'Created',
        schema: envelope({ token: { type: 'string', description: 'hzn_…' }, apiToken: ref('ApiToken') }),
      },
      ...errors(400),
    },
  },
  {
    method: 'delete',
    path: '/api/tokens/{id}',
    tag: 'Accounts',
    summary: 'Revoke an API token',
    responses: { 204: { description: 'Revoked: the token answers 401 from now on' }, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/health',
    tag: 'Health',
    summary: 'Database, Redis and worker status',
    public: true,
    responses: {
      200: { description: 'Everything is up', schema: ref('Health') },
      503: { description: 'A dependency is down (same shape, "error" values)', schema: ref('Health') },
    },
  },
  {
    method: 'get',
    path: '/api/holidays',
    tag: 'Runs',
    summary: 'The public-holiday calendars a run, batch or schedule may name in `holidays`',
    responses: {
      200: {
        description: 'Countries by name, each with its regions',
        schema: envelope({ countries: list('HolidayCountry') }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/datasets/preview',
    tag: 'Datasets',
    summary: 'Detect the layout of a CSV without storing it',
    upload: parseFieldsSchema,
    responses: {
      200: {
        description: 'The detection',
        schema: envelope({ preview: ref('FilePreview') }),
      },
      ...errors(400, 413),
    },
  },
  {
    method: 'post',
    path: '/api/datasets',
    tag: 'Datasets',
    summary: 'Import a CSV as a dataset',
    description:
      '`name` defaults to the file name without its extension. A file that cannot be imported stores nothing. The file is read as it streams in: send the text fields before the file part.',
    query: uploadDatasetQuery,
    upload: uploadFieldsSchema,
    responses: { 201: { description: 'Imported', schema: datasetOut }, ...errors(400, 413, 422) },
  },
  {
    method: 'get',
    path: '/api/uploads/{id}',
    tag: 'Datasets',
    summary: 'Progress of an upload being imported',
    description:
      'For the `uploadId` given to POST /api/datasets or POST /api/datasets/{id}/append: bytes received and rows parsed while the file streams in. 404 until the upload has started and a few minutes after it ended.',
    responses: {
      200: { description: 'The progress', schema: envelope({ upload: ref('UploadProgress') }) },
      ...errors(400, 404),
    },
  },
  {
    method: 'get',
    path: '/api/datasets',
    tag: 'Datasets',
    summary: 'All datasets, newest first',
    responses: { 200: { description: 'The datasets', schema: envelope({ datasets: list('Dataset') }) } },
  },
  {
    method: 'get',
    path: '/api/datasets/{id}',
    tag: 'Datasets',
    summary: 'One dataset with its series',
    responses: { 200: { description: 'The dataset', schema: datasetOut }, ...errors(404) },
  },
  {
    method: 'delete',
    path: '/api/datasets/{id}',
    tag: 'Datasets',
    summary: 'Delete a dataset with its series, runs and schedules',
    responses: { 204: { description: 'Deleted' }, ...errors(404) },
  },
  {
    method: 'post',
    path: '/api/datasets/{id}/append',
    tag: 'Datasets',
    summary: 'Append a CSV to a dataset',
    description:
      'Series with matching names are extended, new names are added; at a stored timestamp the new value wins unless `duplicatePolicy` says otherwise. All or nothing. With `uploadId`, GET /api/uploads/{id} follows it as it streams in.',
    query: uploadDatasetQuery,
    upload: parseFieldsSchema,
    responses: {
      200: { description: 'Appended', schema: envelope({ dataset: ref('Dataset'), appended: list('AppendedSeries') }) },
      ...errors(400, 404, 413, 422),
    },
  },
  {
    method: 'get',
    path: '/api/datasets/{id}/export',
    tag: 'Datasets',
    summary: 'Download a dataset as one CSV',
    query: exportDatasetQuery,
    responses: {
      200: { description: 'A CSV attachment', content: { 'text/csv': { schema: { type: 'string' } } } },
      ...errors(400, 404),
    },
  },
  {
    method: 'get',
    path: '/api/series/{id}',
    tag: 'Series',
    summary: 'One series and the config a run gets by default',
    responses: {
      200: {
        description: 'The series',
        schema: envelope({ series: ref('Series'), defaultConfig: ref('ForecastConfig') }),
      },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/api/series/{id}/points',
    tag: 'Series',
    summary: 'Points of a series, evenly downsampled to at most `max`',
    query: pointsQuery,
    responses: {
      200: {
        description: 'The points',
        schema: envelope({ points: list('Point') }),
        headers: {
          ETag: { description: 'Strong tag of this answer; it changes when the points do', schema: { type: 'string' } },
        },
      },
      304: { description: 'Not modified: `If-None-Match` holds the current ETag' },
      ...errors(400, 404),
    },
  },
  {
    method: 'post',
    path: '/api/runs',
    tag: 'Runs',
    summary: 'Queue a training run',
    description: 'Missing config fields get defaults from the series; an unknown field is a 400.',
    body: createRunBody,
    responses: {
      202: {
        description: 'Queued',
        schema: envelope({ run: envelope({ id: { type: 'string' }, status: { const: 'queued' } }) }),
      },
      ...errors(400, 404, 422, 503),
    },
  },
  {
    method: 'get',
    path: '/api/runs',
    tag: 'Runs',
    summary: 'Runs, newest first',
    query: listRunsQuery,
    responses: { 200: { description: 'The runs', schema: envelope({ runs: list('Run') }) }, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/runs/{id}',
    tag: 'Runs',
    summary: 'One run',
    responses: { 200: { description: 'The run', schema: runOut }, ...errors(404) },
  },
  {
    method: 'delete',
    path: '/api/runs/{id}',
    tag: 'Runs',
    summary: 'Delete a run',
    responses: { 204: { description: 'Deleted' }, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/runs/{id}/events',
    tag: 'Runs',
    summary: 'Live updates of a run (server-sent events)',
    description:
      'A `text/event-stream`: a `run` event whose data is the Run JSON, sent at once and again on every change; the stream ends after a finished status. A comment line every 15 s keeps it open.',
    responses: {
      200: {
        description: 'The event stream',
        content: { 'text/event-stream': { schema: { type: 'string', description: 'event: run\\ndata: <Run JSON>' } } },
      },
      ...errors(404),
    },
  },
  {
    method: 'post',
    path: '/api/runs/{id}/cancel',
    tag: 'Runs',
    summary: 'Cancel a queued or running run',
    responses: { 200: { description: 'Cancelled', schema: runOut }, ...errors(404, 409) },
  },
  {
    method: 'get',
    path: '/api/runs/{id}/predictions',
    tag: 'Runs',
    summary: "One model's predictions (the run's champion unless `model` is given) for the test window and the future",
    query: predictionsQuery,
    responses: {
      200: {
        description:
          'JSON, a CSV attachment with format=csv, or an Apache Parquet file with format=parquet (empty until the run has succeeded)',
        schema: envelope({
          runId: { type: 'string' },
          seriesId: { type: 'string' },
          model: { type: 'string' },
          predictions: list('PredictionRow'),
        }),
        content: {
          'text/csv': {
            schema: {
              type: 'string',
              description: 'timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,series,p10,p50,p90',
            },
          },
          'application/vnd.apache.parquet': {
            schema: {
              type: 'string',
              format: 'binary',
              description: 'The same columns; timestamp as TIMESTAMP_MILLIS (UTC)',
            },
          },
        },
      },
      ...errors(400, 404),
    },
  },
  {
    method: 'get',
    path: '/api/runs/{id}/forecast',
    tag: 'Runs',
    summary: 'Chart data: test window and future of every model',
    responses: {
      200: {
        description: 'Empty arrays until the run has succeeded',
        schema: envelope({ forecast: ref('RunForecast') }),
      },
      ...errors(404),
    },
  },
  {
    method: 'post',
    path: '/api/datasets/{id}/runs',
    tag: 'Batches',
    summary: 'Forecast many series of a dataset at once (a batch)',
    description:
      'One run per series (all of them, or `seriesIds`), with the training settings of a single run. The batch is a BullMQ flow: chunks of series are shared by every worker process. A series too short for the settings gets a failed run saying why; the others still train.',
    body: createBatchBody,
    responses: {
      202: {
        description: 'Queued',
        schema: envelope({ batch: envelope({ id: { type: 'string' }, status: { const: 'queued' } }) }),
      },
      ...errors(400, 404, 503),
    },
  },
  {
    method: 'get',
    path: '/api/batches/{id}',
    tag: 'Batches',
    summary: 'A batch: status, progress, aggregate scores and one row per series',
    responses: { 200: { description: 'The batch', schema: envelope({ batch: ref('Batch') }) }, ...errors(404) },
  },
  {
    method: 'post',
    path: '/api/batches/{id}/cancel',
    tag: 'Batches',
    summary: 'Cancel a queued or running batch and its runs still in progress',
    responses: {
      200: {
        description: 'Cancelled',
        schema: envelope({ batch: envelope({ id: { type: 'string' }, status: { const: 'cancelled' } }) }),
      },
      ...errors(404, 409),
    },
  },
  {
    method: 'get',
    path: '/api/batches/{id}/sparklines',
    tag: 'Batches',
    summary: "Each series' newest values and its champion's forecast, for the batch page's sparklines",
    responses: {
      200: { description: 'One per series, by name', schema: envelope({ sparklines: list('BatchSparkline') }) },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/api/batches/{id}/predictions',
    tag: 'Batches',
    summary: "Every series' predictions (each run's champion) in one long table",
    query: batchPredictionsQuery,
    responses: {
      200: {
        description:
          'JSON, a CSV attachment (format=csv) or an Apache Parquet file (format=parquet); series whose run has not succeeded have no rows',
        schema: envelope({ batchId: { type: 'string' }, predictions: list('BatchPredictionRow') }),
        content: {
          'text/csv': {
            schema: {
              type: 'string',
              description:
                'series,timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,seriesId,runId,p10,p50,p90',
            },
          },
          'application/vnd.apache.parquet': {
            schema: {
              type: 'string',
              format: 'binary',
              description: 'The same columns; timestamp as TIMESTAMP_MILLIS (UTC)',
            },
          },
        },
      },
      ...errors(400, 404),
    },
  },
  {
    method: 'post',
    path: '/api/schedules',
    tag: 'Schedules',
    summary: 'Retrain a series, or a whole dataset, on a schedule',
    description:
      "Exactly one of `seriesId` (a run per firing) and `datasetId` (a batch per firing over all the dataset's series, or `seriesIds`, as POST /api/datasets/{id}/runs starts), and exactly one of `every` and `cron` (UTC). A firing is skipped, with the reason in `lastSkip`, while the series is still training or the schedule's previous batch is still running, and for a dataset schedule while the owner is at the queued-runs cap.",
    body: createScheduleBody,
    responses: { 201: { description: 'Created', schema: scheduleOut }, ...errors(400, 404, 422, 503) },
  },
  {
    method: 'get',
    path: '/api/schedules',
    tag: 'Schedules',
    summary: 'Schedules, newest first',
    query: listSchedulesQuery,
    responses: {
      200: { description: 'The schedules', schema: envelope({ schedules: list('Schedule') }) },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/api/schedules/{id}',
    tag: 'Schedules',
    summary: 'One schedule with its recent runs (or batches)',
    responses: { 200: { description: 'The schedule', schema: scheduleOut }, ...errors(404) },
  },
  {
    method: 'patch',
    path: '/api/schedules/{id}',
    tag: 'Schedules',
    summary: 'Pause or resume a schedule',
    body: patchScheduleBody,
    responses: { 200: { description: 'Updated', schema: scheduleOut }, ...errors(400, 404) },
  },
  {
    method: 'delete',
    path: '/api/schedules/{id}',
    tag: 'Schedules',
    summary: 'Delete a schedule',
    responses: { 204: { description: 'Deleted' }, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Meta',
    summary: 'This document',
    public: true,
    responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } },
  },
];

function pathParameters(path: string): JsonSchema[] {
  const idSchema = requestSchema(idParams) as { properties: Record<string, JsonSchema> };
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: idSchema.properties[name] ?? { type: 'string' },
  }));
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = requestSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function requestBody(operation: OperationSpec): JsonSchema | undefined {
  if (operation.body) {
    return { required: false, content: { 'application/json': { schema: requestSchema(operation.body) } } };
  }
  if (operation.upload) {
    const fields = requestSchema(operation.upload) as { properties?: Record<string, JsonSchema> };
    const schema = {
      type: 'object',
      // Fields before the file: the server streams the file and must know how to read it by then.
      properties: {
        ...fields.properties,
        file: { type: 'string', format: 'binary', description: 'The CSV file; after the other fields' },
      },
      required: ['file'],
    };
    return { required: true, content: { 'multipart/form-data': { schema } } };
  }
  return undefined;
}

function responses(specs: Record<number, ResponseSpec>): JsonSchema {
  return Object.fromEntries(
    Object.entries(specs).map(([status, { description, schema, content, headers }]) => {
      const media = { ...(schema ? { 'application/json': { schema } } : {}), ...content };
      return [
        status,
        { description, ...(Object.keys(media).length ? { content: media } : {}), ...(headers ? { headers } : {}) },
      ];
    }),
  );
}

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const schema of COMPONENT_SCHEMAS) {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error('Every component schema needs .meta({ id })');
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATIONS) {
    const parameters = [
      ...pathParameters(operation.path),
      ...(operation.query ? queryParameters(operation.query) : []),
    ];
    const body = requestBody(operation);
    (paths[operation.path] ??= {})[operation.method] = {
      operationId: `${operation.method}${operation.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      // Public operations opt out of the document-wide security requirement.
      ...(operation.public ? { security: [] } : {}),
      responses: responses(operation.public ? operation.responses : { ...operation.responses, ...errors(401) }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Horizon API',
      version: '1.0.0',
      description: `Time-series forecasting: datasets, series, training runs (status: ${RUN_STATUSES.join(', ')}) and schedules. Every error answers with { "error": { "code", "message", "details"? } }.`,
    },
    tags: [...new Set(OPERATIONS.map((operation) => operation.tag))].map((name) => ({ name })),
    // Either credential works on every operation that is not marked public.
    security: [{ sessionCookie: [] }, { bearerToken: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'horizon_session',
          description: 'Set by sign-in and sign-up.',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (hzn_…) created on the Tokens page, `POST /api/tokens` or `npm run token:create`.',
        },
      },
    },
  };
}
