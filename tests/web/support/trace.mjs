// Traces for the page's tests, made by the JavaScript API in node (no page involved), so the
// tests compare what the page shows with counts taken from the trace itself.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The API as the wasm build laid it out, the same files the page ships (dist/ copies them), so
// the two sides always decode the same module.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const api = path.join(repo, 'build/wasm/api');
const { createWakeline } = await import(pathToFileURL(path.join(api, 'wakeline.mjs')).href);
const core = path.join(api, 'wakeline-core.mjs');

let handle = null;

/** The API's handle in node, in this thread (one for every test of a file). */
export async function wakelineInNode() {
  handle ??= await createWakeline({ worker: false, coreUrl: pathToFileURL(core) });
  return handle;
}

/** The events (objects) of a run of `example` with `params`, as the page's default run gets them. */
export async function traceOf(example, params = {}) {
  const run = await (await wakelineInNode()).run(example, { params });
  const events = [];
  for await (const batch of run) events.push(...batch);
  await run.done;
  return events;
}
