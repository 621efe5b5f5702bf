// Picks the TensorFlow.js backend at run time: native TensorFlow when the optional tfjs-node
// package loads, else WebAssembly, else plain JS. tfjs-node registers itself into the same
// tfjs-core instance that `@tensorflow/tfjs` uses, so the rest of the engine only imports tfjs.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { installFastWasmMatMul } from './wasm-matmul';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

const BACKENDS: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];
const require = createRequire(import.meta.url);

function isBackendName(name: string): name is BackendName {
  return (BACKENDS as readonly string[]).includes(name);
}

/**
 * The backend asked for, if any: `HORIZON_TF_BACKEND` beats `prefer`; an unknown name is ignored
 * with a warning.
 */
export function requestedBackend(
  prefer?: BackendName,
  forced: string | undefined = process.env.HORIZON_TF_BACKEND,
): BackendName | undefined {
  if (forced) {
    if (isBackendName(forced)) return forced;
    console.warn(`HORIZON_TF_BACKEND=${forced} is not one of ${BACKENDS.join(', ')}; ignoring it.`);
  }
  return prefer;
}

/**
 * Backends to try, best first: the requested one, then the rest in the default order, so a
 * requested backend that cannot start falls through to the next best instead of failing the run.
 */
export function backendOrder(requested?: BackendName): BackendName[] {
  return requested ? [requested, ...BACKENDS.filter((b) => b !== requested)] : [...BACKENDS];
}

/** Whether the optional native package loads; any throw (not installed, broken binary) means no. */
export function loadTfjsNode(): boolean {
  try {
    require('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

let wasmPathsSet = false;

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'tensorflow' && !loadTfjsNode()) return false;
    if (name === 'wasm' && !wasmPathsSet) {
      // Node loads the .wasm files from the package folder, not from a URL.
      setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
      wasmPathsSet = true;
    }
    // setBackend resolves false (it does not throw) when the backend fails to initialise.
    const started = await tf.setBackend(name);
    if (started && name === 'wasm') installFastWasmMatMul();
    return started;
  } catch {
    return false;
  }
}

/**
 * Activates the first backend in `order` that starts and returns its name. Not cached: use
 * initBackend. With `warnOnFallback`, a first choice that cannot start is reported.
 */
export async function activateBackend(
  order: readonly BackendName[],
  { warnOnFallback = true }: { warnOnFallback?: boolean } = {},
): Promise<BackendName> {
  for (const name of order) {
    if (await tryBackend(name)) return name;
    if (warnOnFallback && name === order[0]) {
      console.warn(`TensorFlow.js backend '${name}' could not start; falling back to the next one.`);
    }
  }
  // cpu is pure JS and ships with @tensorflow/tfjs, so getting here means a broken install.
  throw new Error(`No TensorFlow.js backend could start (tried ${order.join(', ')}).`);
}

let active: Promise<BackendName> | undefined;

/**
 * Chooses and activates the backend once per process; later calls return the same answer
 * whatever they prefer. Call before creating any tensor.
 */
export function initBackend(prefer?: BackendName): Promise<BackendName> {
  if (!active) {
    const requested = requestedBackend(prefer);
    // Without a request, tfjs-node being absent is the normal case: no warning.
    active = activateBackend(backendOrder(requested), { warnOnFallback: requested !== undefined });
  }
  return active;
}
