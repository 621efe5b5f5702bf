// Public types of the forecasting engine. The engine imports nothing from Next, BullMQ or Prisma:
// the worker, the CLI and the tests all call it with plain arrays and callbacks.
import type { ComparedModel, ModelsOf } from './registry/catalog';
import type { ReferenceModel } from './compared-models';
import type { Frequency } from './time/frequency';
import type { SearchedField } from './search/fields';

/** A frequency: unit x multiple ('15min', 'hourly', 'business-daily', ...); see lib/forecast/time. */
export type { Frequency } from './time/frequency';

/** A univariate series: timestamps in epoch milliseconds (ascending, unique) and values. */
export interface SeriesData {
  t: number[];
  v: number[];
  frequency: Frequency;
  /** The IANA zone of a sub-daily series ('Europe/Berlin'): calendar features read its wall clock; unset: UTC. */
  timeZone?: string | null;
}

/** Everything a run is trained with. All fields have defaults (see config.ts). */
export interface ForecastConfig {
  /** Steps to forecast, and the size of the held-out test window. */
  horizon: number;
  /** Input window length. */
  lookback: number;
  /**
   * Epochs of the first backtest fit; later (warm-started) fits get half. An epoch trains on at
   * most 1024 windows, drawn afresh each epoch, so long series train in bounded time.
   */
  epochs: number;
  /** LSTM units per layer. */
  units: number;
  /** Stacked LSTM layers, 1 or 2. */
  layers: number;
  learningRate: number;
  batchSize: number;
  /** Dropout on the LSTM output, 0..0.9. */
  dropout: number;
  /** Fraction of training windows kept for validation (early stopping): the most recent, at most 512. */
  validationSplit: number;
  /** Early-stopping patience in epochs. */
  patience: number;
  /** Seed for weight initialisation and shuffling. */
  seed: number;
  /**
   * Seeds each LSTM (plain and hybrid) trains, 1..5, its forecast being their median; the first is
   * `seed`, the others derive from it. Default: 3-5 on a short series, 1 on a long one.
   */
  seeds: number;
  /**
   * Rolling-origin backtest windows of `horizon` steps at the end of the series, 1..10. A series
   * too short for all of them gets fewer (see ForecastResult.backtest).
   */
  backtestWindows: number;
  /**
   * What the LSTM trains on: `auto` picks none, log, first or seasonal differences on the first
   * fit's validation split (see lib/forecast/transforms-choice.ts); a name forces that transform.
   */
  transform: 'auto' | 'none' | 'log' | 'difference' | 'seasonalDifference';
  /** Calendar features (hour of day, day of week, month, by frequency) as extra LSTM inputs. */
  calendarFeatures: boolean;
  /**
   * Also train one LSTM across the dataset's series (`lstmGlobal`, see lib/forecast/global).
   * Ignored, with a note, when the run is given no related series of the same frequency.
   */
  globalLstm: boolean;
  /**
   * The models the run compares, by catalog key, in catalog order; always with seasonal naive.
   * Optional ones (the LSTMs) are still fit only when the run can.
   */
  models: ComparedModel[];
  /** Covariate series of the run, by id (the data comes in RunContext.covariates); see config.ts. */
  covariates: { seriesId: string; knownFuture: boolean }[];
  /** Holiday calendar ('US', 'DE-BY'), or null for none. */
  holidays: string | null;
  /**
   * `auto`: a successive-halving search on the first backtest window's training values picks the
   * LSTM family's lookback, units, layers, dropout, learning rate and transform (ForecastResult.search);
   * `off`: the LSTMs train with the fields as set. Runs stored before the search read as 'off'.
   */
  search: 'auto' | 'off';
  /** Wall-time budget of the search in seconds. */
  searchBudgetSeconds: number;
  /** Searched fields the search keeps as set (by default those the user set). */
  searchFixed: SearchedField[];
}

/**
 * The values of one covariate of a run (issue 22), aligned to the target by timestamp, never by
 * position: a covariate may have gaps, start later, or (known-future ones) run past the target's
 * last timestamp into the forecast steps.
 */
