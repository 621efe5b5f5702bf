// The hyperparameter search of a run (config.search 'auto'): lookback, units, layers, dropout,
// learning rate and transform of the LSTM family, chosen by successive halving (halving.ts) before
// the backtest. It reads only the first backtest window's training values (the values before the
// run's oldest origin), split in two: trials train on the first part and are scored by their
// forecasts from origins in the last part (validation MAE in the series' units, so transforms and
// lookbacks compare like with like). No trial target is a training target, and no scored window's
// value is ever read. Fields the user set (config.searchFixed) keep their value in every trial.
import type * as tf from '@tensorflow/tfjs';
import { calendarFeaturesFor } from '../calendar';
import { MIN_TRAIN_WINDOWS, maxModelUnits, MAX_WINDOWS_PER_EPOCH } from '../config';
import { CancelledError } from '../errors';
import { lstmForecastFrom, meanAbsoluteError } from '../lstm-forecaster';
import { buildLstm, disposeModel } from '../models/lstm';
import { lstmPatching, lstmSteps } from '../models/patching';
import { inputFeatures, LSTM_ANCHOR, trainingWindows, type LstmInputEncoding } from '../models/lstm-inputs';
import { createRng } from '../random';
import { FREQUENCY_SPECS } from '../time/frequency';
import { trainModel } from '../train';
import { TRANSFORM_NAMES, seriesTransform, whyNotApplicable, type TransformName } from '../transforms';
import { validationOrigins } from '../transforms-choice';
import type { ForecastConfig, Frequency, LstmSearchResult, RunCallbacks, SearchCandidate } from '../types';
import { windowCount } from '../windows';
import type { SearchedField } from './fields';
import { plannedSteps, successiveHalving, survivors } from './halving';

export interface SearchInput {
  /** The first backtest window's training values: the search reads nothing else. */
  values: ArrayLike<number>;
  /** Timestamps of (at least) those values, for calendar features. */
  t?: ArrayLike<number>;
  frequency: Frequency;
  timeZone?: string | null;
  /** Season of seasonal differencing. */
  seasonLength: number;
  config: ForecastConfig;
  callbacks?: RunCallbacks;
  /** Clock in ms (tests pass a slow one); defaults to performance.now. */
  now?: () => number;
}

/** How much lower a trial's validation MAE must be than the configured values' to replace them. */
export const MIN_IMPROVEMENT = 0.05;
/** Keep the best third after each rung. */
export const SEARCH_ETA = 3;
/** Epochs trained by the end of each rung: a third survives from each to the next. */
export const RUNG_EPOCHS = [2, 6, 18];
/** A trial epoch trains on this many windows at most (a fresh random subset each epoch). */
export const TRIAL_WINDOWS_PER_EPOCH = 256;
/** Validation forecasts each trial is scored on at most (spread over the validation part). */
const MAX_VALIDATION_ORIGINS = 128;
/** Share of the searched values whose origins are validation origins. */
const VALIDATION_SHARE = 0.2;
/** Candidates at most: three full rungs of eta. */
const MAX_CANDIDATES = SEARCH_ETA ** 3;
/**
 * Planning estimate of a trial's training time: seconds per batch and time step of a one-layer
 * LSTM(32) on the single-threaded wasm backend. Per-kernel overhead dominates at these sizes, so a
 * batch costs about the same for 8 windows as for 64 (measured: 64 windows of 48 steps in ~0.1 s,
 * 32 windows of 14 steps with 8 units in ~0.04 s on a busy machine). The plan uses PLAN_SHARE of
 * the budget by this estimate; the wall clock is the hard stop (HARD_STOP_BUDGETS).
 */
const PLAN_SECONDS_PER_BATCH_STEP = 0.002;
const PLAN_SHARE = 0.7;
/**
 * The wall clock stops the search only at this multiple of its budget: the plan, fixed from the
 * estimate, keeps to the budget on a machine like the estimate's, and a busy machine (other runs,
 * the backtest's threads) then takes longer but makes the same trials and the same choice for the
 * same seed. Only a machine this much slower than the estimate is cut short (and the result says so).
 */
