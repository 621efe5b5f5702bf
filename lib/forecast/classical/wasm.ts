// augurs' WebAssembly (MSTL, and the AutoETS MSTL runs on the adjusted series), loaded once and
// synchronously from the installed package. augurs ships wasm-bindgen modules whose default loader
// fetches a URL (not available for files in Node), so the bytes are read from disk and handed to
// initSync.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AutoETS, initSync as initEts } from '@bsull/augurs/ets';
import { MSTL, initSync as initMstl } from '@bsull/augurs/mstl';

const require = createRequire(import.meta.url);

let augursReady = false;

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
