// The waker history's red (issue 18, item 6): 0 wakers alive after a wake is normal (the wake
// used the waker up and queued the task), and is not marked; a task left waiting with no waker
// alive is, at the event that left it so. In node on hand-written traces, and in Chromium on
// `basic` (no red anywhere) and `lost-wakeup` (the reader's pending return in red).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { wakerHistory } from '../../../web/app/inspect/waker-history.js';
import { TraceModel } from '../../../web/app/timeline/model.js';
import { openPage, startSession, waitForRun } from '../support/browser.mjs';

function model(events) {
  const m = new TraceModel();
  m.appendEvents(events.map((e, i) => ({ seq: i + 1, t: 0, ...e })));
  return m;
}

const spawn = (task, name) => [
  { kind: 'task_spawn', task, name },
  { kind: 'task_enqueue', task, queue: 'run', reason: 'spawn', depth: 1 },
];

test('0 alive after a wake that queues the task is not stuck', () => {
  const m = model([
    ...spawn(1, 'main'),
    { kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
    { kind: 'waker_clone', task: 1, by: 'task', by_id: 1 },
    { kind: 'poll_end', task: 1, worker: 0, result: 'pending', line: 3 },
    { kind: 'waker_wake', task: 1, by: 'timer', by_id: 1, effect: 'scheduled' },
    { kind: 'task_enqueue', task: 1, queue: 'run', reason: 'wake', depth: 1 },
    { kind: 'poll_begin', task: 1, worker: 0, depth: 0 },
    { kind: 'poll_end', task: 1, worker: 0, result: 'ready' },
    { kind: 'task_end', task: 1, outcome: 'completed' },
  ]);
  const rows = wakerHistory(m, 1);
  assert.deepEqual(
    rows.map((row) => [row.kind, row.live, row.stuck]),
    [
      ['waker_clone', 1, false],
      ['waker_wake', 0, false],
    ],
  );
});

test('a task left waiting with no waker alive is stuck, at the event that left it so', () => {
  const m = model([
    ...spawn(1, 'dropper'),
    ...spawn(2, 'forgetful'),
    // dropper keeps a waker, then drops it while it waits: nothing can wake it from then on.
    { kind: 'poll_begin', task: 1, worker: 0, depth: 1 },
    { kind: 'waker_clone', task: 1, by: 'task', by_id: 1 },
    { kind: 'poll_end', task: 1, worker: 0, result: 'pending', line: 4 },
    // forgetful returns Pending without keeping any waker.
    { kind: 'poll_begin', task: 2, worker: 0, depth: 0 },
    { kind: 'poll_end', task: 2, worker: 0, result: 'pending', line: 9 },
    { kind: 'waker_drop', task: 1, by: 'timer', by_id: 1 },
    {
      kind: 'deadlock',
      stuck: [
        { task: 1, wakers: 0 },
        { task: 2, wakers: 0 },
      ],
    },
    // The runtime's shutdown after the deadlock: not the reader's problem any more.
    { kind: 'task_end', task: 1, outcome: 'cancelled' },
    { kind: 'task_end', task: 2, outcome: 'cancelled' },
  ]);
  assert.deepEqual(
    wakerHistory(m, 1).map((row) => [row.kind, row.live, row.stuck]),
    [
      ['waker_clone', 1, false],
      ['waker_drop', 0, true],
    ],
  );
  assert.deepEqual(
    wakerHistory(m, 2).map((row) => [row.kind, row.live, row.stuck]),
    [['poll_end', 0, true]],
  );
});

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const rows = (page) =>
  page.locator('#waker-history .waker-event').evaluateAll((buttons) =>
    buttons.map((b) => ({
      kind: b.dataset.kind,
      live: Number(b.dataset.live),
      stuck: b.classList.contains('is-stuck') || b.classList.contains('is-none-alive'),
      colour: getComputedStyle(b.querySelector('.waker-event-live')).color,
    })),
  );

test('in a correct program no waker row is red, though many read 0 alive', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=basic`);
  assert.equal(await waitForRun(page), 'done');
  await page.locator('.task-table tbody tr[data-task="1"]').click();
  const shown = await rows(page);
  assert.ok(shown.filter((row) => row.live === 0).length >= 3, 'wakes leave 0 alive');
  assert.deepEqual(
    shown.filter((row) => row.stuck),
    [],
  );
  const danger = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });
  assert.ok(
    shown.every((row) => row.colour !== danger),
    'no count is drawn in the danger colour',
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the lost wakeup's reader is red where it returned Poll::Pending with no waker", async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=lost-wakeup`);
  assert.equal(await waitForRun(page), 'done');
  await page.locator('.task-table tbody tr[data-task="2"]').click();
  const shown = await rows(page);
  assert.deepEqual(
    shown.map((row) => [row.kind, row.live, row.stuck]),
    [['poll_end', 0, true]],
  );
  assert.match(
    await page.locator('#waker-history .waker-history-title').textContent(),
    /nothing can wake it/,
  );
  // main keeps a waker until the runtime drops it at shutdown, after the deadlock: not red.
  await page.locator('.task-table tbody tr[data-task="1"]').click();
  assert.deepEqual(
    (await rows(page)).filter((row) => row.stuck),
    [],
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
