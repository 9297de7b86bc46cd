// Compare mode in Chromium: a link with `compare=` runs the example under both strategies, draws
// two timelines on one time axis with a line of totals each, and one playhead moves both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, startSession, waitForRun } from '../support/browser.mjs';

/** Pixels of the canvas that are not the background: a timeline with something drawn on it. */
function inkOf(selector) {
  const canvas = document.querySelector(selector);
  const ctx = canvas.getContext('2d');
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const [r0, g0, b0] = [data[data.length - 4], data[data.length - 3], data[data.length - 2]];
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 60)
      ++ink;
  }
  return ink;
}

async function waitForCompare(page) {
  assert.equal(await waitForRun(page, 30000), 'done');
  await page.waitForFunction(
    () => document.getElementById('compare-totals-b')?.dataset.done === 'true',
    null,
    { timeout: 30000 },
  );
}

test('a compare link draws both strategies on one axis, with totals and one playhead', async () => {
  const session = await startSession();
  try {
    const page = await openPage(
      session.browser,
      `${session.url}#v=1&example=concurrent&strategy=local&compare=tokio-multi-thread`,
    );
    await waitForCompare(page);
    assert.equal(await page.locator('#compare-picker').inputValue(), 'tokio-multi-thread');
    assert.equal(await page.evaluate(() => document.body.dataset.compare), 'on');

    // Both drawn: the page's timeline and the second one under it.
    const canvases = page.locator('.timeline-canvas');
    assert.equal(await canvases.count(), 2);
    assert.ok((await page.evaluate(inkOf, '#timeline .timeline-canvas')) > 500);
    assert.ok((await page.evaluate(inkOf, '#compare-timeline .timeline-canvas')) > 500);
    const boxA = await page.locator('#timeline').boundingBox();
    const boxB = await page.locator('#compare-timeline').boundingBox();
    assert.ok(boxB.y >= boxA.y + boxA.height, 'the second timeline is under the first');

    // Totals: local and tokio-multi-thread on concurrent (node's API gives 75 ms and 0 steals
    // against 76.002 ms and 4 steals, with the same 26 polls and 20 wakes).
    const totalsA = await page.locator('#compare-totals-a').textContent();
    const totalsB = await page.locator('#compare-totals-b').textContent();
    assert.match(totalsA, /^local · makespan 75 ms · 26 polls · 0 steals · 20 wakes$/);
    assert.match(
      totalsB,
      /^tokio-multi-thread · makespan 76\.002 ms · 26 polls · 4 steals · 20 wakes$/,
    );
    assert.notEqual(totalsA.replace(/^\S+/, ''), totalsB.replace(/^\S+/, ''));

    // One axis: the same window on both; the link keeps the comparison.
    const view = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.timeline-canvas')].map((canvas) => canvas.dataset.playhead),
      );
    assert.match(await page.evaluate(() => location.hash), /compare=tokio-multi-thread/);

    // The playhead moves both: End puts it on the last event of the first run (t = 75 ms).
    await page.locator('#timeline .timeline-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await page.waitForFunction(
      () => document.querySelector('#timeline .timeline-canvas').dataset.playhead === '75000000',
    );
    let [a, b] = await view();
    assert.equal(a, '75000000');
    assert.equal(b, a);
    await page.keyboard.press('Home');
    await page.waitForFunction(
      () => document.querySelector('#timeline .timeline-canvas').dataset.playhead === '0',
    );
    [a, b] = await view();
    assert.equal(b, '0');

    // Zooming the second timeline zooms the first to the same window.
    const before = await page.locator('#timeline-range').textContent();
    const canvasB = page.locator('#compare-timeline .timeline-canvas');
    const box = await canvasB.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
    await page.mouse.wheel(0, -600);
    await page.waitForFunction(
      (text) => document.getElementById('timeline-range').textContent !== text,
      before,
    );

    // Clicking a poll on the second timeline puts the one playhead at its instant.
    const playheadBefore = await page.evaluate(() => document.body.dataset.playhead);
    await page.keyboard.press('f');
    // Down the lanes near the right edge (the last polls) until a click lands on an item.
    for (let y = 30; y < box.height - 4; y += 6) {
      await canvasB.click({ position: { x: Math.round(box.width * 0.97), y } });
      if (await page.evaluate((p) => document.body.dataset.playhead !== p, playheadBefore)) break;
    }
    assert.notEqual(await page.evaluate(() => document.body.dataset.playhead), playheadBefore);
    // The canvases carry the playhead once the next frame has drawn it.
    await page.waitForFunction(
      () => document.querySelector('#timeline .timeline-canvas').dataset.playhead !== '0',
    );
    [a, b] = await view();
    assert.equal(a, b);
    assert.notEqual(a, '0');
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('a bad compare value shows a message and the rest of the link applies', async () => {
  const session = await startSession();
  try {
    const page = await openPage(
      session.browser,
      `${session.url}#v=1&example=work-stealing&strategy=smol&compare=embassy&jobs=3&seed=4`,
    );
    assert.equal(await waitForRun(page, 30000), 'done');
    const message = await page.locator('#compare-messages').textContent();
    assert.match(message, /no strategy "embassy" to compare with/);
    assert.equal(await page.evaluate(() => document.body.dataset.compare), 'off');
    assert.equal(await page.locator('#compare-timeline').isHidden(), true);
    assert.equal(await page.locator('#strategy-picker').inputValue(), 'smol');
    assert.equal(await page.locator('#param-jobs').inputValue(), '3');
    assert.equal(await page.locator('#param-seed').inputValue(), '4');
    assert.doesNotMatch(await page.evaluate(() => location.hash), /compare=/);

    // Not an id at all: the link's own message list says so.
    await page.evaluate(() => (location.hash = '#v=1&example=basic&compare=%3Cb%3E'));
    await page.waitForFunction(() =>
      /not a valid id/.test(document.getElementById('link-messages').textContent),
    );
    assert.equal(await waitForRun(page, 30000), 'done');
    assert.equal(await page.locator('#example-picker').inputValue(), 'basic');
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});
