// Every mark explained (issue 18, item 10): the legend has an entry, with a sentence, for each
// mark the run can show (steals and searches only where there are several threads, the deadlock
// where there is one), and the tooltips speak in words, with times formatted: no raw event kinds,
// no sequence numbers, no deadlines in nanoseconds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';
import { lanesOf, pixelOf } from '../support/canvas.mjs';
import { traceOf } from '../support/trace.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

async function open(hash) {
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  return page;
}

/** The marks the legend lists (common and under "All marks"), each with its sentence. */
async function legend(page) {
  await page.click('#legend .legend-more summary');
  const entries = await page
    .locator('#legend .legend-rest .legend-item')
    .evaluateAll((items) =>
      items.map((item) => [item.dataset.mark, item.querySelector('.legend-text').textContent]),
    );
  await page.click('#legend .legend-more summary');
  return new Map(entries);
}

const everywhere = [
  'pending',
  'ready',
  'no-time',
  'stretched',
  'waiting',
  'wake',
  'task-ticks',
  'timer',
  'parked',
  'depth',
  'playhead',
];

test('the legend explains every mark the run can show, in a sentence', async () => {
  const basic = await open('#v=1&example=basic');
  const marks = await legend(basic);
  for (const id of everywhere) {
    assert.ok(marks.has(id), `basic: the legend explains ${id}`);
    assert.ok(marks.get(id).length > 30, `${id}: "${marks.get(id)}"`);
  }
  for (const id of ['steal', 'search', 'deadlock']) assert.ok(!marks.has(id), `basic has no ${id}`);
  await basic.close();

  const stealing = await open('#v=1&example=work-stealing&strategy=tokio-multi-thread');
  const multi = await legend(stealing);
  for (const id of ['steal', 'search']) assert.ok(multi.has(id), `work-stealing explains ${id}`);
  await stealing.close();

  const lost = await open('#v=1&example=lost-wakeup');
  assert.ok((await legend(lost)).has('deadlock'), 'lost-wakeup explains the deadlock mark');
  assert.deepEqual(lost.errors, []);
  await lost.close();
});

const raw =
  /\b(poll_begin|poll_end|task_enqueue|task_spawn|waker_clone|waker_wake|timer_arm|timer_fire)\b|#\d+|\bseq\b|caused by/;

async function hover(page, x, y) {
  const box = await page.locator('#timeline canvas').boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.locator('.timeline-tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 2000 });
  return {
    title: await tooltip.locator('.timeline-tooltip-title').textContent(),
    rows: await tooltip
      .locator('dt')
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  };
}

test('tooltips speak in words, with formatted times', async () => {
  const events = await traceOf('basic');
  const page = await open('#v=1&example=basic');
  const lanes = await lanesOf(page);
  const at = await pixelOf(page, events);
  // main's second poll: woken by the first timer.
  const begin = events.findIndex((e, i) => e.kind === 'poll_begin' && i > 10);
  const end = events.findIndex((e, i) => i > begin && e.kind === 'poll_end');
  const main = lanes.get('main');
  const poll = await hover(page, (at.start(begin) + at.end(end)) / 2, main.top + 10);
  assert.match(poll.title, /^Poll #2 of main: returned Poll::Pending$/);
  const rows = new Map(poll.rows);
  assert.match(rows.get('when'), /^t = 10 ms$/);
  assert.match(rows.get('took'), /^no time/);
  assert.match(rows.get('woken by'), /^timer \d+, at t = 10 ms$/);
  assert.match(rows.get('waits at'), /^line 13 of basic\.cpp$/);
  for (const [key, value] of poll.rows) assert.doesNotMatch(`${key} ${value}`, raw);

  // A timer armed: its deadline is a time, not nanoseconds.
  const arm = events.findIndex((e) => e.kind === 'timer_arm');
  const timers = lanes.get('timers');
  const timer = await hover(
    page,
    (at.start(arm) + at.end(arm)) / 2,
    timers.top + timers.height / 2,
  );
  assert.match(timer.title, /^Task main arms timer \d+ for t = 10 ms \(line 13\)\.$/);
  for (const [key, value] of timer.rows) {
    assert.doesNotMatch(`${key} ${value}`, raw);
    assert.doesNotMatch(value, /^\d{4,}$/, `${key}: ${value} is a time in words`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
