// What a finished run keeps of the engine's evaluation, in the JSON shapes of docs/api.md: the
// per-model metrics map (`runs.metrics`) and the rest of the verdict (`runs.evaluation`). Window
// forecasts are not kept here: the held-out window's are prediction rows, earlier windows' are
// summarised by their metrics. Pure, so it is unit-tested without a database.
import type {
  AccuracyMetrics,
  ComparedModel,
  ForecastResult,
  IntervalLevel,
  SeasonInfo,
  TrainProgress,
  Verdict,
} from '@/lib/forecast/types';

export const COMPARED_MODELS: readonly ComparedModel[] = ['lstm', 'naive', 'seasonalNaive', 'drift'];

/** JSON has no NaN: a metric the engine could not define (MAPE of all-zero actuals, MASE without a scale) is null. */
export type StoredMetrics = { [K in keyof AccuracyMetrics]: number | null };

/** `Run.metrics`: backtest accuracy of every model, all windows pooled. */
export type RunMetrics = Record<ComparedModel, StoredMetrics>;

export interface StoredBacktestWindow {
  /** First and last timestamp of the window, ISO. */
  start: string;
  end: string;
  points: number;
  metrics: Record<ComparedModel, StoredMetrics>;
}

/** Leave-one-window-out coverage of a model's interval at one level, and how many points it rests on. */
export interface StoredCoverage {
  share: number | null;
  points: number;
}

/** `Run.evaluation`. */
export interface RunEvaluation {
  season: SeasonInfo;
  backtest: {
    requestedWindows: number;
    /** Oldest first; the last one is the held-out test window. */
    windows: StoredBacktestWindow[];
    /** Index h - 1: errors h steps ahead, pooled over the windows. */
    byStep: Record<ComparedModel, StoredMetrics[]>;
    note: string | null;
  };
  /** 1 - MASE(lstm) / MASE(seasonal naive); null when MASE is undefined. */
  skill: number | null;
  verdict: Verdict;
  coverage: Record<ComparedModel, Record<`${IntervalLevel}`, StoredCoverage>>;
}

/** `Run.progressDetail`: where a running run is, from the engine's last progress event. */
export interface RunProgressDetail {
  phase: TrainProgress['phase'];
  epoch: number;
  epochs: number;
  window: number | null;
  windows: number | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function storedMetrics(metrics: AccuracyMetrics): StoredMetrics {
  return {
    mae: finiteOrNull(metrics.mae),
    rmse: finiteOrNull(metrics.rmse),
    mape: finiteOrNull(metrics.mape),
    mapeExcluded: metrics.mapeExcluded,
    smape: finiteOrNull(metrics.smape),
    mase: finiteOrNull(metrics.mase),
    wape: finiteOrNull(metrics.wape),
  };
}

function perModel<T>(f: (model: ComparedModel) => T): Record<ComparedModel, T> {
  return Object.fromEntries(COMPARED_MODELS.map((m) => [m, f(m)])) as Record<ComparedModel, T>;
}

const iso = (t: number) => new Date(t).toISOString();

export function runMetrics(result: Pick<ForecastResult, 'models'>): RunMetrics {
  return perModel((m) => storedMetrics(result.models[m].metrics));
}

export function runEvaluation(result: Pick<ForecastResult, 'season' | 'backtest' | 'skill' | 'verdict' | 'intervals'>): RunEvaluation {
  const { backtest, intervals } = result;
  const coverage = (m: ComparedModel, level: IntervalLevel): StoredCoverage => ({
    share: intervals[m].coverage[level],
    points: intervals[m].coveragePoints[level],
  });
  return {
    season: { length: result.season.length, source: result.season.source },
    backtest: {
      requestedWindows: backtest.requestedWindows,
      windows: backtest.windows.map((w) => ({
        start: iso(w.t[0]),
        end: iso(w.t[w.t.length - 1]),
        points: w.t.length,
        metrics: perModel((m) => storedMetrics(w.metrics[m])),
      })),
      byStep: perModel((m) => backtest.byStep[m].map(storedMetrics)),
      note: backtest.note ?? null,
    },
    skill: finiteOrNull(result.skill),
    verdict: { ...result.verdict },
    coverage: perModel((m) => ({ '80': coverage(m, 80), '95': coverage(m, 95) })),
  };
}

export function progressDetail(progress: TrainProgress): RunProgressDetail {
  return {
    phase: progress.phase,
    epoch: progress.epoch,
    epochs: progress.epochs,
    window: progress.window ?? null,
    windows: progress.windows ?? null,
  };
}
