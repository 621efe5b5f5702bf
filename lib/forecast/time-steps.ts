// Timestamps of the steps after a series ends, by the rules of lib/forecast/time (the one place
// that holds them), with the engine's own error for a series that cannot be extended.
import { InvalidConfigError } from './errors';
import { nextTimestamps as stepAfter } from './time/frequency';
import type { Frequency } from './types';

export { addUtcMonths } from './time/frequency';

/** The `n` timestamps (epoch ms) that follow the last of `t`. */
export function nextTimestamps(t: number[], frequency: Frequency, n: number): number[] {
  if (t.length === 0) throw new InvalidConfigError('Cannot extend an empty series with future timestamps.');
  if (frequency === 'irregular' && t.length < 2) {
    throw new InvalidConfigError('An irregular series needs at least 2 points to infer its step.');
  }
  return stepAfter(t, frequency, n);
}
