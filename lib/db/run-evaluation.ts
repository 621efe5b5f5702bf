// What a finished run keeps of the engine's evaluation, in the JSON shapes of docs/api.md: the
// per-model metrics map (`runs.metrics`) and the rest of the verdict (`runs.evaluation`), with
// every backtest window's forecasts for the run chart (a few hundred numbers: windows × horizon ×
// models). Pure, so it is unit-tested without a database.
// Runs stored before the classical models and the champion existed have only lstm, naive,
// seasonalNaive and drift in these maps, and no `champion` or `fitMs`: readers must allow that.
// The global LSTM (lstmGlobal) is in them only when the run trained it.
import {
  COMPARED_MODELS,
  modelEntry,
  modelsIn,
  perModel as perRunModel,
  type ReferenceModel,
} from '@/lib/forecast/compared-models';
import type {
  AccuracyMetrics,
  ComparedModel,
  CovariateEffect,
  ForecastResult,
  GlobalLstmInfo,
  IntervalLevel,
  LstmFamilyName,
  LstmPreprocessing,
  LstmSearchResult,
  ModelIntervals,
  ModelRecord,
  PredictionModel,
  SeasonInfo,
  TrainProgress,
  Verdict,
} from '@/lib/forecast/types';

export { COMPARED_MODELS };

/** JSON has no NaN: a metric the engine could not define (MAPE of all-zero actuals, MASE without a scale) is null. */
export type StoredMetrics = { [K in keyof AccuracyMetrics]: number | null };

/** `Run.metrics`: backtest accuracy of every model, all windows pooled. */
export type RunMetrics = ModelRecord<StoredMetrics>;

export interface StoredBacktestWindow {
  /** First and last timestamp of the window, ISO. */
  start: string;
  end: string;
  points: number;
  metrics: ModelRecord<StoredMetrics>;
  /**
   * The window's timestamps (ISO) and every model's forecast of them (null where not finite), for
   * the run chart. Absent on runs stored before they were kept.
   */
  forecasts?: { t: string[]; values: ModelRecord<(number | null)[]> };
}

/** Leave-one-window-out coverage of a model's interval at one level, and how many points it rests on. */
export interface StoredCoverage {
  share: number | null;
  points: number;
  /** Index h - 1: the share of the points h steps ahead (null where none was bounded); absent on older runs. */
  byStep?: (number | null)[];
}

/** Scores of a model's intervals and quantiles, leave-one-window-out (see lib/forecast/intervals.ts). */
export interface StoredIntervalScores {
  /** Mean scaled interval score of the 95% interval. */
  msis: number | null;
  /** Weighted quantile loss of P10/P50/P90. */
  wql: number | null;
}

/** The run's recommended model (see lib/forecast/champion.ts). */
export interface StoredChampion {
  model: PredictionModel;
  /** The averaged models when `model` is 'ensemble'; else just `model`. */
  members: ComparedModel[];
  reason: string;
  metrics: StoredMetrics;
  coverage: Record<`${IntervalLevel}`, StoredCoverage>;
  /** Absent on older runs. */
  intervalScores?: StoredIntervalScores;
  /** The better LSTM, shown beside the champion; skill = 1 - MASE / MASE(seasonal naive). */
  lstmFamily?: { model: LstmFamilyName; mase: number | null; skill: number | null };
  /**
   * MASE on the backtest windows the champion was not chosen on (nested selection), with the pick
   * per window, the best single model on the same windows (with hindsight) and one model picked
   * per window without averaging (`singlePick`) and seasonal naive there (`reference`; both absent
   * on older runs). Absent on older runs and when no window had an earlier one to choose on.
   */
  testMase?: number | null;
  nested?: {
    /** Per scored window (by its first timestamp, ISO), the pick made on the windows before it. */
    windows: { start: string | null; model: PredictionModel; members: ComparedModel[] }[];
    selectionWindows: number;
    bestSingle: { model: ComparedModel; mase: number | null };
    singlePick?: { mase: number | null; models: ComparedModel[] };
    reference?: { model: ReferenceModel; mase: number | null };
  };
}

