// Automatic exponential smoothing (augurs' AutoETS): picks error, trend and damping by AICc.
// augurs' AutoETS has no seasonal models yet, so it is the non-seasonal anchor; MSTL covers cycles.
import { pathFitter, recent, type PathForecast } from './path-fitter';
import { augurs } from './wasm';

/** ETS weighs recent values most; older history adds fit time, not accuracy. */
export const ETS_MAX_HISTORY = 4000;

export function etsFitter(horizon: number, season: number) {
  const forecast: PathForecast = (train, steps) => {
    const { AutoETS } = augurs();
    // Season length 1 and spec "ZZN": any error and trend type, no seasonal component.
    const model = new AutoETS(1, 'ZZN');
    try {
      model.fit(recent(train, ETS_MAX_HISTORY));
      return model.predict(steps).point;
    } finally {
      model.free();
    }
  };
  return pathFitter('ETS', horizon, season, forecast);
}
