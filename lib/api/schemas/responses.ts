// Response shapes of the REST API as zod schemas: the one source of their types (z.infer, below;
// lib/db's mappers return them, the browser imports them type-only), of the OpenAPI document's
// components, and of the checks in the integration tests (test/api.ts parses every JSON answer
// against the document). No server dependencies: the browser may import this file.
import { z } from 'zod';
import {
  COMPARED_MODELS,
  modelsOfFamily,
  PREDICTION_MODELS,
  REFERENCE_MODEL,
  type ReferenceModel,
} from '@/lib/forecast/compared-models';
import { forecastConfigInputSchema, forecastConfigSchema, SEARCHED_FIELDS } from '@/lib/forecast/config';
import type { ComparedModel } from '@/lib/forecast/types';
import { DECIMAL_SEPARATORS, GAP_POLICIES, LAYOUTS, RESAMPLE_FREQUENCIES, TEXT_ENCODINGS } from '@/lib/ingest/options';
import { PROBLEM_CODES } from '@/lib/ingest/types';
import { errorSchema } from './errors';
import { holidayCountrySchema } from './holidays';

const timestamp = z.iso.datetime();
const FREQUENCIES = [...RESAMPLE_FREQUENCIES, 'irregular'] as const;
const nullableNumber = z.number().nullable();

/**
 * One entry per model the run stored: runs fit the global LSTM only when asked, and runs stored
 * before the classical models or the champion have fewer models.
 */
const perModel = <T extends z.ZodType>(schema: T) => z.partialRecord(z.enum(COMPARED_MODELS), schema);

/**
 * One key per compared model: required for seasonal naive (every run compares it), optional for
 * the others (a run compares those config.models keeps, the LSTMs when it can train them).
 */
function everyModel<T extends z.ZodType>(schema: T) {
  return Object.fromEntries(
    COMPARED_MODELS.map((model) => [model, model === REFERENCE_MODEL ? schema : schema.optional()]),
  ) as { [K in ReferenceModel]: T } & { [K in Exclude<ComparedModel, ReferenceModel>]: z.ZodOptional<T> };
}

/** JSON has no NaN: a metric the engine could not define is null. */
const fullMetricsSchema = z.object({
  mae: nullableNumber,
  rmse: nullableNumber,
  mape: nullableNumber.meta({ description: 'Percent, over actual values other than 0' }),
  mapeExcluded: z.number().int().meta({ description: 'Actual values of 0 that MAPE left out' }),
  smape: nullableNumber,
  mase: nullableNumber.meta({ description: 'MAE over the in-sample seasonal-naive MAE before each window' }),
  wape: nullableNumber,
});

/** One model's metrics; runs stored before the full set have only mae, rmse and mase. */
export const modelMetricsSchema = fullMetricsSchema.partial().meta({ id: 'ModelMetrics' });

const coverageSchema = z.object({
  share: nullableNumber.meta({ description: 'Leave-one-window-out share of actual values inside the interval' }),
  points: z.number().int(),
  byStep: z
    .array(nullableNumber)
    .optional()
    .meta({ description: 'Index h - 1: the share of the points h steps ahead; absent on older runs' }),
});
const intervalScoresSchema = z.object({
  msis: nullableNumber.meta({ description: 'Mean scaled interval score of the 95% interval' }),
  wql: nullableNumber.meta({ description: 'Weighted quantile loss of P10/P50/P90' }),
});
const coverageLevels = z.object({ '80': coverageSchema, '95': coverageSchema });
const transformName = z.enum(['none', 'log', 'difference', 'seasonalDifference']);

const searchCandidateSchema = z.object({
  lookback: z.number().int(),
  units: z.number().int(),
  layers: z.number().int(),
  dropout: z.number(),
  learningRate: z.number(),
  transform: transformName,
});