/** `Run.evaluation`. */
export interface RunEvaluation {
  season: SeasonInfo;
  backtest: {
    requestedWindows: number;
    /** Oldest first; the last one is the held-out test window. */
    windows: StoredBacktestWindow[];
    /** Index h - 1: errors h steps ahead, pooled over the windows. */
    byStep: ModelRecord<StoredMetrics[]>;
    note: string | null;
  };
  /** 1 - MASE(lstm) / MASE(seasonal naive); null when MASE is undefined. */
  skill: number | null;
  verdict: Verdict;
  coverage: ModelRecord<Record<`${IntervalLevel}`, StoredCoverage>>;
  /** MSIS and weighted quantile loss of every model's intervals; absent on older runs. */
  intervalScores?: ModelRecord<StoredIntervalScores>;
  /** Absent on older runs. */
  champion?: StoredChampion;
  /** Wall time of each model's fits and forecasts (backtest windows and refit), ms; absent on older runs. */
  fitMs?: ModelRecord<number>;
  /** How the LSTM's inputs were prepared: the transform chosen on validation and why, calendar features; absent on older runs. */
  lstmPreprocessing?: LstmPreprocessing;
  /** Present when the run asked for the global LSTM: the series it trained across, or why it was not trained. */
  globalLstm?: GlobalLstmInfo;
  /** Why the run trained no LSTM (a series too short for lookback + horizon windows); absent when it did. */
  lstmSkipped?: string;
  /** Runs with covariates or holidays: the best LSTM's backtest error with and without them (issue 22). */
  covariateEffect?: CovariateEffect;
  /** Runs with a holiday calendar: the holidays from the first point to the last forecast step (ISO `t`), for chart markers. */
  holidays?: { calendar: string; dates: { date: string; t: string; name: string }[] };
  /** The hyperparameter search: its trials and what the LSTM family trained with; absent when the run did not search. */
  search?: LstmSearchResult;
}

/** `Run.progressDetail`: where a running run is, from the engine's last progress event. */
export interface RunProgressDetail {
  phase: TrainProgress['phase'];
  epoch: number;
  epochs: number;
  window: number | null;
  windows: number | null;
  /** Planned epochs still to train, over all the run's LSTMs; null: unknown. */
  remainingEpochs: number | null;
  /** Measured milliseconds per epoch; null until measured. */
  epochMs: number | null;
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

/** One entry per model of the run (the ones it compared are those its records have). */
const perModelOf =
  (models: readonly ComparedModel[]) =>
  <T>(f: (model: ComparedModel) => T): ModelRecord<T> =>
    perRunModel(f, models);

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | undefined) => (t === undefined ? null : iso(t));

export function runMetrics(result: Pick<ForecastResult, 'models'>): RunMetrics {
  return perModelOf(modelsIn(result.models))((m) => storedMetrics(modelEntry(result.models, m).metrics));
}

type EvaluatedResult = Pick<ForecastResult, 'season' | 'backtest' | 'skill' | 'verdict' | 'intervals'> &
  Partial<
    Pick<
      ForecastResult,
      | 'champion'
      | 'models'
      | 'lstmPreprocessing'
      | 'globalLstm'
      | 'lstmSkipped'
      | 'covariateEffect'
      | 'holidays'
      | 'search'
    >
  >;

