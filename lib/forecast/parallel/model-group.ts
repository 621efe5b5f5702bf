// A group of a run's models fit together: their backtest over the run's origins, then each one's
// future forecast, with fit times and fallback notes. runForecast fits the plain LSTM on its own
// thread and may hand the other models to worker threads (threads.ts): the classical models and
// baselines to one, the hybrid LSTM to another; each calls fitGroup with the same input. The
// results are the same either way, since every model is deterministic (seeded LSTMs included).
import { threadId } from 'node:worker_threads';
import { runBacktest, type BacktestRun, type ModelFitter } from '../backtest';
import { modelInfo } from '../compared-models';
import type { ForecastModel, ModelContext, ModelRun } from '../registry/model';
import { observedFitter } from '../run-observers';
import type { ComparedModel, RunCallbacks } from '../types';

/** What a group needs: plain data, so it can be posted to a worker thread. */
export interface GroupInput {
  /** The run's model context, as every model of the run gets it (whatever it grows to hold). */
  context: Omit<ModelContext, 'callbacks'>;
  /** Every backtest origin of the run (selection windows included), oldest first. */
  origins: number[];
  /**
   * Models without state shared with the run: the classical models and baselines, or an LSTM
   * whose run yields nothing but its forecasts (the hybrid; its progress goes through `callbacksOf`).
   */
  models: ComparedModel[];
}

/** Progress and cancellation of one model of a group (only the LSTM family reports progress). */
export type GroupCallbacks = (model: ComparedModel) => RunCallbacks;

export interface GroupOutput {
  run: BacktestRun<ComparedModel>;
  future: Partial<Record<ComparedModel, number[]>>;
  fitMs: Partial<Record<ComparedModel, number>>;
  notes: Partial<Record<ComparedModel, string>>;
  /** The thread that fit them (0: the process's main thread). */
  threadId: number;
}

export async function fitGroup(
  { context, origins, models }: GroupInput,
  callbacksOf: GroupCallbacks = () => ({}),
): Promise<GroupOutput> {
  const { data, config, season } = context;
  const registry = await registryFor(models);
  const fitMs: GroupOutput['fitMs'] = {};
  const notes: GroupOutput['notes'] = {};
  const future: GroupOutput['future'] = {};
  const runs = new Map<ComparedModel, ModelRun>();
  try {
    for (const m of models) {
      runs.set(m, registry[m]!.create({ ...context, windowCount: origins.length, callbacks: callbacksOf(m) }));
    }
    const fitters = Object.fromEntries(
      models.map((m) => [
        m,
        observedFitter(
          runs.get(m)!.fit,
          (ms) => (fitMs[m] = (fitMs[m] ?? 0) + ms),
          (note) => (notes[m] = note),
        ),
      ]),
    ) as Record<ComparedModel, ModelFitter>;
    const run = await runBacktest(data.v, config.horizon, origins, season.length, fitters);
    const values = Float64Array.from(data.v);
    for (const m of models) {
      const from = performance.now();
      const { forecast, note } = await runs.get(m)!.future(values);
      fitMs[m] = (fitMs[m] ?? 0) + performance.now() - from;
      if (note) notes[m] = note;
      future[m] = forecast;
    }
    return { run, future, fitMs, notes, threadId };
  } finally {
    runs.forEach((r) => r.dispose());
  }
}

/**
 * The code of `models`. Only a group with an LSTM loads the full registry and TensorFlow.js (~150-190
 * MB per thread, its backend started here, once per thread); the classical thread does without.
 */
async function registryFor(models: readonly ComparedModel[]): Promise<{ [K in ComparedModel]?: ForecastModel<K> }> {
  if (models.every((m) => modelInfo(m).family !== 'lstm')) {
    return (await import('../registry/without-lstm')).REGISTRY_WITHOUT_LSTM;
  }
  const [{ MODEL_REGISTRY }, { initBackend }] = await Promise.all([import('../registry'), import('../backend')]);
  await initBackend();
  return MODEL_REGISTRY;
}

/**
 * Two groups of about equal cost by the catalog's relative costs (costliest first, each to the
 * lighter group): the group with the costliest model. For a large batch's run, ETS and Theta
 * against AutoARIMA, MSTL and the rest, about even (batch bench, per series: ETS 2.5 s, AutoARIMA
 * 2.1 s, MSTL 0.9 s).
 */
export function costlierHalf(models: readonly ComparedModel[]): ComparedModel[] {
  const groups: { models: ComparedModel[]; cost: number }[] = [
    { models: [], cost: 0 },
    { models: [], cost: 0 },
  ];
  for (const m of [...models].sort((a, b) => modelInfo(b).cost - modelInfo(a).cost)) {
    const lighter = groups[0].cost <= groups[1].cost ? groups[0] : groups[1];
    lighter.models.push(m);
    lighter.cost += modelInfo(m).cost;
  }
  return models.filter((m) => groups[0].models.includes(m));
}

/** Two backtests of the same origins, of different models, as one (records in `order`). */
export function mergeBacktests(
  a: BacktestRun<ComparedModel>,
  b: BacktestRun<ComparedModel>,
  order: readonly ComparedModel[],
): BacktestRun<ComparedModel> {
  const pick = <T>(x: Partial<Record<ComparedModel, T>>, y: Partial<Record<ComparedModel, T>>) =>
    Object.fromEntries(order.flatMap((m) => (m in x ? [[m, x[m]]] : m in y ? [[m, y[m]]] : []))) as Record<
      ComparedModel,
      T
    >;
  if (a.windows.length !== b.windows.length) throw new Error('Merged backtests must share their windows.');
  return {
    horizon: a.horizon,
    windows: a.windows.map((w, k) => ({ ...w, forecasts: pick(w.forecasts, b.windows[k].forecasts) })),
    residuals: pick(a.residuals, b.residuals),
  };
}
