// Worker-thread entry: fits one group of a run's models (model-group.ts) and posts the result back,
// and an LSTM's progress after each epoch (the run's thread forwards it and answers a cancel by
// ending the thread). The thread has its own module instances, so its own WebAssembly (augurs,
// and tfjs with its own wasm backend when the group has an LSTM).
import { parentPort } from 'node:worker_threads';
import { fitGroup, type GroupInput } from './model-group';

parentPort?.once('message', async (input: GroupInput) => {
  try {
    const output = await fitGroup(input, (model) => ({
      onProgress: (progress) => parentPort!.postMessage({ progress: { model, progress } }),
    }));
    parentPort!.postMessage({ ok: output });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
