// web/app/timeline/model.js: lanes, polls and parks from NDJSON batches, and the layout that
// spreads events sharing one virtual instant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pollResult, TraceModel } from '../../../web/app/timeline/model.js';

// Two tasks polled at t=0, a park until 5 ms, a timer wake, and task 2's last poll.
const trace = [
  { seq: 1, t: 0, kind: 'runtime_start', clock: 'virtual' },
  { seq: 2, t: 0, kind: 'task_spawn', task: 1, name: 'main', file: 'x.cpp', line: 9 },
  { seq: 3, t: 0, kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
  { seq: 4, t: 0, kind: 'task_spawn', task: 2, parent: 1, name: 'child', file: 'x.cpp', line: 4 },
  { seq: 5, t: 0, kind: 'poll_end', task: 1, worker: 0, result: 'pending', file: 'x.cpp', line: 5 },
  { seq: 6, t: 0, kind: 'poll_begin', task: 2, worker: 0, depth: 0 },
  { seq: 7, t: 0, kind: 'timer_arm', timer: 1, task: 2, deadline: 5000000 },
  { seq: 8, t: 0, kind: 'poll_end', task: 2, worker: 0, result: 'pending', file: 'x.cpp', line: 2 },
  { seq: 9, t: 0, kind: 'park', worker: 0, until: 5000000 },
  { seq: 10, t: 5000000, kind: 'unpark', worker: 0 },
  { seq: 11, t: 5000000, kind: 'timer_fire', timer: 1, task: 2 },
  { seq: 12, t: 5000000, kind: 'waker_wake', task: 2, by: 'timer', by_id: 1, effect: 'scheduled' },
  { seq: 13, t: 5000000, kind: 'poll_begin', task: 2, worker: 0, depth: 0 },
  { seq: 14, t: 5000000, kind: 'poll_end', task: 2, worker: 0, result: 'ready' },
  { seq: 15, t: 5000000, kind: 'future_kind_from_a_later_version', task: 2 },
];
const ndjson = (events) => events.map((event) => `${JSON.stringify(event)}\n`).join('');

function model(batches = [trace]) {
  const m = new TraceModel();
  for (const batch of batches) m.appendNdjson(ndjson(batch));
  return m;
}

test('batches build one lane per task in spawn order, with their polls and results', () => {
  const m = model([trace.slice(0, 6), trace.slice(6)]);
  assert.equal(m.count, 15);
  assert.deepEqual(
    m.taskLanes.map((lane) => [lane.id, lane.name, lane.polls.length]),
    [
      [1, 'main', 1],
      [2, 'child', 2],
    ],
  );
  assert.deepEqual([...m.polls.begin.data.slice(0, 3)], [2, 5, 12]);
  assert.deepEqual([...m.polls.end.data.slice(0, 3)], [4, 7, 13]);
  assert.deepEqual(
    [...m.polls.result.data.slice(0, 3)],
    [pollResult.pending, pollResult.pending, pollResult.ready],
  );
  // Timer events go to the timers lane, other task events (and unknown kinds) to the task's.
  assert.deepEqual([...m.timerMarks.data.slice(0, m.timerMarks.length)], [6, 10]);
  assert.deepEqual([...m.tasks.get(2).marks.data.slice(0, 3)], [3, 11, 14]);
  const worker = m.workers.get(0);
  assert.deepEqual([worker.parkBegin.data[0], worker.parkEnd.data[0]], [8, 9]);
});

test('every event keeps its exact line, across batches', () => {
  const m = model([trace.slice(0, 6), trace.slice(6)]);
  for (let i = 0; i < trace.length; ++i) assert.equal(m.lineOf(i), JSON.stringify(trace[i]));
  assert.deepEqual(m.fieldsOf(14), trace[14]);
  assert.equal(m.kindOf(14), 'future_kind_from_a_later_version');
});

test('events sharing an instant get slots of their own; time stands still inside them', () => {
  const m = model();
  const k = m.k;
  assert.equal(k, 5000000 / 15);
  // Strictly increasing positions even where t is equal.
  for (let i = 1; i < m.count; ++i) assert.ok(m.x(i) > m.x(i - 1));
  // A poll at t=0 has a width of its events' slots.
  const [begin, end] = m.pollSpan(0);
  assert.ok(Math.abs(end - begin - 3 * k) < 1e-6);
  assert.equal(m.timeAt(m.x(4) + k / 2), 0);
  // Between the instants, time runs: halfway through the park is 2.5 ms.
  assert.ok(Math.abs(m.timeAt(m.x(8) + k + 2500000) - 2500000) < 1);
  const near = (a, b) => Math.abs(a - b) < 1e-6 * 5000000;
  for (const T of [0, 1000, 2500000, 5000000])
    assert.ok(near(m.timeAt(m.xOfTime(T)), T), `time ${T}`);
  assert.ok(near(m.xOfTime(5000000), m.x(9)));
});

test('with spread off the layout is virtual time itself', () => {
  const m = model();
  m.spread = false;
  assert.equal(m.k, 0);
  assert.equal(m.x(4), 0);
  assert.equal(m.x(12), 5000000);
  assert.deepEqual(m.extent(), [0, 5000000]);
  assert.equal(m.timeAt(1234), 1234);
});

test('a poll still running at the end of the received events reaches the last one', () => {
  const m = model([trace.slice(0, 13)]);
  assert.equal(m.polls.end.data[2], -1);
  assert.equal(m.pollSpan(2)[1], m.x(12) + m.k);
});

test('only run-queue enqueues count as run-queue entries and depths', () => {
  // tokio-current-thread: the root's woken flag and a deferred yield are other places to wait.
  const m = model([
    [
      { seq: 1, t: 0, kind: 'runtime_start', clock: 'virtual' },
      { seq: 2, t: 0, kind: 'task_spawn', task: 1, name: 'main' },
      { seq: 3, t: 0, kind: 'task_enqueue', task: 1, queue: 'block_on', reason: 'spawn', depth: 0 },
      { seq: 4, t: 0, kind: 'task_spawn', task: 2, parent: 1 },
      { seq: 5, t: 0, kind: 'task_enqueue', task: 2, queue: 'run', reason: 'spawn', depth: 1 },
      { seq: 6, t: 0, kind: 'task_enqueue', task: 2, queue: 'deferred', reason: 'yield', depth: 1 },
    ],
  ]);
  assert.deepEqual([...m.offQueueEnqueues].sort(), [2, 5]);
  assert.deepEqual([...m.depthEvents.data.slice(0, m.depthEvents.length)], [4]);
});
