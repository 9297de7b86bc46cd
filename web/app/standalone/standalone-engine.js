// The engine of the single-file build (dist/wakeline-standalone.html), in place of engine.js.
// Opened from disk the page has an opaque origin: it may not load ES modules, fetch a .wasm or
// start a worker from a file. So the build inlines the API (bundled into the page's script), the
// worker script and the core module with its wasm bytes (as data: URLs, the one kind of module
// address such a page may import and start a module worker from), and this file hands those
// addresses to the API. Where a worker cannot start, the module runs in the page's thread.
import { createWakeline } from '../../../wasm/api/wakeline.mjs';
// Provided by scripts/build-web.mjs: coreUrl and workerUrl, both data: URLs, and the module's
// bytes in base64.
import { coreUrl, wasmBase64, workerUrl } from 'wakeline:inline-engine';

const wasmBinary = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));

/** How the runtime is hosted in the single file: its inlined core, worker and module bytes. */
export const engineOptions = Object.freeze({ coreUrl, workerUrl, wasmBinary });

/**
 * Nothing lies beside the single file to fetch (examples' programs included): its module is the
 * full one, which has them.
 */
export const filesBeside = false;

/** Loads the runtime; resolves to the API's Wakeline handle. */
export async function loadEngine() {
  try {
    return await createWakeline(engineOptions);
  } catch {
    return createWakeline({ worker: false, coreUrl, wasmBinary });
  }
}
