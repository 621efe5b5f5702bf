// Every classical comparator behind one name, like the baselines: each a ModelFitter fit on the
// same backtest windows as the LSTM.
import type { ModelFitter } from '../backtest';
import type { ClassicalName, Frequency, SeasonInfo } from '../types';
import { autoArimaFitter } from './auto-arima';
import { etsFitter } from './ets';
import { mstlFitter } from './mstl';
import { thetaFitter } from './theta';

export const CLASSICAL_NAMES = ['mstl', 'ets', 'autoArima', 'theta'] as const satisfies readonly ClassicalName[];

export interface ClassicalContext {
  horizon: number;
  frequency: Frequency;
  season: SeasonInfo;
}

export function classicalFitter(name: ClassicalName, { horizon, frequency, season }: ClassicalContext): ModelFitter {
  switch (name) {
    case 'mstl':
      return mstlFitter(horizon, frequency, season);
    case 'ets':
      return etsFitter(horizon, season.length);
    case 'autoArima':
      return autoArimaFitter(horizon, season.length);
    case 'theta':
      return thetaFitter(horizon, season.length);
  }
}

export { mstlDecompose } from './mstl';
export { seasonalPeriods } from './seasonal-periods';