/** The hyperparameter search of a run (lib/forecast/search): successive halving on the first window's validation split. */
const searchSchema = z
  .object({
    chosen: searchCandidateSchema.meta({ description: 'What the LSTM family trained with' }),
    fixed: z.array(z.enum(SEARCHED_FIELDS)).meta({ description: 'Fields held at their configured value' }),
    budgetSeconds: z.number(),
    elapsedMs: z.number(),
    rungEpochs: z.array(z.number().int()).meta({ description: 'Cumulative epochs by the end of each rung' }),
    eta: z.number().int().meta({ description: 'The best 1/eta of a rung go on to the next' }),
    points: z
      .number()
      .int()
      .meta({ description: "Values the search read: the first backtest window's training values, never a scored one" }),
    validationOrigins: z.number().int(),
    outOfTime: z.boolean().meta({ description: 'The budget stopped the search before its plan was done' }),
    trials: z.array(
      z.object({
        config: searchCandidateSchema,
        epochs: z.number().int(),
        validationMae: nullableNumber.meta({
          description: "Mean absolute error of its validation forecasts, in the series' units",
        }),
        loss: nullableNumber,
        outcome: z.enum(['chosen', 'dropped', 'kept', 'unfinished']),
        rung: z.number().int().meta({ description: '1-based rung of its last score (0: never scored)' }),
        ms: z.number(),
      }),
    ),
    note: z.string().optional(),
  })
  .meta({
    description: 'The hyperparameter search: trials by successive halving, and what the LSTM family trained with',
  });

export const runEvaluationSchema = z
  .object({
    season: z.object({ length: z.number().int(), source: z.enum(['frequency', 'detected', 'none']) }),
    backtest: z.object({
      requestedWindows: z.number().int(),
      windows: z.array(
        z.object({
          start: timestamp,
          end: timestamp,
          points: z.number().int(),
          metrics: perModel(modelMetricsSchema),
          forecasts: z
            .object({ t: z.array(timestamp), values: perModel(z.array(nullableNumber)) })
            .optional()
            .meta({ description: "The window's timestamps and every model's forecast of them; absent on older runs" }),
        }),
      ),
      byStep: perModel(z.array(modelMetricsSchema)).meta({
        description: 'Index h - 1: errors h steps ahead, pooled over the windows',
      }),
      note: z.string().nullable(),
    }),
    skill: nullableNumber.meta({ description: '1 - MASE(lstm) / MASE(seasonal naive)' }),
    verdict: z.object({
      beatsNaive: z.boolean(),
      beatsSeasonalNaive: z.boolean(),
      beatsDrift: z.boolean(),
      bestModel: z.enum(COMPARED_MODELS),
      summary: z.string(),
    }),
    coverage: perModel(coverageLevels),
    intervalScores: perModel(intervalScoresSchema)
      .optional()
      .meta({ description: "MSIS and weighted quantile loss of every model's intervals; absent on older runs" }),
    champion: z
      .object({
        model: z.enum(PREDICTION_MODELS),
        members: z.array(z.enum(COMPARED_MODELS)),
        reason: z.string(),
        metrics: fullMetricsSchema,
        coverage: coverageLevels,
        intervalScores: intervalScoresSchema.optional(),
        lstmFamily: z
          .object({ model: z.enum(modelsOfFamily('lstm')), mase: nullableNumber, skill: nullableNumber })
          .optional()
          .meta({
            description: 'The best LSTM beside the champion; absent when the run trained none (see lstmSkipped)',
          }),
        testMase: nullableNumber.optional().meta({
          description:
            'MASE on the backtest windows the champion was not chosen on (nested selection); absent on older runs',
        }),
        nested: z
          .object({
            windows: z.array(
              z.object({
                start: timestamp.nullable(),
                model: z.enum(PREDICTION_MODELS),
                members: z.array(z.enum(COMPARED_MODELS)),
              }),
            ),
            selectionWindows: z.number().int(),
            bestSingle: z.object({ model: z.enum(COMPARED_MODELS), mase: nullableNumber }),
            singlePick: z
              .object({ mase: nullableNumber, models: z.array(z.enum(COMPARED_MODELS)) })
              .optional()
              .meta({
                description:
                  'One model per scored window, the lowest error on the windows before it (no averaging), and the MASE of its forecasts; absent on older runs',
              }),
            reference: z
              .object({ model: z.literal(REFERENCE_MODEL), mase: nullableNumber })
              .optional()
              .meta({
                description:
                  'Seasonal naive on the same scored windows, what the champion is compared with; absent on older runs',
              }),
          })
          .optional()
          .meta({ description: 'Per scored window, the pick made on the windows before it' }),
      })
      .optional()
      .meta({ description: 'The recommended model; absent on older runs' }),
    fitMs: perModel(z.number()).optional(),
    notes: perModel(z.string()).optional().meta({
      description:
        'What a model could not do as asked (a classical fit that failed, a season ETS ignores, covariates it ignores)',
    }),
    lstmPreprocessing: z
      .object({
        transform: transformName,
        transformReason: z.string(),
        transformTrials: z.array(
          z.object({
            transform: transformName,
            validationMae: z.number().optional(),
            skipped: z.string().optional(),
            fullFitValidationMae: z.number().optional(),
          }),
        ),
        calendarFeatures: z.array(z.string()),
        layers: z.number().int(),
        seeds: z
          .number()
          .int()
          .optional()
          .meta({ description: 'Seeds the LSTM trained, its forecast being their median; absent: 1' }),
      })
      .optional(),
    globalLstm: z
      .object({
        trained: z.boolean(),
        series: z.number().int(),
        related: z.array(z.string()),
        windows: z.array(z.number().int()),
        note: z.string().optional(),
      })
      .optional(),
    lstmSkipped: z
      .string()
      .optional()
      .meta({ description: 'Why the run trained no LSTM: the series is too short for lookback + horizon windows' }),
    covariateEffect: z
      .object({
        model: z.enum(modelsOfFamily('lstm')),
        covariates: z.array(z.string()).meta({ description: "The covariates' names, in config order" }),
        holidays: z.string().nullable().meta({ description: 'The holiday calendar, if the run used one' }),
        metric: z.enum(['mase', 'mae']).meta({ description: 'MASE, or MAE when the series has no MASE scale' }),
        withMase: nullableNumber.meta({ description: 'Backtest error of `model` with the covariates and holidays' }),
        withoutMase: nullableNumber.meta({
          description: 'The same model backtested without them, on the same windows',
        }),
        change: nullableNumber.meta({ description: '(with - without) / without: below 0 they helped' }),
        sentence: z.string(),
      })
      .optional()
      .meta({
        description:
          'Runs with covariates or a holiday calendar: the best LSTM scored with and without them on the same backtest windows',
      }),
    holidays: z
      .object({
        calendar: z.string(),
        dates: z.array(z.object({ date: z.string(), t: timestamp, name: z.string() })),
      })
      .optional()
      .meta({
        description: 'Runs with a holiday calendar: public holidays from the first point to the last forecast step',
      }),
    search: searchSchema
      .optional()
      .meta({ description: 'The hyperparameter search; absent when the run did not search' }),
  })
  .meta({ id: 'RunEvaluation' });

