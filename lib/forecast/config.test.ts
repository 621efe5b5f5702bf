import { describe, expect, it } from 'vitest';
import {
  budgetEpochs,
  EPOCH_BUDGET_STEPS,
  assertLongEnough,
  assertModelFitsData,
  maxModelUnits,
  trainingWindowsPerEpoch,
  backtestWindowsFor,
  defaultConfig,
  forecastConfigInputSchema,
  lstmFits,
  lstmSkippedNote,
  MIN_CLASSICAL_TRAIN_POINTS,
  MIN_TRAIN_WINDOWS,
  minimumClassicalPoints,
  ensembleSeeds,
  minimumPoints,
  resolveConfig,
  runEnsembleSeeds,
} from './config';
import { COMPARED_MODELS } from './compared-models';
import { InvalidConfigError, ModelTooLargeError, SeriesTooShortError } from './errors';
import type { Frequency } from './types';

describe('defaultConfig', () => {
  it('forecasts about one season from two seasons of context, sub-daily from a week', () => {
    expect(defaultConfig('daily', 1000)).toMatchObject({ horizon: 7, lookback: 14 });
    // A week of hours, read a day per LSTM step (models/patching.ts).
    expect(defaultConfig('hourly', 5000)).toMatchObject({ horizon: 24, lookback: 168 });
    expect(defaultConfig('15min', 5000)).toMatchObject({ horizon: 96, lookback: 672 });
    expect(defaultConfig('monthly', 144)).toMatchObject({ horizon: 12, lookback: 24 });
    expect(defaultConfig('quarterly', 120)).toMatchObject({ horizon: 4, lookback: 8 });
  });

  it('uses the documented training defaults', () => {
    expect(defaultConfig('daily', 300)).toMatchObject({
      units: 32,
      learningRate: 0.005,
      batchSize: 32,
      dropout: 0.1,
      validationSplit: 0.2,
      patience: 5,
      seed: 42,
      backtestWindows: 5,
    });
  });

  it('trains series long enough for capped epochs in batches of 64', () => {
    expect(defaultConfig('daily', 1000).batchSize).toBe(32);
    expect(defaultConfig('hourly', 10_000).batchSize).toBe(64);
    expect(defaultConfig('hourly', 10_000, { batchSize: 16 }).batchSize).toBe(16);
  });

  it('budgets epochs: small series get up to 60 (early stopping ends most fits sooner), long ones fewer but at least 5', () => {
    expect(defaultConfig('daily', 200).epochs).toBe(60);
    expect(defaultConfig('daily', 300).epochs).toBe(49);
    const long = defaultConfig('daily', 1000).epochs;
    expect(long).toBeLessThan(30);
    expect(long).toBeGreaterThanOrEqual(5);
    expect(defaultConfig('minutely', 100_000).epochs).toBe(5);
  });

  it("rounds a short sub-daily series' lookback down to whole days, so it is still read a day per step", () => {
    const config = defaultConfig('hourly', 300);
    expect(config.lookback).toBeLessThan(168);
    expect(config.lookback % 24).toBe(0);
    expect(defaultConfig('hourly', 300, { lookback: 50 }).lookback).toBe(50);
  });

  it.each<[Frequency, number]>([
    ['daily', 60],
    ['daily', 30],
    ['hourly', 50],
    ['weekly', 80],
    ['monthly', 36],
    ['minutely', 40],
    ['yearly', 30],
    ['irregular', 45],
    ['yearly', 17],
    ['monthly', 20],
    ['daily', 14],
  ])('shrinks for a short %s series of %i points so it still trains', (frequency, points) => {
    const config = defaultConfig(frequency, points);
    expect(() => assertLongEnough(points, config)).not.toThrow();
    expect(forecastConfigInputSchema.safeParse(config).success).toBe(true);
  });

  it('fits a 17-point yearly series (issue 20: horizon 3 + lookback 5 was refused) and asks for only the backtest windows that fit', () => {
    const config = defaultConfig('yearly', 17);
    expect(config).toMatchObject({ horizon: 3, lookback: 2, backtestWindows: 1 });
    expect(minimumPoints(config)).toBe(17);
    expect(defaultConfig('daily', 300).backtestWindows).toBe(5);
    expect(defaultConfig('daily', 50).backtestWindows).toBe(2);
  });

  it('keeps a 60-point daily series at a week ahead and switches validation off when windows are scarce', () => {
    expect(defaultConfig('daily', 60)).toMatchObject({ horizon: 7, lookback: 14, validationSplit: 0.2 });
    expect(defaultConfig('daily', 30).validationSplit).toBe(0);
  });

  it('adapts the free fields to the fixed ones', () => {
    const config = defaultConfig('daily', 100, { horizon: 30 });
    expect(config.horizon).toBe(30);
    expect(config.lookback).toBe(14);
    expect(defaultConfig('daily', 100, { horizon: 40 }).lookback).toBe(10);
  });
});

