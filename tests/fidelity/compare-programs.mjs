#!/usr/bin/env node
// Runs programs of Wakeline's language (docs/language.md) on real Tokio and on Wakeline, and
// compares their task polls one for one.
//
// The Tokio side: every program becomes a binary of one Cargo project under
// build/fidelity/programs (programs/generate.mjs: the text unchanged but for `#[tokio::main]`
// and the name of `main`, with programs/tail.rs appended), built once with Debian's cargo and
// Tokio 1.24, offline, and run on a current_thread runtime with paused time
// (programs/prelude.rs), twice: the two runs must print the same polls and the same output.
// The Wakeline side: `wakeline run FILE.rs --strategy tokio-current-thread`, whose `poll_end`
// events give the same (t, task, result) sequence. The first difference is reported per program;
// where the polls match, what the program printed must match too.
//
//   node tests/fidelity/compare-programs.mjs [--wakeline PATH] [--tokio-only] [--verbose]
//                                            [FILE.rs...]
//
// FILE.rs defaults to every program in examples/programs and tests/lang/programs. PATH defaults
// to build/release/wakeline. --tokio-only builds and runs the programs on Tokio alone and checks
// that each completes the same way twice. Exit status 1 when a program differs, does not build,
// or Wakeline cannot run programs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateProject, hasUnbiasedSelect } from './programs/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

// A program whose select! has no `biased;` is run this many times on Tokio: Tokio starts such a
// select at a random branch, so when two branches are ready together its polls may vary.
const RUNS_UNBIASED = 5;

// Programs whose polls differ from Tokio's for a rule Wakeline does not follow yet, with the rule.
// Each must still differ: one that starts to match is reported, so the list stays true.
// None today: the last one (work.rs, CPU work seen by the poll's own clock) was fixed.
const KNOWN_DIFFERENCES = {};

const args = process.argv.slice(2);
let wakeline = join(root, 'build/release/wakeline');
let tokioOnly = false;
let verbose = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--wakeline') wakeline = resolve(args[++i]);
  else if (args[i] === '--tokio-only') tokioOnly = true;
  else if (args[i] === '--verbose') verbose = true;
  else if (args[i].startsWith('--')) {
    console.error(`programs: unknown option ${args[i]}`);
    process.exit(2);
  } else files.push(resolve(args[i]));
}
if (files.length === 0) {
  for (const dir of ['examples/programs', 'tests/lang/programs']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort()) if (f.endsWith('.rs')) files.push(join(full, f));
  }
}
const label = (file) => relative(root, file);

function fail(message) {
  console.error(`programs: ${message}`);
  process.exit(1);
}

// Debian's toolchain explicitly, as compare.mjs: another cargo on PATH (rustup's) is not the one
// the packaged crates are made for.
const cargo = '/usr/bin/cargo';
const rustc = '/usr/bin/rustc';
const registry = '/usr/share/cargo/registry';
if (
  !existsSync(cargo) ||
  !existsSync(rustc) ||
  !existsSync(registry) ||
  !readdirSync(registry).some((d) => d.startsWith('tokio-1.24.'))
) {
  fail(
    `needs ${cargo}, ${rustc} and a tokio-1.24.* crate in ${registry}: run scripts/install-rust-deps.sh (as root)`,
  );
}

