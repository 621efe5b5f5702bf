// LSTM training and inference speed of one fixed model (lookback 48, 64 units, batch 64, a
// 24-step output) on the backend the engine picked and on tfjs's pure-JS `cpu` backend, which
// is what every install falls back to. Both use the same synthetic windows; the cpu part is kept
// to a few batches because it is slow.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@/lib/forecast/backend';
import { buildLstm, disposeModel } from '@/lib/forecast/models/lstm';
import { fitMinMax, transform } from '@/lib/forecast/scaling';
import { syntheticSeries } from '@/lib/forecast/synthetic';
import { relativeToLastInput, slidingWindows, type Windows } from '@/lib/forecast/windows';
import { megabytes, peakRss, rate, table, timed } from './format';
import type { BenchSection } from './section';

const MODEL = { lookback: 48, horizon: 24, units: 64, dropout: 0.1, learningRate: 0.005, seed: 7 };
const BATCH_SIZE = 64;

interface Sizes {
  trainSamples: number;
  predictSamples: number;
}
/** Enough batches for a stable rate on the fast backend; a few on cpu. */
const SIZES: Record<'main' | 'cpu', Sizes> = {
  main: { trainSamples: 2048, predictSamples: 4096 },
  cpu: { trainSamples: 256, predictSamples: 512 },
};

interface Measurement {
  backend: string;
  /** Per wall-clock second, and per CPU second of this process (steadier on a busy machine). */
  trainPerSecond: number;
  trainPerCpuSecond: number;
  predictPerSecond: number;
  predictPerCpuSecond: number;
  trainSamples: number;
  predictSamples: number;
  tensorsBefore: number;
  tensorsAfter: number;
}

function benchWindows(count: number): Windows {
  const series = syntheticSeries({ points: count + MODEL.lookback + MODEL.horizon, frequency: 'hourly', noise: 0.3 });
  return relativeToLastInput(slidingWindows(transform(fitMinMax(series.v), series.v), MODEL.lookback, MODEL.horizon));
}

async function measure(sizes: Sizes): Promise<Measurement> {
  const tensorsBefore = tf.memory().numTensors;
  const windows = benchWindows(Math.max(sizes.trainSamples, sizes.predictSamples));
  const x = tf.tensor3d(windows.inputs, [windows.count, MODEL.lookback, 1]);
  const y = tf.tensor2d(windows.targets, [windows.count, MODEL.horizon]);
  const model = buildLstm(MODEL);
  try {
    const [xTrain, yTrain, xPredict] = tf.tidy(() => [
      x.slice(0, sizes.trainSamples),
      y.slice(0, sizes.trainSamples),
      x.slice(0, sizes.predictSamples),
    ]);
    try {
      // Warm-up: the first batch compiles kernels and allocates buffers on some backends.
      const [xWarm, yWarm] = tf.tidy(() => [xTrain.slice(0, BATCH_SIZE), yTrain.slice(0, BATCH_SIZE)]);
      await model.fit(xWarm, yWarm, { epochs: 1, batchSize: BATCH_SIZE, verbose: 0 });
      tf.dispose([xWarm, yWarm]);

      const train = await timed(() =>
        model.fit(xTrain, yTrain, { epochs: 1, batchSize: BATCH_SIZE, shuffle: false, verbose: 0 }),
      );
      const predict = await timed(async () => {
        const predicted = model.predict(xPredict, { batchSize: BATCH_SIZE }) as tf.Tensor;
        await predicted.data();
        predicted.dispose();
      });

      return {
        backend: tf.getBackend(),
        trainPerSecond: (1000 * sizes.trainSamples) / train.wallMs,
        trainPerCpuSecond: (1000 * sizes.trainSamples) / train.cpuMs,
        predictPerSecond: (1000 * sizes.predictSamples) / predict.wallMs,
        predictPerCpuSecond: (1000 * sizes.predictSamples) / predict.cpuMs,
        trainSamples: sizes.trainSamples,
        predictSamples: sizes.predictSamples,
        tensorsBefore,
        tensorsAfter: NaN, // set below, once everything is freed
      };
    } finally {
      tf.dispose([xTrain, yTrain, xPredict]);
    }
  } finally {
    disposeModel(model);
    tf.dispose([x, y]);
  }
}

async function measureOn(backend: string, sizes: Sizes): Promise<Measurement> {
  if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend did not start.`);
  const result = await measure(sizes);
  return { ...result, tensorsAfter: tf.memory().numTensors };
}

export const forecastThroughput: BenchSection = {
  name: 'forecast-throughput',
  description: 'LSTM training and inference samples/s: chosen backend vs pure-JS cpu',
  async run() {
    const inUse = await initBackend();
    let main: Measurement;
    let cpu: Measurement;
    try {
      main = await measureOn(inUse, SIZES.main);
      cpu = inUse === 'cpu' ? main : await measureOn('cpu', SIZES.cpu);
    } finally {
      await tf.setBackend(inUse); // the rest of the process keeps the engine's choice
    }
    const row = (m: Measurement) => [
      m.backend,
      rate(m.trainPerSecond),
      rate(m.trainPerCpuSecond),
      rate(m.predictPerSecond),
      rate(m.predictPerCpuSecond),
      `${m.trainSamples} / ${m.predictSamples}`,
      `${m.tensorsBefore} → ${m.tensorsAfter}`,
    ];
    return [
      `Model: LSTM(${MODEL.units}), lookback ${MODEL.lookback}, horizon ${MODEL.horizon}, batch ${BATCH_SIZE}.`,
      table(
        [
          'backend',
          'train samples/s',
          'per CPU-s',
          'predict samples/s',
          'per CPU-s',
          'samples (train / predict)',
          'tensors before → after',
        ],
        [row(main), ...(cpu === main ? [] : [row(cpu)])],
      ),
      cpu === main
        ? 'The engine itself runs on cpu here, so there is nothing to compare with.'
        : `${main.backend} vs cpu (per CPU-second): training ` +
          `${(main.trainPerCpuSecond / cpu.trainPerCpuSecond).toFixed(1)}x, inference ` +
          `${(main.predictPerCpuSecond / cpu.predictPerCpuSecond).toFixed(1)}x faster.`,
      `Peak RSS so far: ${megabytes(peakRss())}.`,
    ].join('\n');
  },
};
