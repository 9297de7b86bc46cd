// The comparison behind bench/ab/run.sh: two builds' micro_bench and wakeline_peer, given as
// the folders that hold them. Prints two markdown tables: instructions per micro workload
// (callgrind), and wall time per peer workload, base and head alternating.
//   node bench/ab/compare.mjs --base DIR --head DIR [--rounds N] [--label REV]
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    rounds: { type: 'string', default: '9' },
    label: { type: 'string', default: 'base' },
  },
});
if (!args.base || !args.head) {
  console.error('bench-ab: --base DIR and --head DIR are required');
  process.exit(2);
}
const rounds = Number(args.rounds);
if (!Number.isSafeInteger(rounds) || rounds < 1) {
  console.error(`bench-ab: --rounds must be a positive integer, not ${args.rounds}`);
  process.exit(2);
}
const bin = (side, name) => path.join(side === 'base' ? args.base : args.head, name);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Instructions one micro workload runs, as callgrind counts them. */
function instructions(side, workload) {
  const result = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      bin(side, 'micro_bench'),
      '--reps',
      '1',
      '--filter',
      workload,
    ],
    { encoding: 'utf8' },
  );
  const found = /Collected : (\d+)/.exec(result.stderr);
  if (!found) throw new Error(`callgrind gave no count for ${workload}:\n${result.stderr}`);
  return Number(found[1]);
}

/** Nanoseconds per operation of one peer workload. */
function wallTime(side, workload, trace) {
  const out = execFileSync(
    bin(side, 'wakeline_peer'),
    ['--only', workload, ...(trace ? ['--trace'] : [])],
    {
      encoding: 'utf8',
    },
  );
  const m = JSON.parse(out.trim().split('\n').pop());
  return m.ns / m.ops;
}

const micro = execFileSync(bin('head', 'micro_bench'), ['--list'], { encoding: 'utf8' })
  .split('\n')
  .filter((line) => line.trim() !== '');
console.log(`Instructions (callgrind), ${args.label} against the working tree:\n`);
console.log('| workload | base | head | head/base |\n|---|---:|---:|---:|');
for (const workload of micro) {
  const base = instructions('base', workload);
  const head = instructions('head', workload);
  console.log(`| ${workload} | ${base} | ${head} | ${(head / base).toFixed(4)} |`);
}

const peers = ['spawn_join', 'fan_out', 'chain', 'yield', 'channel', 'timers'];
console.log(`\nWall time per operation, ${rounds} rounds alternating base and head:\n`);
console.log(
  '| workload | trace | base | head | head/base (median of rounds) |\n|---|---|---:|---:|---:|',
);
for (const trace of [false, true]) {
  for (const workload of peers) {
    const base = [];
    const head = [];
    for (let r = 0; r < rounds; ++r) {
      // Alternating which goes first, so neither always runs on a warmer machine.
      const order = r % 2 ? ['head', 'base'] : ['base', 'head'];
      for (const side of order)
        (side === 'base' ? base : head).push(wallTime(side, workload, trace));
    }
    const ratios = base.map((b, i) => head[i] / b);
    console.log(
      `| ${workload} | ${trace ? 'on' : 'off'} | ${median(base).toFixed(1)} ns | ${median(head).toFixed(1)} ns | ${median(ratios).toFixed(3)} |`,
    );
  }
}