export { errorSchema };

export const forecastConfigResponseSchema = forecastConfigSchema.meta({ id: 'ForecastConfig' });

export const seriesSchema = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    name: z.string(),
    frequency: z.enum(FREQUENCIES),
    points: z.number().int(),
    start: timestamp.nullable().meta({ description: 'First timestamp; null only for a series without points' }),
    end: timestamp.nullable(),
    timeOffset: z.string().nullable().meta({
      description: 'The UTC offset the file wrote its timestamps in, e.g. "+02:00", for display; null: none (UTC)',
    }),
    timeZone: z.string().nullable().meta({
      description:
        'The IANA time zone named at upload (timeZone option), e.g. "Europe/Berlin": it read the times written without an offset, and times are shown in it; null: none',
    }),
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
    batchId: z
      .string()
      .nullable()
      .meta({ description: 'The batch that created the run (POST /api/datasets/{id}/runs); null for single runs' }),
    name: z.string().nullable().meta({ description: 'The name the user gave the run; null: none' }),
    status: z.enum(RUN_STATUSES),
    progress: z.number().min(0).max(1),
    progressDetail: z
      .object({
        phase: z.enum(['search', 'backtest', 'evaluate', 'refit']).meta({
          description: 'search: the hyperparameter search (epoch and epochs then count its trials)',
        }),
        epoch: z.number().int(),
        epochs: z.number().int(),
        window: z.number().int().nullable(),
        windows: z.number().int().nullable(),
        remainingEpochs: z.number().int().nullable().optional().meta({
          description:
            "Planned epochs still to train over all the run's LSTMs (early stopping may end fits sooner); null: unknown",
        }),
        epochMs: z.number().nullable().optional().meta({
          description: 'Measured milliseconds per epoch of the recent fits; null until two epochs of one fit',
        }),
      })
      .nullable()
      .meta({ description: 'The fit in progress; null before training and once finished' }),
    config: forecastConfigResponseSchema,
    backend: z.string().nullable(),
    metrics: perModel(modelMetricsSchema).nullable().meta({
      description:
        'Backtest accuracy per model, all windows pooled (lstmGlobal only when the run trained it); null until succeeded',
    }),
    evaluation: runEvaluationSchema.nullable().meta({ description: 'null until succeeded' }),
    history: z
      .array(z.object({ epoch: z.number().int(), loss: z.number(), valLoss: z.number().optional() }))
      .nullable(),
    summary: z
      .object({
        points: z.number().int(),
        trainStart: timestamp,
        trainEnd: timestamp,
        testStart: timestamp,
        testEnd: timestamp,
      })
      .nullable(),
    durationMs: z.number().nullable(),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    queuePosition: z.number().int().min(1).nullable().optional().meta({
      description: 'Only while queued: the 1-based place among the runs waiting for a worker; null when unknown',
    }),
  })
  .meta({ id: 'Run' });

