// A shared link gives the same picture (issue 18, item 5): the window, the playhead and the
// selection are three parts of the link, each kept as the reader leaves it (a step moves only the
// playhead, a click only selects), and opening the link draws the same timeline, pixel for pixel.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from '../support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const hash = (page) => page.evaluate(() => location.hash);
const playhead = (page) => page.evaluate(() => Number(document.body.dataset.playhead));

/** The timeline area as the reader sees it, with the pointer and the focus away from it. */
async function timelinePicture(page) {
  await page.mouse.move(5, 5);
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.locator('#timeline canvas').screenshot();
}

test('a link reopens the same window, playhead and selection: the same picture', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  assert.equal(await waitForRun(page), 'done');
  const canvas = page.locator('#timeline canvas');
  const box = await canvas.boundingBox();

  // Zoom in and pan: the window is no longer the fitted one.
  await page.mouse.move(box.x + 112 + (box.width - 112) * 0.3, box.y + 120);
  await page.mouse.wheel(0, -500);
  await page.mouse.down();
  await page.mouse.move(box.x + 112 + (box.width - 112) * 0.3 - 60, box.y + 140, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(500);
  assert.match(
    await hash(page),
    /&view=-?[\d.e]+(ns|us|ms)\.\.-?[\d.e]+(ns|us|ms)/,
    'the window is in the link',
  );

  // Select a poll (a click also puts the playhead on it), then step the playhead away from it.
  const lanes = await canvas.getAttribute('data-lanes');
  const worker = /worker 2:(\d+):(\d+)/.exec(lanes);
  const y = box.y + Number(worker[1]) + 12;
  for (let x = 130; x < box.width - 10 && !(await hash(page)).includes('select='); x += 4) {
    await page.mouse.click(box.x + x, y);
  }
  assert.match(await hash(page), /&select=seq:\d+/);
  const selected = await page.locator('#selection-details').textContent();
  for (let n = 0; n < 3; ++n) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const at = await playhead(page);
  await page.waitForFunction((seq) => location.hash.includes(`at=seq:${seq}`), at + 1, {
    timeout: 3000,
  });
  const link = await page.evaluate(() => location.href);
  assert.match(link, /&view=.+&at=seq:\d+&select=seq:\d+$/, link);
  const original = await timelinePicture(page);

  const reopened = await openPage(session.browser, link);
  assert.equal(await waitForRun(reopened), 'done');
  await reopened.waitForFunction((i) => Number(document.body.dataset.playhead) === i, at);
  assert.equal(await reopened.locator('#selection-details').textContent(), selected);
  assert.equal(await reopened.evaluate(() => location.href), link, 'the link is unchanged');
  const again = await timelinePicture(reopened);
  assert.ok(original.equals(again), 'the reopened timeline is the same picture');
  assert.deepEqual([...page.errors, ...reopened.errors], []);
  await page.close();
  await reopened.close();
});

test('stepping writes the playhead to the link and leaves the window alone', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=basic`);
  assert.equal(await waitForRun(page), 'done');
  await page.locator('#timeline canvas').focus();
  for (let n = 0; n < 5; ++n) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('at=seq:6'), null, { timeout: 3000 });
  assert.doesNotMatch(await hash(page), /view=/, 'a fitted window is not written');
  assert.deepEqual(page.errors, []);
  await page.close();
});
