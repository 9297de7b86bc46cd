// Determinism at scale: every example, under every strategy it declares, for 20 seeds, gives the
// same NDJSON trace byte for byte natively (the CLI) and in WebAssembly (the JavaScript API, in one
// module instance), and the same trace again when run a second time on each side. The wasm repeats
// run in that same instance after every other combination has run there, so state left over by
// one run (a static, a pool, an allocator's layout) would show as a difference. Traces are compared
// by SHA-256 to keep memory low; a mismatch is run again in full to show its first differing line.
// Needs build/release/wakeline and build/wasm/api/wakeline-core.mjs (scripts/build.sh builds both).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import test from 'node:test';
import { pathToFileURL } from 'node:url';

import { createWakeline } from '../../wasm/api/wakeline.mjs';
import { builtOrFail, core, nativeCli } from './support/builds.mjs';

// Small seeds, where most runs of the playground are, and the edges of the integer widths a seed
// crosses on its way from JS through the request JSON to the runtime's uint64 (the CLI takes up
// to 2^63 - 1). Those beyond 2^53 go to the API as bigints.
const seeds = [
  ...Array.from({ length: 14 }, (_, i) => i),
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  2n ** 53n + 1n,
  2n ** 63n - 1n,
];

// Native runs at once: the machine this runs on may have two cores, and the wasm runs use one.
const nativeConcurrency = 2;

function nativeArgs({ id, strategy, seed }) {
  return ['run', id, '--strategy', strategy, '--seed', String(seed)];
}

function shown(combo) {
  return `wakeline ${nativeArgs(combo).join(' ')}`;
}

// One native run: the digest of its stdout, or the whole text when `keep` is set.
function runNative(combo, keep = false) {
  return new Promise((resolve, reject) => {
    const child = spawn(nativeCli, nativeArgs(combo), { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    const chunks = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => (keep ? chunks.push(chunk) : hash.update(chunk)));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      resolve({
        status,
        signal,
        stderr,
        digest: keep ? null : hash.digest('hex'),
        text: keep ? Buffer.concat(chunks).toString() : null,
      });
    });
  });
}

// One run through the API: the NDJSON it produces, header line included, as the CLI prints it.
async function runWasm(wl, { id, strategy, seed }, keep = false) {
  const run = await wl.run(id, { strategy, seed, format: 'ndjson' });
  const hash = createHash('sha256');
  let text = '';
  const add = (part) => (keep ? (text += part) : hash.update(part));
  add(`${run.headerLine}\n`);
  for await (const batch of run) add(batch);
  const summary = await run.done;
  return {
    outcome: summary.outcome,
    digest: keep ? null : hash.digest('hex'),
    text: keep ? text : null,
  };
}

// Runs `jobs` (functions returning promises) with at most `limit` in flight.
async function pool(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  async function lane() {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
  return results;
}

function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) ++i;
  return { line: i + 1, expected: a[i], actual: b[i] };
}

// What a failure message shows for one combination whose four digests do not all agree: which
// runs gave which trace, and where each trace other than native run 1's first differs from it,
// found by running both sides again in full (a difference that does not come back is only named).
async function explain(wl, combo, result) {
  const runs = [
    ['native run 1', result.native[0].digest],
    ['native run 2', result.native[1].digest],
    ['wasm run 1', result.wasm[0].digest],
    ['wasm run 2', result.wasm[1].digest],
  ];
  const lines = [
    `${shown(combo)}:`,
    ...runs.map(([name, digest]) => `  ${name}: sha256 ${digest}`),
  ];
  const again = [(await runNative(combo, true)).text, (await runWasm(wl, combo, true)).text];
  const textOf = (digest) =>
    again.find((text) => createHash('sha256').update(text).digest('hex') === digest) ?? null;
  const reference = textOf(runs[0][1]);
  const others = [...new Set(runs.map(([, digest]) => digest))].filter((d) => d !== runs[0][1]);
  for (const digest of others) {
    const named = runs.filter(([, d]) => d === digest).map(([name]) => name);
    const names = `${named.join(' and ')} ${named.length > 1 ? 'differ' : 'differs'}`;
    const text = textOf(digest);
    if (reference === null || text === null) {
      lines.push(`  ${names} from native run 1; running both sides again did not reproduce both`);
      continue;
    }
    const d = firstDifference(reference, text);
    lines.push(
      `  ${names} from native run 1 at line ${d.line}`,
      `    native run 1: ${d.expected}`,
      `    ${named.join(' and ')}: ${d.actual}`,
    );
  }
  return lines.join('\n');
}

