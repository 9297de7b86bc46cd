#!/usr/bin/env node
// Compares Wakeline's poll sequences with real Tokio's, scenario by scenario.
//
// Builds and runs tests/fidelity/tokio (Tokio 1.24's current_thread runtime, paused time) with
// Debian's cargo and crates, offline, twice (its output must not change between runs), runs
// Wakeline's wakeline_polls on the same scenarios, and reports for each scenario whether the
// sequences of (t, task, result) match, and the first difference.
//
// Skips, exit 0 and a message, when Debian's cargo/rustc or Tokio 1.24 crates are missing
// (scripts/install-rust-deps.sh installs them); with --required (npm test), that is a failure.
// Fails when a scenario differs that is not in EXPECTED_UNDER_LOCAL, or, with --strict, when
// any scenario differs.
//
//   node tests/fidelity/compare.mjs [--wakeline PATH] [--strategy NAME] [--strict] [--required]
//                                   [--verbose] [scenario...]
//
// PATH defaults to $WAKELINE_POLLS, else the first wakeline_polls found in build/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const tokioDir = join(here, 'tokio');

// Scenarios whose sequences differ under the plain FIFO `local` executor, with the Tokio rule
// that explains each (README.md has the analysis). The tokio-current-thread strategy must make
// every one of them match: run with --strict then.
const EXPECTED_UNDER_LOCAL = {
  woken_while_running: 'yield_now is deferred until the queue is empty or the driver is polled',
  root_woken_behind_queue:
    'the block_on future is polled outside the run queue, when the queue is empty',
  many_ready_tasks: 'the block_on future is also polled every event_interval (61) ticks',
  coop_budget: 'the coop budget of 128 makes recv pending and re-queues the task',
  // The primitives' rules (docs/tokio-fidelity.md): the tokio flavour follows them, `local`
  // keeps the textbook's.
  join_rotates: 'join! starts each poll one branch further (skip_next_time)',
  join_three_same_instant: 'join! starts each poll one branch further (skip_next_time)',
  join_branch_done_early: 'join! rotation counts finished branches too',
  select_recv_loser_waker: "a dropped recv() leaves its waker in the channel's rx_waker",
  recv_dropped_then_send: "a dropped recv() leaves its waker in the channel's rx_waker",
  recv_loser_unbounded: "a dropped recv() leaves its waker in the channel's rx_waker",
  semaphore_release_many: 'waiters completed by one release are woken newest first (WakeList)',
  semaphore_release_partial: 'waiters completed by one release are woken newest first (WakeList)',
  semaphore_release_batches: 'one release wakes its waiters in batches of 32, each newest first',
  notify_waiters_order: 'notify_waiters wakes newest first (WakeList)',
  notify_permit_before_waiters:
    "notified()'s first poll takes a stored permit before it looks at notify_waiters",
  sleep_reset_past: 'a completed Sleep keeps its waker; a reset to a due deadline fires and wakes',
  sleep_reset_later: 'a completed Sleep keeps its waker; a reset deadline wakes the task when due',
  interval_burst: "interval resets its Sleep in the tick's poll, with the task's waker kept",
  interval_delay: "interval resets its Sleep in the tick's poll, with the task's waker kept",
  interval_skip: "interval resets its Sleep in the tick's poll, with the task's waker kept",
  sleep_reset_while_pending:
    'a pending Sleep reset later stays filed at its old tick (extend_expiration)',
  interval_reset_before_tick: "interval's one Sleep is filed by a reset before the first tick",
};

const args = process.argv.slice(2);
let wakeline = process.env.WAKELINE_POLLS ?? '';
let strict = false;
let verbose = false;
let required = false;
let strategy = 'local';
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--wakeline') wakeline = args[++i];
  else if (args[i] === '--strategy') strategy = args[++i];
  else if (args[i] === '--strict') strict = true;
  else if (args[i] === '--required') required = true;
  else if (args[i] === '--verbose') verbose = true;
  else only.push(args[i]);
}

function skip(why) {
  console.log(`fidelity: ${required ? 'cannot run' : 'skipped'}: ${why}`);
  console.log('fidelity: run scripts/install-rust-deps.sh (as root) to install them');
  process.exit(required ? 1 : 0);
}

// Debian's toolchain explicitly: another cargo on PATH (rustup's) would not be the one the
// packaged crates are made for, and a fresh machine has only Debian's.
const cargo = '/usr/bin/cargo';
const rustc = '/usr/bin/rustc';
if (!existsSync(cargo) || !existsSync(rustc))
  skip(`${cargo} or ${rustc} is missing (Debian packages cargo, rustc)`);
