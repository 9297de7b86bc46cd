// The inspect panel in Chromium: the task table's numbers at the playhead equal counts taken from
// the trace (made by the API in node), the run queue shows the queued tasks in order, a run with no
// lint shows no warnings, a selected task's waker history lists its waker events, and the source
// panel scrolls itself, not the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';
import { traceOf } from './support/trace.mjs';

let session;
let events;

before(async () => {
  session = await startSession();
  events = await traceOf('concurrent');
});
after(() => session?.close());

async function loaded() {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  return page;
}

const playhead = (page) => page.evaluate(() => Number(document.body.dataset.playhead));

/** The table's rows: { task id: { state, polls, wakes } }. */
function table(page) {
  return page.locator('.task-table tbody tr').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.dataset.task,
        {
          state: row.querySelector('[data-col="state"]').textContent,
          polls: Number(row.querySelector('[data-col="polls"]').textContent),
          wakes: Number(row.querySelector('[data-col="wakes"]').textContent),
        },
      ]),
    ),
  );
}

/** Per task, from the trace up to event `at`: polls, wakes, state and the run queue. */
function expected(at) {
  const tasks = {};
  const queue = [];
  for (const e of events.slice(0, at + 1)) {
    if (!e.task) continue;
    const t = (tasks[e.task] ??= { state: 'idle', polls: 0, wakes: 0 });
    if (e.kind === 'poll_begin') {
      ++t.polls;
      t.state = 'running';
      queue.splice(queue.indexOf(e.task), 1);
    } else if (e.kind === 'poll_end' && t.state === 'running') {
      t.state = 'idle';
    } else if (e.kind === 'task_enqueue') {
      t.state = 'scheduled';
      queue.push(e.task);
    } else if (e.kind === 'task_end') {
      t.state = 'done';
    } else if (e.kind === 'waker_wake' || e.kind === 'waker_wake_by_ref') {
      ++t.wakes;
    }
  }
  return { tasks, queue };
}

test('the task table and the run queue match the trace at every poll', async () => {
  const page = await loaded();
  const spawned = events.filter((e) => e.kind === 'task_spawn').length;
  let checked = 0;
  for (;;) {
    const at = await playhead(page);
    const { tasks, queue } = expected(at);
    const rows = await table(page);
    for (const [id, want] of Object.entries(tasks))
      assert.deepEqual(rows[id], want, `task ${id} at event ${at}`);
    const chips = await page
      .locator('.run-queue-chip:not(.is-leaving)')
      .evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.task)));
    assert.deepEqual(chips, queue, `run queue at event ${at}`);
    ++checked;
    const before = at;
    await page.click('.playback-next-poll');
    if ((await playhead(page)) === before) break;
  }
  assert.equal(checked, events.filter((e) => e.kind === 'poll_begin').length + 1);
  // At the end every task is done, with as many polls as the API's summary counts.
  await page.locator('.playback-scrub').click({ position: { x: 0, y: 5 } });
  assert.equal(await playhead(page), 0, "the scrub bar's left end is the first event");
  const box = await page.locator('.playback-scrub').boundingBox();
  await page.locator('.playback-scrub').click({ position: { x: box.width - 1, y: 5 } });
  assert.ok((await playhead(page)) > events.length - 8, 'its right end is the last instant');
  await page.keyboard.press('End');
  assert.equal(await playhead(page), events.length - 1);
  const rows = await table(page);
  assert.equal(Object.keys(rows).length, spawned);
  for (const [id, want] of Object.entries(expected(events.length - 1).tasks)) {
    assert.deepEqual(rows[id], { ...want, state: 'done' }, `task ${id} at the end`);
  }
  await page.close();
});

