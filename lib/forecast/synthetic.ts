// Reproducible synthetic series (trend + seasonal sine + noise) for tests, benchmarks and demos.
import { createRng } from './random';
import { seasonLength } from './season';
import { nextTimestamps } from './time-steps';
import type { Frequency, SeriesData } from './types';

export interface SyntheticOptions {
  points: number;
  frequency?: Frequency;
  /** First timestamp, epoch ms. */
  start?: number;
  /** Cycle length in steps; defaults to the frequency's season (at least 2, so there is a wave). */
  period?: number;
  level?: number;
  amplitude?: number;
  /** Added per step. */
  trend?: number;
  /** Uniform noise amplitude. */
  noise?: number;
  seed?: number;
}

export function syntheticSeries({
  points,
  frequency = 'daily',
  start = Date.UTC(2024, 0, 1),
  period = Math.max(2, seasonLength(frequency)),
  level = 10,
  amplitude = 3,
  trend = 0.01,
  noise = 0.2,
  seed = 1,
}: SyntheticOptions): SeriesData {
  const rng = createRng(seed);
  // An irregular step is inferred from data that doesn't exist yet: space those points daily.
  const stepFrequency = frequency === 'irregular' ? 'daily' : frequency;
  const t = points > 0 ? [start, ...nextTimestamps([start], stepFrequency, points - 1)] : [];
  const v = Array.from(
    { length: points },
    (_, i) => level + trend * i + amplitude * Math.sin((2 * Math.PI * i) / period) + noise * (2 * rng() - 1),
  );
  return { t, v, frequency };
}
