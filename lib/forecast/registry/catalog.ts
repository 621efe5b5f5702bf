// The one list of a run's models: key, names, family, whether optional, and how costly (ties go
// to the cheaper model). Pure data with no imports, so the browser bundle, the API's zod enums and
// the engine's types all derive from it. Each model's code lives beside it in its own file
// (registry/<key>.ts) and is listed in registry/index.ts; TypeScript refuses a key that has one
// without the other. See the README's Architecture section for adding a model.

/** What a model is: neural, classical statistics, or a simple benchmark. */
export type ModelFamily = 'lstm' | 'classical' | 'baseline';

export interface ModelInfo {
  /** Stable key: API values, stored JSON keys, prediction rows. Never rename one. */
  readonly key: string;
  /** Short name, lower case unless a proper name ('seasonal naive', 'hybrid LSTM'); tables capitalise it. */
  readonly label: string;
  /** The name inside a sentence ('the hybrid LSTM'). */
  readonly phrase: string;
  /** What the model is, for a tooltip. */
  readonly description: string;
  readonly family: ModelFamily;
  /**
   * Fit only when the run can: the LSTMs need lookback + horizon training windows (a shorter
   * series gets the others, with a note), the global LSTM also related series and the config asking.
   */
  readonly optional: boolean;
  /** Relative cost (fit time, parameters): on a tie the lower wins. Gaps leave room for new models. */
  readonly cost: number;
}

/** Every compared model, in report order. */
export const MODEL_CATALOG = [
  {
    key: 'lstm',
    label: 'LSTM',
    phrase: 'the LSTM',
    description: 'A recurrent neural network trained on the series',
    family: 'lstm',
    optional: true,
    cost: 70,
  },
  {
    key: 'lstmHybrid',
    label: 'hybrid LSTM',
    phrase: 'the hybrid LSTM',
    description:
      'the seasonal cycles and calendar effects (holidays of daily data, trading days of monthly data) are removed, on a log scale where positive; an LSTM forecasts level and trend, and both are added back',
    family: 'lstm',
    optional: true,
    cost: 80,
  },
  {
    key: 'lstmGlobal',
    label: 'global LSTM',
    phrase: 'the global LSTM',
    description: "One LSTM trained across the dataset's series, each scaled by its own statistics",
    family: 'lstm',
    optional: true,
    cost: 90,
  },
  {
    key: 'mstl',
    label: 'MSTL',
    phrase: 'MSTL',
    description: 'Seasonal-trend decomposition of every cycle, with exponential smoothing of the trend',
    family: 'classical',
    optional: false,
    cost: 40,
  },
  {
    key: 'ets',
    label: 'ETS',
    phrase: 'ETS',
    description: 'Exponential smoothing (Holt-Winters, damped trend) with the form chosen by AICc',
    family: 'classical',
    optional: false,
    cost: 60,
  },
  {
    key: 'autoArima',
    label: 'AutoARIMA',
    phrase: 'AutoARIMA',
    description: 'Seasonal ARIMA with orders chosen by AICc (the airline model among them)',
    family: 'classical',
    optional: false,
    cost: 50,
  },
  {
    key: 'theta',
    label: 'Theta',
    phrase: 'Theta',
    description: 'The Theta method: exponential smoothing with half the trend, seasonally adjusted',
    family: 'classical',
    optional: false,
    cost: 35,
  },
  {
    key: 'naive',
    label: 'naive',
    phrase: 'naive',
    description: 'Repeats the last value',
    family: 'baseline',
    optional: false,
    cost: 10,
  },
  {
    key: 'seasonalNaive',
    label: 'seasonal naive',
    phrase: 'seasonal naive',
    description: 'Repeats the last season',
    family: 'baseline',
    optional: false,
    cost: 20,
  },
  {
    key: 'drift',
    label: 'drift',
    phrase: 'drift',
    description: 'Extends the line from the first to the last value',
    family: 'baseline',
    optional: false,
    cost: 30,
  },
] as const satisfies readonly ModelInfo[];

/** Not a fitted model: the champion's average of the models within 20% of the best (lib/forecast/champion.ts). */
export const ENSEMBLE_INFO = {
  key: 'ensemble',
  label: 'ensemble',
  phrase: 'the average of the best models',
  description: 'The average of the models within 20% of the best',
} as const;

type Catalog = (typeof MODEL_CATALOG)[number];

/** Every model a run compares. */
export type ComparedModel = Catalog['key'];

/** The models of one family. */
export type ModelsOf<F extends ModelFamily> = Extract<Catalog, { family: F }>['key'];

/** Models a run fits only when able to (and, for the global LSTM, asked). */
export type OptionalModel = Extract<Catalog, { optional: true }>['key'];