const scheduleFiringSchema = z.object({ id: z.string(), status: z.enum(RUN_STATUSES), createdAt: timestamp });

export const scheduleSchema = z
  .object({
    id: z.string(),
    seriesId: z.string().nullable().meta({ description: 'The series it retrains; null for a dataset schedule' }),
    datasetId: z
      .string()
      .nullable()
      .meta({ description: 'The dataset whose series it retrains as a batch per firing; null for a series schedule' }),
    seriesIds: z.array(z.string()).nullable().meta({
      description: "A dataset schedule's selection of series; null: every series of the dataset at each firing",
    }),
    every: z.string().nullable(),
    cron: z.string().nullable(),
    config: forecastConfigSchema.partial().meta({ description: 'The config fields set for its runs ({} when none)' }),
    paused: z.boolean(),
    createdAt: timestamp,
    nextRunAt: timestamp.nullable(),
    runs: z
      .array(scheduleFiringSchema)
      .meta({ description: 'Runs a series schedule created, newest first (at most 20); empty for a dataset schedule' }),
    batches: z.array(scheduleFiringSchema).meta({
      description: 'Batches a dataset schedule created, newest first (at most 20); empty for a series schedule',
    }),
    lastSkip: z.object({ at: timestamp, reason: z.string() }).nullable().meta({
      description:
        'The newest firing that created no run or batch (the series was still training, the previous batch was still running, the queue cap was reached), and why',
    }),
  })
  .meta({ id: 'Schedule' });

export const healthSchema = z
  .object({ db: z.string(), redis: z.string(), workers: z.number().int() })
  .meta({ id: 'Health' });

export const predictionRowSchema = z
  .object({
    timestamp,
    forecast: nullableNumber,
    actual: nullableNumber,
    lo80: nullableNumber,
    hi80: nullableNumber,
    lo95: nullableNumber,
    hi95: nullableNumber,
    p10: nullableNumber.meta({ description: 'P10: the 80% lower bound' }),
    p50: nullableNumber.meta({ description: 'P50: the median forecast; null on the test window and on older runs' }),
    p90: nullableNumber.meta({ description: 'P90: the 80% upper bound' }),
    segment: z.enum(['test', 'future']),
  })
  .meta({ id: 'PredictionRow' });

export const batchPredictionRowSchema = predictionRowSchema
  .extend({
    series: z.string().meta({ description: "The series' name" }),
    seriesId: z.string(),
    runId: z.string(),
    model: z.enum(PREDICTION_MODELS).meta({ description: "The run's champion" }),
    modelName: z.string().meta({ description: "Its name as the run page shows it ('Average of AutoARIMA + LSTM')" }),
  })
  .meta({ id: 'BatchPredictionRow' });

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
    bytesTotal: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The request Content-Length (file plus form), null if not sent' }),
    rowsParsed: z.number().int().meta({ description: 'CSV records read so far, header included' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'UploadProgress' });

