// web/app/warnings.js and web/app/playback/replay.js on hand-written traces: a deadlock, a
// future that returns Pending without keeping its waker, a self-wake, a long poll; and no
// warning on a trace where every pending task kept a waker. A self-wake is a busy loop only from
// a poll that did no work and whose coop budget did not run out. Then every example under every
// strategy, as the API runs it in node: exactly the warnings docs/playground.md lists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Replay, taskState } from '../../web/app/playback/replay.js';
import { TraceModel } from '../../web/app/timeline/model.js';
import { narrate } from '../../web/app/narration.js';
import { rememberEngineDefaults } from '../../web/app/runtime-defaults.js';
import { findWarnings } from '../../web/app/warnings.js';
import { wakelineInNode } from './support/trace.mjs';

function model(events) {
  const m = new TraceModel();
  m.appendEvents(events.map((e, i) => ({ seq: i + 1, t: 0, ...e })));
  return m;
}

const spawn = (task, name) => [
  { kind: 'task_spawn', task, name },
  { kind: 'task_enqueue', task, queue: 'run', reason: 'spawn', depth: 1 },
];

// Task 1 clones its waker into a timer and waits: fine. Task 2 returns Pending with no waker
// alive: lost. Both end stuck in a deadlock.
const lostAndDeadlock = [
  { kind: 'runtime_start', clock: 'virtual' },
  ...spawn(1, 'main'),
  { kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
  ...spawn(2, 'waiter'),
  { kind: 'waker_clone', task: 1, by: 'task', by_id: 1 },
  { kind: 'poll_end', task: 1, worker: 0, result: 'pending', file: 'x.cpp', line: 20 },
  { kind: 'poll_begin', task: 2, worker: 0, depth: 0 },
  { kind: 'waker_clone', task: 2, by: 'task', by_id: 2 },
  { kind: 'waker_drop', task: 2, by: 'task', by_id: 2 },
  { kind: 'poll_end', task: 2, worker: 0, result: 'pending', file: 'x.cpp', line: 9 },
  { kind: 'waker_drop', task: 1, by: 'outside' },
  {
    kind: 'deadlock',
    stuck: [
      { task: 1, file: 'x.cpp', line: 20, wakers: 0 },
      { task: 2, file: 'x.cpp', line: 9, wakers: 0 },
    ],
  },
  { kind: 'task_end', task: 1, outcome: 'cancelled' },
  { kind: 'task_end', task: 2, outcome: 'cancelled' },
  { kind: 'runtime_end', outcome: 'deadlock', events: 17 },
];

test('a deadlock is reported with its stuck tasks and points at the deadlock event', () => {
  const m = model(lostAndDeadlock);
  const deadlock = findWarnings(m).find((w) => w.kind === 'deadlock');
  assert.equal(deadlock.event, 13);
  assert.equal(m.kindOf(deadlock.event), 'deadlock');
  assert.deepEqual(
    deadlock.stuck.map((s) => s.task),
    [1, 2],
  );
  assert.match(
    deadlock.text,
    /2 tasks stuck.*main at line 20 \(0 wakers alive\); waiter at line 9/,
  );
});

test('Pending with no waker of the task alive is a lost wakeup, pointing at that poll_end', () => {
  const warnings = findWarnings(model(lostAndDeadlock)).filter((w) => w.kind === 'lost-waker');
  assert.deepEqual(
    warnings.map((w) => [w.task, w.event]),
    [[2, 11]],
  );
  assert.match(
    warnings[0].text,
    /^waiter returned Poll::Pending at line 9 without keeping cx\.waker\(\)/,
  );
});

test('a wake during the poll keeps a pending return from being a lost wakeup', () => {
  const m = model([
    ...spawn(1, 'main'),
    { kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
    { kind: 'waker_wake_by_ref', task: 1, by: 'task', by_id: 1, effect: 'scheduled' },
    { kind: 'poll_end', task: 1, worker: 0, result: 'pending' },
    { kind: 'task_enqueue', task: 1, queue: 'run', reason: 'yield', depth: 1 },
    { kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
    { kind: 'waker_wake_by_ref', task: 1, by: 'task', by_id: 1, effect: 'scheduled' },
    { kind: 'poll_end', task: 1, worker: 0, result: 'pending' },
  ]);
  const warnings = findWarnings(m);
  assert.deepEqual(
    warnings.map((w) => w.kind),
    ['self-wake'],
  );
  assert.equal(warnings[0].event, 3);
  assert.match(warnings[0].text, /main called Waker::wake on its own waker 2 times/);
});

test('a poll that holds the executor while others wait is reported at its poll_begin', () => {
  const busy = Array.from({ length: 300 }, () => ({
    kind: 'waker_clone',
    task: 2,
    by: 'task',
    by_id: 1,
  }));
  const m = model([
    ...spawn(1, 'hog'),
    ...spawn(2, 'other'),
    { kind: 'poll_begin', task: 1, worker: 0, depth: 1 },
    ...busy,
    { kind: 'poll_end', task: 1, worker: 0, result: 'ready' },
  ]);
  const long = findWarnings(m).filter((w) => w.kind === 'long-poll');
  assert.deepEqual(
    long.map((w) => [w.task, w.event]),
    [[1, 4]],
  );
  assert.match(
    long[0].text,
    /hog held the executor for 301 events in one poll while 1 other task waited/,
  );
});

test('the replay follows states, counts and the queue, forward and back', () => {
  const m = model(lostAndDeadlock);
  const r = new Replay(m);
  r.seek(5);
  assert.deepEqual([...r.queue], [2]);
  assert.equal(r.state[0], taskState.running);
  assert.equal(r.state[1], taskState.scheduled);
  r.seek(10);
  assert.equal(r.state[1], taskState.running);
  assert.equal(r.polls[1], 1);
  assert.deepEqual([...r.queue], []);
  assert.deepEqual([r.wakers[0], r.wakers[1]], [1, 0]);
  r.seek(2);
  assert.equal(r.polls[0], 0);
  assert.equal(r.state[0], taskState.scheduled);
  assert.equal(r.state[1], taskState.unborn);
  r.seek(100);
  assert.deepEqual([...r.state], [taskState.done, taskState.done]);
});

test('a run stopped by its memory limit is reported at its runtime_end, with the tasks it cancelled', () => {
  const m = new TraceModel({ memory_limit: 16 * 1024 * 1024 });
  m.appendEvents(
    [
      { kind: 'runtime_start', clock: 'virtual' },
      ...spawn(1, 'main'),
      ...spawn(2, 'handler'),
      ...spawn(3, 'handler'),
      { kind: 'task_end', task: 2, outcome: 'cancelled' },
      { kind: 'task_end', task: 3, outcome: 'cancelled' },
      { kind: 'task_end', task: 1, outcome: 'cancelled' },
      { kind: 'runtime_end', outcome: 'memory_exhausted', events: 11 },
    ].map((e, i) => ({ seq: i + 1, t: 0, ...e })),
  );
  const memory = findWarnings(m).filter((w) => w.kind === 'memory-exhausted');
  assert.deepEqual(
    memory.map((w) => w.event),
    [10],
  );
  assert.match(
    memory[0].text,
    /^Memory limit: the program held more than 16 MiB .* cancelled the 3 tasks still alive/,
  );
  assert.equal(
    narrate(m, 10),
    't = 0: the program holds more than its memory limit of 16 MiB and the run stops: 11 events; the tasks cancelled just before held the memory.',
  );
  // Without a limit in the header, the engine's default; before an engine has said it, no figure.
  const exhausted = () =>
    findWarnings(model([{ kind: 'runtime_end', outcome: 'memory_exhausted', events: 1 }]))[0].text;
  assert.match(exhausted(), /more than its memory limit \(/);
  rememberEngineDefaults({ defaults: { budget: 1_000_000, memoryLimit: 256 * 1024 * 1024 } });
  assert.match(exhausted(), /more than 256 MiB/);
  assert.deepEqual(
    findWarnings(model([{ kind: 'runtime_end', outcome: 'budget_exhausted', events: 1 }])),
    [],
  );
});

/** A model of `events` with `header` (virtual clock unless it says otherwise). */
function modelWith(header, events) {
  const m = new TraceModel({ clock: 'virtual', ...header });
  m.appendEvents(events.map((e, i) => ({ seq: i + 1, t: 0, ...e })));
  return m;
}

/** Task 1 polled three times from `t`, each poll lasting `ns`, waking itself in each. */
function selfWaking(ns, extra = []) {
  const events = [...spawn(1, 'spinner')];
  for (let k = 0; k < 3; ++k) {
    const t = k * 10_000;
    events.push(
      { kind: 'poll_begin', task: 1, worker: 0, depth: 0, t },
      ...extra.map((e) => ({ ...e, t })),
      { kind: 'waker_wake_by_ref', task: 1, by: 'task', by_id: 1, effect: 'scheduled', t },
      { kind: 'poll_end', task: 1, worker: 0, result: 'pending', t: t + ns },
      { kind: 'task_enqueue', task: 1, queue: 'run', reason: 'wake', depth: 1, t: t + ns },
    );
  }
  return events;
}

test('a self-wake from polls that did no work is a busy loop; after work it is a yield', () => {
  const header = { strategy_params: { poll_cost_ns: 1000 } };
  // Polls that took only the strategy's cost of a poll: a busy loop, counted in every poll.
  const spinning = findWarnings(modelWith(header, selfWaking(1000)));
  assert.deepEqual(
    spinning.map((w) => [w.kind, w.task, w.event]),
    [['self-wake', 1, 3]],
  );
  assert.match(spinning[0].text, /^spinner called Waker::wake on its own waker 3 times/);
  // Polls that computed 20 µs each, then woke themselves to let the others run (lifo-slot's
  // background tasks): a yield, as yield_now() is.
  assert.deepEqual(findWarnings(modelWith(header, selfWaking(21_000))), []);
  // With no poll cost, any time in the poll is work.
  assert.deepEqual(findWarnings(modelWith({}, selfWaking(1))), []);
  assert.equal(findWarnings(modelWith({}, selfWaking(0))).length, 1);
  // On a real clock a poll that did nothing takes time too: every self-wake counts.
  assert.deepEqual(
    findWarnings(modelWith({ clock: 'real' }, selfWaking(21_000))).map((w) => w.kind),
    ['self-wake'],
  );
});

test("a self-wake in a poll whose coop budget ran out is the runtime's yield, not a busy loop", () => {
  const coop = [{ kind: 'coop_exhausted', task: 1, budget: 128 }];
  assert.deepEqual(findWarnings(modelWith({}, selfWaking(0, coop))), []);
  // The budget is the poll's: the next poll without it that wakes itself is counted.
  const events = selfWaking(0, coop);
  events.push(
    { kind: 'poll_begin', task: 1, worker: 0, depth: 0, t: 50_000 },
    { kind: 'waker_wake_by_ref', task: 1, by: 'task', by_id: 1, effect: 'scheduled', t: 50_000 },
    { kind: 'poll_end', task: 1, worker: 0, result: 'pending', t: 50_000 },
  );
  const warnings = findWarnings(modelWith({}, events));
  assert.deepEqual(
    warnings.map((w) => [w.kind, w.event]),
    [['self-wake', events.length - 2]],
  );
  assert.match(warnings[0].text, /^spinner called Waker::wake on its own waker \(/);
});

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The table under `<!-- warnings: examples -->` in docs/playground.md: example -> { strategies
 * ('all' or a list), kinds (sorted) }.
 */
function documentedWarnings() {
  const doc = readFileSync(path.join(repo, 'docs/playground.md'), 'utf8');
  const at = doc.indexOf('<!-- warnings: examples -->');
  assert.ok(at >= 0, 'docs/playground.md has the table of warnings by example');
  const rows = doc
    .slice(at)
    .split('\n')
    .slice(3)
    .map((line) => line.trim())
    .filter((line, k, all) => all.slice(0, k + 1).every((l) => l.startsWith('|')));
  const table = new Map();
  for (const row of rows) {
    const [example, strategies, kinds] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const names = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    table.set(names(example)[0], {
      strategies: strategies === 'all' ? 'all' : strategies.split(/,\s*/),
      kinds: names(kinds).sort(),
    });
  }
  assert.ok(table.size >= 4, `the table has its rows (${[...table.keys()]})`);
  return table;
}

test('every example under every strategy raises exactly the warnings docs/playground.md lists', async () => {
  const documented = documentedWarnings();
  const wakeline = await wakelineInNode();
  const examples = await wakeline.examples();
  for (const id of documented.keys()) {
    assert.ok(
      examples.some((e) => e.id === id),
      `docs/playground.md lists ${id}, an example`,
    );
  }
  for (const example of examples) {
    const row = documented.get(example.id);
    for (const strategy of example.strategies) {
      const run = await wakeline.run(example.id, { strategy });
      const m = new TraceModel();
      for await (const batch of run) m.appendEvents(batch);
      await run.done;
      m.header = run.header;
      const raised = [...new Set(findWarnings(m).map((w) => w.kind))].sort();
      const listed = row && (row.strategies === 'all' || row.strategies.includes(strategy));
      assert.deepEqual(
        raised,
        listed ? row.kinds : [],
        `${example.id} under ${strategy}: ${findWarnings(m)
          .map((w) => w.text)
          .join(' | ')}`,
      );
    }
  }
});
