// Multi-worker strategies in Chromium: concurrent under tokio-multi-thread with 3 workers draws
// an executor lane per worker plus the block_on thread, a steal is narrated, the strategy
// settings form round-trips through a share link, and a bad setting in a link is named while
// the rest of the link applies.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { waitForRun, withPage } from './support/browser.mjs';
import { narrate } from '../../web/app/narration.js';
import { Replay } from '../../web/app/playback/replay.js';
import { queueRows } from '../../web/app/playback/run-queue-view.js';
import { decodeLink, resolveLink } from '../../web/app/share/link-codec.js';
import { buildLanes } from '../../web/app/timeline/lanes.js';
import { TraceModel } from '../../web/app/timeline/model.js';
import { findWarnings } from '../../web/app/warnings.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const api = path.join(repo, 'build/wasm/api');
const { createWakeline } = await import(pathToFileURL(path.join(api, 'wakeline.mjs')).href);

async function traceOf(example, strategy, params) {
  const handle = await createWakeline({
    worker: false,
    coreUrl: pathToFileURL(path.join(api, 'wakeline-core.mjs')),
  });
  try {
    const run = await handle.run(example, { strategy, params });
    const events = [];
    for await (const batch of run) events.push(...batch);
    await run.done;
    return events;
  } finally {
    handle.dispose();
  }
}

// Two workers (0, 1) and the block_on thread (2): worker 0 overflows into the inject queue,
// worker 1 steals from worker 0, task 3 is polled twice by worker 1 and once by worker 0.
const multi = [
  { seq: 1, t: 0, kind: 'runtime_start', clock: 'virtual' },
  { seq: 2, t: 0, kind: 'task_spawn', task: 1, name: 'main', file: 'x.cpp', line: 1 },
  {
    seq: 3,
    t: 0,
    kind: 'task_enqueue',
    task: 1,
    queue: 'block_on',
    reason: 'spawn',
    depth: 0,
    cause: 2,
  },
  { seq: 4, t: 0, kind: 'poll_begin', task: 1, worker: 2, depth: 0, cause: 3 },
  {
    seq: 5,
    t: 0,
    kind: 'task_spawn',
    task: 2,
    parent: 1,
    name: 'a',
    file: 'x.cpp',
    line: 2,
    cause: 4,
  },
  {
    seq: 6,
    t: 0,
    kind: 'task_enqueue',
    task: 2,
    queue: 'local',
    worker: 0,
    reason: 'spawn',
    depth: 1,
    cause: 5,
  },
  {
    seq: 7,
    t: 0,
    kind: 'task_spawn',
    task: 3,
    parent: 1,
    name: 'b',
    file: 'x.cpp',
    line: 2,
    cause: 4,
  },
  {
    seq: 8,
    t: 0,
    kind: 'task_enqueue',
    task: 3,
    queue: 'local',
    worker: 0,
    reason: 'spawn',
    depth: 2,
    cause: 7,
  },
  { seq: 9, t: 0, kind: 'queue_overflow', worker: 0, count: 1 },
  {
    seq: 10,
    t: 0,
    kind: 'task_enqueue',
    task: 2,
    queue: 'inject',
    reason: 'overflow',
    depth: 1,
    cause: 9,
  },
  { seq: 11, t: 0, kind: 'search_begin', worker: 1 },
  { seq: 12, t: 0, kind: 'steal', worker: 1, from: 'local', victim: 0, count: 1 },
  {
    seq: 13,
    t: 0,
    kind: 'task_enqueue',
    task: 3,
    queue: 'local',
    worker: 1,
    reason: 'steal',
    depth: 1,
    cause: 12,
  },
  { seq: 14, t: 0, kind: 'search_end', worker: 1 },
  { seq: 15, t: 0, kind: 'poll_begin', task: 3, worker: 1, depth: 0, cause: 13 },
  { seq: 16, t: 0, kind: 'poll_begin', task: 2, worker: 0, depth: 0, cause: 10 },
  { seq: 17, t: 1000, kind: 'poll_end', task: 3, worker: 1, result: 'pending' },
  { seq: 18, t: 1000, kind: 'poll_end', task: 1, worker: 2, result: 'pending' },
  {
    seq: 19,
    t: 1000,
    kind: 'spawn_failed',
    parent: 2,
    name: 'c',
    pool: 1,
    file: 'x.cpp',
    line: 3,
    cause: 16,
  },
  { seq: 20, t: 1000, kind: 'poll_end', task: 2, worker: 0, result: 'ready' },
  { seq: 21, t: 2000, kind: 'poll_begin', task: 3, worker: 0, depth: 0 },
  { seq: 22, t: 2000, kind: 'poll_end', task: 3, worker: 0, result: 'pending' },
  { seq: 23, t: 3000, kind: 'poll_begin', task: 3, worker: 1, depth: 0 },
  { seq: 24, t: 3000, kind: 'poll_end', task: 3, worker: 1, result: 'ready' },
];

