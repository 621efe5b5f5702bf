// Typed fetch helpers for the REST API (docs/api.md). Every helper resolves to the documented
// shape or throws an ApiError; components never call fetch directly.
import { createRunBody } from '@/lib/api/schemas/runs';
import { createScheduleBody } from '@/lib/api/schemas/schedules';
import { parseFieldsSchema } from '@/lib/api/schemas/upload';
import { apiErrorFrom } from './api-error';
import { checkRequest } from './validate';
import type {
  CreateRunBody,
  CreateScheduleBody,
  Dataset,
  DecimalSeparator,
  DuplicatePolicy,
  FilePreview,
  ForecastConfig,
  GapPolicy,
  Health,
  Layout,
  Point,
  PredictionModel,
  Run,
  RunForecast,
  RunStatus,
  Schedule,
  Series,
  TextEncoding,
  UploadProgress,
} from './types';

/** One JSON call: the documented shape, or an ApiError. Every helper of lib/client goes through it. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  // Not kept by the browser unless a helper asks (points: kept, and revalidated by ETag every time).
  const response = await fetch(path, { cache: 'no-store', ...init, headers });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, response.statusText, body);
  return body as T;
}

const json = (value: unknown) => JSON.stringify(value);
const enc = encodeURIComponent;

// Health

/** Health answers 503 with the same shape when a dependency is down; that is data, not an error. */
export async function getHealth(signal?: AbortSignal): Promise<Health> {
  const response = await fetch('/api/health', { signal, cache: 'no-store', headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'db' in body) return body as Health;
  throw apiErrorFrom(response.status, response.statusText, body);
}

// Datasets

export async function listDatasets(signal?: AbortSignal): Promise<Dataset[]> {
  return (await request<{ datasets: Dataset[] }>('/api/datasets', { signal })).datasets;
}

export async function getDataset(id: string, signal?: AbortSignal): Promise<Dataset> {
  return (await request<{ dataset: Dataset }>(`/api/datasets/${enc(id)}`, { signal })).dataset;
}

export async function deleteDataset(id: string): Promise<void> {
  await request<void>(`/api/datasets/${enc(id)}`, { method: 'DELETE' });
}

/** How to read a file; a field left unset is detected (or takes the server's default policy). */
export interface ParseChoice {
  timeColumn?: string;
  valueColumns?: string[];
  layout?: Layout;
  idColumns?: string[];
  decimal?: DecimalSeparator;
  gapPolicy?: GapPolicy;
  duplicatePolicy?: DuplicatePolicy;
  /** How to read a/b/yyyy dates: true day-first, false month-first; unset lets the data decide. */
  dayFirst?: boolean;
  /** The file's text encoding; unset lets the server detect it. */
  encoding?: TextEncoding;
  /** The IANA zone times without an offset were written in ('Europe/Berlin'); unset: UTC. */
  timeZone?: string;
}

/** The parse fields of docs/api.md as the form sends them: text, set fields only. */
export function parseFields(choice: ParseChoice): Record<string, string> {
  const fields: Record<string, string> = {};
  if (choice.timeColumn) fields.timeColumn = choice.timeColumn;
  if (choice.valueColumns?.length) fields.valueColumns = choice.valueColumns.join(',');
  if (choice.layout) fields.layout = choice.layout;
  if (choice.idColumns?.length) fields.idColumns = choice.idColumns.join(',');
  if (choice.decimal) fields.decimal = choice.decimal;
  if (choice.gapPolicy) fields.gapPolicy = choice.gapPolicy;
  if (choice.duplicatePolicy) fields.duplicatePolicy = choice.duplicatePolicy;
  if (choice.dayFirst !== undefined) fields.dayFirst = String(choice.dayFirst);
  if (choice.encoding) fields.encoding = choice.encoding;
  if (choice.timeZone) fields.timeZone = choice.timeZone;
  return fields;
}

/**
 * Sets the parse fields, shared by preview, import and append, after checking them with the
 * routes' own schema (an ApiError validation_error when they do not match). Set them BEFORE the
 * file: the server reads the file as it streams in and must know how to read it by then.
 */
export function setParseFields(form: FormData, choice: ParseChoice): void {
  for (const [name, value] of Object.entries(checkRequest(parseFieldsSchema, parseFields(choice))))
    form.set(name, value);
}

/**
 * Detection only: send the head of a file, nothing is stored. The choice is sent with the same
 * field names as the import, so the preview shows what the import will do.
 */
export async function previewDataset(
  head: Blob,
  fileName: string,
  choice: ParseChoice = {},
  signal?: AbortSignal,
  /** `head` is the whole file: the preview then counts exactly what the import stores. */
  whole = false,
): Promise<FilePreview> {
  const form = new FormData();
  setParseFields(form, choice);
  if (whole) form.set('whole', 'true');
  form.set('file', head, fileName);
  return (await request<{ preview: FilePreview }>('/api/datasets/preview', { method: 'POST', body: form, signal }))
    .preview;
}

/** What the server has done with an upload so far (the page polls it while the file is sent). */
export async function getUploadProgress(uploadId: string, signal?: AbortSignal): Promise<UploadProgress> {
  return (await request<{ upload: UploadProgress }>(`/api/uploads/${enc(uploadId)}`, { signal })).upload;
}

// Series

export async function getSeries(
  id: string,
  signal?: AbortSignal,
): Promise<{ series: Series; defaultConfig: ForecastConfig | null }> {
  const body = await request<{ series: Series; defaultConfig?: ForecastConfig }>(`/api/series/${enc(id)}`, { signal });
  return { series: body.series, defaultConfig: body.defaultConfig ?? null };
}

export interface PointsQuery {
  from?: string;
  to?: string;
  max?: number;
}

export async function getSeriesPoints(id: string, query: PointsQuery = {}, signal?: AbortSignal): Promise<Point[]> {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.max !== undefined) params.set('max', String(query.max));
  const qs = params.toString() ? `?${params}` : '';
  return (await request<{ points: Point[] }>(`/api/series/${enc(id)}/points${qs}`, { signal, cache: 'no-cache' }))
    .points;
}

