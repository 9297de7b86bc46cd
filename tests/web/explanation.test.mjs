// What the page says about an example and what looks wrong in it (issue 18, item 8): a long
// explanation is never cut off mid-sentence (it shows its first lines and opens fully with
// "Read more"), every explanation uses the captions' words rather than the trace's event kinds,
// and a long poll's warning says what it did to the others and points at the lines involved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from './support/browser.mjs';
import { wakelineInNode } from './support/trace.mjs';

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

/** Whether the explanation's text is all in view: not clipped by itself or by its panel. */
const explanationShown = (page) =>
  page.locator('#example-explanation').evaluate((p) => {
    let clip = p.getBoundingClientRect().bottom;
    for (let node = p.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowY !== 'visible') clip = Math.min(clip, node.getBoundingClientRect().bottom);
    }
    return {
      whole: p.scrollHeight <= p.clientHeight + 1,
      visible: p.getBoundingClientRect().bottom <= Math.min(clip, window.innerHeight) + 1,
    };
  });

test('a long explanation shows its first lines and opens fully; it is never cut off', async () => {
  const page = await open('#v=1&example=starvation');
  const more = page.locator('#explanation-more');
  if (await more.isVisible()) {
    assert.equal(await more.textContent(), 'Read more');
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
  }
  const shown = await explanationShown(page);
  assert.ok(shown.whole, 'the whole text is in its box');
  assert.ok(shown.visible, 'and the box is not cut off by the panel');
  // A short explanation needs no button.
  await page.selectOption('#example-picker', 'basic');
  await page.waitForFunction(() => location.hash.includes('example=basic'));
  await waitForRun(page);
  assert.equal(await more.isHidden(), true);
  assert.deepEqual(await explanationShown(page), { whole: true, visible: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("explanations use the captions' words, not the trace's event kinds", async () => {
  const handle = await wakelineInNode();
  const kinds = (await handle.eventSchema()).kinds
    .map((kind) => kind.name)
    .filter((kind) => kind.includes('_'));
  assert.ok(kinds.length > 20, `${kinds.length} kinds`);
  for (const example of await handle.examples()) {
    const named = kinds.filter((kind) => new RegExp(`\\b${kind}\\b`).test(example.explanation));
    assert.deepEqual(named, [], `${example.id} names event kinds`);
    assert.doesNotMatch(
      example.explanation,
      /\breturns? pending\b/,
      `${example.id}: a poll returns Poll::Pending`,
    );
  }
});

test("a long poll's warning says how late the others ran and names the lines", async () => {
  const page = await open('#v=1&example=starvation');
  const warning = page.locator('#warnings button.warning-long-poll');
  await warning.waitFor();
  const text = await warning.textContent();
  assert.match(text, /^hog held the executor for 100\.0 ms in one poll \(spawned at line 85\)/);
  assert.match(text, /ticker ran 99 ms late, its timer due at t = 1 ms \(line 30\)/);
  assert.equal(await warning.getAttribute('data-lines'), '85,30');
  // Both lines are the example's: the hog's spawn and the ticker's await.
  assert.match(await page.locator('.source-line[data-line="85"]').textContent(), /spawn\(hog/);
  assert.match(
    await page.locator('.source-line[data-line="30"]').textContent(),
    /co_await every\.tick\(\)/,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