describe('resolveConfig', () => {
  it('keeps what the user set and fills the rest', () => {
    const config = resolveConfig({ epochs: 3, units: 8 }, { frequency: 'daily', points: 150 });
    // The search holds the searched field the user set (units).
    expect(config).toEqual({ ...defaultConfig('daily', 150), epochs: 3, units: 8, searchFixed: ['units'] });
  });

  it('compares every model by default, and a picked list in catalog order with seasonal naive added', () => {
    expect(defaultConfig('daily', 150).models).toEqual([...COMPARED_MODELS]);
    const picked = resolveConfig({ models: ['drift', 'lstm', 'ets'] }, { frequency: 'daily', points: 150 });
    expect(picked.models).toEqual(['lstm', 'ets', 'seasonalNaive', 'drift']);
  });

  it('treats a missing config as all defaults', () => {
    expect(resolveConfig(undefined, { frequency: 'monthly', points: 144 })).toEqual(defaultConfig('monthly', 144));
  });

  it('rejects out-of-range and unknown fields, naming each', () => {
    let error: unknown;
    try {
      resolveConfig({ epochs: 0, dropout: 0.95, epoch: 3 }, { frequency: 'daily', points: 150 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const issues = (error as InvalidConfigError).issues.join('\n');
    expect(issues).toMatch(/^epochs: /m);
    expect(issues).toMatch(/^dropout: /m);
    expect(issues).toMatch(/unrecognized key.*"epoch"/i);
  });

  it.each([
    { horizon: 1001 },
    { lookback: 1 },
    { units: 513 },
    { learningRate: 2 },
    { batchSize: 0 },
    { validationSplit: 0.6 },
    { patience: 101 },
    { seed: 1.5 },
    { horizon: '7' },
    { backtestWindows: 0 },
    { backtestWindows: 11 },
    { backtestWindows: 2.5 },
    { models: [] },
    { models: ['lstm', 'lstm'] },
    { models: ['prophet'] },
  ])('rejects %o', (partial) => {
    expect(() => resolveConfig(partial, { frequency: 'daily', points: 500 })).toThrow(InvalidConfigError);
  });
});

describe('minimumPoints / assertLongEnough', () => {
  it('needs a test window plus enough training windows', () => {
    // 7 test points, then MIN_TRAIN_WINDOWS windows of 14 + 7 points.
    expect(minimumPoints({ lookback: 14, horizon: 7 })).toBe(14 + 7 + 7 + MIN_TRAIN_WINDOWS - 1);
  });

  it('adds a horizon per extra backtest window', () => {
    expect(minimumPoints({ lookback: 14, horizon: 7 }, 3)).toBe(minimumPoints({ lookback: 14, horizon: 7 }) + 2 * 7);
  });

  it('ignores config.backtestWindows: a short series falls back to fewer windows instead', () => {
    const config = defaultConfig('daily', 60);
    expect(minimumPoints(config)).toBe(minimumPoints({ lookback: config.lookback, horizon: config.horizon }));
  });

  it('lets a series too short for the LSTMs through, and says why they are skipped', () => {
    const config = { lookback: 28, horizon: 14 };
    expect(lstmFits(40, config)).toBe(false);
    expect(lstmFits(minimumPoints(config), config)).toBe(true);
    expect(() => assertLongEnough(40, config)).not.toThrow();
    expect(lstmSkippedNote(40, config)).toMatch(
      new RegExp(
        `^The LSTMs were not trained: lookback 28 \\+ horizon 14 needs at least ${minimumPoints(config)} points .*; this series has 40\\. The classical models and baselines were compared instead\\.`,
      ),
    );
    expect(lstmSkippedNote(minimumPoints(config), config)).toBeUndefined();
  });

  it('throws SeriesTooShortError, with the numbers, only below what the classical models need', () => {
    const config = { lookback: 28, horizon: 14 };
    const minimum = minimumClassicalPoints(14);
    expect(minimum).toBe(14 + MIN_CLASSICAL_TRAIN_POINTS);
    expect(() => assertLongEnough(minimum - 1, config)).toThrow(SeriesTooShortError);
    expect(() => assertLongEnough(minimum - 1, config)).toThrow(
      `This series has ${minimum - 1} points; horizon 14 needs at least ${minimum}:`,
    );
    expect(() => assertLongEnough(minimum, config)).not.toThrow();
  });
});

describe('backtestWindowsFor', () => {
  const config = { lookback: 14, horizon: 7, backtestWindows: 3 };

  it('keeps every window asked for when the series is long enough', () => {
    expect(backtestWindowsFor(minimumPoints(config, 3), config)).toBe(3);
    expect(backtestWindowsFor(1000, { ...config, backtestWindows: 10 })).toBe(10);
  });

  it('falls back to as many windows as fit, but never below one', () => {
    expect(backtestWindowsFor(minimumPoints(config, 3) - 1, config)).toBe(2);
    expect(backtestWindowsFor(minimumPoints(config, 2) - 1, config)).toBe(1);
    expect(backtestWindowsFor(10, config)).toBe(1);
  });

  it('counts the windows the classical models fit when the series is too short for the LSTMs', () => {
    // 2 windows of 7 after 8 points: 22; the LSTMs would need minimumPoints(config) = 36.
    expect(backtestWindowsFor(minimumClassicalPoints(7, 2), config)).toBe(2);
    expect(backtestWindowsFor(minimumClassicalPoints(7, 2) - 1, config)).toBe(1);
  });
});

describe('LSTM architecture and input defaults', () => {
  it('uses one layer, picks the transform on validation and turns calendar features on where the frequency has them', () => {
    expect(defaultConfig('hourly', 2000)).toMatchObject({ layers: 1, transform: 'auto', calendarFeatures: true });
    expect(defaultConfig('yearly', 60).calendarFeatures).toBe(false);
    expect(defaultConfig('irregular', 200).calendarFeatures).toBe(false);
  });

  it('accepts 1 or 2 layers, a known transform and a calendar switch, and says what is wrong otherwise', () => {
    const series = { frequency: 'daily' as const, points: 400 };
    expect(resolveConfig({ layers: 2, transform: 'difference', calendarFeatures: false }, series)).toMatchObject({
      layers: 2,
      transform: 'difference',
      calendarFeatures: false,
    });
    expect(() => resolveConfig({ layers: 3 }, series)).toThrow(/layers: Too big/);
    expect(() => resolveConfig({ transform: 'sqrt' }, series)).toThrow(/transform: Invalid option/);
  });
});

describe('assertModelFitsData (model size bounded by the data)', () => {
  const shape = { lookback: 14, horizon: 7, units: 32, layers: 1, batchSize: 32 };

  it('counts the training windows of the evaluation fit, at most one epoch worth', () => {
    // 200 points, the last 7 held out: 193 - 14 - 7 + 1 windows.
    expect(trainingWindowsPerEpoch(200, shape)).toBe(173);
    expect(trainingWindowsPerEpoch(100_000, shape)).toBe(1024);
  });

  it('bounds units x layers by 8 x the square root of the windows, never below 64', () => {
    expect(maxModelUnits(10)).toBe(64);
    expect(maxModelUnits(173)).toBe(105);
    expect(maxModelUnits(1024)).toBe(256);
  });

  it('accepts the defaults of any series long enough to train, short or long', () => {
    for (const points of [30, 90, 200, 1000, 20_000]) {
      const config = defaultConfig('daily', points);
      if (points < minimumPoints(config)) continue;
      expect(() => assertModelFitsData(points, config)).not.toThrow();
    }
  });

  it('refuses 512 units x 2 layers x batch 4096 on a 200-point series, naming each field and its bound', () => {
    const attempt = () => assertModelFitsData(200, { ...shape, units: 512, layers: 2, batchSize: 4096 });
    expect(attempt).toThrow(ModelTooLargeError);
    expect(attempt).toThrow(InvalidConfigError);
    try {
      attempt();
    } catch (error) {
      const tooLarge = error as ModelTooLargeError;
      expect(tooLarge.trainingWindows).toBe(173);
      expect(tooLarge.issues).toEqual([
        'batchSize: 4096 is more than the 173 training windows per epoch; use at most 173',
        'units x layers: 512 x 2 = 1024 is more than the 105 that 173 training windows support; use fewer units or layers',
      ]);
    }
  });

  it('sits exactly at the bounds: at most the windows per batch (32 always), at most the units bound', () => {
    expect(() => assertModelFitsData(200, { ...shape, batchSize: 173, units: 105 })).not.toThrow();
    expect(() => assertModelFitsData(200, { ...shape, batchSize: 174 })).toThrow(/batchSize: 174/);
    expect(() => assertModelFitsData(200, { ...shape, units: 53, layers: 2 })).toThrow(/53 x 2 = 106/);
    // 40 points give 12 windows: a batch of 32 is still fine (it is simply all of them), 33 is not.
    expect(() => assertModelFitsData(40, { ...shape, batchSize: 32 })).not.toThrow();
    expect(() => assertModelFitsData(40, { ...shape, batchSize: 33 })).toThrow(/use at most 32/);
    // A long series allows a bigger network, up to 256 units in all.
    expect(() => assertModelFitsData(5000, { ...shape, units: 128, layers: 2, batchSize: 1024 })).not.toThrow();
    expect(() => assertModelFitsData(5000, { ...shape, units: 512, layers: 1 })).toThrow(ModelTooLargeError);
    // Too short for the LSTMs (36 points needed): they are skipped, so their size is not checked.
    expect(() => assertModelFitsData(30, { ...shape, units: 512, layers: 2, batchSize: 4096 })).not.toThrow();
  });
});

describe('budgetEpochs', () => {
  it('gives epochs of at most 1,024 windows within the work budget, from 5 to 60', () => {
    // 1,024 windows of 14 steps: 150,000 / 14,336 = 10.5.
    expect(budgetEpochs(5000, 14)).toBe(10);
    expect(budgetEpochs(100, 14)).toBe(60);
    expect(budgetEpochs(5000, 1000)).toBe(5);
    // A batch's shared global LSTM: twelve times the budget (shared-global.ts).
    expect(budgetEpochs(5000, 28, 12 * EPOCH_BUDGET_STEPS)).toBe(60);
    expect(budgetEpochs(5000, 168, 12 * EPOCH_BUDGET_STEPS)).toBe(10);
  });
});

describe('ensembleSeeds', () => {
  it('trains 3 to 5 seeds on a series of few windows, within the work budget, and one on a long series', () => {
    expect(ensembleSeeds(80, 24, 60)).toBe(5);
    expect(ensembleSeeds(100, 24, 60)).toBe(4);
    expect(ensembleSeeds(130, 24, 60)).toBe(3);
    // Too dear for three: one.
    expect(ensembleSeeds(500, 24, 60)).toBe(1);
    expect(ensembleSeeds(2000, 7, 20)).toBe(1);
  });

  it("counts a run's evaluation windows: a 180-month series gets an ensemble, 2,000 hours do not", () => {
    const monthly = defaultConfig('monthly', 180);
    expect(runEnsembleSeeds(180, monthly, 'monthly')).toBeGreaterThanOrEqual(3);
    expect(runEnsembleSeeds(2000, defaultConfig('hourly', 2000), 'hourly')).toBe(1);
  });
});
