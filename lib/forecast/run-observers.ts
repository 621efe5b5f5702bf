// What runForecast observes of its models without changing them: the LSTMs' progress merged
// into one, and each model's fit time and fallback notes.
import type { FittedModel, ModelFitter } from './backtest';
import type { LstmFamilyName, RunCallbacks } from './types';

/**
 * Each of the run's LSTMs (`models`) reports its own progress 0..1; the run's progress is their
 * average, so it only moves forward although their fits alternate window by window. Their
 * remaining epochs add up; an LSTM that has not reported yet counts as much as the one with most
 * left (they share the window plan).
 */
export function sharedProgress(
  callbacks: RunCallbacks,
  models: readonly LstmFamilyName[] = ['lstm', 'lstmHybrid'],
): (model: LstmFamilyName) => RunCallbacks {
  const done = new Map<LstmFamilyName, number>(models.map((m) => [m, 0]));
  const remaining = new Map<LstmFamilyName, number>();
  const average = () => [...done.values()].reduce((a, b) => a + b, 0) / done.size;
  const remainingEpochs = () => {
    const most = Math.max(...remaining.values());
    return models.reduce((sum, m) => sum + (remaining.get(m) ?? most), 0);
  };
  return (model) => ({
    shouldCancel: callbacks.shouldCancel,
    onProgress: (p) => {
      done.set(model, p.progress);
      if (p.remainingEpochs !== undefined) remaining.set(model, p.remainingEpochs);
      return callbacks.onProgress?.({
        ...p,
        model,
        progress: average(),
        ...(remaining.size > 0 && { remainingEpochs: remainingEpochs() }),
      });
    },
  });
}

/** Reports the wall time of the fitter's fits and forecasts, and any fallback note of a fit. */
export function observedFitter(
  fitter: ModelFitter,
  addMs: (ms: number) => void,
  onNote: (note: string) => void,
): ModelFitter {
  return async (train, window) => {
    const started = performance.now();
    const fitted = await fitter(train, window);
    addMs(performance.now() - started);
    if (fitted.note) onNote(fitted.note);
    const timed: FittedModel = {
      ...(fitted.maxCalibrationOrigins !== undefined && { maxCalibrationOrigins: fitted.maxCalibrationOrigins }),
      forecastFrom: async (values, origins) => {
        const from = performance.now();
        const forecasts = await fitted.forecastFrom(values, origins);
        addMs(performance.now() - from);
        return forecasts;
      },
    };
    return timed;
  };
}

/** One stage's progress (0..1) as the `from`..`to` part of the run's (the search's first, then the fits'). */
export function progressWithin(callbacks: RunCallbacks, from: number, to: number): RunCallbacks {
  return {
    shouldCancel: callbacks.shouldCancel,
    onProgress: (p) => callbacks.onProgress?.({ ...p, progress: from + p.progress * (to - from) }),
  };
}
