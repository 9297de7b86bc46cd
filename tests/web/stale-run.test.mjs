// Picking runs, typing waits for Run (issue 18, item 1): choosing an example or a strategy runs
// it, so the title, the source, the timeline and the link never describe two different choices;
// a parameter typed into the form marks the timeline as the previous run's, and the link keeps
// describing the run on screen, until Run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';
import { traceOf } from './support/trace.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

const hash = (page) => page.evaluate(() => location.hash);
const tasksDrawn = (page) => page.locator('#timeline canvas').getAttribute('data-tasks');

/** Waits for the run started by the last action to end (the state leaves "done" first). */
async function nextRun(page, check) {
  await page.waitForFunction(check, null, { timeout: 20000 });
  return waitForRun(page);
}

test('picking an example runs it: the timeline, the status and the link follow the picker', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=concurrent`);
  assert.equal(await waitForRun(page), 'done');
  const basic = await traceOf('basic');

  await page.selectOption('#example-picker', 'basic');
  assert.equal(
    await nextRun(page, () => location.hash.includes('example=basic')),
    'done',
    'basic ran without pressing Run',
  );
  assert.equal(await tasksDrawn(page), 'main', "the timeline shows basic's one task");
  assert.match(
    await page.locator('#run-status-text').textContent(),
    new RegExp(`^${basic.length} events`),
  );
  assert.equal(await page.locator('.source-file-name').textContent(), 'basic.cpp');
  assert.equal(await page.locator('#stale-note').isHidden(), true);

  // The strategy picker runs as well.
  await page.selectOption('#strategy-picker', 'tokio-current-thread');
  assert.equal(
    await nextRun(page, () => location.hash.includes('strategy=tokio-current-thread')),
    'done',
  );
  assert.match(await hash(page), /example=basic&strategy=tokio-current-thread/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a typed parameter marks the timeline as the previous run, and the link waits for Run', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=basic`);
  assert.equal(await waitForRun(page), 'done');
  const before = await hash(page);
  assert.match(before, /steps=3/);

  await page.fill('#param-steps', '5');
  const note = page.locator('#stale-note');
  await note.waitFor({ state: 'visible' });
  assert.match(await note.textContent(), /previous run.*Run.*steps/);
  assert.equal(
    await page.locator('#timeline').evaluate((node) => node.classList.contains('is-stale')),
    true,
    'the old timeline is dimmed',
  );
  await page.waitForTimeout(500);
  assert.equal(await hash(page), before, 'the link still describes the run on screen');

  // Back to the value on screen: nothing is stale.
  await page.fill('#param-steps', '3');
  await note.waitFor({ state: 'hidden' });
  await page.fill('#param-steps', '5');
  await note.waitFor({ state: 'visible' });

  await page.click('#run-button');
  assert.equal(await nextRun(page, () => location.hash.includes('steps=5')), 'done');
  assert.equal(await note.isHidden(), true);
  assert.equal(
    await page.locator('#timeline').evaluate((node) => node.classList.contains('is-stale')),
    false,
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
