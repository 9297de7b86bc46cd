// Runs Wakeline and its peers alternately (bench/peers/README.md) and prints the comparison:
// medians per workload and peer, Wakeline's ratios, and whether the goals are met. bench/peers/run.sh
// builds the programs and calls this; run it directly to reuse builds:
//   node bench/peers/compare.mjs --wakeline BIN --asio BIN --rust BIN
//        [--rounds N] [--warmup N] [--divide N] [--only WORKLOAD] [--json FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import {
  MEMORY,
  WAKELINE,
  WAKELINE_TRACED,
  WORKLOADS,
  goalLines,
  memoryTable,
  parseMeasurements,
  spreadLines,
  summarize,
  timeTable,
} from './table.mjs';

function fail(message) {
  console.error(`bench-peers: ${message}`);
  process.exit(2);
}

const options = {
  wakeline: { type: 'string' },
  asio: { type: 'string' },
  rust: { type: 'string' },
  rounds: { type: 'string', default: '5' },
  warmup: { type: 'string', default: '1' },
  divide: { type: 'string', default: '1' },
  only: { type: 'string' },
  json: { type: 'string' },
};
let args;
try {
  ({ values: args } = parseArgs({ options }));
} catch (error) {
  fail(error.message); // An unknown option, or one without its value.
}

for (const name of ['wakeline', 'asio', 'rust']) if (!args[name]) fail(`--${name} BIN is required`);
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const divide = Number(args.divide);
if (!Number.isSafeInteger(rounds) || rounds < 1)
  fail(`--rounds must be a positive integer, not ${args.rounds}`);
if (!Number.isSafeInteger(warmup) || warmup < 0)
  fail(`--warmup must be a whole number, not ${args.warmup}`);
if (!Number.isSafeInteger(divide) || divide < 1)
  fail(`--divide must be a positive integer, not ${args.divide}`);
if (args.only !== undefined && !WORKLOADS.includes(args.only) && args.only !== MEMORY) {
  fail(`--only must be one of ${[...WORKLOADS, MEMORY].join(', ')}, not ${args.only}`);
}

/** Every program of the comparison: the peer name it reports and how to start it. */
const programs = [
  { peer: WAKELINE, command: [args.wakeline] },
  { peer: WAKELINE_TRACED, command: [args.wakeline, '--trace'], noMemory: true },
  { peer: 'tokio-current-thread', command: [args.rust, '--peer', 'tokio-current-thread'] },
  { peer: 'tokio-multi-thread', command: [args.rust, '--peer', 'tokio-multi-thread'] },
  { peer: 'async-executor', command: [args.rust, '--peer', 'async-executor'] },
  { peer: 'asio', command: [args.asio] },
];

function run(program, extra) {
  const [file, ...rest] = program.command;
  const argv = [...rest, '--divide', String(divide), ...extra];
  const result = spawnSync(file, argv, {
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    maxBuffer: 1 << 24,
  });
  if (result.error) fail(`${program.peer}: ${result.error.message}`);
  if (result.status !== 0) {
    fail(
      `${program.peer} exited with ${result.status ?? result.signal}: ${result.stderr.trim().slice(0, 500)}`,
    );
  }
  return parseMeasurements(result.stdout, program.peer);
}

function firstLine(command, argv) {
  try {
    return execFileSync(command, argv, { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return `${command}: not found`;
  }
}

const timed = args.only !== MEMORY;
const memory = args.only === undefined || args.only === MEMORY;
const onlyTimed = args.only !== undefined && args.only !== MEMORY ? ['--only', args.only] : [];
const loadBefore = os.loadavg()[0];
const measurements = [];
// Warm-up rounds run everything and keep nothing: on a virtual machine the first programs to
// touch memory the host has not backed yet pay for it, up to twice their time.
for (let round = -warmup; round < rounds; ++round) {
  const kept = round >= 0 ? measurements : [];
  // A different program first each round, so a slow drift of the machine spreads evenly.
  const order = programs.map((_, i) => programs[(i + round + warmup) % programs.length]);
  for (const program of order) {
    if (timed) kept.push(...run(program, onlyTimed).map((m) => ({ ...m, round })));
    // In a process of its own: earlier workloads' freed memory would hide part of it.
    if (memory && !program.noMemory) kept.push(...run(program, ['--only', MEMORY]));
  }
  console.error(
    round < 0
      ? `bench-peers: warm-up round ${round + warmup + 1} of ${warmup} done`
      : `bench-peers: round ${round + 1} of ${rounds} done`,
  );
}
const loadAfter = os.loadavg()[0];

const summary = summarize(measurements);
const tokio =
  readdirSync('/usr/share/cargo/registry').find((d) => d.startsWith('tokio-1.')) ??
  'tokio: not found';
console.log(
  `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after`,
);
console.log(
  `compilers: ${firstLine('c++', ['--version'])}; ${firstLine('/usr/bin/rustc', ['--version'])}; ${tokio}`,
);
console.log(
  `median of ${rounds} runs after ${warmup} discarded${divide > 1 ? `, every size divided by ${divide}` : ''}; ` +
    'wall time per operation, runtime creation and teardown included\n',
);
const { lines, goals } = timeTable(summary);
if (timed) console.log(lines.join('\n'));
if (memory) console.log(`\n${memoryTable(summary).join('\n')}`);
console.log(`\n${goalLines(goals, summary).join('\n')}`);
if (timed) {
  console.log('\nThe same ratios round by round, with the fastest peer of each round (noise):');
  console.log(spreadLines(measurements).join('\n'));
}
if (args.json)
  writeFileSync(
    args.json,
    `${JSON.stringify({ rounds, warmup, divide, measurements }, null, 1)}\n`,
  );
