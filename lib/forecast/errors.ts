// Typed errors of the engine. Each carries a stable `code` that the API, the worker and the CLI map
// to a response or a run status without parsing messages.

export type ForecastErrorCode = 'series_too_short' | 'cancelled' | 'invalid_config' | 'covariate_future_missing';

export abstract class ForecastError extends Error {
  abstract readonly code: ForecastErrorCode;
}

/**
 * The series cannot hold out a test window and still leave the models enough to fit on: with
 * `message`, even the classical models and baselines (a series too short for just the LSTMs is
 * no error: they are skipped with a note).
 */
export class SeriesTooShortError extends ForecastError {
  readonly code = 'series_too_short';

  constructor(
    readonly points: number,
    readonly minimum: number,
    readonly lookback: number,
    readonly horizon: number,
    readonly minTrainWindows: number,
    message?: string,
  ) {
    super(
      message ??
        `This series has ${points} points; lookback ${lookback} + horizon ${horizon} needs at least ${minimum}: ` +
          `the last ${horizon} points are held out to test the forecast, and training needs at least ` +
          `${minTrainWindows} windows of ${lookback} inputs + ${horizon} targets from the rest. ` +
          'Lower the lookback or horizon, or upload more data.',
    );
    this.name = 'SeriesTooShortError';
  }
}

/** Training stopped because the caller asked (`shouldCancel` returned true). */
export class CancelledError extends ForecastError {
  readonly code = 'cancelled';

  constructor(message = 'The forecast run was cancelled.') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A config value or the series itself is outside what the engine accepts. */
export class InvalidConfigError extends ForecastError {
  readonly code = 'invalid_config';

  /** `issues` lists one readable problem per field, e.g. "epochs: must be at most 500". */
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'InvalidConfigError';
  }
}

/**
 * The network asked for is far bigger than the series' training windows can inform (see
 * assertModelFitsData in config.ts): refused rather than trained for minutes into an overfit.
 */
export class ModelTooLargeError extends InvalidConfigError {
  constructor(
    message: string,
    issues: string[],
    readonly trainingWindows: number,
  ) {
    super(message, issues);
    this.name = 'ModelTooLargeError';
  }
}

/** One known-future covariate that lacks values for some forecast steps. */
export interface MissingCovariateFuture {
  seriesId: string;
  name: string;
  /** The forecast steps (epoch ms) it has no value for, oldest first. */
  timestamps: number[];
}

/**
 * A known-future covariate does not cover the forecast steps (issue 22): its values for the horizon
 * must come with the data (rows after the target's last value). The API answers 422 with `missing`.
 */
export class CovariateFutureMissingError extends ForecastError {
  readonly code = 'covariate_future_missing';

  constructor(readonly missing: MissingCovariateFuture[]) {
    const first = missing[0];
    const dates = (ts: number[]) =>
      ts
        .slice(0, 5)
        .map((t) => new Date(t).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z'))
        .join(', ') + (ts.length > 5 ? `, … (${ts.length} in all)` : '');
    super(
      `Known-future covariate${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m.name}"`).join(', ')} ` +
        `${missing.length > 1 ? 'do' : 'does'} not cover the forecast horizon: "${first.name}" has no value for ` +
        `${dates(first.timestamps)}. Add rows with those dates (target empty, covariates filled), or use it as past-only.`,
    );
    this.name = 'CovariateFutureMissingError';
  }
}