function multiModel() {
  const model = new TraceModel();
  model.appendEvents(multi);
  model.finish();
  return model;
}

test('workers get lanes, the block_on thread its label, and tasks sit under the worker that polled them most', () => {
  const model = multiModel();
  assert.equal(model.blockOnWorker, 2);
  const { lanes } = buildLanes(model);
  assert.deepEqual(
    lanes.filter((lane) => lane.type !== 'timers').map((lane) => lane.label.trim()),
    ['run queues', 'thread 0', 'a', 'thread 1', 'b', 'block_on thread', 'main'],
  );
  // Polls of different workers overlap (seq 15-17 and 16-20): each task lane keeps its own.
  assert.deepEqual(
    [...model.tasks.get(3).polls.data.slice(0, 3)].map((p) => model.polls.begin.data[p]),
    [14, 20, 22],
  );
  const worker1 = model.workers.get(1);
  assert.deepEqual([worker1.searchBegin.data[0], worker1.searchEnd.data[0]], [10, 13]);
  assert.deepEqual([...worker1.marks.data.slice(0, worker1.marks.length)], [11]);
  assert.deepEqual([...model.workers.get(0).marks.data.slice(0, 1)], [8]);
});

test('the replay moves a stolen or overflowed task between queues and the narration says so', () => {
  const model = multiModel();
  const replay = new Replay(model);
  replay.seek(7);
  assert.deepEqual(
    queueRows(replay.queues, 2, [0, 1]).map((row) => [row.label, row.ids]),
    [
      ['thread 0', [2, 3]],
      ['thread 1', []],
    ],
  );
  replay.seek(12);
  assert.deepEqual(
    queueRows(replay.queues, 2, [0, 1]).map((row) => [row.label, row.ids]),
    [
      ['inject queue', [2]],
      ['thread 0', []],
      ['thread 1', [3]],
    ],
  );
  replay.seek(15);
  assert.deepEqual(
    [...replay.running],
    [
      [2, 1],
      [1, 3],
      [0, 2],
    ],
  );
  assert.equal(
    narrate(model, 8, replay),
    't = 0: the local queue of thread 0 was full: 1 task moved to the inject queue.',
  );
  assert.equal(narrate(model, 11, replay), "t = 0: thread 1 stole 1 task from thread 0's queue.");
  assert.equal(
    narrate(model, 12, replay),
    "t = 0: task b joins thread 1's local queue as one of the tasks its thread stole, first in line.",
  );
  assert.equal(
    narrate(model, 10, replay),
    "t = 0: thread 1 has nothing queued and searches the other threads' queues for work to steal.",
  );
  assert.equal(
    narrate(model, 3),
    't = 0: the block_on thread polls the root task main, the block_on future.',
  );
  assert.equal(
    narrate(model, 18),
    't = 1 µs: task a could not spawn c at line 3: its static pool of 1 task is full (SpawnError::Busy).',
  );
});

