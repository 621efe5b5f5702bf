// The config a run on this series trains with: the user's fields, the rest defaulted from the
// series' frequency and length, checked against the series' length.
import { assertLongEnough, assertModelFitsData, resolveConfig, type ForecastConfigInput } from '@/lib/forecast/config';
import type { ForecastConfig } from '@/lib/forecast/types';
import type { Series } from '@/lib/db/series';

/**
 * Throws InvalidConfigError (400), SeriesTooShortError (422, with the minimum length) or
 * ModelTooLargeError (422: units, layers or batch size beyond what the series supports).
 */
export function runConfigFor(
  series: Pick<Series, 'frequency' | 'points'>,
  partial: ForecastConfigInput = {},
): ForecastConfig {
  const config = resolveConfig(partial, { frequency: series.frequency, points: series.points });
  assertLongEnough(series.points, config);
  assertModelFitsData(series.points, config);
  return config;
}

/** The config a run gets when the user sets nothing (not checked against the length). */
export function defaultRunConfig(series: Pick<Series, 'frequency' | 'points'>): ForecastConfig {
  return resolveConfig({}, { frequency: series.frequency, points: series.points });
}
