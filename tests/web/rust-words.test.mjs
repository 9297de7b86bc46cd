// The page speaks Rust (issue 18, item 3): captions say Future::poll, Poll::Pending, Poll::Ready,
// cx.waker() and Waker::wake where the trace shows those moments, and every strategy has a line
// in the picker and a paragraph in its settings (what it models, which version, what to look for).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';
import { traceOf } from './support/trace.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const playhead = (page) => page.evaluate(() => Number(document.body.dataset.playhead));

async function goTo(page, i) {
  await page.locator('#timeline canvas').focus();
  const current = await playhead(page);
  for (let n = current; n < i; ++n) await page.keyboard.press('ArrowRight');
  for (let n = current; n > i; --n) await page.keyboard.press('ArrowLeft');
  assert.equal(await playhead(page), i);
}

test("captions use Rust's words for polls, results and wakers", async () => {
  const events = await traceOf('basic');
  const page = await openPage(session.browser, `${session.url}#v=1&example=basic`);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);
  const first = (test) => events.findIndex(test);
  const checks = [
    [first((e) => e.kind === 'poll_begin'), /polls it \(Future::poll/],
    [first((e) => e.kind === 'waker_clone'), /clones cx\.waker\(\)/],
    [
      first((e) => e.kind === 'poll_end' && e.result === 'pending'),
      /returned Poll::Pending at line 13/,
    ],
    [first((e) => e.kind === 'waker_wake'), /through Waker::wake/],
    [events.findLastIndex((e) => e.kind === 'poll_end'), /returned Poll::Ready/],
  ];
  for (const [i, expected] of checks) {
    assert.ok(i > 0, `the trace has ${expected}`);
    await goTo(page, i);
    assert.match(await page.locator('#narration').textContent(), expected);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('each strategy has a line in the picker and a paragraph in its settings', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  assert.equal(await waitForRun(page), 'done');
  const options = await page
    .locator('#strategy-picker option')
    .evaluateAll((nodes) => nodes.map((node) => ({ value: node.value, text: node.textContent })));
  assert.ok(options.length >= 4, `${options.length} strategies`);
  for (const { value, text } of options) {
    assert.match(text, new RegExp(`^${value} — .{20,}`), `the picker says what ${value} is`);
  }
  const versions = {
    local: /runtime from scratch/,
    'tokio-current-thread': /Tokio 1\.24/,
    'tokio-multi-thread': /Tokio 1\.24/,
    smol: /async-executor 1\.5/,
  };
  for (const { value } of options) {
    await page.selectOption('#strategy-picker', value);
    const about = await page.locator('#strategy-about').textContent();
    assert.ok(about.length > 200, `${value}: a paragraph (${about.length} characters)`);
    assert.match(about, /Look for/, `${value}: what to look for`);
    if (versions[value]) assert.match(about, versions[value]);
  }
  await waitForRun(page);
  assert.deepEqual(page.errors, []);
  await page.close();
});