test('a spawn_failed is a warning that points at its event', () => {
  // The hand-written trace keeps no wakers, so its pending polls are lost wakers as well.
  const warnings = findWarnings(multiModel()).filter((w) => w.kind === 'spawn-failed');
  assert.deepEqual(
    warnings.map((w) => [w.kind, w.event, w.task]),
    [['spawn-failed', 18, 2]],
  );
  assert.match(warnings[0].text, /^a could not spawn c at line 3: its pool of 1 task was full/);
});

test('resolveLink checks settings against the chosen strategy', () => {
  const examples = [
    {
      id: 'ex',
      strategies: ['local', 'smol'],
      params: [{ name: 'tasks', type: 'integer', default: 2, min: 1, max: 9 }],
    },
  ];
  const strategies = [
    {
      name: 'local',
      settings: [{ name: 'poll_cost_ns', type: 'integer', default: 0, min: 0, max: 10 }],
    },
    {
      name: 'smol',
      settings: [
        { name: 'workers', type: 'integer', default: 4, min: 1, max: 64 },
        { name: 'tasks', type: 'integer', default: 1, min: 1, max: 1 },
      ],
    },
  ];
  const { request, problems } = resolveLink(
    decodeLink('example=ex&strategy=smol&workers=3&tasks=9&poll_cost_ns=5').state,
    examples,
    'ex',
    strategies,
  );
  // `tasks` is the example's own (its range wins); poll_cost_ns belongs to local, not smol.
  assert.deepEqual(request.params, { tasks: 9, workers: 3 });
  assert.deepEqual(problems, [
    'The example ex has no parameter "poll_cost_ns" and the strategy smol has no such setting; it was ignored.',
  ]);
  const bad = resolveLink(
    decodeLink('example=ex&strategy=smol&workers=0').state,
    examples,
    'ex',
    strategies,
  );
  assert.deepEqual(bad.problems, [
    'The setting workers of smol must be between 1 and 64, not 0; its default 4 is used.',
  ]);
  // Without the strategies (the player element), only parameters are known, as before.
  assert.match(
    resolveLink(decodeLink('example=ex&workers=3').state, examples, 'ex').problems[0],
    /^The example ex has no parameter "workers"; it was ignored\.$/,
  );
});

const messages = (page) => page.locator('#link-messages li').allTextContents();
const executors = (page) =>
  page.locator('#timeline > .timeline-canvas').getAttribute('data-executors');

test('tokio-multi-thread with 3 workers draws a lane per worker and the block_on thread, and narrates a steal', async () => {
  const events = await traceOf('concurrent', 'tokio-multi-thread', { workers: 3 });
  const steal = events.find((event) => event.kind === 'steal' && event.from === 'local');
  assert.ok(steal, 'the run steals from a local queue');
  await withPage('#v=1&example=concurrent&strategy=tokio-multi-thread&workers=3', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await executors(page), 'thread 0|thread 1|thread 2|block_on thread');
    assert.deepEqual(await messages(page), []);
    // The same trace as the API's: the page has as many events.
    assert.match(
      await page.locator('.playback-counter').textContent(),
      new RegExp(`/ ${events.length}$`),
    );
    // Step to the steal with the arrow keys, one event per press.
    await page.locator('#timeline > canvas').focus();
    const playhead = () => page.evaluate(() => Number(document.body.dataset.playhead));
    for (let n = await playhead(); n < steal.seq - 1; ++n) await page.keyboard.press('ArrowRight');
    assert.equal(await playhead(), steal.seq - 1);
    assert.equal(
      await page.locator('#narration').textContent(),
      `t = ${steal.t / 1e6} ms: thread ${steal.worker} stole ${steal.count} task${steal.count === 1 ? '' : 's'} from thread ${steal.victim}'s queue.`,
    );
    // The run queue shows a row per worker and the inject queue.
    const rows = await page.locator('#run-queue .run-queue-label').allTextContents();
    assert.deepEqual(rows.filter((label) => label.startsWith('thread')).sort(), [
      'thread 0',
      'thread 1',
      'thread 2',
    ]);
    assert.ok(rows.includes('inject queue'), rows.join(', '));
    assert.deepEqual(page.errors, []);
  });
});

