// Multi-worker strategies in Chromium: concurrent under tokio-multi-thread with 3 workers draws
// an executor lane per worker plus the block_on thread, a steal is narrated, the strategy
// settings form round-trips through a share link, and a bad setting in a link is named while
// the rest of the link applies.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openPage, startSession, waitForRun } from './support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const api = path.join(repo, 'build/wasm/api');
const { createWakeline } = await import(pathToFileURL(path.join(api, 'wakeline.mjs')).href);

async function traceOf(example, strategy, params) {
  const handle = await createWakeline({ worker: false, coreUrl: pathToFileURL(path.join(api, 'wakeline-core.mjs')) });
  try {
    const run = await handle.run(example, { strategy, params });
    const events = [];
    for await (const batch of run) events.push(...batch);
    await run.done;
    return events;
  } finally {
    handle.dispose();
  }
}

async function withPage(hash, body) {
  const session = await startSession();
  try {
    const page = await openPage(session.browser, session.url + hash);
    await body(page, session);
  } finally {
    await session.close();
  }
}

const messages = (page) => page.locator('#link-messages li').allTextContents();
const executors = (page) => page.locator('#timeline > .timeline-canvas').getAttribute('data-executors');

test('tokio-multi-thread with 3 workers draws a lane per worker and the block_on thread, and narrates a steal', async () => {
  const events = await traceOf('concurrent', 'tokio-multi-thread', { workers: 3 });
  const steal = events.find((event) => event.kind === 'steal' && event.from === 'local');
  assert.ok(steal, 'the run steals from a local queue');
  await withPage('#v=1&example=concurrent&strategy=tokio-multi-thread&workers=3', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await executors(page), 'worker 0|worker 1|worker 2|block_on thread');
    assert.deepEqual(await messages(page), []);
    // The same trace as the API's: the page has as many events.
    assert.match(await page.locator('.playback-counter').textContent(), new RegExp(`/ ${events.length}$`));
    // Step to the steal with the arrow keys, one event per press.
    await page.locator('#timeline > canvas').focus();
    const playhead = () => page.evaluate(() => Number(document.body.dataset.playhead));
    for (let n = await playhead(); n < steal.seq - 1; ++n) await page.keyboard.press('ArrowRight');
    assert.equal(await playhead(), steal.seq - 1);
    assert.equal(await page.locator('#narration').textContent(),
      `t = ${steal.t / 1e6} ms: worker ${steal.worker} stole ${steal.count} task${steal.count === 1 ? '' : 's'} from worker ${steal.victim}'s queue.`);
    // The run queue shows a row per worker and the inject queue.
    const rows = await page.locator('#run-queue .run-queue-label').allTextContents();
    assert.deepEqual(rows.filter((label) => label.startsWith('worker')).sort(), ['worker 0', 'worker 1', 'worker 2']);
    assert.ok(rows.includes('inject queue'), rows.join(', '));
    assert.deepEqual(page.errors, []);
  });
});

test('strategy settings are generated, sent with the run and round-trip through the share link', async () => {
  await withPage('#v=1&example=concurrent&strategy=smol&workers=2&local_queue_capacity=64', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#strategy-picker').inputValue(), 'smol');
    assert.match(await page.locator('#strategy-settings legend').textContent(), /smol/);
    assert.equal(await page.locator('#setting-workers').inputValue(), '2');
    assert.equal(await page.locator('#setting-local_queue_capacity').inputValue(), '64');
    assert.equal(await page.locator('#setting-polls_per_yield').inputValue(), '200');
    assert.equal(await executors(page), 'worker 0|worker 1|block_on thread');
    // Change a setting in the form and run: the link names it, defaults are left out.
    await page.locator('#setting-workers').fill('3');
    await page.locator('#run-button').click();
    assert.equal(await waitForRun(page), 'done');
    await page.waitForFunction(() => location.hash.includes('workers=3'));
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /^#v=1&example=concurrent&strategy=smol&tasks=5&steps=3&jitter_ms=0&workers=3&local_queue_capacity=64&seed=0/);
    assert.doesNotMatch(hash, /polls_per_yield/);
    assert.equal(await executors(page), 'worker 0|worker 1|worker 2|block_on thread');
    // An invalid setting gets the parameter form's message and disables Run.
    await page.locator('#setting-workers').fill('99');
    assert.equal(await page.locator('#setting-workers-message').textContent(), 'Must be between 1 and 64.');
    assert.equal(await page.locator('#run-button').isDisabled(), true);
    // Another strategy shows its own settings; a changed value of a shared name carries over.
    await page.locator('#setting-workers').fill('3');
    await page.locator('#strategy-picker').selectOption('tokio-multi-thread');
    assert.equal(await page.locator('#setting-workers').inputValue(), '3');
    assert.equal(await page.locator('#setting-lifo_slot').isChecked(), true);
    assert.equal(await page.locator('#setting-polls_per_yield').count(), 0);
    await page.locator('#strategy-picker').selectOption('local');
    assert.equal(await page.locator('#setting-workers').count(), 0);
    assert.deepEqual(page.errors, []);
  });
});

test('a bad or unknown setting in a link is named and the rest of the link applies', async () => {
  const hash = '#v=1&example=concurrent&strategy=tokio-multi-thread&workers=500&lifo_slot=false&pool_size=4&tasks=7&seed=2';
  await withPage(hash, async (page) => {
    assert.equal(await waitForRun(page), 'done');
    const list = await messages(page);
    assert.equal(list.length, 2, list.join('\n'));
    assert.match(list[0], /setting workers of tokio-multi-thread must be between 1 and 64, not 500; its default 4 is used/);
    assert.match(list[1], /no parameter "pool_size" and the strategy tokio-multi-thread has no such setting; it was ignored/);
    assert.equal(await page.locator('#setting-workers').inputValue(), '4');
    assert.equal(await page.locator('#setting-lifo_slot').isChecked(), false);
    assert.equal(await page.locator('#param-tasks').inputValue(), '7');
    assert.equal(await page.locator('#param-seed').inputValue(), '2');
    assert.equal(await executors(page), 'worker 0|worker 1|worker 2|worker 3|block_on thread');
    assert.match(await page.evaluate(() => location.hash), /&lifo_slot=false&seed=2/);
    assert.deepEqual(page.errors, []);
  });
});