export interface CovariateSeries {
  /** As in ForecastConfig.covariates. */
  seriesId: string;
  /** Its name (column or long-layout id), shown in notes and on the run page. */
  name: string;
  knownFuture: boolean;
  /** Epoch ms, ascending. */
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

export type { ComparedModel, ModelFamily, OptionalModel } from './registry/catalog';

/** Simple benchmarks every run computes beside the LSTM (family 'baseline' in the registry). */
export type BaselineName = ModelsOf<'baseline'>;

/** Classical statistical comparators every run fits beside the LSTMs (lib/forecast/classical). */
export type ClassicalName = ModelsOf<'classical'>;

/**
 * The LSTMs: plain, the hybrid that models what MSTL leaves over (lib/forecast/hybrid), and the
 * global one trained across a dataset's series (lib/forecast/global).
 */
export type LstmFamilyName = ModelsOf<'lstm'>;

/**
 * One entry per model of a run: seasonal naive (every run compares it: MASE and skill are measured
 * against it), and the others it compared (config.models, the LSTMs when they could train).
 */
export type ModelRecord<T> = Record<'seasonalNaive', T> & Partial<Record<ComparedModel, T>>;

/** What predictions can be asked for: one model, or the champion's average of several. */
export type PredictionModel = ComparedModel | 'ensemble';

/**
 * The model a run recommends, by backtest MASE (MAE where MASE is undefined): the average of the
 * models within 20% of the lowest (POOL_MARGIN, champion.ts), or the best model alone when no
 * other comes that close.
 */
export interface Champion {
  model: PredictionModel;
  /** The averaged models when `model` is 'ensemble'; else just `model`. */
  members: ComparedModel[];
  /** Backtest metrics of the champion (an ensemble's from its averaged window forecasts). */
  metrics: AccuracyMetrics;
  /** One sentence: why this model. */
  reason: string;
  /** Forecast of the `future.t` steps. */
  future: number[];
  intervals: ModelIntervals;
  /** The best LSTM, reported beside the champion, with its skill score; absent when the run trained none. */
  lstmFamily?: { model: LstmFamilyName; mase: number; skill: number };
  /**
   * MASE of the champion on windows it was not chosen on (nested.testMase); absent when no backtest
   * window has an earlier one to choose on.
   */
  testMase?: number;
  nested?: NestedChampionScore;
}

/**
 * Honest selection (lib/forecast/selection/nested-champion.ts): each scored backtest window is
 * forecast by the champion the selection rule picks from the windows before it only.
 */
export interface NestedChampionScore {
  /** MASE (MAE when a window has no scale) of those forecasts, pooled over `windows`. */
  testMase: number;
  metrics: AccuracyMetrics;
  /** Per scored window that had earlier windows to choose on, oldest first: the pick for it. */
  windows: { origin: number; model: PredictionModel; members: ComparedModel[] }[];
  /** Backtest windows before the scored ones, used only to choose (not in the leaderboard). */
  selectionWindows: number;
  /** The best single model on the same windows, chosen with hindsight: the bar the champion is held to. */
  bestSingle: { model: ComparedModel; mase: number };
  /**
   * One model picked the honest way for each of `windows`: the lowest error on the windows before
   * it, never an average; the MASE of its forecasts there. Where it is below `testMase`, betting on
   * one model would have done better than pooling.
   */
  singlePick: { mase: number; models: ComparedModel[] };
  /**
   * The reference model (seasonal naive) on the same windows: what the champion's score is read
   * against when a screen says how much better than seasonal naive it was.
   */
  reference: { model: ReferenceModel; mase: number };
}

/** The full accuracy report of one model (backtest, per window and per horizon step). */
export interface AccuracyMetrics {
  mae: number;
  rmse: number;
  /** Mean absolute percentage error in percent, over actual values other than 0; NaN if all are 0. */
  mape: number;
  /** How many actual values MAPE left out because they are 0. */
  mapeExcluded: number;
  /** Symmetric MAPE in percent (0..200); a step where actual and forecast are both 0 counts as 0. */
  smape: number;
  /** MAE scaled by the in-sample seasonal-naive MAE of the data before each window. */
  mase: number;
  /** Weighted absolute percentage error: sum of |error| / sum of |actual|, in percent. */
  wape: number;
}

/**
 * How the LSTM's inputs were prepared: fixed on a run's first fit (the first backtest window's
 * training values, never the test window) and kept for every later fit and the saved model.
 */
export interface LstmPreprocessing {
  transform: 'none' | 'log' | 'difference' | 'seasonalDifference';
  /** Why that transform: the validation errors that decided it, or why there was no choice. */
  transformReason: string;
  /** Each transform considered: its validation MAE (series units) from a short trial fit, or why it was skipped. */
  transformTrials: {
    transform: LstmPreprocessing['transform'];
    validationMae?: number;
    skipped?: string;
    /** After the full first fit: 'none' and the best other transform get one, and the lower wins. */
    fullFitValidationMae?: number;
  }[];
  /** Calendar inputs (sin/cos pairs): hourOfDay, dayOfWeek, monthOfYear, by frequency. */
  calendarFeatures: string[];
  layers: number;
  /** Seeds trained, the forecast being their median (absent: 1; see lib/forecast/lstm-ensemble.ts). */
  seeds?: number;
}

/** What one trial trains with: the searched fields. */
export interface SearchCandidate {
  lookback: number;
  units: number;
  layers: number;
  dropout: number;
  learningRate: number;
  transform: LstmPreprocessing['transform'];
}

export interface SearchTrial {
  config: SearchCandidate;
  /** Epochs it trained in total. */
  epochs: number;
  /** Mean absolute error of its validation forecasts (series units) after its last rung; null if never scored. */
  validationMae: number | null;
  /** Its last training loss (on scaled values). */
  loss: number | null;
  /**
   * `chosen`: the winner; `dropped`: cut after its last rung; `kept`: still in when the budget ran
   * out; `unfinished`: the budget ran out during its training (or before it started).
   */
  outcome: 'chosen' | 'dropped' | 'kept' | 'unfinished';
  /** 1-based rung of its last score (0: never scored). */
  rung: number;
  ms: number;
}

/** The hyperparameter search of a run (config.search 'auto'; lib/forecast/search). */
export interface LstmSearchResult {
  /** What the LSTM family trains with. */
  chosen: SearchCandidate;
  /** Fields held at the configured value. */
  fixed: SearchedField[];
  budgetSeconds: number;
  elapsedMs: number;
  /** Cumulative epochs of each rung; the best 1/`eta` go on to the next. */
  rungEpochs: number[];
  eta: number;
  /** Values the search read: the first backtest window's training values. */
  points: number;
  /** Validation forecasts each trial is scored on (from origins in the last part of those values). */
  validationOrigins: number;
  /** True when the wall-clock budget stopped the search before its plan was done. */
  outOfTime: boolean;
  /** In the order they started; the first is the configured values. */
  trials: SearchTrial[];
  /** Why no search ran (the configured values are then `chosen`). */
  note?: string;
}

export interface EpochLog {
  epoch: number;
  loss: number;
  valLoss?: number;
}

export interface TrainProgress {
  /** 0..1 over the whole run (every fit). */
  progress: number;
  /**
   * `search`: the hyperparameter search's trials (epoch/epochs count trials, see lib/forecast/search);
   * `backtest`: the fits of the earlier backtest windows; `evaluate`: the fit scored on the
   * held-out test window (the last backtest window); `refit`: the fit on all data.
   */
  phase: 'search' | 'backtest' | 'evaluate' | 'refit';
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
  /** 1-based backtest window of a `backtest` or `evaluate` fit, and how many windows there are. */
  window?: number;
  windows?: number;
  /** Which LSTM the epoch belongs to (a run trains both; `progress` is their average). */
  model?: LstmFamilyName;
  /**
   * Planned epochs still to train: this fit's and the later fits' (early stopping may end them
   * sooner). Per model from the LSTM; summed over the run's LSTMs by runForecast.
   */
  remainingEpochs?: number;
}

export interface RunCallbacks {
  /** Called after every epoch. May be async; training waits for it. */
  onProgress?: (p: TrainProgress) => void | Promise<void>;
  /** Checked after every epoch; returning true stops training with a CancelledError. */
  shouldCancel?: () => boolean | Promise<boolean>;
}

/** Serialised Keras-style model, storable as JSON + bytes. */
export interface SavedModel {
  /** tf.io.ModelArtifacts without weightData (modelTopology, weightSpecs, format, ...). */
  artifacts: Record<string, unknown>;
  weights: Uint8Array;
}

/** Where the season length used by seasonal naive and MASE came from. */
export interface SeasonInfo {
  length: number;
  /** `frequency`: the frequency's cycle; `detected`: autocorrelation (no cycle in the frequency); `none`: neither. */
  source: 'frequency' | 'detected' | 'none';
}

/** One window of the rolling-origin backtest: every model fit only on the values before `origin`. */
export interface BacktestWindow {
  /** Index of the window's first point in the series. */
  origin: number;
  t: number[];
  actual: number[];
  forecasts: ModelRecord<number[]>;
  metrics: ModelRecord<AccuracyMetrics>;
}

export interface BacktestResult {
  /** config.backtestWindows. */
  requestedWindows: number;
  /** Oldest first; the last one is the held-out test window (`ForecastResult.test`). */
  windows: BacktestWindow[];
  /** Every window pooled. */
  metrics: ModelRecord<AccuracyMetrics>;
  /** Index h - 1: the errors h steps ahead, pooled over the windows. */
  byStep: ModelRecord<AccuracyMetrics[]>;
  /** Set when the series was too short for the requested windows and fewer were used. */
  note?: string;
}

export type IntervalLevel = 80 | 95;

/**
 * Split-conformal prediction intervals around one model's future forecast: the forecast plus the
 * conformal quantiles of that model's signed backtest errors at the same horizon step (see
 * intervals.ts). A bound is null where there are too few errors to promise the level (unbounded).
 */
export interface ModelIntervals {
  /** Signed conformal bounds (symmetric where a step has too few errors for them); clipped at 0 for a non-negative series. P10/P90 are the 80% bounds. */
  bands: Record<IntervalLevel, { lower: (number | null)[]; upper: (number | null)[] }>;
  /** The median forecast (P50): the forecast plus the median backtest error of each step. */
  p50: number[];
  /**
   * Share of the backtest windows' actual values inside the interval built without that window
   * (leave-one-window-out), over the points where that interval is bounded; null if there are none.
   */
  coverage: Record<IntervalLevel, number | null>;
  /** How many backtest points each coverage was measured on: few points, rough coverage. */
  coveragePoints: Record<IntervalLevel, number>;
  /** Index h - 1: the same coverage, of the points h steps ahead only (null where none was bounded). */
  coverageByStep: Record<IntervalLevel, (number | null)[]>;
  /** Mean scaled interval score of the 95% interval (leave-one-window-out), null where never bounded. */
  msis: number | null;
  /** Weighted quantile loss of P10/P50/P90 (leave-one-window-out), null where never bounded or all actuals are 0. */
  wql: number | null;
  /** Index h - 1: backtest errors the step's quantile came from. */
  calibrationSize: number[];
}

/** Whether the LSTM earned its training time, by backtest MASE (MAE where MASE is undefined). */
export interface Verdict {
  beatsNaive: boolean;
  beatsSeasonalNaive: boolean;
  beatsDrift: boolean;
  /** Lowest backtest error of all models. */
  bestModel: ComparedModel;
  summary: string;
}

/** What a run's global LSTM learned from (`ForecastResult.globalLstm`, when the config asked for it). */
export interface GlobalLstmInfo {
  trained: boolean;
  /** Series pooled, the target included (1 when it was not trained). */
  series: number;
  /** Names of the related series pooled beside the target. */
  related: string[];
  /** Training windows of the refit: the target's, then each related series' (capped, see pooled-windows.ts). */
  windows: number[];
  /** Why it was not trained, or which related series were left out. */
  note?: string;
}

/**
 * What a run's covariates and holiday calendar did (issue 22): its best LSTM was also backtested
 * without them, on the same windows, and both are scored the same way.
 */
export interface CovariateEffect {
  /** The LSTM compared: the run's best LSTM by backtest MASE (with the covariates). */
  model: LstmFamilyName;
  /** The covariates' names, in config order. */
  covariates: string[];
  /** The holiday calendar, if the run used one. */
  holidays: string | null;
  /** The error compared: MASE, or MAE when the series has no MASE scale. */
  metric: 'mase' | 'mae';
  /** Backtest error with the covariates and holidays, and without them. */
  withMase: number;
  withoutMase: number;
  /** (with - without) / without: below 0 they helped, above 0 they made the forecast worse. */
  change: number;
  /** One honest sentence: "promo, price and US holidays cut the LSTM's MASE by 31% (0.62 → 0.43)." */
  sentence: string;
}

/** A public holiday within a run's series and horizon: the charts draw a marker at `t`. */
export interface HolidayMarker {
  /** 'YYYY-MM-DD', the local date. */
  date: string;
  /** Epoch ms of the date's start (UTC midnight; local midnight for a sub-daily series with a zone). */
  t: number;
  name: string;
}

export interface ForecastResult {
  /** TensorFlow.js backend that trained the model: tensorflow, wasm or cpu. */
  backend: string;
  config: ForecastConfig;
  durationMs: number;
  /**
   * Timestamps of the `horizon` steps after the last point: what every model's `models[m].future`
   * forecasts. The held-out test window is the last backtest window (`backtest.windows`).
   */
  futureT: number[];
  /**
   * Loss history of the evaluation fit (the one scored on the test window, i.e. the last backtest
   * window; warm-started from the previous window's model when there is one).
   */
  history: EpochLog[];
  summary: { points: number; trainStart: number; trainEnd: number; testStart: number; testEnd: number };
  /** The plain LSTM's refit model (what produced its `future`); absent when the LSTMs were skipped. */
  model?: SavedModel;
  /** Why the run trained no LSTM (the series is too short for lookback + horizon windows); absent when it did. */
  lstmSkipped?: string;
  /** How the LSTM's inputs were prepared (transform chosen on validation, calendar features). */
  lstmPreprocessing?: LstmPreprocessing;
  /** Season length used by seasonal naive and MASE. */
  season: SeasonInfo;
  /**
   * Every model: backtest metrics over all windows, its forecast of the `future.t` steps, and the
   * wall time of all its fits and forecasts (backtest windows and refit) in milliseconds; `note`
   * when a classical fit failed and the model forecast like seasonal naive instead (see
   * classical/path-fitter.ts), or the hybrid had no seasonal cycle to remove.
   */
  models: ModelRecord<{ metrics: AccuracyMetrics; future: number[]; fitMs: number; note?: string }>;
  backtest: BacktestResult;
  /** Whether the global LSTM was asked for, and what it was trained on or why it was not. */
  globalLstm?: GlobalLstmInfo;
  /** The hyperparameter search (config.search 'auto' and the LSTMs trained): its trials and what the LSTM family trained with. */
  search?: LstmSearchResult;
  /** Prediction intervals of each model's future forecast. */
  intervals: ModelRecord<ModelIntervals>;
  /** Set when the run had covariates or a holiday calendar: its best LSTM scored with and without them. */
  covariateEffect?: CovariateEffect;
  /** Set when the run had a holiday calendar: the holidays from the first point to the last forecast step. */
  holidays?: { calendar: string; dates: HolidayMarker[] };
  /** 1 - MASE(lstm) / MASE(seasonal naive) over the backtest: above 0 the LSTM is better. NaN without a scale or an LSTM. */
  skill: number;
  verdict: Verdict;
  champion: Champion;
}
