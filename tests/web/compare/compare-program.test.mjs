// Compare mode with a program (issue 17): the page's program runs under a second strategy too,
// both timelines tell the program's run, and the link carries the program and the compared
// strategy, so it reopens both.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun, watchedPage } from '../support/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

async function waitForCompare(page) {
  assert.equal(await waitForRun(page, 30000), 'done');
  await page.waitForFunction(
    () => document.getElementById('compare-totals-b')?.dataset.done === 'true',
    null,
    { timeout: 30000 },
  );
}

test('a program compared under two strategies: both runs are the program’s, and the link keeps both', async () => {
  const page = await watchedPage(session.browser);
  await page.goto(session.url);
  assert.equal(await waitForRun(page), 'done');
  assert.equal(await page.evaluate(() => document.body.dataset.programRun), 'program');
  await page.selectOption('#compare-picker', 'tokio-multi-thread');
  await waitForCompare(page);
  // concurrent.rs tells concurrent's story: the C++ example's totals (compare-panel.test.mjs).
  assert.match(
    await page.textContent('#compare-totals-a'),
    /^local · makespan 75 ms · 26 polls · 0 steals · 20 wakes$/,
  );
  assert.match(
    await page.textContent('#compare-totals-b'),
    /^tokio-multi-thread · makespan 76\.002 ms · 26 polls · 4 steals · 20 wakes$/,
  );
  // The second timeline has a caption of its own at the playhead.
  await page.focus('.timeline-canvas');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.getElementById('compare-narration').textContent !== '');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /compare=tokio-multi-thread/);
  assert.match(hash, /&program=/);

  // The link reopens the program, compared.
  const again = await watchedPage(session.browser);
  await again.goto(session.url + hash);
  await waitForCompare(again);
  assert.equal(await again.evaluate(() => document.body.dataset.programRun), 'program');
  assert.equal(await again.locator('#compare-picker').inputValue(), 'tokio-multi-thread');
  assert.equal(
    await again.textContent('#compare-totals-b'),
    await page.textContent('#compare-totals-b'),
  );

  for (const p of [page, again]) assert.deepEqual(p.errors, []);
  for (const p of [page, again]) assert.deepEqual(await p.evaluate(() => window.__violations), []);
  await page.close();
  await again.close();
});
