// The lost-wakeup lesson (issue 18, item 7): the reader's pending poll lights the future's own
// `return pending();`, its caption says that no waker was kept, and the deadlock is marked on the
// timeline with each stuck task's wait; no example's source shows the tracing of await points.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';
import { boxColour, lanesOf, light, pixelOf } from './support/canvas.mjs';
import { traceOf, wakelineInNode } from './support/trace.mjs';

let session;
let events;

before(async () => {
  session = await startSession();
  events = await traceOf('lost-wakeup');
});
after(() => session?.close());

test("the reader's pending poll lights its own pending return and says no waker was kept", async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=lost-wakeup`);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  const reader = events.find((e) => e.kind === 'task_spawn' && e.name === 'reader').task;
  const i = events.findIndex(
    (e) => e.kind === 'poll_end' && e.task === reader && e.result === 'pending',
  );
  await page.locator('#timeline canvas').focus();
  for (let n = 0; n < i; ++n) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => Number(document.body.dataset.playhead)), i);
  const line = page.locator('.source-line.is-current');
  assert.equal(await line.getAttribute('data-line'), String(events[i].line));
  assert.match(await line.textContent(), /return pending\(\);/);
  assert.match(
    await page.locator('#narration').textContent(),
    /reader returned Poll::Pending at line \d+ without keeping cx\.waker\(\): .*nothing can ever wake it/,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the deadlock and each stuck task are marked on the timeline', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=lost-wakeup`);
  assert.equal(await waitForRun(page), 'done');
  const canvas = page.locator('#timeline canvas');
  assert.equal(await canvas.getAttribute('data-stuck'), 'main|reader');
  const d = events.findIndex((e) => e.kind === 'deadlock');
  const at = await pixelOf(page, events);
  const x = (at.start(d) + at.end(d)) / 2;
  const lanes = await lanesOf(page);
  for (const name of ['main', 'reader']) {
    const lane = lanes.get(name);
    const red = await boxColour(
      page,
      { x: x - 8, y: lane.top + 2, width: 16, height: lane.height - 4 },
      light.danger,
    );
    assert.ok(red > 20, `${name}'s lane is marked stuck at the deadlock (${red} px)`);
  }
  // The postman ended before the deadlock: its lane has only the line across the lanes.
  const postman = lanes.get('postman');
  const dashed = await boxColour(
    page,
    { x: at.start(0) + 40, y: postman.top + postman.height / 2 - 3, width: 40, height: 6 },
    light.danger,
  );
  assert.equal(dashed, 0, 'no red wait on a task that is not stuck');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('no example shows the tracing of its await points in its source', async () => {
  const examples = await (await wakelineInNode()).examples();
  for (const example of examples) {
    assert.doesNotMatch(example.source, /mark_await_point|source_location/, example.id);
  }
});
