// What the CLI prints: one JSON object (for scripts) or a readable text report (for people),
// both built from a ForecastResult. Pure, so it is tested without spawning the CLI.
import { MODEL_SHORT_LABELS, modelEntry, modelsIn } from './compared-models';
import type {
  ComparedModel,
  CovariateEffect,
  ForecastResult,
  Frequency,
  GlobalLstmInfo,
  LstmFamilyName,
  LstmSearchResult,
  ModelRecord,
  PredictionModel,
} from './types';

type ReportMetrics = Record<'mae' | 'rmse' | 'mape' | 'smape' | 'mase' | 'wape', number> & {
  /** Wall time of all the model's fits and forecasts (backtest windows and refit). */
  fitSeconds: number;
  /** MSIS of the 95% interval and weighted quantile loss of P10/P50/P90, leave-one-window-out; null where unmeasured. */
  msis: number | null;
  wql: number | null;
};

export interface ForecastReport {
  series: string;
  frequency: Frequency;
  points: number;
  horizon: number;
  backend: string;
  seconds: number;
  /** Backtest metrics of every model of the run, all windows pooled. */
  models: ModelRecord<ReportMetrics>;
  /** Present when the global LSTM was asked for: what it trained on, or why it was not trained. */
  globalLstm?: GlobalLstmInfo;
  /** The hyperparameter search, when the run searched: its trials and what the LSTM family trained with. */
  search?: LstmSearchResult;
  /** 1 - MASE(lstm) / MASE(seasonal naive). */
  skill: number;
  /** The model the run recommends, and the best LSTM beside it. */
  champion: {
    model: PredictionModel;
    members: ComparedModel[];
    mase: number;
    /**
     * MASE on windows it was not chosen on (nested selection; lib/forecast/selection); null when
     * no backtest window had an earlier one to choose on.
     */
    testMase: number | null;
    /**
     * MASE on the same windows of one model picked the same way, without averaging (the best on
     * the windows before each); null when testMase is.
     */
    singlePickMase: number | null;
    reason: string;
    /** Absent when the run trained no LSTM (see `lstmSkipped`). */
    lstmFamily?: { model: LstmFamilyName; mase: number; skill: number };
  };
  /** Why the run trained no LSTM: the series is too short for lookback + horizon windows. */
  lstmSkipped?: string;
  /** With covariates or holidays: the best LSTM's backtest error with and without them. */
  covariateEffect?: CovariateEffect;
  /** With a holiday calendar: the holidays from the first point to the last forecast step. */
  holidays?: { calendar: string; dates: { date: string; name: string }[] };
  /** Leave-one-window-out coverage of the champion's intervals. */
  coverage: { '80': number | null; '95': number | null };
  /** The champion's future forecast; a bound is null where the backtest is too short to promise it. */
  forecast: {
    t: string;
    v: number;
    lo80: number | null;
    hi80: number | null;
    lo95: number | null;
    hi95: number | null;
    /** The median forecast (P50); lo80 and hi80 are P10 and P90. */
    p50: number;
  }[];
}

const MODEL_LABELS = MODEL_SHORT_LABELS;

export function forecastReport(series: string, frequency: Frequency, result: ForecastResult): ForecastReport {
  const { champion } = result;
  const { lower: lo80, upper: hi80 } = champion.intervals.bands[80];
  const { lower: lo95, upper: hi95 } = champion.intervals.bands[95];
  return {
    series,
    frequency,
    points: result.summary.points,
    horizon: result.config.horizon,
    backend: result.backend,
    seconds: Math.round(result.durationMs / 10) / 100,
    models: Object.fromEntries(
      modelsIn(result.models).map((m) => {
        const { metrics, fitMs } = modelEntry(result.models, m);
        const { mae, rmse, mape, smape, mase, wape } = metrics;
        const { msis, wql } = modelEntry(result.intervals, m);
        return [m, { mae, rmse, mape, smape, mase, wape, fitSeconds: fitMs / 1000, msis, wql }];
      }),
    ) as ForecastReport['models'],
    ...(result.globalLstm && { globalLstm: result.globalLstm }),
    ...(result.search && { search: result.search }),
    skill: result.skill,
    champion: {
      model: champion.model,
      members: champion.members,
      mase: champion.metrics.mase,
      testMase: champion.testMase ?? null,
      singlePickMase: champion.nested?.singlePick.mase ?? null,
      reason: champion.reason,
      ...(champion.lstmFamily && { lstmFamily: champion.lstmFamily }),
    },
    ...(result.lstmSkipped && { lstmSkipped: result.lstmSkipped }),
    ...(result.covariateEffect && { covariateEffect: result.covariateEffect }),
    ...(result.holidays && {
      holidays: {
        calendar: result.holidays.calendar,
        dates: result.holidays.dates.map(({ date, name }) => ({ date, name })),
      },
    }),
    coverage: { '80': champion.intervals.coverage[80], '95': champion.intervals.coverage[95] },
    forecast: result.futureT.map((t, i) => ({
      t: new Date(t).toISOString(),
      v: champion.future[i],
      lo80: lo80[i],
      hi80: hi80[i],
      lo95: lo95[i],
      hi95: hi95[i],
      p50: champion.intervals.p50[i],
    })),
  };
}

/** NaN and Infinity become null, as JSON.stringify would do anyway, but explicitly. */
export function reportJson(report: ForecastReport): string {
  return JSON.stringify(report, (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value));
}

function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  return abs >= 1000 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(3);
}

