// Response shapes of docs/api.md as zod schemas, for the OpenAPI document only (the routes build
// their answers from typed lib functions). Deep, self-describing parts of a run (metrics,
// evaluation) are kept as open objects here: docs/api.md describes them field by field.
import { z } from 'zod';
import { forecastConfigSchema } from '@/lib/forecast/config';
import { RESAMPLE_FREQUENCIES } from '@/lib/ingest';

const timestamp = z.iso.datetime();
const openObject = z.object({}).catchall(z.unknown());
const FREQUENCIES = [...RESAMPLE_FREQUENCIES, 'irregular'] as const;

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'validation_error',
        'unauthorized',
        'not_found',
        'conflict',
        'file_too_large',
        'body_too_large',
        'unsupported_media_type',
        'cross_origin_request',
        'invalid_csv',
        'series_too_short',
        'too_many_requests',
        'internal_error',
        'unavailable',
      ]),
      message: z.string().meta({ description: 'What is wrong and how to fix it' }),
      details: openObject.optional(),
    }),
  })
  .meta({ id: 'Error' });

export const forecastConfigResponseSchema = forecastConfigSchema.meta({ id: 'ForecastConfig' });

export const seriesSchema = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    name: z.string(),
    frequency: z.enum(FREQUENCIES),
    points: z.number().int(),
    start: timestamp,
    end: timestamp,
    timeOffset: z
      .string()
      .nullable()
      .meta({ description: 'The UTC offset the file wrote its timestamps in, e.g. "+02:00", for display; null: none (UTC)' }),
  })
  .meta({ id: 'Series' });

export const datasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    fileName: z.string().nullable(),
    createdAt: timestamp,
    series: z.array(seriesSchema),
  })
  .meta({ id: 'Dataset' });

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const runSchema = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    scheduleId: z.string().nullable(),
    batchId: z.string().nullable().meta({ description: 'The batch that created the run (POST /api/datasets/{id}/runs); null for single runs' }),
    status: z.enum(RUN_STATUSES),
    progress: z.number().min(0).max(1),
    progressDetail: z
      .object({
        phase: z.enum(['backtest', 'evaluate', 'refit']),
        epoch: z.number().int(),
        epochs: z.number().int(),
        window: z.number().int().nullable(),
        windows: z.number().int().nullable(),
      })
      .nullable()
      .meta({ description: 'The fit in progress; null before training and once finished' }),
    config: forecastConfigResponseSchema,
    backend: z.string().nullable(),
    metrics: openObject.nullable().meta({ description: 'Backtest accuracy per model (lstm, lstmHybrid, lstmGlobal when the run trained it, mstl, ets, autoArima, naive, seasonalNaive, drift); null until succeeded' }),
    evaluation: openObject.nullable().meta({ description: 'season, backtest, skill, verdict, coverage, champion (model, members, reason, metrics, coverage, lstmFamily), fitMs; null until succeeded' }),
    history: z.array(z.object({ epoch: z.number().int(), loss: z.number(), valLoss: z.number().optional() })),
    summary: z
      .object({ points: z.number().int(), trainStart: timestamp, trainEnd: timestamp, testStart: timestamp, testEnd: timestamp })
      .nullable(),
    durationMs: z.number().nullable(),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    queuePosition: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .meta({ description: 'Only while queued: the 1-based place among the runs waiting for a worker; null when unknown' }),
  })
  .meta({ id: 'Run' });

export const scheduleSchema = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    every: z.string().nullable(),
    cron: z.string().nullable(),
    config: openObject.meta({ description: 'The config fields set for its runs ({} when none)' }),
    paused: z.boolean(),
    createdAt: timestamp,
    nextRunAt: timestamp.nullable(),
    runs: z.array(z.object({ id: z.string(), status: z.enum(RUN_STATUSES), createdAt: timestamp })),
    lastSkip: z
      .object({ at: timestamp, reason: z.string() })
      .nullable()
      .meta({ description: 'The newest firing that created no run because the series was already training, and why' }),
  })
  .meta({ id: 'Schedule' });

export const healthSchema = z
  .object({ db: z.string(), redis: z.string(), workers: z.number().int() })
  .meta({ id: 'Health' });

const nullableNumber = z.number().nullable();

export const predictionRowSchema = z
  .object({
    timestamp,
    forecast: nullableNumber,
    actual: nullableNumber,
    lo80: nullableNumber,
    hi80: nullableNumber,
    lo95: nullableNumber,
    hi95: nullableNumber,
    segment: z.enum(['test', 'future']),
  })
  .meta({ id: 'PredictionRow' });

export const appendedSeriesSchema = z
  .object({
    seriesId: z.string(),
    name: z.string(),
    created: z.boolean(),
    added: z.number().int(),
    overlapping: z.number().int(),
  })
  .meta({ id: 'AppendedSeries' });

export const uploadProgressSchema = z
  .object({
    id: z.string(),
    phase: z.enum(['receiving', 'storing', 'done', 'failed']),
    bytesReceived: z.number().int().meta({ description: 'Bytes of the file received so far' }),
    bytesTotal: z.number().int().nullable().meta({ description: 'The request Content-Length (file plus form), null if not sent' }),
    rowsParsed: z.number().int().meta({ description: 'CSV records read so far, header included' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'UploadProgress' });

/** Every schema above that the document lists under components.schemas. */
export const userSchema = z
  .object({ id: z.string(), email: z.string(), isAdmin: z.boolean().meta({ description: 'The first account of an install' }) })
  .meta({ id: 'User' });

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the token, to tell tokens apart' }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().meta({ description: 'Updated at most once a minute' }),
  })
  .meta({ id: 'ApiToken' });

export const COMPONENT_SCHEMAS = [
  userSchema,
  apiTokenSchema,
  errorSchema,
  forecastConfigResponseSchema,
  seriesSchema,
  datasetSchema,
  runSchema,
  scheduleSchema,
  healthSchema,
  predictionRowSchema,
  appendedSeriesSchema,
  uploadProgressSchema,
];