// Wakeline first: it is quick to ask, and a Wakeline that cannot run programs makes the build
// pointless.
function runWakeline(file) {
  const r = spawnSync(wakeline, ['run', file, '--strategy', 'tokio-current-thread'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  return r;
}
if (!tokioOnly) {
  if (!existsSync(wakeline)) fail(`${wakeline} not found; build it or pass --wakeline PATH`);
  const probe = runWakeline(files[0]);
  if (
    !probe.stdout.startsWith('{"schema":"wakeline-trace"') &&
    /unknown example|usage/.test(probe.stderr)
  ) {
    console.error(probe.stderr.trim());
    fail(
      `wakeline run cannot run programs yet (${wakeline} run ${label(files[0])} says so); ` +
        'use --tokio-only to check the Tokio side alone',
    );
  }
}

// The Tokio side: generate, build.
const projectDir = join(root, 'build/fidelity/programs');
const cargoHome = join(root, 'build/fidelity/cargo-home');
// Shared with compare.mjs's project: same Tokio, same features, same profile, compiled once.
const targetDir = join(root, 'build/fidelity/tokio-target');
mkdirSync(cargoHome, { recursive: true });
const cargoEnv = {
  ...process.env,
  RUSTC: rustc,
  CARGO_HOME: cargoHome,
  CARGO_TARGET_DIR: targetDir,
};

const started = Date.now();
const programs = generateProject(projectDir, files);
let failed = 0;
let expected = 0;
for (const p of programs.filter((p) => p.error)) {
  failed++;
  console.log(`ERROR    ${label(p.file)}: ${p.error}`);
}
const buildable = programs.filter((p) => p.bin);

// Cargo reads .cargo/config.toml from its working directory, so it runs in the project.
function cargoBuild(bins) {
  return spawnSync(
    cargo,
    [
      'build',
      '--offline',
      '--quiet',
      '--message-format',
      'human',
      ...bins.flatMap((b) => ['--bin', b]),
    ],
    { cwd: projectDir, env: cargoEnv, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
}
let built = buildable;
const build = cargoBuild(buildable.map((p) => p.bin));
if (build.error) throw build.error;
if (verbose && build.stderr) process.stderr.write(build.stderr);
if (build.status !== 0) {
  // One program that does not compile stops the build: build each alone to name them all.
  built = [];
  for (const p of buildable) {
    const one = cargoBuild([p.bin]);
    if (one.status === 0) {
      built.push(p);
      continue;
    }
    failed++;
    console.log(`ERROR    ${label(p.file)}: does not compile with rustc against Tokio 1.24`);
    // rustc names the generated file; its lines are the program's.
    process.stderr.write(one.stderr.replaceAll(`src/bin/${p.bin}.rs`, label(p.file)));
  }
}
const buildSeconds = (Date.now() - started) / 1000;

// Runs one binary; resolves to its polls, outcome, output and exit status.
const scratch = mkdtempSync(join(tmpdir(), 'wakeline-programs-'));
let scratchCount = 0;
function runTokio(bin) {
  const out = join(scratch, `${bin}-${scratchCount++}.ndjson`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(targetDir, 'debug', bin), [], {
      env: { ...process.env, WAKELINE_POLLS_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (!existsSync(out)) {
        resolvePromise({ polls: [], outcome: 'crashed', stdout, stderr, status });
        return;
      }
      const lines = readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      const end = lines.pop();
      resolvePromise({
        polls: lines,
        outcome: end.outcome,
        mainFutureBytes: end.main_future_bytes,
        stdout,
        stderr,
        status,
      });
    });
  });
}

// At most one run per core at a time.
async function pool(items, work) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(availableParallelism(), items.length) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

const runStarted = Date.now();
const tokioRuns = await pool(built, async (p) => {
  const unbiased = hasUnbiasedSelect(readFileSync(p.file, 'utf8'));
  const runs = [];
  for (let i = 0; i < (unbiased ? RUNS_UNBIASED : 2); i++) runs.push(await runTokio(p.bin));
  return { ...p, unbiased, runs };
});
const runSeconds = (Date.now() - runStarted) / 1000;
rmSync(scratch, { recursive: true, force: true });

const key = (run) => JSON.stringify([run.polls, run.outcome, run.stdout]);
const show = (p) => (p ? `t=${p.t} task=${p.task} ${p.result}` : 'nothing');
function firstDifference(want, got) {
  let i = 0;
  while (
    i < want.length &&
    i < got.length &&
    want[i].t === got[i].t &&
    want[i].task === got[i].task &&
    want[i].result === got[i].result
  )
    i++;
  return i;
}
// What the program printed on Wakeline: the `text` of the trace's events that carry one (the
// program's prints), or, while the trace has none, wakeline's stderr without its own
// `wakeline: ...` lines.
function programOutput(events, stderr) {
  const printed = events.filter((e) => typeof e.text === 'string');
  if (printed.length > 0) return printed.map((e) => e.text).join('');
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('wakeline: '))
    .join('\n');
}
// The first line where two texts differ, or null when they are the same.
function firstLineDifference(tokio, wakeline) {
  if (tokio === wakeline) return null;
  const a = tokio.split('\n');
  const b = wakeline.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { line: i + 1, tokio: a[i] ?? '(end)', wakeline: b[i] ?? '(end)' };
}
function showWindow(want, got, i) {
  for (let j = Math.max(0, i - 3); j < Math.min(Math.max(want.length, got.length), i + 8); j++) {
    console.log(
      `         ${String(j + 1).padStart(5)}  tokio ${show(want[j]).padEnd(34)} wakeline ${show(got[j])}`,
    );
  }
}

// Runs that end by a limit stop at a point that depends on the limit, not on the program.
const CUT_SHORT_TOKIO = new Set(['poll_limit']);
const CUT_SHORT_WAKELINE = new Set(['budget_exhausted', 'memory_exhausted']);

let passed = 0;
let ties = 0;
for (const p of tokioRuns) {
  const name = label(p.file);
  const first = p.runs[0];
  const distinct = new Map(p.runs.map((r) => [key(r), r]));
  const varies = distinct.size > 1;
  if (varies && !p.unbiased) {
    failed++;
    const other = p.runs.find((r) => key(r) !== key(first));
    const i = firstDifference(first.polls, other.polls);
    console.log(
      `UNSTABLE ${name}: two Tokio runs differ (poll ${i + 1}: ${show(first.polls[i])} / ${show(other.polls[i])}, outcomes ${first.outcome} / ${other.outcome}${first.stdout === other.stdout ? '' : ', output differs'})`,
    );
    continue;
  }
  if (tokioOnly) {
    if (first.outcome === 'crashed') {
      failed++;
      console.log(`ERROR    ${name}: the Tokio run crashed (exit status ${first.status})`);
      process.stderr.write(first.stderr);
      continue;
    }
    if (varies) {
      ties++;
      console.log(
        `tie      ${name}: ${distinct.size} different Tokio runs in ${p.runs.length} (select! without biased; starts at a random branch)`,
      );
    } else {
      passed++;
      console.log(
        `tokio    ${name}: ${first.polls.length} polls, ${first.outcome}, the same twice`,
      );
    }
    if (verbose && first.stdout)
      process.stdout.write(first.stdout.trimEnd().replace(/^/gm, '         | ') + '\n');
    continue;
  }

  const w = runWakeline(p.file);
  const events = [];
  let parsed = true;
  for (const line of w.stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line));
    } catch {
      parsed = false;
      break;
    }
  }
  if (!parsed || events.length === 0 || events[0].schema !== 'wakeline-trace') {
    failed++;
    console.log(`ERROR    ${name}: wakeline run gave no trace (exit status ${w.status})`);
    process.stderr.write(w.stderr);
    continue;
  }
  const got = events
    .filter((e) => e.kind === 'poll_end')
    .map((e) => ({ t: e.t, task: e.task, result: e.result }));
  const ourOutcome = events.find((e) => e.kind === 'runtime_end')?.outcome ?? 'none';
  const cutShort = CUT_SHORT_TOKIO.has(first.outcome) || CUT_SHORT_WAKELINE.has(ourOutcome);

  const compareWith = (want) => {
    const n = cutShort ? Math.min(want.polls.length, got.length) : Infinity;
    const a = cutShort ? want.polls.slice(0, n) : want.polls;
    const b = cutShort ? got.slice(0, n) : got;
    const i = firstDifference(a, b);
    const same = i === a.length && i === b.length && (cutShort || want.outcome === ourOutcome);
    return { same, i, a, b };
  };
  const results = [...distinct.values()].map((r) => ({ run: r, ...compareWith(r) }));
  const match = results.find((r) => r.same);
  // A run cut short by a limit stops printing at a point that depends on the limit.
  const outputDiffers =
    match && !cutShort
      ? firstLineDifference(match.run.stdout, programOutput(events, w.stderr))
      : null;
  if (outputDiffers) {
    failed++;
    console.log(
      `OUTPUT   ${name}: the ${got.length} polls match, the printed text differs at line ${outputDiffers.line}: tokio ${JSON.stringify(outputDiffers.tokio)}, wakeline ${JSON.stringify(outputDiffers.wakeline)}`,
    );
    continue;
  }
  const known = KNOWN_DIFFERENCES[name];
  if (match && known) {
    failed++;
    console.log(`FIXED    ${name}: now matches; remove it from KNOWN_DIFFERENCES`);
    continue;
  }
  if (match) {
    passed++;
    const note = cutShort
      ? ` (the first ${match.a.length}: tokio ${first.outcome}, wakeline ${ourOutcome})`
      : `, ${ourOutcome}`;
    const among = varies ? `, one of the ${distinct.size} orders Tokio took` : '';
    console.log(`match    ${name}: ${got.length} polls${note}${among}`);
    continue;
  }
  const r = results[0];
  const outcomes = `outcomes tokio ${r.run.outcome}, wakeline ${ourOutcome}`;
  const where =
    r.i === r.a.length && r.i === r.b.length
      ? `same ${r.a.length} polls, ${outcomes}`
      : `first difference at poll ${r.i + 1} of ${r.a.length}/${r.b.length}: tokio ${show(r.a[r.i])}, wakeline ${show(r.b[r.i])}; ${outcomes}`;
  if (varies) {
    ties++;
    console.log(
      `tie      ${name}: ${where} (select! without biased;: Tokio took ${distinct.size} orders in ${p.runs.length} runs, none is Wakeline's)`,
    );
  } else if (known) {
    expected++;
    console.log(`known    ${name}: ${where} (${known})`);
  } else {
    failed++;
    console.log(`MISMATCH ${name}: ${where}`);
  }
  if (verbose) showWindow(r.a, r.b, r.i);
}

