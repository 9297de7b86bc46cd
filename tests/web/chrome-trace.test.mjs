// The page's Chrome trace writer (web/app/share/chrome-trace.js) against the native one: for every
// example under each strategy it supports, and for runs cut short by the event budget, the JSON it
// writes from the CLI's NDJSON trace parses to the same value as `wakeline run EXAMPLE --format
// chrome`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromeTrace } from '../../web/app/share/chrome-trace.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'build/release/wakeline');

function wakeline(args) {
  // Exit status 1 means a run that did not complete (budget, deadlock): still a trace.
  const result = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`wakeline ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

function exampleIds() {
  assert.ok(existsSync(cli), `the native CLI is built (bash scripts/build.sh release:wakeline): ${cli}`);
  const list = execFileSync(cli, ['list'], { encoding: 'utf8' });
  return list.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(/\s+/)[0]);
}

function assertSameAsCli(args) {
  const ndjson = wakeline(['run', ...args]).split('\n').filter((line) => line !== '');
  const header = JSON.parse(ndjson[0]);
  const events = ndjson.slice(1).map((line) => JSON.parse(line));
  const expected = JSON.parse(wakeline(['run', ...args, '--format', 'chrome']));
  const actual = JSON.parse(chromeTrace(header, events));
  // Event by event first, so a failure names the first difference rather than the whole file.
  const n = Math.max(actual.traceEvents.length, expected.traceEvents.length);
  for (let i = 0; i < n; ++i) {
    assert.deepEqual(actual.traceEvents[i], expected.traceEvents[i], `${args.join(' ')}: traceEvents[${i}]`);
  }
  assert.deepEqual(actual, expected, args.join(' '));
  return expected.traceEvents.length;
}

const ids = exampleIds();

test('the catalogue has examples to compare', () => {
  assert.ok(ids.length >= 7, ids.join(', '));
});

for (const id of ids) {
  test(`the Chrome trace of ${id} equals the CLI's`, () => {
    assert.ok(assertSameAsCli([id]) > 10);
  });
}

test('the Chrome traces of every example under every strategy it supports equal the CLI\'s', () => {
  const strategies = execFileSync(cli, ['strategies'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /^\S/.test(line));
  assert.ok(strategies.includes('smol'), strategies.join(', '));
  let compared = 0;
  for (const id of ids) {
    for (const strategy of strategies) {
      const probe = spawnSync(cli, ['run', id, '--strategy', strategy, '--budget', '1'], { encoding: 'utf8' });
      if (probe.status === 2 && probe.stderr.includes('does not support strategy')) continue;
      assertSameAsCli([id, '--strategy', strategy]);
      ++compared;
    }
  }
  assert.ok(compared > ids.length * 3, `compared ${compared} runs`);
});

test('runs cut short by the budget (open tasks closed at the last event) equal the CLI\'s', () => {
  for (const id of ids) {
    for (const budget of ['7', '40']) assertSameAsCli([id, '--budget', budget]);
  }
});

test('runs with other parameters and seeds equal the CLI\'s', () => {
  assertSameAsCli(['concurrent', '--set', 'tasks=40', '--set', 'jitter_ms=7', '--seed', '3']);
  assertSameAsCli(['state-machine', '--set', 'together=true']);
  assertSameAsCli(['select-timeout', '--set', 'work_ms=10']);
});

test('the text has the native layout: one event per line, then the header twice', () => {
  const text = chromeTrace(
    { schema: 'wakeline-trace', version: 1, example: 'x', strategy: 'local', params: { n: 2, b: true }, seed: 0, clock: 'virtual', unit: 'ns', budget: 9 },
    [{ seq: 1, t: 0, kind: 'runtime_start', clock: 'virtual' }],
  );
  const lines = text.split('\n');
  assert.equal(lines[0], '{"traceEvents":[');
  assert.match(text, /\],\n"displayTimeUnit":"ns",\n"otherData":\{"schema":"wakeline-trace","version":"1","example":"x","strategy":"local","params":"n=2 b=true","seed":"0","clock":"virtual","budget":"9"\},\n"metadata":\{[^\n]*\}\}\n$/);
});
