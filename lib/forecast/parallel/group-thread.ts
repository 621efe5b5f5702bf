// Worker-thread entry: fits one group of a run's models (model-group.ts) and posts the result back.
// The thread has its own module instances, so its own WebAssembly (augurs, and tfjs if it loads it).
import { parentPort } from 'node:worker_threads';
import { fitGroup, type GroupInput } from './model-group';

parentPort?.once('message', async (input: GroupInput) => {
  try {
    parentPort!.postMessage({ ok: await fitGroup(input) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
