// The JSON shapes of the REST API as the browser receives them: timestamps are ISO strings. Every
// answer's shape comes from its zod schema (lib/api/schemas), the single source of the contract;
// the rest are the engine's and ingest's pure types. Everything is imported type-only, and nothing
// comes from a server module (lib/db and the domain folders), so no server code reaches the bundle.
import type { ComparedModel, EpochLog, ForecastConfig, Frequency, PredictionModel } from '@/lib/forecast/types';
import type { TextEncoding } from '@/lib/ingest/text-encodings';
import type { DecimalSeparator, DuplicatePolicy, GapPolicy, Layout } from '@/lib/ingest/types';
import type { ApiErrorBody } from '@/lib/api/schemas/errors';
import type { createRunBody } from '@/lib/api/schemas/runs';
import type { createScheduleBody } from '@/lib/api/schemas/schedules';
import type { z } from 'zod';

export type {
  AppendedSeries,
  ApiToken,
  Dataset,
  FilePreview,
  Health,
  IntervalBounds,
  ModelMetrics,
  Point,
  PreviewSeries,
  Problem,
  Run,
  RunEvaluation,
  RunForecast,
  RunMetrics,
  RunProgressDetail,
  RunStatus,
  RunSummary,
  Schedule,
  Series,
  UploadPhase,
  UploadProgress,
  User,
} from '@/lib/api/schemas/responses';
export type { ApiErrorBody };
export type { ComparedModel, PredictionModel, EpochLog, ForecastConfig, Frequency };
export type { TextEncoding };
export type { DecimalSeparator, DuplicatePolicy, GapPolicy, Layout };

/** The fields a user may set when starting a run; missing ones get the series' defaults. */
export type TrainingOverrides = Pick<
  z.input<typeof createRunBody>,
  'horizon' | 'lookback' | 'epochs' | 'units' | 'layers' | 'learningRate' | 'batchSize' | 'dropout'
>;

/** POST /api/runs. */
export type CreateRunBody = z.input<typeof createRunBody>;

/** POST /api/schedules. */
export type CreateScheduleBody = z.input<typeof createScheduleBody>;
