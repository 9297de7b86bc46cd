// Stretched instants in Chromium (issue 18, item 4), on `starvation`: the hog's 100 ms poll is
// solid, the ticker's catch-up poll at one instant (no time at all) is not; the axis is labelled
// at even steps of time, never below 0, whatever the zoom; the legend names both fills.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';
import { lanesOf, light, pixelOf, rowColour } from '../support/canvas.mjs';
import { traceOf } from '../support/trace.mjs';

let session;
let events;

before(async () => {
  session = await startSession();
  events = await traceOf('starvation');
});
after(() => session?.close());

/** `text` of an axis label in ns: "0", "50 ms", "1.5 µs". */
function labelNs(text) {
  const match = /^(-?[\d.]+)(?: (ns|µs|ms|s))?$/.exec(text);
  assert.ok(match, `"${text}" is a time`);
  return Number(match[1]) * { ns: 1, µs: 1e3, ms: 1e6, s: 1e9 }[match[2] ?? 'ns'];
}

async function assertEvenAxis(page, when) {
  const text = await page.locator('#timeline canvas').getAttribute('data-axis');
  assert.ok(text, `${when}: the axis has labels`);
  const values = text.split('|').map(labelNs);
  assert.ok(values.length >= 2, `${when}: ${text}`);
  assert.ok(
    values.every((v) => v >= 0),
    `${when}: no label below 0 (${text})`,
  );
  const steps = values.slice(1).map((v, n) => v - values[n]);
  assert.ok(
    steps.every((step) => step > 0),
    `${when}: labels increase (${text})`,
  );
  assert.ok(
    steps.every((step) => Math.abs(step - steps[0]) < 1e-6 * steps[0]),
    `${when}: labels are evenly spaced in time (${text})`,
  );
}

/** The poll of task `task` that begins at event `begin`, as [begin, end] event indices. */
function pollFrom(begin) {
  const end = events.findIndex(
    (e, i) => i > begin && e.kind === 'poll_end' && e.task === events[begin].task,
  );
  return [begin, end];
}

test("a poll's solid width is the time it took; a poll at one instant is not drawn solid", async () => {
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${session.url}#v=1&example=starvation`);
  assert.equal(await waitForRun(page), 'done');
  const name = new Map(events.filter((e) => e.kind === 'task_spawn').map((e) => [e.name, e.task]));
  const begins = (task) =>
    events.flatMap((e, i) => (e.kind === 'poll_begin' && e.task === task ? [i] : []));
  const [hogBegin, hogEnd] = pollFrom(begins(name.get('hog'))[0]);
  assert.ok(events[hogEnd].t - events[hogBegin].t >= 99e6, 'the hog computes for 100 ms');
  const [tickBegin, tickEnd] = pollFrom(begins(name.get('ticker'))[1]);
  assert.equal(events[tickEnd].t, events[tickBegin].t, 'the catch-up poll takes no time');
  assert.ok(tickEnd - tickBegin > 100, 'and holds a hundred events');

  const lanes = await lanesOf(page);
  const at = await pixelOf(page, events);
  const middle = (label) => lanes.get(label).top + lanes.get(label).height / 2 - 1;

  // Time runs from the end of the instant the hog's poll begins in to the instant it ends in.
  const hog = await rowColour(
    page,
    middle('hog'),
    at.end(hogBegin) + 2,
    at.start(hogEnd) - 2,
    light.ready,
  );
  assert.ok(hog.total > 100, `the hog's poll is ${hog.total} px wide`);
  assert.ok(hog.matching / hog.total > 0.9, `the hog's 100 ms are solid (${JSON.stringify(hog)})`);

  const tick = await rowColour(
    page,
    middle('ticker'),
    at.start(tickBegin) + 3,
    at.end(tickEnd) - 3,
    light.ready,
  );
  assert.ok(tick.total > 100, `the catch-up poll is drawn ${tick.total} px wide`);
  assert.ok(
    tick.matching / tick.total < 0.1,
    `no solid fill where no time passed (${JSON.stringify(tick)})`,
  );
  await page.close();
});

test('the axis is labelled at even steps of time and never below 0, at any zoom', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`${session.url}#v=1&example=starvation`);
  assert.equal(await waitForRun(page), 'done');
  await assertEvenAxis(page, 'fitted');
  const box = await page.locator('#timeline canvas').boundingBox();
  // Zoom in near the start (the view reaches before t = 0), then near the catch-up instant.
  for (const [fraction, deltaY] of [
    [0.12, -600],
    [0.12, -400],
    [0.5, 900],
    [0.75, -700],
  ]) {
    await page.mouse.move(box.x + 112 + (box.width - 112) * fraction, box.y + 60);
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(150);
    await assertEvenAxis(page, `zoomed at ${fraction} by ${deltaY}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the legend names the fill of stretched instants and of polls that took no time', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${session.url}#v=1&example=starvation`);
  assert.equal(await waitForRun(page), 'done');
  const legend = page.locator('#legend .legend').first();
  assert.match(await legend.locator('[data-mark="stretched"]').textContent(), /time stands still/);
  assert.match(await legend.locator('[data-mark="no-time"]').textContent(), /took no time/);
  assert.match(
    await legend.locator('[data-mark="stretched"]').getAttribute('title'),
    /No time passes/,
  );
  await page.close();
});
