// The JSON shapes of the REST API (docs/api.md), as the browser receives them: timestamps are ISO
// strings. Engine and ingest types are imported type-only, so no server code reaches the bundle.
import type { PreviewSeries } from '@/lib/datasets/preview-dataset';
import type { AppendedSeries } from '@/lib/db/append-points';
import type { UploadPhase, UploadProgress } from '@/lib/datasets/upload-progress';
import type { Dataset } from '@/lib/db/datasets';
import type { IntervalBounds, RunForecast } from '@/lib/db/predictions';
import type { RunSummary } from '@/lib/db/runs';
import type { Point, Series } from '@/lib/db/series';
import type { RunEvaluation, RunProgressDetail, StoredMetrics } from '@/lib/db/run-evaluation';
import type { ComparedModel, EpochLog, ForecastConfig, Frequency, PredictionModel } from '@/lib/forecast/types';
import type { TextEncoding } from '@/lib/ingest/encoding';
import type { DecimalSeparator, DuplicatePolicy, GapPolicy, Layout, Problem } from '@/lib/ingest/types';

// The server modules that produce a shape own its type; these are re-exported type-only.
export type { AppendedSeries, Dataset, Point, PreviewSeries, RunSummary, Series, UploadPhase, UploadProgress };
export type {
  ComparedModel,
  PredictionModel,
  EpochLog,
  ForecastConfig,
  Frequency,
  IntervalBounds,
  Problem,
  RunEvaluation,
  RunForecast,
  RunProgressDetail,
};
export type { TextEncoding };
export type { DecimalSeparator, DuplicatePolicy, GapPolicy, Layout };

/** One model's metrics; null where undefined (e.g. MAPE of all-zero actuals). */
export type ModelMetrics = Partial<StoredMetrics>;

/** Every model's metrics. Runs stored before the baselines have only lstm and seasonalNaive, with mae, rmse and mase. */
export type RunMetrics = Partial<Record<ComparedModel, ModelMetrics>>;

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
  problems: Problem[];
  ok: boolean;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Run {
  id: string;
  seriesId: string;
  scheduleId: string | null;
  batchId: string | null;
  status: RunStatus;
  /** 0..1 over the whole run. */
  progress: number;
  /** While running: the fit in progress (phase, its own epoch budget, backtest window). */
  progressDetail: RunProgressDetail | null;
  config: ForecastConfig;
  backend: string | null;
  metrics: RunMetrics | null;
  evaluation: RunEvaluation | null;
  history: EpochLog[] | null;
  summary: RunSummary | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** While queued: its 1-based place among the runs waiting for a worker; null when unknown. */
  queuePosition?: number | null;
}

export interface Schedule {
  id: string;
  seriesId: string;
  every: string | null;
  cron: string | null;
  config: Partial<ForecastConfig> | null;
  paused: boolean;
  createdAt: string;
  /** Null while paused. */
  nextRunAt: string | null;
  runs: { id: string; status: RunStatus; createdAt: string }[];
  /** The newest firing that created no run because the series was already training. */
  lastSkip: { at: string; reason: string } | null;
}

export interface Health {
  db: string;
  redis: string;
  workers: number;
}

/** The fields a user may set when starting a run; missing ones get the series' defaults. */
export type TrainingOverrides = Partial<
  Pick<ForecastConfig, 'horizon' | 'lookback' | 'epochs' | 'units' | 'layers' | 'learningRate' | 'batchSize' | 'dropout'>
>;

export interface CreateRunBody extends TrainingOverrides {
  seriesId: string;
  /** Also train one LSTM across the dataset's series (ignored, with a note, when there are no others). */
  globalLstm?: boolean;
}

export interface CreateScheduleBody {
  seriesId: string;
  every?: string;
  cron?: string;
  config?: TrainingOverrides;
}

/** The error envelope every failing endpoint answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
