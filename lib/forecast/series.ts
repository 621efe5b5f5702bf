// Checks a series before any work: the engine trusts ingest, but the CLI and scheduled runs feed
// it too, and a NaN that reaches training only surfaces as a NaN loss epochs later.
import { InvalidConfigError } from './errors';
import type { SeriesData } from './types';

/** Rejects input the engine cannot forecast, saying what to fix. */
export function assertValidSeries(data: SeriesData): void {
  const { t, v } = data;
  if (t.length !== v.length) {
    throw new InvalidConfigError(`The series has ${t.length} timestamps but ${v.length} values.`);
  }
  const badValue = v.findIndex((value) => !Number.isFinite(value));
  if (badValue !== -1) {
    throw new InvalidConfigError(
      `Value ${badValue + 1} of the series is ${v[badValue]}; every value must be a finite number.`,
    );
  }
  const unordered = t.findIndex((ts, i) => !Number.isFinite(ts) || (i > 0 && !(ts > t[i - 1])));
  if (unordered !== -1) {
    throw new InvalidConfigError(
      `Timestamp ${unordered + 1} of the series is not after the one before; ` +
        'timestamps must be ascending and unique.',
    );
  }
}