export const HARD_STOP_BUDGETS = 3;

const UNITS = [16, 32, 64];
const LAYERS = [1, 2];
const DROPOUTS = [0, 0.1, 0.2];
const LEARNING_RATES = [0.001, 0.003, 0.01];

/** The searched fields the search keeps: those in config.searchFixed, and a transform other than 'auto'. */
export function heldFields(config: Pick<ForecastConfig, 'searchFixed' | 'transform'>): Set<SearchedField> {
  const fixed = new Set<SearchedField>(config.searchFixed);
  if (config.transform !== 'auto') fixed.add('transform');
  return fixed;
}

/** The configured values as a candidate ('auto' transform: none). */
function configured(config: ForecastConfig): SearchCandidate {
  return {
    lookback: config.lookback,
    units: config.units,
    layers: config.layers,
    dropout: config.dropout,
    learningRate: config.learningRate,
    transform: config.transform === 'auto' ? 'none' : config.transform,
  };
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];
const keyOf = (c: SearchCandidate) =>
  `${c.lookback}/${c.units}/${c.layers}/${c.dropout}/${c.learningRate}/${c.transform}`;

/** The values each searched field may take (only the configured one where it is held). */
export function searchSpace(
  config: ForecastConfig,
  options: { cycles: readonly number[]; transforms: readonly TransformName[] },
): { [K in keyof SearchCandidate]: SearchCandidate[K][] } {
  const held = heldFields(config);
  const base = configured(config);
  const L = config.lookback;
  const lookbacks = unique([
    L,
    Math.max(2, Math.round(L / 2)),
    2 * L,
    // A cycle of the frequency (a week of hourly data) when it is within reach of the default.
    ...options.cycles.filter((c) => c >= L / 2 && c <= 4 * L),
  ]).filter((l) => l >= 2 && l <= 2000);
  return {
    lookback: held.has('lookback') ? [base.lookback] : lookbacks,
    units: held.has('units') ? [base.units] : unique([base.units, ...UNITS]),
    layers: held.has('layers') ? [base.layers] : unique([base.layers, ...LAYERS]),
    dropout: held.has('dropout') ? [base.dropout] : unique([base.dropout, ...DROPOUTS]),
    learningRate: held.has('learningRate') ? [base.learningRate] : unique([base.learningRate, ...LEARNING_RATES]),
    transform: held.has('transform') ? [base.transform] : [...options.transforms],
  };
}

/**
 * Candidates in the order they start: the configured values, then each other transform with the
 * configured values (so every transform is compared), then seeded random draws from the space.
 */
export function searchCandidates(
  space: ReturnType<typeof searchSpace>,
  base: SearchCandidate,
  fits: (c: SearchCandidate) => boolean,
  seed: number,
  max = MAX_CANDIDATES,
): SearchCandidate[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const out = new Map<string, SearchCandidate>();
  const add = (c: SearchCandidate) => {
    if (out.size < max && fits(c) && !out.has(keyOf(c))) out.set(keyOf(c), c);
  };
  add(base);
  space.transform.forEach((transform) => add({ ...base, transform }));
  const size = Object.values(space).reduce((n, xs) => n * xs.length, 1);
  // Draws until `max` distinct candidates (or the whole space) are in; bounded for a small space.
  for (let tries = 0; out.size < Math.min(max, size) && tries < 50 * max; tries++) {
    add({
      lookback: pick(space.lookback),
      units: pick(space.units),
      layers: pick(space.layers),
      dropout: pick(space.dropout),
      learningRate: pick(space.learningRate),
      transform: pick(space.transform),
    });
  }
  return [...out.values()];
}

/**
 * Estimated seconds of one trial epoch of `c` (see PLAN_SECONDS_PER_BATCH_STEP): per recurrent
 * step, so a week of hours read in day patches counts 7 steps, not 168.
 */
