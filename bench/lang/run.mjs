// The language's benchmarks (docs/benchmarks.md, "The language"): the interpreter's speed against
// the C++ examples through the CLI and in WebAssembly, and how long checking and starting a
// program take in WebAssembly. Every comparison is a ratio within one run, the two sides
// interleaved, so a noisy machine moves both. bench/lang_bench.cpp measures the interpreter
// natively in process, without writing the trace, and the memory of a pending task.
//
//   node bench/lang/run.mjs [--rounds N]
//
// Needs build/release/wakeline and build/wasm (bash scripts/build.sh release wasm).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { programOfLines } from './program-of-lines.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'build/release/wakeline');
const roundsFlag = process.argv.indexOf('--rounds');
const rounds = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 5;
process.setMaxListeners(0);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fixed = (x, digits = 2) => x.toFixed(digits);

// concurrent at tasks=10000: the C++ example, and its program with the constant set so.
const tasks = 10000;
const concurrentSource = readFileSync(
  path.join(repo, 'examples/programs/concurrent.rs'),
  'utf8',
).replace(/const TASKS: u64 = \d+;/, `const TASKS: u64 = ${tasks};`);
if (!concurrentSource.includes(`const TASKS: u64 = ${tasks};`)) {
  throw new Error('examples/programs/concurrent.rs has no `const TASKS: u64 = N;` to set');
}
const dir = mkdtempSync(path.join(tmpdir(), 'wakeline-lang-bench-'));
const concurrentFile = path.join(dir, 'concurrent.rs');
writeFileSync(concurrentFile, concurrentSource);

console.log(`machine: ${(await import('node:os')).cpus().length} cores, node ${process.version}`);
console.log(`rounds: ${rounds}, concurrent at tasks=${tasks}\n`);

// ---- natively: the CLI, trace to /dev/null ----
function timeCli(args) {
  const start = performance.now();
  const r = spawnSync(cli, [...args, '--out', '/dev/null'], { encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (r.status !== 0) throw new Error(`wakeline ${args.join(' ')}: ${r.stderr}`);
  return elapsed;
}
function eventsOf(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stdout.trimEnd().split('\n').at(-1);
  return JSON.parse(last).events;
}
const cppArgs = ['run', 'concurrent', '--set', `tasks=${tasks}`];
const programArgs = ['run', concurrentFile];
const cppEvents = eventsOf(cppArgs);
const programEvents = eventsOf(programArgs);
const nativeCpp = [];
const nativeProgram = [];
for (let i = 0; i < rounds; i++) {
  nativeCpp.push(timeCli(cppArgs));
  nativeProgram.push(timeCli(programArgs));
}
const nativeCppRate = cppEvents / median(nativeCpp);
const nativeProgramRate = programEvents / median(nativeProgram);
console.log('native (wakeline run, whole process, trace written to /dev/null)');
console.log(
  `  C++ example  ${cppEvents} events, median ${fixed(median(nativeCpp))} ms, ${fixed(nativeCppRate / 1000)} M events/s`,
);
console.log(
  `  program      ${programEvents} events, median ${fixed(median(nativeProgram))} ms, ${fixed(nativeProgramRate / 1000)} M events/s`,
);
console.log(
  `  program / C++ events per second: ${fixed(nativeProgramRate / nativeCppRate)} (goal >= 0.5)\n`,
);

// ---- in WebAssembly: the JS API in this thread ----
const { createWakeline } = await import(
  pathToFileURL(path.join(repo, 'build/wasm/api/wakeline.mjs')).href
);
const api = await createWakeline({ worker: false });
async function timeRun(what, options) {
  const start = performance.now();
  const run = await api.run(what, options);
  let events = 0;
  for await (const batch of run) events += batch.length;
  const summary = await run.done;
  return { ms: performance.now() - start, events, summary };
}
const wasmCpp = [];
const wasmProgram = [];
let wasmCppEvents = 0;
let wasmProgramEvents = 0;
for (let i = 0; i < rounds; i++) {
  const a = await timeRun('concurrent', { params: { tasks } });
  const b = await timeRun({ source: concurrentSource, name: 'concurrent.rs' });
  wasmCpp.push(a.ms);
  wasmProgram.push(b.ms);
  wasmCppEvents = a.events;
  wasmProgramEvents = b.events;
}
const wasmCppRate = wasmCppEvents / median(wasmCpp);
const wasmProgramRate = wasmProgramEvents / median(wasmProgram);
console.log('WebAssembly (the JS API, { worker: false }, events decoded into objects)');
console.log(
  `  C++ example  median ${fixed(median(wasmCpp))} ms, ${fixed(wasmCppRate / 1000)} M events/s`,
);
console.log(
  `  program      median ${fixed(median(wasmProgram))} ms, ${fixed(wasmProgramRate / 1000)} M events/s`,
);
console.log(
  `  program / C++ events per second: ${fixed(wasmProgramRate / wasmCppRate)} (goal >= 0.5)\n`,
);

// ---- checking and starting a 200-line program in WebAssembly ----
const source200 = programOfLines(200);
const lines = source200.split('\n').length - 1;
const diagnostics = await api.check(source200);
if (diagnostics.length > 0)
  throw new Error(`the ${lines}-line program has errors: ${diagnostics[0].message}`);
for (let i = 0; i < 5; i++) await api.check(source200); // Warm up.
const checks = [];
for (let i = 0; i < 20 * rounds; i++) {
  const start = performance.now();
  await api.check(source200);
  checks.push(performance.now() - start);
}
const starts = [];
for (let i = 0; i < 10 * rounds; i++) {
  // A budget of one event: the run is compiled, started and stopped at its first event.
  const start = performance.now();
  const run = await api.run({ source: source200, budget: 1 });
  for await (const batch of run) void batch;
  await run.done;
  starts.push(performance.now() - start);
}
console.log(`WebAssembly, a ${lines}-line program (bench/lang/program-of-lines.mjs)`);
console.log(`  check(source): median ${fixed(median(checks), 3)} ms (goal < 5 ms)`);
console.log(
  `  run({ source, budget: 1 }), compile and start to the end of the run: median ${fixed(median(starts), 3)} ms (goal < 10 ms)\n`,
);

// Memory per pending task is measured natively, by the runtime's own account:
// build/bench/bench/lang_bench (bench/lang_bench.cpp).
api.dispose();
