// Numbers for the JavaScript API over WebAssembly (wasm/api/wakeline.mjs): download size, time
// from createWakeline() to the first batch, events per second reaching JS, and the same run's
// time against the native CLI. Plain node, no dependencies; needs build/wasm (the API and its
// engine) and, for the comparison, build/release/wakeline.
//
//   node bench/wasm-api.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = path.join(repo, 'build/wasm/api');
const nativeCli = path.join(repo, 'build/release/wakeline');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

// Each Emscripten instance adds its own process 'uncaughtException' and 'unhandledRejection'
// listeners under node; a fresh handle per measurement would otherwise trip node's warning at 10.
process.setMaxListeners(0);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(2)} ms`;
const rate = (events, millis) => `${(events / (millis / 1000) / 1e6).toFixed(2)} M events/s`;

const shipped = [
  'wakeline-core.wasm',
  'wakeline-core.mjs',
  'wakeline.mjs',
  'engine.mjs',
  'wire.mjs',
  'worker.mjs',
];
for (const file of shipped) {
  if (!existsSync(path.join(wasmDir, file))) {
    console.error(
      `missing build/wasm/api/${file}: cmake --preset wasm && cmake --build --preset wasm`,
    );
    process.exit(1);
  }
}
const { createWakeline } = await import(String(pathToFileURL(path.join(wasmDir, 'wakeline.mjs'))));

// 1. Size: what a page downloads.
console.log('## Size (build/wasm/api, gzip -9 by node:zlib)');
let raw = 0;
let gz = 0;
for (const file of shipped) {
  const bytes = readFileSync(path.join(wasmDir, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(
    `${file.padEnd(20)} ${kb(bytes.length).padStart(10)} raw ${kb(zipped).padStart(10)} gzip`,
  );
}
console.log(`${'total'.padEnd(20)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);

// 2. Start-up: createWakeline() (fetch, compile and instantiate the module, read the catalogue)
// plus run('basic') until its first batch, on a fresh handle each time. The first one in the
// process also imports the engine's JS; the module cache makes the later ones skip that.
async function firstBatch() {
  const start = performance.now();
  const wl = await createWakeline({ worker: false });
  const created = performance.now();
  const run = await wl.run('basic');
  for await (const batch of run) {
    if (batch.length > 0) break;
  }
  const first = performance.now();
  await run.done;
  wl.dispose();
  return { create: created - start, total: first - start };
}
console.log("\n## createWakeline() + run('basic') to the first batch, fresh handle each time");
const cold = await firstBatch();
const warm = [];
for (let i = 0; i < runs; ++i) warm.push(await firstBatch());
console.log(`first in the process: ${ms(cold.total)} (createWakeline ${ms(cold.create)})`);
console.log(
  `median of ${runs} more:   ${ms(median(warm.map((w) => w.total)))} ` +
    `(createWakeline ${ms(median(warm.map((w) => w.create)))})`,
);

// 3. Throughput: events reaching JS, from run() to `done` (the run itself included), for
// concurrent with 10,000 tasks, and at its default size.
const cases = [
  { name: 'concurrent tasks=10000', params: { tasks: 10000 }, args: ['--set', 'tasks=10000'] },
  { name: 'concurrent tasks=1000', params: { tasks: 1000 }, args: ['--set', 'tasks=1000'] },
];
async function timeRun(wl, params, format) {
  const start = performance.now();
  const run = await wl.run('concurrent', { params, format });
  let received = 0;
  for await (const batch of run) received += format === 'ndjson' ? lineCount(batch) : batch.length;
  const { events, outcome } = await run.done;
  if (outcome !== 'completed' || received !== events) {
    throw new Error(
      `concurrent ${JSON.stringify(params)}: ${outcome}, ${received} of ${events} events`,
    );
  }
  return { millis: performance.now() - start, events };
}
function lineCount(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) ++n;
  return n;
}
function timeNative(args) {
  const out = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const run = spawnSync(nativeCli, ['run', 'concurrent', ...args], {
      stdio: ['ignore', out, 'inherit'],
    });
    const millis = performance.now() - start;
    if (run.status !== 0)
      throw new Error(`wakeline run concurrent ${args.join(' ')}: status ${run.status}`);
    return millis;
  } finally {
    closeSync(out);
  }
}
// Wasm and native runs alternate, so both see the same load on a shared machine; the ratio is
// the median of the per-round ratios.
const haveNative = existsSync(nativeCli);
console.log(
  `\n## Events reaching JS (median of ${runs} rounds, default batches, one handle, after a warm-up)`,
);
if (haveNative)
  console.log(
    'native: build/release/wakeline run concurrent ... > /dev/null, process start included',
  );
const wl = await createWakeline({ worker: false });
for (const c of cases) {
  await timeRun(wl, c.params, 'objects');
  if (haveNative) timeNative(c.args);
  const t = { objects: [], ndjson: [], native: [] };
  let events = 0;
  for (let i = 0; i < runs; ++i) {
    for (const format of ['objects', 'ndjson'])
      ({ millis: t[format][i], events } = await timeRun(wl, c.params, format));
    if (haveNative) t.native[i] = timeNative(c.args);
  }
  console.log(`${c.name}: ${events} events`);
  for (const format of ['objects', 'ndjson']) {
    const m = median(t[format]);
    let line = `  wasm, format ${format.padEnd(7)} ${ms(m).padStart(10)} = ${rate(events, m)}`;
    if (haveNative)
      line += `; wasm / native ${median(t[format].map((x, i) => x / t.native[i])).toFixed(2)}x`;
    console.log(line);
  }
  if (haveNative) {
    const m = median(t.native);
    console.log(`  native CLI            ${ms(m).padStart(10)} = ${rate(events, m)}`);
  }
}
if (!haveNative) console.log('(no build/release/wakeline: native comparison skipped)');
