// The classical models' WebAssembly, loaded once and synchronously from the installed packages.
// augurs ships wasm-bindgen modules whose default loader fetches a URL (not available for files in
// Node), so the bytes are read from disk and handed to initSync. `arima` is an Emscripten module
// that prints its optimiser's warnings to stdout, which would corrupt the CLI's JSON: it is built
// here with those printers silenced.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AutoETS, initSync as initEts } from '@bsull/augurs/ets';
import { MSTL, initSync as initMstl } from '@bsull/augurs/mstl';

const require = createRequire(import.meta.url);

/** Options of the `arima` package's constructor (see node_modules/arima/index.d.ts). */
export interface ArimaOptions {
  auto?: boolean;
  p?: number;
  d?: number;
  q?: number;
  P?: number;
  D?: number;
  Q?: number;
  s?: number;
  /** 0 exact likelihood, 1 conditional sum of squares. */
  method?: number;
}

export interface ArimaModel {
  train(ts: number[]): ArimaModel;
  predict(steps: number): [number[], number[]];
  destroy(): void;
}

type ArimaConstructor = new (options: ArimaOptions) => ArimaModel;

let augursReady = false;
let arima: ArimaConstructor | undefined;

function wasmBytes(moduleName: string): Buffer {
  return readFileSync(require.resolve(moduleName).replace(/\.js$/, '_bg.wasm'));
}

/** augurs' MSTL and AutoETS, initialised on first use. */
export function augurs(): { MSTL: typeof MSTL; AutoETS: typeof AutoETS } {
  if (!augursReady) {
    initMstl({ module: wasmBytes('@bsull/augurs/mstl') });
    initEts({ module: wasmBytes('@bsull/augurs/ets') });
    augursReady = true;
  }
  return { MSTL, AutoETS };
}

/** The `arima` package's ARIMA class, built on first use with its console output silenced. */
export function arimaClass(): ArimaConstructor {
  if (!arima) {
    // The package's exports map hides these files; absolute paths reach them.
    const dir = dirname(require.resolve('arima'));
    const createModule = require(join(dir, 'wasm/native-sync.js')) as (options: object) => unknown;
    const wasmBinary = require(join(dir, 'wrapper/native.bin.js')) as Uint8Array;
    const load = require(join(dir, 'load.js')) as (module: unknown) => ArimaConstructor;
    const silent = () => {};
    arima = load(createModule({ wasmBinary, print: silent, printErr: silent }));
  }
  return arima;
}