// Runs

export async function createRun(body: CreateRunBody): Promise<{ id: string; status: RunStatus }> {
  const checked = checkRequest(createRunBody, body);
  return (
    await request<{ run: { id: string; status: RunStatus } }>('/api/runs', { method: 'POST', body: json(checked) })
  ).run;
}

export async function getRun(id: string, signal?: AbortSignal): Promise<Run> {
  return (await request<{ run: Run }>(`/api/runs/${enc(id)}`, { signal })).run;
}

export async function listRuns(seriesId?: string, signal?: AbortSignal): Promise<Run[]> {
  const qs = seriesId ? `?seriesId=${enc(seriesId)}` : '';
  return (await request<{ runs: Run[] }>(`/api/runs${qs}`, { signal })).runs;
}

export async function cancelRun(id: string): Promise<Run> {
  return (await request<{ run: Run }>(`/api/runs/${enc(id)}/cancel`, { method: 'POST' })).run;
}

export async function deleteRun(id: string): Promise<void> {
  await request<void>(`/api/runs/${enc(id)}`, { method: 'DELETE' });
}

export async function getRunForecast(id: string, signal?: AbortSignal): Promise<RunForecast> {
  return (await request<{ forecast: RunForecast }>(`/api/runs/${enc(id)}/forecast`, { signal })).forecast;
}

/** Download address of a run's predictions (test window + future horizon). */
/** Without `model`, the run's champion. */
export function predictionsUrl(id: string, format: 'csv' | 'json', model?: PredictionModel): string {
  return `/api/runs/${enc(id)}/predictions?format=${format}${model ? `&model=${model}` : ''}`;
}

/** Every point of every series of the dataset, as `series,timestamp,value` rows. */
export function datasetExportUrl(id: string): string {
  return `/api/datasets/${enc(id)}/export?format=csv`;
}

// Schedules

export async function createSchedule(body: CreateScheduleBody): Promise<Schedule> {
  const checked = checkRequest(createScheduleBody, body);
  return (await request<{ schedule: Schedule }>('/api/schedules', { method: 'POST', body: json(checked) })).schedule;
}

/** What a list of schedules holds: a series' schedules, a dataset's own (each firing a batch), or all (null). */
export type ScheduleOwner = { seriesId: string } | { datasetId: string } | null;

export async function listSchedules(owner: ScheduleOwner, signal?: AbortSignal): Promise<Schedule[]> {
  const query =
    owner === null
      ? ''
      : 'seriesId' in owner
        ? `?seriesId=${enc(owner.seriesId)}`
        : `?datasetId=${enc(owner.datasetId)}`;
  return (await request<{ schedules: Schedule[] }>(`/api/schedules${query}`, { signal })).schedules;
}

export async function setSchedulePaused(id: string, paused: boolean): Promise<Schedule> {
  return (
    await request<{ schedule: Schedule }>(`/api/schedules/${enc(id)}`, { method: 'PATCH', body: json({ paused }) })
  ).schedule;
}

export async function deleteSchedule(id: string): Promise<void> {
  await request<void>(`/api/schedules/${enc(id)}`, { method: 'DELETE' });
}
