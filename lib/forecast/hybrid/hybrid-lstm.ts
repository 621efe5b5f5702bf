// The hybrid LSTM ("lstmHybrid"), after Smyl's ES-RNN: the series is logged where positive,
// deseasonalised and rid of calendar effects (a daily series' holidays, with a holiday calendar; a
// monthly one's trading days and leap years) by seasonal-adjustment.ts, estimated on each fit's
// training part only; the LSTM forecasts that adjusted series (level-normalised: its windows are
// relative to their level by exponential smoothing, HYBRID_ANCHOR, so the network itself carries
// level and trend forward from a current level), and the seasonal figures and calendar effects,
// which continue past the training part, are put back on the forecast steps. The LSTM procedure
// is the plain one (warm-started fits, refit, seed ensemble); its capacity goes to level, trend
// and the irregular part rather than to re-learning the cycles.
//
// Earlier the LSTM learned MSTL's in-sample remainder (values minus a fit made with hindsight)
// while its output was added to MSTL's multi-step forecast, whose extrapolation error it never
// saw in training: a different target from the one it was scored on.
import type { FittedModel, ModelFitter, WindowInfo } from '../backtest';
import { LstmEnsembleRun } from '../lstm-ensemble';
import type { CovariateBlock } from '../covariates';
import type { ForecastConfig, Frequency, RunCallbacks, SeasonInfo } from '../types';
import type { WindowAnchor } from '../windows';
import { dailyHolidayKeys } from './holiday-effects';
import {
  adjustValues,
  fitSeasonalAdjustment,
  unadjust,
  type AdjustmentCalendar,
  type SeasonalAdjustment,
} from './seasonal-adjustment';
import { monthlyRegressors } from './trading-days';

/**
 * The LSTM's windows are relative to their level by exponential smoothing with this alpha (the
 * smoothed level weighs the last value 0.3, the one before 0.21, and so on: it lags by about 2
 * steps, against half a lookback for the mean, with most of one step's noise averaged out).
 * Measured 2026-12-07 on the evaluation bench's 8 series (one run each, default settings; README):
 * against the windows' mean, the hybrid's MASE went down on 4 (72 monthly births 0.912 -> 0.759,
 * SSA monthly 1.388 -> 0.952, SSA daily 1.444 -> 1.406, hourly 0.422 -> 0.415) and up on 4, where
 * the plain LSTM stayed the family's best (synthetic daily 0.789 -> 0.807, synthetic monthly 0.402
 * -> 0.432, daily births 1.737 -> 1.833, 240 monthly 0.659 -> 0.716). An alpha of 0.15 did less on
 * both sides; the alpha that simple exponential smoothing fits to each series (as ES-RNN learns
 * one) was worse: 0.01-0.04 on the daily births, so the level was little more than the window's
 * first value (SSA daily 1.940), 0.6-0.8 on trended monthly series.
 */
export const HYBRID_ANCHOR: WindowAnchor = { level: 0.3 };

/** The series besides its values: the adjusted series shares its index, so its timestamps too. */
export interface HybridSeriesInfo {
  frequency: Frequency;
  season: SeasonInfo;
  /** Timestamps of the whole series, for the LSTM's calendar features. */
  t?: ArrayLike<number>;
  timeZone?: string | null;
  /** Covariates and holiday features by series index: the LSTM reads them beside the adjusted series. */
  covariates?: CovariateBlock;
  /** The run's holiday calendar: a daily series' adjustment takes the holidays' effects out too. */
  holidays?: string | null;
}

export class HybridLstmRun {
  private readonly lstm: LstmEnsembleRun;
  private readonly calendar: AdjustmentCalendar = {};

  constructor(
    private readonly config: ForecastConfig,
    windows: number,
    private readonly series: HybridSeriesInfo,
    callbacks: RunCallbacks = {},
    seeds = 1,
  ) {
    // The adjustment already logged and deseasonalised the series: no transform is left to choose
    // (log is impossible on a series around 0, and seasonal differences would find no cycle), so
    // the trial fits that pick one are skipped.
    this.lstm = new LstmEnsembleRun({ ...config, transform: 'none' }, windows, seeds, callbacks, {
      t: series.t,
      frequency: series.frequency,
      seasonLength: series.season.length,
      timeZone: series.timeZone,
      ...(series.covariates && { covariates: series.covariates }),
      anchor: HYBRID_ANCHOR,
    });
    if (series.holidays && series.t && series.frequency === 'daily') {
      this.calendar.holidays = dailyHolidayKeys(series.holidays, series.t, series.timeZone);
    }
    if (series.t && series.t.length > 0 && series.frequency === 'monthly') {
      this.calendar.months = monthlyRegressors(series.t);
    }
  }

  get history() {
    return this.lstm.history;
  }

  private adjustment(train: Float64Array): SeasonalAdjustment {
    return fitSeasonalAdjustment(train, this.series.frequency, this.series.season, this.calendar);
  }

  /** The backtest's model: one call per window, oldest first (the LSTM warm-starts across them). */
  readonly fitter: ModelFitter = async (train: Float64Array, window: WindowInfo): Promise<FittedModel> => {
    const adjustment = this.adjustment(train);
    const fitted = await this.lstm.fitter(adjustValues(adjustment, train, train.length), window);
    return {
      forecastFrom: async (values, origins) => {
        // Values up to the last origin only: nothing at or after an origin is read.
        const adjusted = adjustValues(adjustment, values, Math.max(...origins));
        const forecasts = await fitted.forecastFrom(adjusted, origins);
        return forecasts.map((f, k) => unadjust(adjustment, origins[k], f));
      },
    };
  };

  /** The future `horizon` steps after `values`, from the LSTM refit on all of them. */
  async future(values: Float64Array): Promise<number[]> {
    const adjustment = this.adjustment(values);
    const { forecast } = await this.lstm.future(adjustValues(adjustment, values, values.length));
    return unadjust(adjustment, values.length, forecast);
  }

  dispose(): void {
    this.lstm.dispose();
  }
}