export function epochSeconds(
  c: SearchCandidate,
  windowsPerEpoch: number,
  batchSize: number,
  frequency?: Frequency,
): number {
  const batches = Math.ceil(windowsPerEpoch / batchSize);
  const steps = lstmSteps(frequency, c.lookback);
  return batches * steps * c.layers * ((1 + c.units / 64) / 1.5) * PLAN_SECONDS_PER_BATCH_STEP;
}

/**
 * How many of `candidates` to start so the whole plan fits `budgetSeconds` by the estimate: rung 0
 * costs each one's own epochs, later rungs the survivors' at the mean cost. At least two (when
 * there are two) so there is something to compare.
 */
export function plannedCandidates(costs: readonly number[], budgetSeconds: number): number {
  const planCost = (n: number) => {
    const first = costs.slice(0, n).reduce((a, b) => a + b, 0);
    let total = first * RUNG_EPOCHS[0];
    let alive = n;
    for (let rung = 1; rung < RUNG_EPOCHS.length; rung++) {
      // As if the baseline, which survives every cut, never ranked best (the dearest case).
      alive = survivors(alive, SEARCH_ETA, true);
      if (alive <= 1) break;
      total += ((alive * first) / n) * (RUNG_EPOCHS[rung] - RUNG_EPOCHS[rung - 1]);
    }
    return total;
  };
  let n = Math.min(2, costs.length);
  while (n < costs.length && planCost(n + 1) <= PLAN_SHARE * budgetSeconds) n++;
  return n;
}

