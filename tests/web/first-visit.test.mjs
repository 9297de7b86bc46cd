// The smaller things a first visit met (issue 18): a one-line "what is this" on first load, which
// stays hidden once closed; the task table lists the playhead's task once and shows whole states;
// on a phone the header is short, the caption is on the first screen and the help speaks of
// touch, not of a wheel.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from './support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

async function open(hash, viewport) {
  const page = await session.browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  return page;
}

test('a first visit says in one line what the page is; closed, it stays closed', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(session.url);
  const intro = page.locator('#intro');
  await intro.waitFor();
  const text = await intro.textContent();
  assert.match(text, /Future/);
  assert.match(text, /Poll::Pending/);
  assert.match(text, /Waker/);
  assert.ok((await intro.boundingBox()).height <= 60, 'one or two lines');
  await page.click('#intro-close');
  assert.equal(await intro.isHidden(), true);
  await page.reload();
  await waitForRun(page);
  assert.equal(await intro.isHidden(), true, 'closed for good');
  await context.close();
});

/** The cells whose text is wider than their room (cut by an ellipsis or clipped). */
function cutCells(cells) {
  return cells
    .filter((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const room =
        cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return range.getBoundingClientRect().width > room + 0.01;
    })
    .map((cell) => cell.textContent);
}

test('the task table lists the playhead task once, with whole states', async () => {
  const page = await open('#v=1&example=concurrent', { width: 1440, height: 900 });
  await page.locator('#timeline canvas').focus();
  for (let n = 0; n < 12; ++n) {
    await page.keyboard.press('ArrowDown');
    const listed = await page.evaluate(() => {
      const current = document.querySelector('.task-table-wrap tr.is-current');
      if (!current) return null;
      const id = current.dataset.task;
      return document.querySelectorAll(`.task-table-wrap tr[data-task="${id}"]`).length;
    });
    assert.equal(listed, 1, `step ${n}: the playhead's task is listed once`);
  }
  const cut = await page
    .locator('.task-table-wrap td[data-col="state"], .task-table-wrap th')
    .evaluateAll(cutCells);
  assert.deepEqual(cut, [], 'no state or heading is cut off');
  // Before the first poll every task is "not spawned", the longest state.
  await page.keyboard.press('Home');
  const states = page.locator('.task-table tbody td[data-col="state"]');
  assert.ok((await states.allTextContents()).includes('not spawned'));
  assert.deepEqual(await states.evaluateAll(cutCells), [], 'whole states');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the header is short, the caption is on the first screen, the help is for touch', async () => {
  const page = await open('#v=1&example=concurrent', { width: 390, height: 844 });
  const header = await page.locator('.app-header').boundingBox();
  assert.ok(header.height <= 844 / 8, `the header is ${header.height} px tall`);
  const caption = await page.locator('#narration').boundingBox();
  assert.ok(caption.y + caption.height <= 844, `the caption ends at ${caption.y + caption.height}`);
  const help = await page
    .locator('.timeline-help')
    .evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).map((n) => n.textContent));
  assert.equal(help.length, 1);
  assert.doesNotMatch(help[0], /wheel/i);
  assert.match(help[0], /Drag|tap/i);
  assert.deepEqual(page.errors, []);
  await page.close();
});