test('a run without lints says so, and clicking a task row selects its lane', async () => {
  const page = await loaded();
  assert.equal(await page.locator('#warnings').textContent(), 'No warnings in this run.');
  const before = await playhead(page);
  await page.locator('.task-table tbody tr[data-task="3"]').click();
  assert.match(
    await page.locator('#selection-details').textContent(),
    /^Selected event \d+: Task main spawns task worker 1 at line \d+\.$/,
  );
  assert.equal(await playhead(page), before, 'selecting a task leaves the playhead');
  assert.ok((await page.locator('.task-table tr.is-selected[data-task="3"]').count()) === 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a lost wakeup is warned about twice, each warning selecting the event that proves it', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=lost-wakeup`);
  // The run ends in a deadlock, which the page shows as the run's outcome, not as an error.
  assert.equal(await waitForRun(page), 'done');
  const warnings = page.locator('#warnings button.warning');
  await warnings.first().waitFor();
  const kinds = await warnings.evaluateAll((buttons) => buttons.map((b) => b.dataset.kind));
  assert.deepEqual(kinds, ['lost-waker', 'deadlock']);
  const deadlock = page.locator('#warnings button.warning-deadlock');
  assert.match(await deadlock.textContent(), /reader at line \d+ \(0 wakers alive\)/);
  await deadlock.click();
  const shown = await page.locator('#selection-details').textContent();
  assert.match(shown, /^Selected event \d+: Deadlock: .*2 stuck tasks \(main, reader\)/);
  const lost = page.locator('#warnings button.warning-lost-waker');
  await lost.click();
  assert.match(
    await page.locator('#selection-details').textContent(),
    /^Selected event \d+: Poll #1 of reader: returned Poll::Pending$/,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** The waker events of task `id` in `events`, as the inspector should list them. */
function wakerRows(id) {
  const delta = { waker_clone: 1, waker_wake: -1, waker_wake_by_ref: 0, waker_drop: -1 };
  let live = 0;
  const rows = [];
  events.forEach((e, index) => {
    if (e.task !== id || !(e.kind in delta)) return;
    live += delta[e.kind];
    rows.push({
      event: index,
      kind: e.kind,
      by: e.by === 'outside' ? 'by outside' : `by ${e.by} ${e.by_id}`,
      live: `${live} alive`,
    });
  });
  return rows;
}

const shownWakerRows = (page) =>
  page.locator('#waker-history .waker-event').evaluateAll((buttons) =>
    buttons.map((b) => ({
      event: Number(b.dataset.event),
      kind: b.dataset.kind,
      by: b.querySelector('.waker-event-by').textContent,
      live: b.querySelector('.waker-event-live').textContent,
    })),
  );

test('a selected task shows its waker history, and each row selects its event and moves the playhead', async () => {
  const page = await loaded();
  assert.equal(
    await page.locator('#waker-history .waker-event').count(),
    0,
    'nothing selected, no history',
  );
  await page.locator('.task-table tbody tr[data-task="3"]').click();
  const want = wakerRows(3);
  assert.ok(want.length >= 4, `task 3 clones and is woken (${want.length} waker events)`);
  assert.ok(
    want.some((row) => row.kind === 'waker_wake') && want.some((row) => row.kind === 'waker_clone'),
  );
  assert.deepEqual(await shownWakerRows(page), want);
  assert.match(
    await page.locator('#waker-history .waker-history-title').textContent(),
    /\(task 3\): \d+ waker events/,
  );
  // The second row is a wake by a timer: clicking it selects it and puts the playhead on it.
  const second = page.locator('#waker-history .waker-event').nth(1);
  await second.click();
  assert.equal(await playhead(page), want[1].event);
  assert.match(
    await page.locator('#selection-details').textContent(),
    new RegExp(
      `^Selected event ${want[1].event + 1}: Timer \\d+ fired and woke task worker 1 through Waker::wake`,
    ),
  );
  assert.equal(
    await page.locator('#waker-history .waker-event.is-selected').getAttribute('data-event'),
    String(want[1].event),
  );
  assert.deepEqual(await shownWakerRows(page), want, 'the same task, the same history');
  // Escape clears the selection and the history with it.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#waker-history .waker-event').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the lost wakeup's reader shows that it never kept a waker", async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=lost-wakeup`);
  assert.equal(await waitForRun(page), 'done');
  await page.locator('#warnings button.warning-lost-waker').click();
  const title = page.locator('#waker-history .waker-history-title');
  assert.match(
    await title.textContent(),
    /^reader \(task \d+\): no waker was cloned, woken or dropped; left waiting with no waker alive/,
  );
  // Its one row is the pending return that left it so, in red.
  assert.equal(await page.locator('#waker-history .waker-event').count(), 1);
  assert.equal(
    await page.locator('#waker-history .waker-event.is-stuck').getAttribute('data-kind'),
    'poll_end',
  );
  // main, stuck with one waker alive: its history ends with a clone (1 alive) before the drop at
  // the end of the run, the runtime's shutdown: 0 alive, and not a problem any more.
  await page.locator('.task-table tbody tr[data-task="1"]').click();
  const live = await page
    .locator('#waker-history .waker-event')
    .evaluateAll((buttons) => buttons.map((b) => Number(b.dataset.live)));
  assert.deepEqual(live.slice(-2), [1, 0], `live wakers after each: ${live}`);
  assert.equal(await page.locator('#waker-history .waker-event.is-stuck').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the source panel follows the await line in its own scroller; the page does not move', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  await page.setViewportSize({ width: 390, height: 740 });
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  const sourceBox = () =>
    page.evaluate(() => {
      const view = document.getElementById('source-view');
      const line = view.querySelector('.source-line.is-current');
      const box = view.getBoundingClientRect();
      const rect = line?.getBoundingClientRect();
      return {
        pageY: window.scrollY + document.documentElement.scrollTop + document.body.scrollTop,
        scrollTop: view.scrollTop,
        ownScroller: view.scrollHeight > view.clientHeight,
        line: line ? Number(line.dataset.line) : 0,
        inside: rect ? rect.top >= box.top && rect.bottom <= box.bottom : false,
      };
    });
  assert.equal(
    (await sourceBox()).ownScroller,
    true,
    'the source has a scroller of its own at phone size',
  );
  // Steps by poll put the playhead on polls whose await line is far down the file (co_await handle).
  await page.locator('#timeline canvas').focus();
  let state;
  for (let n = 0; n < 40; ++n) {
    await page.keyboard.press('ArrowDown');
    state = await sourceBox();
    if (state.line >= 30) break;
  }
  assert.ok(state.line >= 30, `an await line low in the file lit up (line ${state.line})`);
  await page.waitForFunction(() => document.getElementById('source-view').scrollTop > 0);
  await page.waitForTimeout(400);
  state = await sourceBox();
  assert.equal(state.pageY, 0, 'the page did not scroll');
  assert.ok(
    state.scrollTop > 0 && state.inside,
    `the line is in view inside the panel (${JSON.stringify(state)})`,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