const registry = '/usr/share/cargo/registry';
if (!existsSync(registry) || !readdirSync(registry).some((d) => d.startsWith('tokio-1.24.'))) {
  skip(`no tokio-1.24.* crate in ${registry} (Debian package librust-tokio-dev)`);
}

function findWakeline() {
  if (wakeline) return resolve(wakeline);
  const build = join(root, 'build');
  const candidates = ['release', 'asan', 'debug', 'h-fidelity'].flatMap((d) => [
    join(build, d, 'tests/fidelity/wakeline_polls'),
    join(build, d, 'wakeline_polls'),
  ]);
  return candidates.find((c) => existsSync(c)) ?? '';
}
const wakelineBin = findWakeline();
if (!wakelineBin || !existsSync(wakelineBin)) {
  console.error(
    'fidelity: wakeline_polls not found; build it (target wakeline_polls) or pass --wakeline PATH',
  );
  process.exit(1);
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    process.stderr.write(r.stderr ?? '');
    console.error(`fidelity: ${cmd} ${argv.join(' ')} exited with ${r.status}`);
    process.exit(1);
  }
  return r.stdout;
}

// Cargo reads .cargo/config.toml from its working directory, so it must run in tokioDir. Its
// own home is under build/ so that no user-level cargo configuration takes part.
const cargoHome = join(root, 'build/fidelity/cargo-home');
mkdirSync(cargoHome, { recursive: true });
const cargoEnv = {
  ...process.env,
  RUSTC: rustc,
  CARGO_HOME: cargoHome,
  CARGO_TARGET_DIR: join(root, 'build/fidelity/tokio-target'),
};
run(cargo, ['build', '--offline', '--quiet'], {
  cwd: tokioDir,
  env: cargoEnv,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const tokioBin = join(root, 'build/fidelity/tokio-target/debug/tokio-polls');

const tokioOut = run(tokioBin, only);
if (run(tokioBin, only) !== tokioOut) {
  console.error(
    'fidelity: the Tokio program printed different polls on two runs: not deterministic',
  );
  process.exit(1);
}
const wakelineOut = run(wakelineBin, ['--strategy', strategy, ...only]);
// The known differences are those of `local`; any other strategy must match Tokio exactly.
if (strategy !== 'local') strict = true;

function parse(text) {
  const byScenario = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line);
    if (!byScenario.has(p.scenario)) byScenario.set(p.scenario, []);
    byScenario.get(p.scenario).push(p);
  }
  return byScenario;
}
const tokio = parse(tokioOut);
const ours = parse(wakelineOut);

const show = (p) => (p ? `t=${p.t} task=${p.task} ${p.result}` : 'nothing');
let matched = 0;
let expected = 0;
let failed = 0;
for (const [name, want] of tokio) {
  const got = ours.get(name) ?? [];
  let i = 0;
  while (
    i < want.length &&
    i < got.length &&
    want[i].t === got[i].t &&
    want[i].task === got[i].task &&
    want[i].result === got[i].result
  )
    i++;
  if (i === want.length && i === got.length) {
    matched++;
    const note =
      strategy === 'local' && name in EXPECTED_UNDER_LOCAL
        ? ' (listed as differing: update EXPECTED_UNDER_LOCAL)'
        : '';
    console.log(`match    ${name}: ${want.length} polls${note}`);
    continue;
  }
  const known = name in EXPECTED_UNDER_LOCAL && !strict;
  if (known) expected++;
  else failed++;
  console.log(
    `${known ? 'differs ' : 'MISMATCH'} ${name}: first difference at poll ${i + 1} of ${want.length}/${got.length}: tokio ${show(want[i])}, wakeline ${show(got[i])}`,
  );
  if (name in EXPECTED_UNDER_LOCAL)
    console.log(`         tokio rule: ${EXPECTED_UNDER_LOCAL[name]}`);
  if (verbose) {
    for (let j = Math.max(0, i - 3); j < Math.max(want.length, got.length); j++) {
      console.log(
        `         ${String(j + 1).padStart(4)}  tokio ${show(want[j]).padEnd(28)} wakeline ${show(got[j])}`,
      );
    }
  }
}
for (const name of ours.keys()) {
  if (!tokio.has(name)) {
    failed++;
    console.log(`MISMATCH ${name}: no such scenario in the Tokio program`);
  }
}
console.log(
  `fidelity: ${matched} scenarios match, ${expected} differ as expected under local, ${failed} failed`,
);
console.log(`${matched + expected} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
