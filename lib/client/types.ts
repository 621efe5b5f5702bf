// The JSON shapes of the REST API (docs/api.md), as the browser receives them: timestamps are ISO
// strings. Engine and ingest types are imported type-only, so no server code reaches the bundle.
import type { EpochLog, ForecastConfig, Frequency, Metrics, ModelName } from '@/lib/forecast/types';
import type { Problem } from '@/lib/ingest/types';

export type { EpochLog, ForecastConfig, Frequency, Metrics, ModelName, Problem };

export interface Series {
  id: string;
  datasetId: string;
  name: string;
  frequency: Frequency;
  points: number;
  start: string | null;
  end: string | null;
}

export interface Dataset {
  id: string;
  name: string;
  fileName: string | null;
  createdAt: string;
  series: Series[];
}

export interface Point {
  t: string;
  v: number;
}

/** A series as detected in a file preview (nothing stored yet). */
export interface PreviewSeries {
  name: string;
  frequency: Frequency;
  points: number;
  start: string | null;
  end: string | null;
}

export interface FilePreview {
  delimiter: string;
  columns: string[];
  timeColumn: string | null;
  /** How the time column was read, e.g. 'YYYY-MM-DD'; null without one. */
  timeFormat?: string | null;
  valueColumns: string[];
  skippedColumns: { name: string; reason: string }[];
  /** First data rows (the header is `columns`). */
  preview: string[][];
  rows: number;
  series: PreviewSeries[];
  problems: Problem[];
  ok: boolean;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RunSummary {
  points: number;
  trainStart: string;
  trainEnd: string;
  testStart: string;
  testEnd: string;
}

export interface Run {
  id: string;
  seriesId: string;
  scheduleId: string | null;
  status: RunStatus;
  /** 0..1 over the whole run. */
  progress: number;
  config: ForecastConfig;
  backend: string | null;
  metrics: Record<ModelName, Metrics> | null;
  history: EpochLog[] | null;
  summary: RunSummary | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunForecast {
  test: { t: string; actual: number; lstm: number; seasonalNaive: number }[];
  future: { t: string; lstm: number; seasonalNaive: number }[];
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
}

export interface Health {
  db: string;
  redis: string;
  workers: number;
}

/** The fields a user may set when starting a run; missing ones get the series' defaults. */
export type TrainingOverrides = Partial<
  Pick<ForecastConfig, 'horizon' | 'lookback' | 'epochs' | 'units' | 'learningRate' | 'batchSize' | 'dropout'>
>;

export interface CreateRunBody extends TrainingOverrides {
  seriesId: string;
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
