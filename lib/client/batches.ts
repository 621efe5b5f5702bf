// The batch page's data: the API helpers of /api/batches and /api/datasets/:id/runs, the shapes
// they answer (docs/api.md, "Batches"), and the pure logic of the series table (sort, filter) and
// of the skill histogram, unit-tested without a browser.
import { createBatchBody } from '@/lib/api/schemas/batches';
import { request } from './api';
import { checkRequest } from './validate';
import type { Batch, BatchSeriesRow, BatchSparkline, BatchSummary, ModelScores } from '@/lib/api/schemas/responses';
import { defaultPerSeriesLstm, PER_SERIES_LSTM_MAX_SERIES } from '@/lib/api/schemas/batches';
import { skillText } from './evaluation';
import { formatCount, formatDuration, formatPercent } from './format';
import { predictionModelLabel } from './models';
import type { ForecastConfig, RunStatus } from './types';

export { defaultPerSeriesLstm };

export type { Batch, BatchSeriesRow, BatchSparkline, BatchSummary, ModelScores };

const enc = encodeURIComponent;

/** Starts a batch over every series of the dataset (or `seriesIds`) with the given settings. */
export async function createBatch(
  datasetId: string,
  body: Partial<ForecastConfig> & { seriesIds?: string[]; perSeriesLstm?: boolean } = {},
): Promise<{ id: string; status: RunStatus }> {
  return (
    await request<{ batch: { id: string; status: RunStatus } }>(`/api/datasets/${enc(datasetId)}/runs`, {
      method: 'POST',
      body: JSON.stringify(checkRequest(createBatchBody, body)),
    })
  ).batch;
}

export async function getBatch(id: string, signal?: AbortSignal): Promise<Batch> {
  return (await request<{ batch: Batch }>(`/api/batches/${enc(id)}`, { signal })).batch;
}

/** Every series' newest values and its champion's forecast, for the series table's sparklines. */
export async function getBatchSparklines(id: string, signal?: AbortSignal): Promise<BatchSparkline[]> {
  return (await request<{ sparklines: BatchSparkline[] }>(`/api/batches/${enc(id)}/sparklines`, { signal })).sparklines;
}

/** What a screen reader hears for a row's sparkline: the series, then what each line shows. */
export function sparklineLabel(name: string, line: Pick<BatchSparkline, 'history' | 'forecast' | 'model'>): string {
  const history = `${name}: the last ${line.history.length} values`;
  if (line.forecast.length === 0 || line.model === null) return history;
  const steps = `${line.forecast.length} step${line.forecast.length === 1 ? '' : 's'}`;
  return `${history}, then the ${predictionModelLabel(line.model)} forecast of the next ${steps} (dashed)`;
}

export async function cancelBatch(id: string): Promise<void> {
  await request(`/api/batches/${enc(id)}/cancel`, { method: 'POST' });
}

export function batchPredictionsUrl(id: string, format: 'csv' | 'json' | 'parquet'): string {
  return `/api/batches/${enc(id)}/predictions?format=${format}`;
}

/** What each series of a batch of `series` series compares, with or without its own LSTMs. */
export function batchModelsText(series: number, perSeriesLstm: boolean): string {
  const shared =
    series === 1
      ? 'one global LSTM trained on that series alone'
      : `one global LSTM trained across ${series === 2 ? 'both' : `all ${formatCount(series)}`} series`;
  return perSeriesLstm
    ? `Each series compares its own LSTMs, the classical models and baselines, and ${shared}.`
    : `Each series compares the classical models and baselines, and ${shared}; no LSTM per series` +
        (series > PER_SERIES_LSTM_MAX_SERIES ? ` (off by default above ${PER_SERIES_LSTM_MAX_SERIES} series).` : '.');
}

/** The batch's global LSTM in a few words: its state, or what it trained. */
export function globalLstmText(global: Batch['globalLstm']): string {
  if (!global) return 'None (a batch from before global LSTMs)';
  switch (global.status) {
    case 'succeeded': {
      const trained = `Trained on ${formatCount(global.series)} series: ${formatCount(global.fits)} fits in ${formatDuration(global.fitMs)}`;
      return global.inputs.length === 0
        ? trained
        : `${trained}, with ${new Intl.ListFormat('en').format(global.inputs)} (and again without them, to measure what they do)`;
    }
    case 'failed':
      return `Failed: ${global.error ?? 'no reason given'} The series were compared without it.`;
    case 'running':
      return `Training (${Math.round(global.progress * 100)}%)`;
    case 'queued':
      return 'Queued: it trains before the series';
    default:
      return 'Cancelled';
  }
}

/** A row's champion as the run page names it: an average by its members ("Average of AutoARIMA + LSTM"). */
export function championLabel(row: Pick<BatchSeriesRow, 'champion' | 'championMembers'>): string {
  return row.champion ? predictionModelLabel(row.champion, row.championMembers) : '—';
}

/** Members an averaged champion's table cell names (championCellLabel); more are counted. */
const CELL_MEMBERS = 2;

