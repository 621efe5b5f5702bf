// The hybrid LSTM ("lstmHybrid"), in the spirit of Smyl's ES-RNN: a statistical model takes out
// level, trend and seasonality, the LSTM learns only what is left, and the components are put
// back. Here MSTL does the decomposition (every cycle of the frequency) and the plain LSTM
// procedure (LstmRun: warm-started fits, refit) runs unchanged on the remainder, so the LSTM's
// capacity goes to the irregular part rather than to re-learning a sine wave.
import { CALIBRATION_SPAN, type FittedModel, type ModelFitter, type WindowInfo } from '../backtest';
import type { CovariateBlock } from '../covariates';
import { lstmForecastFrom, LstmRun } from '../lstm-forecaster';
import type { ForecastConfig, Frequency, RunCallbacks, SeasonInfo } from '../types';

/** The series besides its values: the remainder shares its index, so its timestamps too. */
export interface HybridSeriesInfo {
  frequency: Frequency;
  season: SeasonInfo;
  /** Timestamps of the whole series, for the LSTM's calendar features. */
  t?: ArrayLike<number>;
  /** Covariates and holiday features by series index: the LSTM reads them beside the remainder. */
  covariates?: CovariateBlock;
}
import { decompose, flatDecomposition, recompose, remainderUpTo, type Decomposition } from './decomposition';

export class HybridLstmRun {
  private readonly lstm: LstmRun;

  constructor(
    private readonly config: ForecastConfig,
    windows: number,
    private readonly series: HybridSeriesInfo,
    callbacks: RunCallbacks = {},
  ) {
    // MSTL has already taken out level, trend and cycles: no transform is left to choose (log is
    // impossible on a remainder around 0), so the trial fits that pick one are skipped.
    this.lstm = new LstmRun({ ...config, transform: 'none' }, windows, callbacks, {
      t: series.t,
      frequency: series.frequency,
      seasonLength: series.season.length,
      ...(series.covariates && { covariates: series.covariates }),
    });
  }

  get history() {
    return this.lstm.history;
  }

  /** MSTL's decomposition, or none (and why) when MSTL cannot fit the values. */
  private decompose(values: Float64Array, steps: number): { d: Decomposition; note?: string } {
    try {
      return { d: decompose(values, steps, this.series.frequency, this.series.season) };
    } catch (error) {
      return {
        d: flatDecomposition(values.length, steps),
        note: `MSTL could not decompose ${values.length} values (${error instanceof Error ? error.message : String(error)}); the hybrid LSTM modelled the values directly.`,
      };
    }
  }

  /** The backtest's model: one call per window, oldest first (the LSTM warm-starts across them). */
  readonly fitter: ModelFitter = async (train: Float64Array, window: WindowInfo): Promise<FittedModel> => {
    const { horizon } = this.config;
    // Long enough for every calibration origin's forecast (see backtest.ts).
    const { d, note } = this.decompose(train, (CALIBRATION_SPAN + 1) * horizon);
    const fitted = await this.lstm.fitter(remainderUpTo(d, train, train.length), window);
    return {
      ...(note && { note }),
      forecastFrom: async (values, origins) => {
        const remainder = remainderUpTo(d, values, Math.max(...origins));
        const forecasts = await fitted.forecastFrom(remainder, origins);
        return forecasts.map((f, k) => recompose(d, origins[k], f));
      },
    };
  };

  /** The future `horizon` steps after `values`, from MSTL and the LSTM refit on all of them. */
  async future(values: Float64Array): Promise<number[]> {
    const { horizon, lookback } = this.config;
    const { d } = this.decompose(values, horizon);
    const remainder = remainderUpTo(d, values, values.length);
    const refit = await this.lstm.refit(remainder);
    const [forecast] = await lstmForecastFrom(refit, remainder, [remainder.length], lookback);
    return recompose(d, values.length, forecast);
  }

  dispose(): void {
    this.lstm.dispose();
  }
}
