// The task table with 10,000 tasks in Chromium: only the rows in view of its own scroller exist,
// every task can be scrolled to, a playhead step stays fast, and a task selected on the timeline
// (here through the link's `select`) has its row scrolled into view inside the table, with
// neither the page nor the inspect panel moving.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const tasks = 10000;

/** The table's scroller and the rows it holds, as the page shows them. */
const tableState = (page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.task-table-scroller');
    const box = scroller.getBoundingClientRect();
    const rows = [...document.querySelectorAll('.task-table tbody tr')];
    const visible = rows.filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
    });
    const selected = document.querySelector('.task-table tbody tr.is-selected');
    const rect = selected?.getBoundingClientRect();
    return {
      rows: rows.length,
      visible: visible.map((row) => Number(row.dataset.task)),
      scrollTop: scroller.scrollTop,
      scrollHeight: scroller.scrollHeight,
      selected: selected ? Number(selected.dataset.task) : 0,
      selectedInView: rect ? rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 : false,
      pageScroll: window.scrollY + document.documentElement.scrollTop + document.body.scrollTop,
      panelScroll: document.querySelector('.inspect-panel').scrollTop,
    };
  });

test('10,000 tasks: the table holds only the rows in view, scrolls to every task and selects in place', async () => {
  const selected = 5000;
  const page = await openPage(
    session.browser,
    `${session.url}#v=1&example=concurrent&tasks=${tasks}&select=task:${selected}`,
  );
  assert.equal(await waitForRun(page, 90000), 'done');
  await page.waitForFunction(
    (id) => document.querySelector('.task-table tbody tr.is-selected')?.dataset.task === String(id),
    selected,
    { timeout: 5000 },
  );
  let state = await tableState(page);
  assert.ok(state.rows > 5 && state.rows <= 60, `${state.rows} rows in the document`);
  assert.equal(state.selected, selected);
  assert.ok(state.selectedInView, 'the selected row is scrolled into view inside the table');
  assert.ok(state.scrollTop > 0);
  assert.equal(state.pageScroll, 0, 'the page did not move');
  assert.equal(state.panelScroll, 0, 'the inspect panel did not move');
  // One row per task: the scroller is as tall as all of them (main and the 10,000 workers).
  const rowHeight = await page
    .locator('.task-table tbody tr')
    .first()
    .evaluate((row) => row.getBoundingClientRect().height);
  assert.ok(
    Math.abs(state.scrollHeight - (tasks + 1) * rowHeight) < rowHeight,
    `scroll height ${state.scrollHeight}`,
  );

  // Scrolled to the end, the last spawned worker is there.
  await page
    .locator('.task-table-scroller')
    .evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await page.waitForFunction(
    (last) =>
      [...document.querySelectorAll('.task-table tbody tr')].some(
        (row) => row.dataset.task === String(last),
      ),
    tasks + 1,
    { timeout: 5000 },
  );
  state = await tableState(page);
  assert.equal(state.visible.at(-1), tasks + 1);
  assert.equal(
    await page
      .locator(`.task-table tbody tr[data-task="${tasks + 1}"] [data-col="task"]`)
      .textContent(),
    `worker ${tasks - 1}`,
  );
  assert.ok(state.rows <= 60);
  // Rows in view are consecutive tasks in spawn order.
  state.visible.forEach((id, n) => assert.equal(id, state.visible[0] + n));

  // Clicking a row there selects that task without scrolling the table.
  const pick = state.visible[2];
  const before = state.scrollTop;
  await page.locator(`.task-table tbody tr[data-task="${pick}"]`).click();
  state = await tableState(page);
  assert.equal(state.selected, pick);
  assert.equal(state.scrollTop, before);
  assert.equal(state.pageScroll, 0);

  // A playhead step updates the whole inspector (the table included) quickly.
  const ms = await page.evaluate(() => {
    const times = [];
    for (let n = 0; n < 20; ++n) {
      const start = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[10];
  });
  assert.ok(ms < 30, `a step takes ${ms.toFixed(1)} ms (median)`);
  // The playhead's task is pinned above the rows while its own row is out of view: the table
  // shows the last workers, and 20 events in, main is still spawning the first ones.
  const pinned = await page.evaluate(() => {
    const row = document.querySelector('.task-table-pinned tr');
    return row && { task: Number(row.dataset.task), current: row.classList.contains('is-current') };
  });
  state = await tableState(page);
  assert.ok(pinned && pinned.current, JSON.stringify(pinned));
  assert.ok(!state.visible.includes(pinned.task), 'a task in view is not pinned as well');
  assert.deepEqual(page.errors, []);
  await page.close();
});
