// A whole forecast run as a user would start it: a 10,000-point hourly series, default config
// (the hyperparameter search, then every model — both LSTMs, MSTL, ETS, AutoARIMA, Theta, the
// baselines — over the backtest, intervals, verdict, champion, refit). The target is under 60 s. It prints the time of each
// LSTM phase and each model's own fit time (backtest fits and forecasts plus its refit).
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@/lib/forecast/backend';
import { runForecast } from '@/lib/forecast/forecast';
import { syntheticSeries } from '@/lib/forecast/synthetic';
import { modelEntry, modelsIn } from '@/lib/forecast/compared-models';
import type { TrainProgress } from '@/lib/forecast/types';
import { megabytes, peakRss, seconds, table, threadCpuMs, timed } from './format';
import type { BenchSection } from './section';

const POINTS = 10_000;
const TARGET_SECONDS = 60;
/** The target's machine. */
const TARGET_CORES = 2;
const PHASE_LABELS: Record<TrainProgress['phase'], string> = {
  search: 'hyperparameter search (LSTM family)',
  backtest: 'LSTM fits of the earlier backtest windows (+ other models fit in between)',
  evaluate: 'LSTM fit of the last window (test)',
  refit: 'LSTM refit on all data',
};

export const forecastRun: BenchSection = {
  name: 'forecast-run',
  description: `Full runForecast (3-window backtest + refit) on ${POINTS.toLocaleString('en-US')} hourly points`,
  async run() {
    const series = syntheticSeries({ points: POINTS, frequency: 'hourly', trend: 0.002, noise: 0.5, seed: 3 });
    // Time between progress reports goes to the phase of the later one, so a fit's model
    // building and baselines count with it; what follows the last epoch is "after training".
    const phaseMs = new Map<TrainProgress['phase'], number>();
    let last = performance.now();
    // Before any tf call: tf.memory() on an uninitialised engine starts wasm without its file paths,
    // and the run's own initBackend then waits forever on that start (the process just exits).
    await initBackend();
    const tensorsBefore = tf.memory().numTensors;
    const mainCpuBefore = threadCpuMs();
    const {
      value: result,
      wallMs: totalMs,
      cpuMs,
    } = await timed(() =>
      runForecast(
        series,
        {},
        {
          onProgress: (p) => {
            const now = performance.now();
            phaseMs.set(p.phase, (phaseMs.get(p.phase) ?? 0) + (now - last));
            last = now;
          },
        },
      ),
    );
    const mainCpuAfter = threadCpuMs();
    const mainCpuMs =
      mainCpuBefore !== undefined && mainCpuAfter !== undefined ? mainCpuAfter - mainCpuBefore : undefined;
    const tensorsAfter = tf.memory().numTensors;
    const { config, backtest, verdict } = result;

    return [
      `Config: horizon ${config.horizon}, lookback ${config.lookback}, ${config.epochs} epochs, ` +
        `${config.units} units, batch ${config.batchSize}, ${backtest.windows.length} backtest windows, backend ${result.backend}.`,
      table(
        ['phase', 'time'],
        [
          ...[...phaseMs].map(([phase, ms]) => [PHASE_LABELS[phase], seconds(ms)]),
          [
            'after training (intervals, verdict, saving)',
            seconds(totalMs - [...phaseMs.values()].reduce((a, b) => a + b, 0)),
          ],
          ['total', seconds(totalMs)],
        ],
      ),
      `${totalMs / 1000 < TARGET_SECONDS ? 'Within' : 'Over'} the ${TARGET_SECONDS} s target. ` +
        `CPU time ${seconds(cpuMs)} (all the process's threads): steadier than wall time on a busy machine.` +
        (mainCpuMs !== undefined
          ? ` The run's own thread ${seconds(mainCpuMs)}, the others (model threads, GC) ${seconds(cpuMs - mainCpuMs)}: ` +
            `on ${TARGET_CORES} idle cores the wall time is about the larger of the busiest thread's and ` +
            `a ${TARGET_CORES}-way share of the total, here ${seconds(Math.max(mainCpuMs, cpuMs / TARGET_CORES))} at least.`
          : ''),
      table(
        ['model', 'fit time (backtest + refit)', 'backtest MASE'],
        modelsIn(result.models).map((m) => {
          const { fitMs, metrics } = modelEntry(result.models, m);
          return [m, seconds(fitMs), metrics.mase.toFixed(3)];
        }),
      ),
      result.search
        ? `Search: ${result.search.trials.length} trials in ${seconds(result.search.elapsedMs)} of a ${result.search.budgetSeconds} s budget` +
          `${result.search.outOfTime ? ' (ran out)' : ''}; chosen lookback ${result.search.chosen.lookback}, ${result.search.chosen.units} units x ` +
          `${result.search.chosen.layers}, dropout ${result.search.chosen.dropout}, learning rate ${result.search.chosen.learningRate}, ` +
          `transform ${result.search.chosen.transform}.${result.search.note ? ` ${result.search.note}` : ''}`
        : 'Search: off.',
      `Champion: ${result.champion.reason}`,
      `Verdict: ${verdict.summary}`,
      `Tensors before → after: ${tensorsBefore} → ${tensorsAfter}. Peak RSS so far: ${megabytes(peakRss())}.`,
    ].join('\n');
  },
};