export const pointSchema = z.object({ t: timestamp, v: z.number() }).meta({ id: 'Point' });

export const intervalBoundsSchema = z
  .object({ lo80: nullableNumber, hi80: nullableNumber, lo95: nullableNumber, hi95: nullableNumber })
  .meta({
    id: 'IntervalBounds',
    description: '80% and 95% bounds; null where the backtest was too short to promise the level',
  });

/** A model's value at one time; null when the run stored none for it (runs from before that model). */
const modelValues = {
  ...everyModel(nullableNumber),
  ensemble: nullableNumber.optional().meta({ description: "Only when the run's champion is the ensemble" }),
};

export const runForecastSchema = z
  .object({
    test: z.array(z.object({ t: timestamp, actual: nullableNumber, ...modelValues })).meta({
      description: 'The held-out test window: the actual value and every model’s forecast of it',
    }),
    future: z.array(
      z.object({
        t: timestamp,
        ...modelValues,
        intervals: z.object({ ...everyModel(intervalBoundsSchema), ensemble: intervalBoundsSchema.optional() }),
      }),
    ),
  })
  .meta({ id: 'RunForecast' });

const namedReason = z.object({ name: z.string(), reason: z.string() });

export const problemSchema = z
  .object({
    code: z.enum(PROBLEM_CODES),
    message: z.string().meta({ description: 'What is wrong and what to fix' }),
    row: z.number().int().optional().meta({ description: '1-based line of the file (the header is line 1)' }),
    column: z.string().optional(),
    count: z.number().int().optional().meta({ description: 'Rows sharing the problem, beyond the examples given' }),
    severity: z.enum(['error', 'warning']).meta({ description: "'error' rejects the file; 'warning' does not" }),
    suggestedGapPolicy: z.enum(GAP_POLICIES).optional(),
  })
  .meta({ id: 'Problem' });

export const previewSeriesSchema = z
  .object({
    name: z.string(),
    frequency: z.enum(FREQUENCIES),
    points: z.number().int(),
    start: timestamp.nullable(),
    end: timestamp.nullable(),
    gaps: z.number().int().meta({ description: 'Timestamps missing between start and end' }),
    duplicates: z.number().int().meta({ description: 'Repeated timestamps the duplicate policy merged' }),
    filled: z.number().int().meta({ description: 'Points the gap policy inserted (included in points)' }),
    valueColumn: z.string(),
    ids: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Long layout: the id values that pick the series' rows" }),
  })
  .meta({ id: 'PreviewSeries' });

export const filePreviewSchema = z
  .object({
    delimiter: z.string(),
    decimal: z.enum(DECIMAL_SEPARATORS),
    hasHeader: z.boolean(),
    layout: z.enum(LAYOUTS),
    idColumns: z.array(z.string()).meta({ description: 'Long layout: the columns naming the series (empty for wide)' }),
    columns: z.array(z.string()),
    timeColumn: z.string().nullable(),
    timeFormat: z.string().nullable().meta({ description: 'How the time column was read, e.g. "DD/MM/YYYY"' }),
    timeOffset: z.string().nullable().meta({ description: 'The UTC offset the timestamps were written with' }),
    timeZone: z.string().nullable().meta({ description: 'The timeZone option in effect' }),
    encoding: z.enum(TEXT_ENCODINGS).optional().meta({ description: 'The text encoding the file was read with' }),
    valueColumns: z.array(z.string()),
    skippedColumns: z.array(namedReason),
    skippedSeries: z.array(namedReason).meta({ description: 'Series left out although read (constant, ...)' }),
    preview: z.array(z.array(z.string())).meta({ description: 'The first data rows' }),
    rows: z.number().int(),
    series: z.array(previewSeriesSchema),
    futureRows: z
      .object({
        message: z.string().meta({ description: 'E.g. "14 future rows: used as known-future covariates. …"' }),
        rows: z.number().int().meta({ description: "The most rows after any one series' last value" }),
        fewestRows: z.number().int(),
        targets: z
          .array(z.object({ name: z.string(), rows: z.number().int(), last: timestamp }))
          .meta({ description: 'The series that end early (the first few), with their count and last timestamp' }),
        targetCount: z.number().int(),
        covariates: z.array(z.string()).meta({ description: 'The series that go on past them (the first few)' }),
        covariateCount: z.number().int(),
      })
      .nullable()
      .meta({
        description:
          "Rows after some series' last value where other series of the same rows go on: their future part, usable as known-future covariates",
      }),
    problems: z.array(problemSchema),
    ok: z.boolean().meta({ description: 'True when the file would import' }),
  })
  .meta({ id: 'FilePreview' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    isAdmin: z.boolean().meta({ description: 'The first account of an install' }),
  })
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