/** Undefined MASE sorts last. */
function rank(mase: number): number {
  return Number.isFinite(mase) ? mase : Infinity;
}

function formatShare(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

/** A date when the time is midnight UTC (daily and coarser data), else the full ISO time. */
function formatTime(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/:00\.000Z$/, 'Z');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function searchLine(search: LstmSearchResult): string {
  if (search.trials.length === 0) return `Hyperparameter search: ${search.note ?? 'none'}`;
  const c = search.chosen;
  return (
    `Hyperparameter search: lookback ${c.lookback}, ${c.units} units x ${c.layers}, dropout ${c.dropout}, ` +
    `learning rate ${c.learningRate}, transform ${c.transform}; chosen from ${search.trials.length} trials in ` +
    `${(search.elapsedMs / 1000).toFixed(1)} s (budget ${search.budgetSeconds} s${search.outOfTime ? ', ran out' : ''}).`
  );
}

function globalLstmLine(info: GlobalLstmInfo): string {
  if (!info.trained) return info.note ?? 'The global LSTM was not trained.';
  const related = info.related.map((name) => `"${name}"`).join(', ');
  return `Global LSTM: trained across ${info.series} series (this one and ${related}).${info.note ? ` ${info.note}` : ''}`;
}

/** The report for people: accuracy table, verdict, interval coverage and the forecast. */
export function formatReport(report: ForecastReport, result: ForecastResult, forecastRows = 12): string {
  const { backtest } = result;
  const metricsTable = table(
    ['model', 'MAE', 'RMSE', 'MAPE %', 'sMAPE %', 'MASE', 'WAPE %', 'fit s'],
    modelsIn(report.models)
      .sort((a, b) => rank(modelEntry(report.models, a).mase) - rank(modelEntry(report.models, b).mase))
      .map((m) => {
        const x = modelEntry(report.models, m);
        const label = report.champion.members.includes(m) ? `${MODEL_LABELS[m]} *` : MODEL_LABELS[m];
        return [label, ...[x.mae, x.rmse, x.mape, x.smape, x.mase, x.wape].map(formatNumber), x.fitSeconds.toFixed(1)];
      }),
  );
  const shown = report.forecast.slice(0, forecastRows);
  const forecastTable = table(
    ['time', 'forecast', '80% low', '80% high', '95% low', '95% high'],
    shown.map((p) => [formatTime(p.t), ...[p.v, p.lo80, p.hi80, p.lo95, p.hi95].map(formatNumber)]),
  );
  // The same for every model: the actual values of 0 in the backtest windows.
  const excluded = result.models.seasonalNaive.metrics.mapeExcluded;
  const { champion } = result;
  const coverage = ([80, 95] as const)
    .map(
      (level) =>
        `${level}% → ${formatShare(champion.intervals.coverage[level])} of ${champion.intervals.coveragePoints[level]} points`,
    )
    .join(', ');
  const family = champion.lstmFamily;

  return [
    `${report.series}: ${report.points} ${report.frequency} points, horizon ${report.horizon}, ` +
      `${report.backend} backend, ${report.seconds.toFixed(1)} s`,
    `Backtest: ${backtest.windows.length} windows of ${report.horizon} steps, each model refit on the data before its window.`,
    ...(backtest.note ? [backtest.note] : []),
    '',
    metricsTable,
    `* champion${champion.model === 'ensemble' ? ' (averaged)' : ''}. Sorted by backtest MASE.`,
    ...(excluded > 0 ? [`MAPE leaves out ${excluded} actual values of 0.`] : []),
    ...modelsIn(result.models).flatMap((m) => result.models[m]?.note ?? []),
    ...(result.globalLstm ? [globalLstmLine(result.globalLstm)] : []),
    ...(result.search ? [searchLine(result.search)] : []),
    '',
    `Champion: ${champion.reason}`,
    ...(champion.nested
      ? [
          `Champion, scored on windows it was not chosen on: MASE ${formatNumber(champion.nested.testMase)} over ` +
            `${champion.nested.windows.length} window${champion.nested.windows.length === 1 ? '' : 's'} ` +
            `(seasonal naive there: ${formatNumber(champion.nested.reference.mase)}; best single model there with hindsight: ${MODEL_LABELS[champion.nested.bestSingle.model]}, ${formatNumber(champion.nested.bestSingle.mase)}` +
            (champion.nested.windows.some((w) => w.model === 'ensemble')
              ? `; one model picked the same way, without averaging: ${formatNumber(champion.nested.singlePick.mase)}).`
              : ').'),
        ]
      : []),
    ...(family
      ? [
          `Best LSTM: ${MODEL_LABELS[family.model]}, MASE ${formatNumber(family.mase)}, skill vs seasonal naive ${formatNumber(family.skill)}.`,
          `Skill of the LSTM vs seasonal naive (1 - MASE ratio): ${formatNumber(report.skill)}`,
        ]
      : [result.lstmSkipped ?? 'No LSTM was trained.']),
    `Verdict: ${result.verdict.summary}`,
    ...(result.covariateEffect ? [`Covariates: ${result.covariateEffect.sentence}`] : []),
    `Interval coverage, leave-one-window-out: ${coverage}`,
    '',
    `Forecast (champion: ${champion.members.map((m) => MODEL_LABELS[m]).join(' + ')}${shown.length < report.forecast.length ? `, first ${shown.length} of ${report.forecast.length} steps` : ''}):`,
    forecastTable,
    '',
  ].join('\n');
}
