// Compare mode as a reader meets it (issue 18, item 9), at 1440x900: threads and tasks have
// names that cannot be confused, both timelines fit with all their lanes, the first event where
// the runs differ is marked on both and told in a sentence (a click puts the playhead there),
// and the compared run has a caption of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const link = '#v=1&example=concurrent&strategy=local&compare=tokio-multi-thread';

async function open() {
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(session.url + link);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.getElementById('compare-totals-b')?.dataset.done);
  await page.waitForTimeout(300);
  return page;
}

test('threads and tasks are named apart, and both timelines show every lane', async () => {
  const page = await open();
  for (const selector of ['#timeline canvas', '#compare-timeline canvas']) {
    const canvas = page.locator(selector);
    const executors = (await canvas.getAttribute('data-executors')).split('|');
    const tasks = (await canvas.getAttribute('data-tasks')).split('|');
    assert.ok(tasks.includes('worker 0'), `${selector}: the example names its tasks worker N`);
    for (const executor of executors) {
      assert.ok(!tasks.includes(executor), `${selector}: "${executor}" is not also a task`);
      assert.doesNotMatch(executor, /^worker/, `${selector}: a thread is not called a worker`);
    }
    const lanes = (await canvas.getAttribute('data-lanes')).split('|').map((entry) => {
      const [label, top, height] = entry.split(':');
      return { label, bottom: Number(top) + Number(height) };
    });
    const box = await canvas.boundingBox();
    const bottom = Math.max(...lanes.map((lane) => lane.bottom));
    assert.ok(box.height >= bottom, `${selector}: ${bottom} px of lanes in ${box.height} px`);
    assert.ok(box.y + box.height <= 900, `${selector} is on the screen`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('where the runs first differ is marked on both timelines and told in words', async () => {
  const page = await open();
  const difference = page.locator('#compare-difference');
  await difference.waitFor();
  const text = await difference.textContent();
  assert.match(
    text,
    /^The runs first differ at event \d+ \(t = [^)]+\): under local, .+; under tokio-multi-thread, .+\.$/,
  );
  for (const selector of ['#timeline canvas', '#compare-timeline canvas']) {
    assert.equal(await page.locator(selector).getAttribute('data-markers'), 'first difference');
  }
  const event = Number(await difference.getAttribute('data-event'));
  assert.match(text, new RegExp(`event ${event + 1} `));
  await difference.click();
  assert.equal(await page.evaluate(() => Number(document.body.dataset.playhead)), event);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the compared run has a caption of its own that follows the playhead', async () => {
  const page = await open();
  const caption = page.locator('#compare-narration');
  await page.locator('#timeline canvas').focus();
  for (let n = 0; n < 20; ++n) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.equal(await caption.isVisible(), true);
  assert.match(await caption.textContent(), /^tokio-multi-thread: t = \S+.*: .+/);
  const before = await caption.getAttribute('data-event');
  for (let n = 0; n < 20; ++n) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(100);
  assert.notEqual(await caption.getAttribute('data-event'), before, 'it follows the playhead');
  assert.match(
    await page.locator('#compare-inspect-note').textContent(),
    /follow the top run \(local\)/,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