/** Runs the search; see the file comment. Throws CancelledError when callbacks.shouldCancel says so. */
export async function searchLstmConfig(input: SearchInput): Promise<LstmSearchResult> {
  const { values, config, callbacks = {} } = input;
  const now = input.now ?? (() => performance.now());
  const started = now();
  const deadline = started + HARD_STOP_BUDGETS * config.searchBudgetSeconds * 1000;
  const { horizon } = config;
  const fixed = [...heldFields(config)];
  const base = configured(config);
  const summary = {
    fixed,
    budgetSeconds: config.searchBudgetSeconds,
    rungEpochs: [...RUNG_EPOCHS],
    eta: SEARCH_ETA,
    points: values.length,
  };
  const skipped = (note: string): LstmSearchResult => ({
    ...summary,
    chosen: base,
    elapsedMs: 0,
    validationOrigins: 0,
    outOfTime: false,
    trials: [],
    note,
  });

  // Validation origins in the last part of the values; trials train on the values before them.
  const validationCount = Math.max(1, Math.floor(values.length * VALIDATION_SHARE) - horizon + 1);
  const origins = validationOrigins(values.length, horizon, validationCount, MAX_VALIDATION_ORIGINS);
  const trainValues = Array.prototype.slice.call(values, 0, origins[0]) as number[];

  const calendar =
    config.calendarFeatures && input.t
      ? calendarFeaturesFor(input.frequency)
      : ([] as ReturnType<typeof calendarFeaturesFor>);
  const zone = calendar.length > 0 && input.timeZone ? { timeZone: input.timeZone } : {};
  const encodingOf = (name: TransformName): LstmInputEncoding => ({
    transform: seriesTransform(name, input.seasonLength),
    calendar,
    ...zone,
    anchor: LSTM_ANCHOR,
  });
  const trainWindowsOf = (c: SearchCandidate) =>
    windowCount(trainValues.length - encodingOf(c.transform).transform.lag, c.lookback, horizon);
  const fits = (c: SearchCandidate) => {
    const windows = trainWindowsOf(c);
    return (
      windows >= MIN_TRAIN_WINDOWS &&
      origins[0] >= c.lookback + encodingOf(c.transform).transform.lag &&
      c.units * c.layers <= maxModelUnits(Math.min(MAX_WINDOWS_PER_EPOCH, windows))
    );
  };

  const transforms = TRANSFORM_NAMES.filter((name) => !whyNotApplicable(name, values, input.seasonLength));
  const space = searchSpace(config, { cycles: FREQUENCY_SPECS[input.frequency].cycles, transforms });
  const candidates = searchCandidates(space, base, fits, config.seed);
  if (Object.values(space).every((xs) => xs.length === 1)) {
    return skipped('Every searched field is set in the run config: nothing to search.');
  }
  if (candidates.length < 2) {
    return skipped(
      `Too few values before the first backtest window (${values.length}) to compare settings on a validation part.`,
    );
  }
  const windowsPerEpoch = (c: SearchCandidate) => Math.min(TRIAL_WINDOWS_PER_EPOCH, trainWindowsOf(c));
  const planned = candidates.slice(
    0,
    plannedCandidates(
      candidates.map((c) => epochSeconds(c, windowsPerEpoch(c), config.batchSize, input.frequency)),
      config.searchBudgetSeconds,
    ),
  );

  const models = new Map<number, tf.LayersModel>();
  const totalSteps = plannedSteps(planned.length, RUNG_EPOCHS.length, SEARCH_ETA, true);
  const result = await successiveHalving({
    candidates: planned,
    rungEpochs: RUNG_EPOCHS,
    eta: SEARCH_ETA,
    baseline: { index: 0, margin: MIN_IMPROVEMENT },
    decisionRung: 1,
    deadline,
    now,
    release: (i) => {
      const model = models.get(i);
      if (model) disposeModel(model);
      models.delete(i);
    },
    onTrial: (done) =>
      callbacks.onProgress?.({
        phase: 'search',
        progress: Math.min(1, done / totalSteps),
        epoch: done,
        epochs: totalSteps,
        loss: NaN,
      }),
    train: async (c, i, from, to) => {
      const encoding = encodingOf(c.transform);
      const { windows, scaler } = trainingWindows(encoding, trainValues, c.lookback, horizon, input.t);
      let model = models.get(i);
      if (!model) {
        // Read as the fits after the search read it: a week of hours in day patches (models/patching.ts).
        model = buildLstm({
          ...config,
          ...c,
          features: inputFeatures(encoding),
          ...lstmPatching(input.frequency, c.lookback),
        });
        models.set(i, model);
      }
      let epochsDone = 0;
      let loss = NaN;
      let outOfTime = false;
      try {
        await trainModel(model, windows, {
          epochs: to - from,
          batchSize: config.batchSize,
          validationSplit: 0,
          patience: to,
          // A constant rate: a trial resumes rung after rung, and trials are compared like for like.
          decay: false,
          // A fresh shuffle per rung, the same for every trial of it.
          seed: config.seed + from,
          maxWindowsPerEpoch: TRIAL_WINDOWS_PER_EPOCH,
          onEpochEnd: (log) => {
            epochsDone = log.epoch;
            loss = log.loss;
          },
          shouldCancel: async () => {
            if (await callbacks.shouldCancel?.()) return true;
            outOfTime = epochsDone < to - from && now() > deadline;
            return outOfTime;
          },
        });
      } catch (error) {
        if (error instanceof CancelledError && outOfTime) return null;
        throw error;
      }
      const forecasts = await lstmForecastFrom({ model, scaler, encoding, t: input.t }, values, origins, c.lookback);
      return { score: meanAbsoluteError(values, origins, forecasts), loss };
    },
  });

  const decided = result.trials.some((t) => t.rung >= 1);
  return {
    ...summary,
    ...(!decided &&
      result.outOfTime && {
        note:
          `The budget ran out before any trials were compared over ${RUNG_EPOCHS[1]} epochs, so the configured ` +
          'values were kept. A larger searchBudgetSeconds lets the search decide.',
      }),
    chosen: planned[result.chosen],
    elapsedMs: Math.round(now() - started),
    validationOrigins: origins.length,
    outOfTime: result.outOfTime,
    trials: result.trials.map((t) => ({
      config: t.candidate,
      epochs: t.epochs,
      validationMae: t.score,
      loss: t.loss,
      outcome: t.outcome,
      rung: t.rung + 1,
      ms: Math.round(t.ms),
    })),
  };
}
