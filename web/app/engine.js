// The page's one link to the runtime: every call goes through Wakeline's JavaScript API
// (wasm/api/wakeline.mjs), never into the WebAssembly module itself. The call chain of a run:
//   main.js -> engine.run() -> wakeline.mjs run() -> wakeline-core.mjs -> C++ runner
//   -> NDJSON batches back through the same API, as an async iterable.
// The bundler keeps wakeline.mjs out of app.js: it is shipped beside it as built by wasm/, so
// it finds its core module (and later its worker script) next to itself.
import { createWakeline } from '../../wasm/api/wakeline.mjs';

/**
 * How the runtime is hosted: the only place the page chooses. The Web Worker mode (the API's
 * browser default) is not available yet, so the module runs on the page's thread for now.
 */
export const engineOptions = Object.freeze({ worker: false });

/** Loads the runtime; resolves to the API's Wakeline handle. */
export function loadEngine() {
  return createWakeline(engineOptions);
}