const modelScoresSchema = z.object({
  series: z.number().int().meta({ description: 'Series with a defined MASE for this model' }),
  meanMase: nullableNumber,
  medianMase: nullableNumber,
  wape: nullableNumber.meta({
    description:
      "Sum of absolute errors over sum of absolute actuals across every series' backtest windows, in percent",
  }),
});

const shareOfSeriesSchema = z.object({
  share: nullableNumber.meta({
    description: "Share of `series` where the LSTM family's MASE is strictly lower; null when `series` is 0",
  }),
  series: z.number().int().meta({ description: 'Series where both MASEs are defined' }),
});

export const batchSummarySchema = z
  .object({
    series: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    models: perModel(modelScoresSchema),
    champions: z.partialRecord(z.enum(PREDICTION_MODELS), z.number().int()),
    inChampion: z.partialRecord(z.enum(COMPARED_MODELS), z.number().int()).optional().meta({
      description:
        'Per model, the series whose champion it is or is one of the models averaged; absent on batches summarised before it',
    }),
    lstmBeatsSeasonalNaive: shareOfSeriesSchema,
    lstmBeatsBestClassical: shareOfSeriesSchema.meta({
      description: 'Against the best classical model (MSTL, ETS, AutoARIMA, Theta) of the same series',
    }),
  })
  .meta({ id: 'BatchSummary' });

export const batchSeriesRowSchema = z.object({
  seriesId: z.string(),
  name: z.string(),
  runId: z.string(),
  status: z.enum(RUN_STATUSES),
  champion: z.enum(PREDICTION_MODELS).nullable().meta({ description: "The run's recommended model once it succeeded" }),
  championMembers: z.array(z.enum(COMPARED_MODELS)).meta({
    description:
      'The models the champion averages when it is the ensemble (else the champion alone); empty until it succeeded',
  }),
  mase: nullableNumber.meta({
    description:
      "The champion's MASE on the backtest windows it was not chosen on (nested selection); its backtest MASE where `nested` is false",
  }),
  skill: nullableNumber.meta({ description: '1 - MASE(champion) / MASE(seasonal naive), on the same windows' }),
  nested: z.boolean().meta({
    description:
      'Whether `mase` and `skill` are on windows the champion was not chosen on; false on older runs, runs of one backtest window and series without a champion yet',
  }),
  error: z.string().nullable().meta({ description: 'Why the series failed (too short, constant...)' }),
});

export const batchGlobalLstmSchema = z
  .object({
    status: z.enum(RUN_STATUSES),
    progress: z.number().min(0).max(1),
    error: z.string().nullable().meta({ description: 'Why it failed (the series were then compared without it)' }),
    series: z.number().int().nullable().meta({ description: 'Series it learned from, once trained' }),
    fits: z.number().int().nullable().meta({
      description:
        'Fits it made, once trained: one per backtest cutoff, then the refit on all data (twice with inputs: with and without them)',
    }),
    fitMs: z.number().nullable().meta({ description: 'Wall time of all its fits, once trained' }),
    inputs: z.array(z.string()).meta({
      description:
        'What it read besides the values: the covariates by name and "the US holiday calendar" (empty: nothing); with some, it was also trained ' +
        "without them, so that each series' run can say what they did",
    }),
  })
  .meta({
    description:
      "The batch's one global LSTM, trained across all its series before any series' run; its forecasts are " +
      "scored in every series' backtest as `lstmGlobal`. Null for batches from before it existed.",
  });

