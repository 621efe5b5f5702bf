// The JSON shapes of the REST API as the browser receives them: timestamps are ISO strings. The
// shapes the API documents come from its zod schemas (lib/api/schemas), the single source of the
// contract; a few chart-only shapes (file preview, forecast table) still come from the server
// modules that build them. Everything is imported type-only, so no server code reaches the bundle.
import type { PreviewSeries } from '@/lib/datasets/preview-dataset';
import type { UploadPhase } from '@/lib/datasets/upload-progress';
import type { IntervalBounds, RunForecast } from '@/lib/db/predictions';
import type { Point } from '@/lib/db/series';
import type { ComparedModel, EpochLog, ForecastConfig, Frequency, PredictionModel } from '@/lib/forecast/types';
import type { TextEncoding } from '@/lib/ingest/encoding';
import type { DecimalSeparator, DuplicatePolicy, FutureRows, GapPolicy, Layout, Problem } from '@/lib/ingest/types';
import type { ApiErrorBody } from '@/lib/api/schemas/errors';
import type { createRunBody } from '@/lib/api/schemas/runs';
import type { createScheduleBody } from '@/lib/api/schemas/schedules';
import type { z } from 'zod';

export type {
  AppendedSeries,
  ApiToken,
  Dataset,
  Health,
  ModelMetrics,
  Run,
  RunEvaluation,
  RunMetrics,
  RunProgressDetail,
  RunStatus,
  RunSummary,
  Schedule,
  Series,
  UploadProgress,
  User,
} from '@/lib/api/schemas/responses';
export type { ApiErrorBody };
export type { Point, PreviewSeries, UploadPhase };
export type {
  ComparedModel,
  PredictionModel,
  EpochLog,
  ForecastConfig,
  Frequency,
  IntervalBounds,
  Problem,
  RunForecast,
};
export type { TextEncoding };
export type { DecimalSeparator, DuplicatePolicy, GapPolicy, Layout };

export interface FilePreview {
  delimiter: string;
  decimal: DecimalSeparator;
  hasHeader: boolean;
  layout: Layout;
  /** Long layout: the columns naming the series (empty for wide). */
  idColumns: string[];
  columns: string[];
  timeColumn: string | null;
  /** How the time column was read, e.g. 'YYYY-MM-DD'; null without one. */
  timeFormat?: string | null;
  /** The UTC offset the timestamps were written with ("+02:00"); null when they carry none. */
  timeOffset?: string | null;
  /** The IANA zone given with the timeZone option; null: none. */
  timeZone?: string | null;
  /** The text encoding the file was read with. */
  encoding?: TextEncoding;
  valueColumns: string[];
  skippedColumns: { name: string; reason: string }[];
  /** Series left out although their column was read (e.g. constant), with why. */
  skippedSeries: { name: string; reason: string }[];
  /** First data rows (the header is `columns`). */
  preview: string[][];
  rows: number;
  series: PreviewSeries[];
  /** Rows after some series' last value that other series fill (their future part); null: none. */
  futureRows?: FutureRows | null;
  problems: Problem[];
  ok: boolean;
}

/** The fields a user may set when starting a run; missing ones get the series' defaults. */
export type TrainingOverrides = Pick<
  z.input<typeof createRunBody>,
  'horizon' | 'lookback' | 'epochs' | 'units' | 'layers' | 'learningRate' | 'batchSize' | 'dropout'
>;

/** POST /api/runs. */
export type CreateRunBody = z.input<typeof createRunBody>;

/** POST /api/schedules. */
export type CreateScheduleBody = z.input<typeof createScheduleBody>;
