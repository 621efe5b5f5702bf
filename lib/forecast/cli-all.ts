// `npm run forecast -- FILE --all`: every series of a wide or long file, one after the other,
// each exactly as the single-series CLI forecasts it, then the batch summary the API's batches
// give (lib/batches/summary.ts: mean and median MASE per model, volume-weighted WAPE, how often
// the LSTM family beats seasonal naive and the best classical model). A series that cannot be
// forecast (too short) is reported and the others go on. With --global, each series' global
// LSTM is trained across all the others (one fit per series, as a single run with --global does).
import { summarizeBatch, type BatchSummary, type SummaryRun } from '@/lib/batches/summary';
import { runEvaluation, runMetrics } from '@/lib/db/run-evaluation';
import type { ParsedSeries } from '@/lib/ingest/types';
import { ForecastError } from './errors';
import { runForecast } from './forecast';
import { forecastReport, formatReport, reportJson, type ForecastReport } from './report';
import type { ForecastConfig } from './types';

export type AllResult = ForecastReport | { series: string; frequency: string; error: string };

export interface AllOutput {
  results: AllResult[];
  summary: BatchSummary;
}

function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

function formatSummary(summary: BatchSummary): string {
  const lines = [
    '',
    `All series: ${summary.succeeded} of ${summary.series} forecast${summary.failed ? `, ${summary.failed} could not be` : ''}.`,
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

/** Forecasts every series; returns the exit code (0 when at least one series was forecast). */
export async function forecastAll(
  series: ParsedSeries[],
  config: Partial<ForecastConfig>,
  { json, global }: { json: boolean; global: boolean },
): Promise<number> {
  const results: AllResult[] = [];
  const runs: SummaryRun[] = [];
  for (const [index, target] of series.entries()) {
    process.stderr.write(`[${index + 1}/${series.length}] Forecasting "${target.name}".\n`);
    try {
      const related = global
        ? series.filter((s) => s !== target).map((s) => ({ name: s.name, t: s.t, v: s.v, frequency: s.frequency }))
        : [];
      const result = await runForecast(
        { t: target.t, v: target.v, frequency: target.frequency, timeZone: target.timeZone },
        config,
        {},
        { related },
      );
      const report = forecastReport(target.name, target.frequency, result);
      results.push(JSON.parse(reportJson(report)) as ForecastReport);
      runs.push({ status: 'succeeded', metrics: runMetrics(result), evaluation: runEvaluation(result) });
      if (!json) process.stdout.write(`${formatReport(report, result)}\n`);
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      results.push({ series: target.name, frequency: target.frequency, error: error.message });
      runs.push({ status: 'failed', metrics: null, evaluation: null });
      process.stderr.write(`"${target.name}": ${error.message}\n`);
    }
  }
  const summary = summarizeBatch(runs);
  process.stdout.write(json ? `${JSON.stringify({ results, summary } satisfies AllOutput)}\n` : formatSummary(summary));
  return summary.succeeded > 0 ? 0 : 1;
}
