// LSTM training and inference speed of one fixed model (lookback 48, 64 units, batch 64, a
// 24-step output), trained through Horizon's own training path (trainModel, as the worker and the
// CLI run it) on the backend the engine picked and on tfjs's pure-JS `cpu` backend, which is what
// every install falls back to. On wasm it also measures tfjs's BatchMatMul as shipped, to show what
// the transpose-free kernel (lib/forecast/wasm-matmul.ts) buys. All use the same synthetic windows;
// the cpu part is kept to a few batches because it is slow.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@/lib/forecast/backend';
import { buildLstm, disposeModel } from '@/lib/forecast/models/lstm';
import { fitMinMax, transform } from '@/lib/forecast/scaling';
import { syntheticSeries } from '@/lib/forecast/synthetic';
import { trainModel } from '@/lib/forecast/train';
import { installFastWasmMatMul, uninstallFastWasmMatMul } from '@/lib/forecast/wasm-matmul';
import { relativeToAnchor, slidingWindows, type Windows } from '@/lib/forecast/windows';
import { megabytes, peakRss, rate, table, timed } from './format';
import type { BenchSection } from './section';

const MODEL = { lookback: 48, horizon: 24, units: 64, layers: 1, dropout: 0.1, learningRate: 0.005, seed: 7 };
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
  label: string;
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
  return relativeToAnchor(slidingWindows(transform(fitMinMax(series.v), series.v), MODEL.lookback, MODEL.horizon));
}

/** The first `count` windows. */
function take(windows: Windows, count: number): Windows {
  const { lookback, horizon } = windows;
  return {
    ...windows,
    count,
    inputs: windows.inputs.subarray(0, count * lookback),
    targets: windows.targets.subarray(0, count * horizon),
  };
}

/** One epoch over `windows` through the engine's training loop (seeded shuffle, no validation). */
function trainEpoch(model: tf.LayersModel, windows: Windows) {
  return trainModel(model, windows, { epochs: 1, batchSize: BATCH_SIZE, validationSplit: 0, patience: 1, seed: 7 });
}

async function measure(label: string, sizes: Sizes): Promise<Measurement> {
  const tensorsBefore = tf.memory().numTensors;
  const windows = benchWindows(Math.max(sizes.trainSamples, sizes.predictSamples));
  const model = buildLstm(MODEL);
  try {
    // Warm-up: the first batch compiles kernels and allocates buffers on some backends.
    await trainEpoch(model, take(windows, BATCH_SIZE));
    const train = await timed(() => trainEpoch(model, take(windows, sizes.trainSamples)));

    const xPredict = tf.tensor3d(windows.inputs.subarray(0, sizes.predictSamples * MODEL.lookback), [
      sizes.predictSamples,
      MODEL.lookback,
      1,
    ]);
    const predict = await timed(async () => {
      const predicted = model.predict(xPredict, { batchSize: BATCH_SIZE }) as tf.Tensor;
      await predicted.data();
      predicted.dispose();
    });
    xPredict.dispose();

    return {
      label,
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
    disposeModel(model);
  }
}

async function measureOn(backend: string, label: string, sizes: Sizes): Promise<Measurement> {
  if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend did not start.`);
  const result = await measure(label, sizes);
  return { ...result, tensorsAfter: tf.memory().numTensors };
}

export const forecastThroughput: BenchSection = {
  name: 'forecast-throughput',
  description: "LSTM training and inference samples/s: Horizon's training path vs pure-JS cpu",
  async run() {
    const inUse = await initBackend();
    const rows: Measurement[] = [];
    let main: Measurement;
    let cpu: Measurement;
    try {
      main = await measureOn(inUse, `${inUse} (Horizon)`, SIZES.main);
      rows.push(main);
      if (inUse === 'wasm') {
        uninstallFastWasmMatMul();
        try {
          rows.push(await measureOn('wasm', 'wasm, tfjs matMul as shipped', SIZES.main));
        } finally {
          installFastWasmMatMul();
        }
      }
      cpu = inUse === 'cpu' ? main : await measureOn('cpu', 'cpu', SIZES.cpu);
      if (cpu !== main) rows.push(cpu);
    } finally {
      await tf.setBackend(inUse); // the rest of the process keeps the engine's choice
    }
    const row = (m: Measurement) => [
      m.label,
      rate(m.trainPerSecond),
      rate(m.trainPerCpuSecond),
      rate(m.predictPerSecond),
      rate(m.predictPerCpuSecond),
      `${m.trainSamples} / ${m.predictSamples}`,
      `${m.tensorsBefore} → ${m.tensorsAfter}`,
    ];
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    return [
      `Model: LSTM(${MODEL.units}) x${MODEL.layers}, lookback ${MODEL.lookback}, horizon ${MODEL.horizon}, batch ${BATCH_SIZE}.`,
      table(
        [
          'training path',
          'train samples/s',
          'per CPU-s',
          'predict samples/s',
          'per CPU-s',
          'samples (train / predict)',
          'tensors before → after',
        ],
        rows.map(row),
      ),
      cpu === main
        ? 'The engine itself runs on cpu here, so there is nothing to compare with.'
        : `${main.label} vs cpu: training ${ratio(main.trainPerSecond, cpu.trainPerSecond)} per wall-second ` +
          `(${ratio(main.trainPerCpuSecond, cpu.trainPerCpuSecond)} per CPU-second), inference ` +
          `${ratio(main.predictPerSecond, cpu.predictPerSecond)} (${ratio(main.predictPerCpuSecond, cpu.predictPerCpuSecond)}).`,
      `Peak RSS so far: ${megabytes(peakRss())}.`,
    ].join('\n');
  },
};