// The size of each program's `main` future: what rustc laid out against what `wakeline
// states` computes (lang/layout.hpp). A size Wakeline marks as a lower bound (a type it cannot
// tell) is counted, not compared.
let sizesMatched = 0;
const sizesUnknown = [];
if (!tokioOnly) {
  for (const p of tokioRuns) {
    const name = label(p.file);
    const rustc = p.runs[0].mainFutureBytes;
    if (typeof rustc !== 'number') continue;
    const r = spawnSync(wakeline, ['states', p.file, '--json'], { encoding: 'utf8' });
    const main = JSON.parse(r.stdout).machines.find(
      (m) => m.name === 'main' && m.kind === 'async fn',
    );
    if (!main) continue;
    if (main.size_exact === false) {
      sizesUnknown.push(`${name} (at least ${main.size}, rustc ${rustc})`);
    } else if (main.size === rustc) {
      sizesMatched++;
    } else {
      failed++;
      console.log(
        `SIZE     ${name}: main's future is ${rustc} bytes in rustc, ${main.size} in wakeline states`,
      );
    }
  }
  console.log(
    `sizes: main's future as rustc lays it out, in ${sizesMatched} programs; ` +
      `${sizesUnknown.length} with a type Wakeline cannot tell` +
      (verbose && sizesUnknown.length ? `: ${sizesUnknown.join(', ')}` : ''),
  );
}

console.log(
  `programs: built ${built.length} of ${programs.length} programs in ${buildSeconds.toFixed(1)} s, ran them on Tokio in ${runSeconds.toFixed(1)} s`,
);
console.log(`${passed} passed, ${ties} ties, ${expected} known differences, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
