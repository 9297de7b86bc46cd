// Memory the page holds per event (docs/playground.md): runs `concurrent` with tasks=10000 in
// Chromium, forces a garbage collection and reads V8's heap (JS objects plus ArrayBuffer backing
// stores) through the DevTools protocol; then runs `basic` (34 events) in the same page, which
// drops the big trace, and measures again. The difference divided by the events is the cost of
// one event: model, lanes, event store, replay state and everything the views keep.
// Run: node tests/web/memory.measure.mjs   (not a test: it prints a number)
import { openPage, startSession, waitForRun } from './support/browser.mjs';

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

async function runWith(page, example, params) {
  await page.selectOption('#example-picker', example);
  for (const [name, value] of Object.entries(params)) await page.fill(`#param-${name}`, String(value));
  await page.evaluate(() => (document.body.dataset.runState = 'starting'));
  await page.click('#run-button');
  await waitForRun(page, 180000);
  await page.waitForTimeout(500);
  return page.locator('#run-status-text').textContent();
}

const session = await startSession();
try {
  const page = await openPage(session.browser, session.url);
  await waitForRun(page);
  const cdp = await page.context().newCDPSession(page);
  const started = performance.now();
  const status = await runWith(page, 'concurrent', { tasks: 10000 });
  const seconds = (performance.now() - started) / 1000;
  const events = Number(status.replace(/,/g, '').match(/^(\d+)/)[1]);
  const big = await heap(cdp);
  await runWith(page, 'basic', {});
  const small = await heap(cdp);
  console.log(JSON.stringify({
    events,
    runSeconds: Number(seconds.toFixed(1)),
    heapWithTrace: big,
    heapWithoutTrace: small,
    bytesPerEvent: Number(((big - small) / events).toFixed(1)),
  }));
} finally {
  await session.close();
}
