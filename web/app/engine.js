// The page's one link to the runtime: every call goes through Wakeline's JavaScript API
// (wasm/api/wakeline.mjs), never into the WebAssembly module itself. The call chain of a run:
//   main.js -> engine.run() -> wakeline.mjs run() -> Web Worker (worker.mjs) -> wakeline-core.mjs
//   -> C++ runner -> batches back through the same API, as an async iterable.
// The bundler keeps wakeline.mjs out of app.js: it is shipped beside it as built by wasm/, so
// it finds its core module and its worker script next to itself.
import { createWakeline } from '../../wasm/api/wakeline.mjs';

/**
 * How the runtime is hosted: the only place the page chooses. The API's browser default, a Web
 * Worker, keeps the page responsive while a run goes on.
 */
export const engineOptions = Object.freeze({});

/** Loads the runtime; resolves to the API's Wakeline handle. */
export function loadEngine() {
  return createWakeline(engineOptions);
}