if (builtOrFail(nativeCli, core)) {
  const wl = await createWakeline({
    worker: false,
    coreUrl: pathToFileURL(core),
    batchSize: 10000,
  });
  // examples() lists what `wakeline list` lists (api.test.mjs checks that), with the strategies
  // each example declares. The test-only `trap` is not listed; it is left out by name as well,
  // should it ever be: it aborts the native process and traps the wasm instance on purpose
  // (api-trap.test.mjs covers it). Every other example is compared whatever its outcome:
  // deadlock, budget_exhausted and memory_exhausted are as deterministic as completed.
  const examples = (await wl.examples()).filter((e) => e.id !== 'trap');
  const combos = examples.flatMap((e) =>
    e.strategies.flatMap((strategy) => seeds.map((seed) => ({ id: e.id, strategy, seed }))),
  );

  // Both native passes go through one pool while the wasm passes run in this thread; the wasm
  // repeat runs in reverse order, so each combination's second run follows different runs.
  const started = performance.now();
  const nativeJobs = [0, 1].flatMap(() => combos.map((combo) => () => runNative(combo)));
  const nativeDone = pool(nativeJobs, nativeConcurrency);
  const wasmFirst = [];
  for (const combo of combos) wasmFirst.push(await runWasm(wl, combo));
  const wasmSecond = new Array(combos.length);
  for (let i = combos.length - 1; i >= 0; --i) wasmSecond[i] = await runWasm(wl, combos[i]);
  const native = await nativeDone;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const results = combos.map((combo, i) => ({
    combo,
    native: [native[i], native[combos.length + i]],
    wasm: [wasmFirst[i], wasmSecond[i]],
  }));

  test(`${combos.length} combinations (${examples.length} examples, their strategies, ${seeds.length} seeds) ran twice natively and twice in wasm in ${seconds} s`, () => {
    assert.ok(examples.length > 0, 'examples() listed no example');
    for (const e of examples) assert.ok(e.strategies.length > 0, `${e.id} declares no strategy`);
  });

  for (const example of examples) {
    test(`${example.id}: every strategy and seed gives one trace natively, in wasm and on repeat`, async () => {
      const failures = [];
      for (const result of results.filter((r) => r.combo.id === example.id)) {
        const { combo } = result;
        for (const [i, run] of result.native.entries()) {
          // 0: completed; 1: ended otherwise (deadlock, budget, memory). Anything else is a crash.
          if (run.status !== 0 && run.status !== 1) {
            failures.push(
              `${shown(combo)}: native run ${i + 1} exited with ` +
                `${run.signal ?? `status ${run.status}`}: ${run.stderr.trim()}`,
            );
          }
        }
        const digests = [...result.native, ...result.wasm].map((run) => run.digest);
        if (digests.every((d) => d === digests[0])) continue;
        failures.push(await explain(wl, combo, result));
      }
      if (failures.length > 0) {
        assert.fail(
          `${failures.length} of ${results.filter((r) => r.combo.id === example.id).length} ` +
            `combinations differ or failed:\n${failures.slice(0, 5).join('\n')}` +
            (failures.length > 5 ? `\n... and ${failures.length - 5} more` : ''),
        );
      }
    });
  }
}
