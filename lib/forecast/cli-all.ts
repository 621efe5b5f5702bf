// `npm run forecast -- FILE --all`: every series of a wide or long file, the way a batch of the API
// forecasts a dataset (lib/batches, worker/processors/batch-global.ts and train.ts): first ONE
// global LSTM trained across the series (trainSharedGlobal, on the series selectSharedSeries
// picks: long enough for an LSTM, of the most common frequency, horizon and lookback), then each
// series' own run scoring its forecasts as lstmGlobal beside the classical models and baselines,
// with per-series LSTMs only for up to PER_SERIES_LSTM_MAX_SERIES series (defaultPerSeriesLstm).
// Then the batch summary the batch page shows (lib/batches/summary.ts: mean and median MASE per
// model, volume-weighted WAPE, how often the LSTM family beats seasonal naive and the best
// classical model, champions), with whether per-series LSTMs were on and what the global LSTM was
// trained on. A series that cannot be forecast (too short) is reported and the others go on.
import { defaultPerSeriesLstm } from '@/lib/api/schemas/batches';
import type { Batch } from '@/lib/api/schemas/responses';
import { summarizeBatch, type BatchSummary, type SummaryRun } from '@/lib/batches/summary';
import { runEvaluation, runMetrics } from '@/lib/db/run-evaluation';
import type { ParsedSeries } from '@/lib/ingest/types';
import { initBackend } from './backend';
import { assertLongEnough, assertModelFitsData, resolveConfig } from './config';
import { CancelledError, ForecastError } from './errors';
import { runForecast, type RunContext } from './forecast';
import { ownSettings, trainSharedGlobal, type SharedForecasts } from './global';
import {
  globalLstmFailedNote,
  NOT_IN_GLOBAL_LSTM,
  selectSharedSeries,
  type SharedCandidate,
} from './global/shared-selection';
import { forecastReport, formatReport, reportJson, type ForecastReport } from './report';
import type { ForecastConfig, ForecastResult } from './types';

export type AllResult = ForecastReport | { series: string; frequency: string; error: string };

/** The batch page's global LSTM (GET /api/batches/:id's `globalLstm`), without the progress. */
export type AllGlobalLstm = Omit<NonNullable<Batch['globalLstm']>, 'progress'>;

export interface AllSummary extends BatchSummary {
  /** Whether each series also trained its own LSTMs (off above PER_SERIES_LSTM_MAX_SERIES series). */
  perSeriesLstm: boolean;
  globalLstm: AllGlobalLstm;
}

export interface AllOutput {
  results: AllResult[];
  summary: AllSummary;
}

interface SharedGlobal {
  info: AllGlobalLstm;
  /** The global LSTM's forecasts by series index. */
  forecasts: Map<string, SharedForecasts>;
}

/**
 * Trains the one global LSTM as a batch's `batch-global` job does, on the series a batch of the
 * same series with the same settings would queue (those whose config resolves and fits).
 */
async function trainGlobal(series: readonly ParsedSeries[], config: Partial<ForecastConfig>): Promise<SharedGlobal> {
  const candidates: SharedCandidate[] = [];
  for (const [index, one] of series.entries()) {
    try {
      const resolved = resolveConfig(config, { frequency: one.frequency, points: one.v.length });
      assertLongEnough(one.v.length, resolved);
      assertModelFitsData(one.v.length, resolved);
      candidates.push({
        key: String(index),
        t: one.t,
        v: one.v,
        frequency: one.frequency,
        timeZone: one.timeZone,
        config: resolved,
      });
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      // Its own run reports why.
    }
  }
  const selection = selectSharedSeries(candidates);
  const none = { series: null, fits: null, fitMs: null, inputs: [] };
  if (!selection) {
    return {
      info: { status: 'failed', error: 'No series of the batch is long enough for an LSTM.', ...none },
      forecasts: new Map(),
    };
  }
  const leftOut = series.length - selection.series.length;
  process.stderr.write(
    `Training one global LSTM across ${selection.series.length} series${leftOut > 0 ? ` (${leftOut} left out)` : ''}.\n`,
  );
  await initBackend();
  try {
    // On a thread of its own, as a batch's worker trains it: its memory goes before the runs.
    const { forecasts, info } = await trainSharedGlobal(selection.series, selection.config, {
      frequency: selection.frequency,
      timeZone: selection.timeZone,
      own: ownSettings(config),
    });
    process.stderr.write(`Global LSTM: ${info.fits} fits in ${info.fitMs} ms.\n`);
    return {
      info: {
        status: 'succeeded',
        error: null,
        series: info.series,
        fits: info.fits,
        fitMs: info.fitMs,
        inputs: info.inputs ?? [],
      },
      forecasts,
    };
  } catch (error) {
    if (error instanceof CancelledError || !(error instanceof Error)) throw error;
    // As in a batch: the series are then compared without it, and say why.
    process.stderr.write(`The global LSTM failed: ${error.message}\n`);
    return { info: { status: 'failed', error: error.message, ...none }, forecasts: new Map() };
  }
}

