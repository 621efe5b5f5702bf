// Which series a batch's (and the CLI --all's) shared global LSTM learns from.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { runOrigins } from '../forecast';
import { syntheticSeries } from '../synthetic';
import type { ForecastConfig, SeriesData } from '../types';
import { selectSharedSeries, type SharedCandidate } from './shared-selection';

function candidate(
  key: string,
  points: number,
  settings: Partial<ForecastConfig>,
  frequency: SeriesData['frequency'] = 'daily',
): SharedCandidate {
  const data = syntheticSeries({ points, frequency: 'daily', seed: key.length });
  return { key, t: data.t, v: data.v, frequency, config: resolveConfig(settings, { frequency: 'daily', points }) };
}

describe('selectSharedSeries', () => {
  it('keeps the series long enough for an LSTM in the most common frequency, horizon and lookback, in order', () => {
    const settings = { horizon: 4, lookback: 8 };
    const selection = selectSharedSeries([
      candidate('a', 90, settings),
      candidate('short', 12, settings),
      candidate('other-horizon', 90, { horizon: 5, lookback: 8 }),
      candidate('b', 80, settings),
      candidate('irregular', 90, settings, 'irregular'),
    ]);
    expect(selection?.series.map((s) => s.key)).toEqual(['a', 'b']);
    expect(selection?.config).toMatchObject(settings);
    expect(selection?.frequency).toBe('daily');
    expect(selection?.timeZone).toBeNull();
    const b = selection!.series[1];
    expect(b.origins).toEqual(runOrigins(80, selection!.config).origins);
  });

  it('is null when no series is long enough for an LSTM', () => {
    expect(selectSharedSeries([candidate('short', 12, { horizon: 4, lookback: 8 })])).toBeNull();
    expect(selectSharedSeries([])).toBeNull();
  });
});
