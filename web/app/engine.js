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

/** Whether the site's files lie beside the page (dist/programs/, program/program-text.js). */
export const filesBeside = true;

/**
 * The bytes of the core's wasm that index.html preloads (`<link rel="preload" as="fetch">`, so
 * the download starts while app.js loads), or undefined without that link or when the fetch
 * fails (the API then fetches the file itself, in its worker). The worker's own fetch would
 * start only after the worker, its modules and the core module have loaded.
 */
async function preloadedWasm() {
  const link = document.querySelector('link[rel="preload"][href$=".wasm"]');
  if (!link) return undefined;
  try {
    const response = await fetch(link.href);
    return response.ok ? await response.arrayBuffer() : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the runtime; resolves to the API's Wakeline handle. */
export async function loadEngine() {
  const wasmBinary = await preloadedWasm();
  return createWakeline(wasmBinary ? { ...engineOptions, wasmBinary } : engineOptions);
}
