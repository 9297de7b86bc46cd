// The peer comparison's table (bench/peers/table.mjs): measurement lines are checked before they
// count, medians are taken per peer and workload, and the goals are judged against the fastest
// peer of each workload.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  formatRatio,
  goalLines,
  memoryTable,
  parseMeasurements,
  spreadLines,
  summarize,
  timeTable,
} from '../../bench/peers/table.mjs';

const line = (peer, workload, ops, ns) => JSON.stringify({ peer, workload, ops, ns });

test('a program output that is not a measurement of its peer is refused with its line', () => {
  assert.throws(
    () => parseMeasurements('Segmentation fault\n', 'asio'),
    /asio: line 1 is not JSON/,
  );
  assert.throws(
    () => parseMeasurements(`${line('tokio-current-thread', 'yield', 10, 5)}\n`, 'asio'),
    /not a measurement of asio/,
  );
  assert.throws(() => parseMeasurements(`${line('asio', 'sort', 10, 5)}\n`, 'asio'), /line 1/);
  assert.throws(() => parseMeasurements(`${line('asio', 'yield', 0, 5)}\n`, 'asio'), /line 1/);
  assert.throws(() => parseMeasurements(`${line('asio', 'yield', 10, -1)}\n`, 'asio'), /line 1/);
  const ok = parseMeasurements(`${line('asio', 'yield', 10, 5)}\n\n`, 'asio');
  assert.deepEqual(ok, [{ peer: 'asio', workload: 'yield', ops: 10, ns: 5 }]);
});

test('the median of each peer and workload is taken per operation', () => {
  const summary = summarize([
    { peer: 'asio', workload: 'yield', ops: 10, ns: 300 },
    { peer: 'asio', workload: 'yield', ops: 10, ns: 100 },
    { peer: 'asio', workload: 'yield', ops: 10, ns: 200 },
    { peer: 'asio', workload: 'chain', ops: 4, ns: 40 },
    { peer: 'asio', workload: 'chain', ops: 4, ns: 80 },
    { peer: 'asio', workload: 'pending_task_memory', tasks: 1000, bytes: 512000 },
  ]);
  assert.deepEqual(summary.get('asio').get('yield'), { value: 20, runs: 3 });
  assert.deepEqual(summary.get('asio').get('chain'), { value: 15, runs: 2 });
  assert.deepEqual(summary.get('asio').get('pending_task_memory'), { value: 512, runs: 1 });
});

test('each workload is judged against its fastest peer, trace off at 0.5x and trace on at 1x', () => {
  const summary = summarize([
    { peer: 'wakeline', workload: 'yield', ops: 1, ns: 40 },
    { peer: 'wakeline+trace', workload: 'yield', ops: 1, ns: 150 },
    { peer: 'tokio-current-thread', workload: 'yield', ops: 1, ns: 100 },
    { peer: 'asio', workload: 'yield', ops: 1, ns: 200 },
    { peer: 'wakeline', workload: 'channel', ops: 1, ns: 60 },
    { peer: 'asio', workload: 'channel', ops: 1, ns: 100 },
    { peer: 'wakeline', workload: 'pending_task_memory', tasks: 1, bytes: 500 },
    { peer: 'tokio-current-thread', workload: 'pending_task_memory', tasks: 1, bytes: 1400 },
  ]);
  const { lines, goals } = timeTable(summary);
  assert.ok(
    lines.includes('| yield | tokio-current-thread | 100 ns | 40.0 ns | 0.40x | 150 ns | 1.50x |'),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes('| yield | asio | 200 ns | 40.0 ns | 0.20x | 150 ns | 0.75x |'),
    lines.join('\n'),
  );
  assert.deepEqual(
    goals.map((g) => [g.workload, g.fastest]),
    [
      ['yield', 'tokio-current-thread'],
      ['channel', 'asio'],
    ],
  );
  const verdicts = goalLines(goals, summary);
  assert.match(
    verdicts[0],
    /^yield: trace off 0\.40x of tokio-current-thread \(goal <= 0\.50x, met\); trace on 1\.50x \(goal <= 1\.00x, MISSED\)$/,
  );
  assert.match(verdicts[1], /^channel: trace off 0\.60x of asio \(goal <= 0\.50x, MISSED\)$/);
  assert.match(verdicts[2], /500 B against Tokio's 1400 B \(goal below Tokio's, met\)/);
  assert.deepEqual(memoryTable(summary).slice(2), [
    '| wakeline | 500 |  |',
    '| tokio-current-thread | 1400 | 0.36x |',
  ]);
});

test('ratios are written with two decimals and an x', () => {
  assert.equal(formatRatio(0.4211), '0.42x');
  assert.equal(formatRatio(2), '2.00x');
});

test('the spread compares each round with the fastest peer of that same round', () => {
  const m = (round, peer, ns) => ({ round, peer, workload: 'yield', ops: 1, ns });
  const lines = spreadLines([
    m(0, 'wakeline', 40),
    m(0, 'wakeline+trace', 80),
    m(0, 'tokio-current-thread', 100),
    m(0, 'asio', 200),
    m(1, 'wakeline', 50),
    m(1, 'wakeline+trace', 90),
    m(1, 'tokio-current-thread', 60),
    m(1, 'asio', 200),
    m(2, 'wakeline', 45),
    m(2, 'wakeline+trace', 120),
    m(2, 'tokio-current-thread', 150),
    m(2, 'asio', 90),
    { peer: 'wakeline', workload: 'pending_task_memory', tasks: 1, bytes: 500 },
  ]);
  // Rounds: 40/100, 50/60, 45/90 off; 80/100, 90/60, 120/90 on; Wakeline's median 45 over 60.
  assert.deepEqual(lines, [
    'yield: per round, trace off 0.50x (0.40x-0.83x), trace on 1.33x (0.80x-1.50x); ' +
      "against the fastest peer's best run, trace off 0.75x",
  ]);
});