export function runEvaluation(result: EvaluatedResult): RunEvaluation {
  const { backtest, intervals, champion, models } = result;
  const perModel = perModelOf(modelsIn(backtest.metrics));
  const coverageOf = (bands: ModelIntervals, level: IntervalLevel): StoredCoverage => ({
    share: bands.coverage[level],
    points: bands.coveragePoints[level],
    byStep: [...bands.coverageByStep[level]],
  });
  const scoresOf = (bands: ModelIntervals): StoredIntervalScores => ({
    msis: bands.msis === null ? null : finiteOrNull(bands.msis),
    wql: bands.wql === null ? null : finiteOrNull(bands.wql),
  });
  const coverage = (m: ComparedModel, level: IntervalLevel) => coverageOf(modelEntry(intervals, m), level);
  return {
    season: { length: result.season.length, source: result.season.source },
    backtest: {
      requestedWindows: backtest.requestedWindows,
      windows: backtest.windows.map((w) => ({
        start: iso(w.t[0]),
        end: iso(w.t[w.t.length - 1]),
        points: w.t.length,
        metrics: perModel((m) => storedMetrics(modelEntry(w.metrics, m))),
        forecasts: { t: w.t.map(iso), values: perModel((m) => modelEntry(w.forecasts, m).map(finiteOrNull)) },
      })),
      byStep: perModel((m) => modelEntry(backtest.byStep, m).map(storedMetrics)),
      note: backtest.note ?? null,
    },
    skill: finiteOrNull(result.skill),
    verdict: { ...result.verdict },
    coverage: perModel((m) => ({ '80': coverage(m, 80), '95': coverage(m, 95) })),
    intervalScores: perModel((m) => scoresOf(modelEntry(intervals, m))),
    ...(champion && {
      champion: {
        model: champion.model,
        members: [...champion.members],
        reason: champion.reason,
        metrics: storedMetrics(champion.metrics),
        coverage: { '80': coverageOf(champion.intervals, 80), '95': coverageOf(champion.intervals, 95) },
        intervalScores: scoresOf(champion.intervals),
        ...(champion.lstmFamily && {
          lstmFamily: {
            model: champion.lstmFamily.model,
            mase: finiteOrNull(champion.lstmFamily.mase),
            skill: finiteOrNull(champion.lstmFamily.skill),
          },
        }),
        ...(champion.nested && {
          testMase: finiteOrNull(champion.nested.testMase),
          nested: {
            windows: champion.nested.windows.map((w) => ({
              start: isoOrNull(backtest.windows.find((b) => b.origin === w.origin)?.t[0]),
              model: w.model,
              members: [...w.members],
            })),
            selectionWindows: champion.nested.selectionWindows,
            bestSingle: {
              model: champion.nested.bestSingle.model,
              mase: finiteOrNull(champion.nested.bestSingle.mase),
            },
            singlePick: {
              mase: finiteOrNull(champion.nested.singlePick.mase),
              models: [...champion.nested.singlePick.models],
            },
            reference: {
              model: champion.nested.reference.model,
              mase: finiteOrNull(champion.nested.reference.mase),
            },
          },
        }),
      },
    }),
    ...(models && { fitMs: perModel((m) => modelEntry(models, m).fitMs) }),
    ...(models && {
      notes: Object.fromEntries(COMPARED_MODELS.flatMap((m) => (models[m]?.note ? [[m, models[m].note]] : []))),
    }),
    ...(result.lstmPreprocessing && { lstmPreprocessing: result.lstmPreprocessing }),
    ...(result.globalLstm && { globalLstm: result.globalLstm }),
    ...(result.lstmSkipped && { lstmSkipped: result.lstmSkipped }),
    ...(result.covariateEffect && { covariateEffect: result.covariateEffect }),
    ...(result.holidays && {
      holidays: {
        calendar: result.holidays.calendar,
        dates: result.holidays.dates.map((h) => ({ date: h.date, t: new Date(h.t).toISOString(), name: h.name })),
      },
    }),
    ...(result.search && { search: result.search }),
  };
}

/** `epochMs`: the measured time per epoch (worker/epoch-pace.ts), once known. */
export function progressDetail(progress: TrainProgress, epochMs?: number): RunProgressDetail {
  return {
    phase: progress.phase,
    epoch: progress.epoch,
    epochs: progress.epochs,
    window: progress.window ?? null,
    windows: progress.windows ?? null,
    remainingEpochs: progress.remainingEpochs ?? null,
    epochMs: epochMs ?? null,
  };
}