/**
 * A row's champion in the series table, where a line per row keeps the table scannable at 390 px:
 * an average of more than CELL_MEMBERS models names the best of them and counts the rest ("Average
 * of AutoARIMA, LSTM + 3 more"); championLabel has them all.
 */
export function championCellLabel(row: Pick<BatchSeriesRow, 'champion' | 'championMembers'>): string {
  const { championMembers: members } = row;
  if (row.champion !== 'ensemble' || members.length <= CELL_MEMBERS) return championLabel(row);
  const named = members.slice(0, CELL_MEMBERS).map((m) => predictionModelLabel(m));
  return `Average of ${named.join(', ')} + ${members.length - CELL_MEMBERS} more`;
}

/** How often the LSTM won, as a count first: "2 of 3 (67%)"; a dash when no series had both scores. */
export function seriesShareText(value: BatchSummary['lstmBeatsSeasonalNaive']): string {
  if (value.share === null) return '—';
  const wins = Math.round(value.share * value.series);
  return `${formatCount(wins)} of ${formatCount(value.series)} (${formatPercent(value.share)})`;
}

/**
 * The series whose champion is an average of models, which the per-model "Champion of" counts
 * leave out: "Champion of 1 more series: an average of the models within 20% of its best…" ("more"
 * only when some model is the champion of a series by itself); null when there is none.
 */
export function averageChampionNote(champions: BatchSummary['champions']): string | null {
  const count = champions.ensemble ?? 0;
  if (count === 0) return null;
  const single = Object.entries(champions).some(([model, n]) => model !== 'ensemble' && (n ?? 0) > 0);
  return (
    `Champion of ${formatCount(count)} ${single ? 'more ' : ''}series: an average of the models within 20% of ` +
    "its best (each series' run names them all)."
  );
}

/**
 * Beside the "In the champion of" counts: how many series' champions average several models
 * ("2 of the 3 series' champions average the models within 20% of their best…"); null when none does.
 */
export function averagedChampionsNote(champions: BatchSummary['champions']): string | null {
  const averaged = champions.ensemble ?? 0;
  if (averaged === 0) return null;
  const total = Object.values(champions).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const subject =
    averaged === total
      ? total === 1
        ? "The series' champion averages"
        : `All ${formatCount(total)} series' champions average`
      : `${formatCount(averaged)} of the ${formatCount(total)} series' champions average`;
  return (
    `${subject} the models within 20% of their best (each series' run names them all), so a model counts ` +
    'once for each champion it is in.'
  );
}

export type SortKey = 'name' | 'status' | 'champion' | 'mase' | 'skill';
export interface TableView {
  sort: SortKey;
  descending: boolean;
  /** Case-insensitive part of the series name or champion. */
  text: string;
  status: RunStatus | 'all';
}

/** A row's value in a column: the champion by the name the table shows. */
function cell(row: BatchSeriesRow, key: SortKey): string | number | null {
  return key === 'champion' ? row.champion && championLabel(row) : row[key];
}

/**
 * Filtered and sorted rows; the champion by the name the table shows ('Average of ETS + LSTM');
 * missing numbers sort last whatever the direction.
 */
export function visibleRows(rows: readonly BatchSeriesRow[], view: TableView): BatchSeriesRow[] {
  const text = view.text.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (view.status === 'all' || row.status === view.status) &&
      (text === '' ||
        row.name.toLowerCase().includes(text) ||
        String(cell(row, 'champion') ?? '')
          .toLowerCase()
          .includes(text)),
  );
  const sign = view.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = cell(a, view.sort);
    const y = cell(b, view.sort);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.name.localeCompare(b.name) : sign * order;
  });
}

export interface HistogramBin {
  /** Lower edge, inclusive; the last bin also holds its upper edge. */
  from: number;
  to: number;
  count: number;
}

/**
 * Skill across series in bins of `width` (0.1 = 10 points of skill), from the lowest to the
 * highest bin holding a value; values below -1 (far worse than seasonal naive) go in one bin at -1.
 */
export function skillHistogram(skills: readonly (number | null)[], width = 0.1): HistogramBin[] {
  const values = skills.filter((s): s is number => s !== null && Number.isFinite(s)).map((s) => Math.max(s, -1));
  if (values.length === 0) return [];
  const index = (v: number) => Math.floor(Math.round((v / width) * 1e9) / 1e9);
  const low = Math.min(...values.map(index));
  const high = Math.max(...values.map(index));
  const bins: HistogramBin[] = [];
  for (let i = low; i <= high; i++) bins.push({ from: i * width, to: (i + 1) * width, count: 0 });
  for (const v of values) bins[index(v) - low].count++;
  return bins;
}

/** A histogram bin as the run page writes skill: "+20% to +30%: 2 series". */
export function skillBinLabel(bin: HistogramBin): string {
  return `${skillText(bin.from)} to ${skillText(bin.to)}: ${formatCount(bin.count)} series`;
}