/** What series `index`'s run gets from the global LSTM (batchRunContext's sharedGlobal). */
function sharedGlobalOf(global: SharedGlobal, index: number): RunContext['sharedGlobal'] {
  const { info, forecasts } = global;
  if (info.status !== 'succeeded') return { note: globalLstmFailedNote(info.error ?? 'no reason given') };
  const stored = forecasts.get(String(index));
  return stored ? { forecasts: stored, series: info.series ?? 1 } : { note: NOT_IN_GLOBAL_LSTM };
}

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

function globalLine({ globalLstm: global, perSeriesLstm }: AllSummary): string {
  const perSeries = perSeriesLstm ? 'with per-series LSTMs' : 'without per-series LSTMs (more than 20 series)';
  return global.status === 'succeeded'
    ? `One global LSTM across ${global.series} series (${global.fits} fits, ${((global.fitMs ?? 0) / 1000).toFixed(1)} s), ${perSeries}.`
    : `No global LSTM (${global.error ?? global.status}), ${perSeries}.`;
}

function formatSummary(summary: AllSummary): string {
  const lines = [
    '',
    `All series: ${summary.succeeded} of ${summary.series} forecast${summary.failed ? `, ${summary.failed} could not be` : ''}.`,
    globalLine(summary),
    'Model            mean MASE  median MASE  WAPE (volume-weighted)',
  ];
  for (const [model, scores] of Object.entries(summary.models)) {
    const number = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
    const wape = scores.wape === null ? 'n/a' : `${scores.wape.toFixed(1)}%`;
    lines.push(
      `${model.padEnd(16)} ${number(scores.meanMase).padStart(9)}  ${number(scores.medianMase).padStart(11)}  ${wape.padStart(7)}`,
    );
  }
  lines.push(
    `The LSTM family beats seasonal naive on ${percent(summary.lstmBeatsSeasonalNaive.share)} of ${summary.lstmBeatsSeasonalNaive.series} series, ` +
      `and the best classical model on ${percent(summary.lstmBeatsBestClassical.share)} of ${summary.lstmBeatsBestClassical.series}.`,
  );
  return lines.join('\n') + '\n';
}

/**
 * Forecasts every series as a batch does and returns what --json prints; `onSeries` sees each
 * series' report and result as it is forecast (the readable output prints it).
 */
export async function forecastEverySeries(
  series: readonly ParsedSeries[],
  config: Partial<ForecastConfig>,
  onSeries: (report: ForecastReport, result: ForecastResult) => void = () => {},
): Promise<AllOutput> {
  const results: AllResult[] = [];
  const runs: SummaryRun[] = [];
  const perSeriesLstm = defaultPerSeriesLstm(series.length);
  if (!perSeriesLstm) {
    process.stderr.write(`${series.length} series: no per-series LSTMs (as a batch of more than 20 series).\n`);
  }
  const global = await trainGlobal(series, config);
  for (const [index, target] of series.entries()) {
    process.stderr.write(`[${index + 1}/${series.length}] Forecasting "${target.name}".\n`);
    try {
      const result = await runForecast(
        { t: target.t, v: target.v, frequency: target.frequency, timeZone: target.timeZone },
        config,
        {},
        { sharedGlobal: sharedGlobalOf(global, index), perSeriesLstm },
      );
      const report = forecastReport(target.name, target.frequency, result);
      results.push(JSON.parse(reportJson(report)) as ForecastReport);
      runs.push({ status: 'succeeded', metrics: runMetrics(result), evaluation: runEvaluation(result) });
      onSeries(report, result);
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      results.push({ series: target.name, frequency: target.frequency, error: error.message });
      runs.push({ status: 'failed', metrics: null, evaluation: null });
      process.stderr.write(`"${target.name}": ${error.message}\n`);
    }
  }
  return { results, summary: { ...summarizeBatch(runs), perSeriesLstm, globalLstm: global.info } };
}

/** Forecasts every series and prints them; returns the exit code (0 when at least one series was forecast). */
export async function forecastAll(
  series: readonly ParsedSeries[],
  config: Partial<ForecastConfig>,
  { json }: { json: boolean },
): Promise<number> {
  const output = await forecastEverySeries(series, config, (report, result) => {
    if (!json) process.stdout.write(`${formatReport(report, result)}\n`);
  });
  process.stdout.write(json ? `${JSON.stringify(output)}\n` : formatSummary(output.summary));
  return output.summary.succeeded > 0 ? 0 : 1;
}