export const batchSchema = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    status: z.enum(RUN_STATUSES),
    progress: z.number().min(0).max(1).meta({
      description:
        "The sum of its jobs' progress: the global LSTM (weighing as one chunk of series) and every series' run (a finished run counts as 1)",
    }),
    config: forecastConfigInputSchema.meta({ description: 'The training settings given' }),
    perSeriesLstm: z.boolean().meta({
      description: "Whether each series' run also trained its own LSTMs (default: on for up to 20 series)",
    }),
    globalLstm: batchGlobalLstmSchema.nullable(),
    summary: batchSummarySchema,
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    scheduleId: z
      .string()
      .nullable()
      .meta({ description: 'The dataset schedule that started it; null when started by hand' }),
    series: z.array(batchSeriesRowSchema),
  })
  .meta({ id: 'Batch' });

export const batchSparklineSchema = z
  .object({
    seriesId: z.string(),
    runId: z.string(),
    model: z
      .enum(PREDICTION_MODELS)
      .nullable()
      .meta({ description: "The champion whose forecast `forecast` is; null until the series' run has succeeded" }),
    history: z.array(z.number()).meta({
      description: 'The newest values of the series, oldest first: four horizons of them, at least 28 and at most 90',
    }),
    forecast: z
      .array(z.number())
      .meta({ description: "The champion's forecast of the steps after `history`; empty until the run has succeeded" }),
  })
  .meta({ id: 'BatchSparkline' });

/** Every schema above that the document lists under components.schemas. */
export const COMPONENT_SCHEMAS = [
  userSchema,
  apiTokenSchema,
  errorSchema,
  forecastConfigResponseSchema,
  seriesSchema,
  datasetSchema,
  modelMetricsSchema,
  runEvaluationSchema,
  runSchema,
  scheduleSchema,
  healthSchema,
  holidayCountrySchema,
  predictionRowSchema,
  batchPredictionRowSchema,
  appendedSeriesSchema,
  uploadProgressSchema,
  batchSummarySchema,
  batchSchema,
  batchSparklineSchema,
  pointSchema,
  intervalBoundsSchema,
  runForecastSchema,
  problemSchema,
  previewSeriesSchema,
  filePreviewSchema,
];

export type User = z.infer<typeof userSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type ModelMetrics = z.infer<typeof modelMetricsSchema>;
export type RunEvaluation = z.infer<typeof runEvaluationSchema>;
export type Run = z.infer<typeof runSchema>;
export type RunMetrics = NonNullable<Run['metrics']>;
export type BatchSummary = z.infer<typeof batchSummarySchema>;
export type ModelScores = z.infer<typeof modelScoresSchema>;
export type ShareOfSeries = z.infer<typeof shareOfSeriesSchema>;
export type BatchSeriesRow = z.infer<typeof batchSeriesRowSchema>;
/** GET /api/batches/:id's `batch` (lib/db/batches.ts has the stored row, also named Batch there). */
export type Batch = z.infer<typeof batchSchema>;
export type BatchSparkline = z.infer<typeof batchSparklineSchema>;
export type RunProgressDetail = NonNullable<Run['progressDetail']>;
export type RunSummary = NonNullable<Run['summary']>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Health = z.infer<typeof healthSchema>;
export type PredictionRow = z.infer<typeof predictionRowSchema>;
export type BatchPredictionRow = z.infer<typeof batchPredictionRowSchema>;
export type AppendedSeries = z.infer<typeof appendedSeriesSchema>;
export type UploadProgress = z.infer<typeof uploadProgressSchema>;
export type UploadPhase = UploadProgress['phase'];
export type Point = z.infer<typeof pointSchema>;
export type IntervalBounds = z.infer<typeof intervalBoundsSchema>;
export type RunForecast = z.infer<typeof runForecastSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type PreviewSeries = z.infer<typeof previewSeriesSchema>;
export type FilePreview = z.infer<typeof filePreviewSchema>;
