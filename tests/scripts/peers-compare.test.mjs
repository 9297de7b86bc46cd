// The peer comparison's command line (bench/peers/compare.mjs): a bad option is refused with one
// line naming it, before any program runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const compare = new URL('../../bench/peers/compare.mjs', import.meta.url).pathname;
const programs = ['--wakeline', 'missing-a', '--asio', 'missing-b', '--rust', 'missing-c'];

function refusal(...argv) {
  const result = spawnSync(process.execPath, [compare, ...argv], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr.trim() };
}

test('a bad option gets one line that names it, and exit status 2', () => {
  const cases = [
    [['--foo', ...programs], "bench-peers: Unknown option '--foo'"],
    [[...programs, '--warmup'], "bench-peers: Option '--warmup <value>' argument missing"],
    [[...programs, '--warmup=-1'], 'bench-peers: --warmup must be a whole number, not -1'],
    [[...programs, '--rounds', '0'], 'bench-peers: --rounds must be a positive integer, not 0'],
    [
      [...programs, '--only', 'sort'],
      /^bench-peers: --only must be one of spawn_join, .*, not sort$/,
    ],
    [['--asio', 'b', '--rust', 'c'], 'bench-peers: --wakeline BIN is required'],
  ];
  for (const [argv, message] of cases) {
    const { status, stderr } = refusal(...argv);
    assert.equal(status, 2, argv.join(' '));
    if (typeof message === 'string') assert.equal(stderr, message);
    else assert.match(stderr, message);
  }
});
