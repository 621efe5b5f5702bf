// The one interface every compared model implements, so runForecast, the backtest and the champion
// loop over the registry and never name a model (Darts' ForecastingModel, statsforecast's model
// list). A model's run fits on a training prefix once per backtest window (oldest first, so it may
// warm-start), then once on all values to forecast the future, and finally frees what it holds.
import type { FittedModel, ModelFitter } from '../backtest';
import type { CovariateBlock } from '../covariates';
import type { RelatedSeries, SharedGlobalInput } from '../global';
import type { ComparedModel, ForecastConfig, RunCallbacks, SeasonInfo, SeriesData } from '../types';

/** What a model may know about the run it is part of. */
export interface ModelContext {
  data: SeriesData;
  config: ForecastConfig;
  /** Season length for seasonal naive and MASE, and where it came from. */
  season: SeasonInfo;
  /** Backtest windows this run fits (each model's `fit` is called once per window). */
  windowCount: number;
  /** The other series of the target's dataset (only the global LSTM reads them). */
  related: readonly RelatedSeries[];
  /** Every backtest origin of this run, oldest first (`windowCount` of them). */
  origins: readonly number[];
  /** A batch's shared global LSTM for this series (RunContext.sharedGlobal): lstmGlobal reads it. */
  sharedGlobal?: SharedGlobalInput;
  /** False: the per-series LSTMs are not trained (RunContext.perSeriesLstm). */
  perSeriesLstm?: boolean;
  /** Progress and cancellation for models that train in epochs (the LSTM family shares one bar). */
  callbacks: RunCallbacks;
  /**
   * The run's covariates and holiday features (covariates.ts), by series index; absent when it has
   * neither. The LSTMs and AutoARIMA read them; the other models ignore them (with a note).
   */
  covariates?: CovariateBlock;
}

/** One model within one run. */
export interface ModelRun {
  /** Fits on exactly the values before `window.origin`; its FittedModel forecasts `horizon` steps from origins. */
  fit: ModelFitter;
  /** After the backtest: fits on all `values` and forecasts the `horizon` steps after them. */
  future(values: Float64Array): Promise<{ forecast: number[]; note?: string }>;
  /** Frees tensors and wasm memory; called once, also after an error. */
  dispose(): void;
}

/** A registered model: its catalog key and how to start it for one run. */
export interface ForecastModel<K extends ComparedModel = ComparedModel, R extends ModelRun = ModelRun> {
  key: K;
  /** Optional models only (see the catalog): whether this run asked for it and can fit it. */
  wanted?(context: ModelContext): boolean;
  /** Whether it reads context.covariates in this run; the others get a note that they ignore them. */
  readsCovariates?(context: Omit<ModelContext, 'callbacks'>): boolean;
  create(context: ModelContext): R;
}

/**
 * A model without state across fits: the future is one more fit, on all values, forecast from
 * the end. Baselines and classical models use this.
 */
export function statelessRun(fit: ModelFitter, windowCount: number): ModelRun {
  return {
    fit,
    future: async (values) => {
      const fitted: FittedModel = await fit(values, { index: windowCount, count: windowCount, origin: values.length });
      const [forecast] = await fitted.forecastFrom(values, [values.length]);
      return { forecast, ...(fitted.note && { note: fitted.note }) };
    },
    dispose: () => {},
  };
}