test('strategy settings are generated, sent with the run and round-trip through the share link', async () => {
  await withPage(
    '#v=1&example=concurrent&strategy=smol&workers=2&local_queue_capacity=64',
    async (page) => {
      assert.equal(await waitForRun(page), 'done');
      assert.equal(await page.locator('#strategy-picker').inputValue(), 'smol');
      assert.match(await page.locator('#strategy-settings legend').textContent(), /smol/);
      assert.equal(await page.locator('#setting-workers').inputValue(), '2');
      assert.equal(await page.locator('#setting-local_queue_capacity').inputValue(), '64');
      assert.equal(await page.locator('#setting-polls_per_yield').inputValue(), '200');
      assert.equal(await executors(page), 'thread 0|thread 1|block_on thread');
      // Change a setting in the form and run: the link names it, defaults are left out.
      await page.locator('#setting-workers').fill('3');
      await page.locator('#run-button').click();
      assert.equal(await waitForRun(page), 'done');
      await page.waitForFunction(() => location.hash.includes('workers=3'));
      const hash = await page.evaluate(() => location.hash);
      assert.match(
        hash,
        /^#v=1&example=concurrent&strategy=smol&tasks=5&steps=3&jitter_ms=0&workers=3&local_queue_capacity=64&seed=0/,
      );
      assert.doesNotMatch(hash, /polls_per_yield/);
      assert.equal(await executors(page), 'thread 0|thread 1|thread 2|block_on thread');
      // An invalid setting gets the parameter form's message and disables Run.
      await page.locator('#setting-workers').fill('99');
      assert.equal(
        await page.locator('#setting-workers-message').textContent(),
        'Must be between 1 and 64.',
      );
      assert.equal(await page.locator('#run-button').isDisabled(), true);
      // Another strategy shows its own settings; a changed value of a shared name carries over.
      await page.locator('#setting-workers').fill('3');
      await page.locator('#strategy-picker').selectOption('tokio-multi-thread');
      assert.equal(await page.locator('#setting-workers').inputValue(), '3');
      assert.equal(await page.locator('#setting-lifo_slot').isChecked(), true);
      assert.equal(await page.locator('#setting-polls_per_yield').count(), 0);
      await page.locator('#strategy-picker').selectOption('local');
      assert.equal(await page.locator('#setting-workers').count(), 0);
      assert.deepEqual(page.errors, []);
    },
  );
});

test('a bad or unknown setting in a link is named and the rest of the link applies', async () => {
  const hash =
    '#v=1&example=concurrent&strategy=tokio-multi-thread&workers=500&lifo_slot=false&pool_size=4&tasks=7&seed=2';
  await withPage(hash, async (page) => {
    assert.equal(await waitForRun(page), 'done');
    const list = await messages(page);
    assert.equal(list.length, 2, list.join('\n'));
    assert.match(
      list[0],
      /setting workers of tokio-multi-thread must be between 1 and 64, not 500; its default 4 is used/,
    );
    assert.match(
      list[1],
      /no parameter "pool_size" and the strategy tokio-multi-thread has no such setting; it was ignored/,
    );
    assert.equal(await page.locator('#setting-workers').inputValue(), '4');
    assert.equal(await page.locator('#setting-lifo_slot').isChecked(), false);
    assert.equal(await page.locator('#param-tasks').inputValue(), '7');
    assert.equal(await page.locator('#param-seed').inputValue(), '2');
    assert.equal(await executors(page), 'thread 0|thread 1|thread 2|thread 3|block_on thread');
    assert.match(await page.evaluate(() => location.hash), /&lifo_slot=false&seed=2/);
    assert.deepEqual(page.errors, []);
  });
});
