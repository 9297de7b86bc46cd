// Hostile input in Chromium, from tests/web/support/hostile-corpus.mjs: trace files imported
// through the Import control and share links followed into a page that is already up. For each,
// no script runs (no payload sets window.__pwned, no markup reaches the DOM, the strict CSP
// reports no blocked attempt, no uncaught error), the page says what was wrong, and an example
// still runs and draws afterwards.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from './support/browser.mjs';
import {
  extremeTraceFiles, hostileLinks, payloadTrace, refusedTraceFiles, traceLines, writeHugeTrace,
} from './support/hostile-corpus.mjs';

let session;
let basic;
let lostWakeup;
before(async () => {
  [basic, lostWakeup] = [await traceLines('basic'), await traceLines('lost-wakeup')];
  session = await startSession();
});
after(() => session?.close());

/**
 * Opens the page at `hash` with a listener for CSP violations installed before any of its
 * scripts; `page.errors` collects uncaught exceptions and console errors.
 */
async function openWatched(hash) {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  await page.goto(session.url + hash);
  assert.equal(await waitForRun(page), 'done');
  return page;
}

/** Asserts nothing of a payload ran or became markup, and the page threw nothing. */
async function assertNothingRan(page, what) {
  const found = await page.evaluate(() => {
    const injected = [...document.querySelectorAll('img, svg, iframe, object, embed, a[href^="javascript" i], body script')]
      .map((node) => node.outerHTML.slice(0, 80));
    const handlers = [...document.querySelectorAll('*')]
      .filter((node) => [...node.attributes].some((attribute) => attribute.name.startsWith('on')))
      .map((node) => node.outerHTML.slice(0, 80));
    return { pwned: window.__pwned, violations: window.__violations, injected, handlers };
  });
  assert.deepEqual(found, { pwned: undefined, violations: [], injected: [], handlers: [] }, what);
  assert.deepEqual(page.errors, [], what);
}

/** Runs `example` with the Run button and returns the event count the status shows. */
async function runStillWorks(page, example = 'timers') {
  await page.selectOption('#example-picker', example);
  await page.evaluate(() => (document.body.dataset.runState = 'stale'));
  await page.click('#run-button');
  assert.equal(await waitForRun(page), 'done');
  const status = await page.locator('#run-status-text').textContent();
  const events = Number(status.replace(/,/g, '').match(/^(\d+) events/)?.[1]);
  assert.ok(events > 10, `the run shows its events: ${status}`);
  assert.ok(await canvasInk(page) > 1000, 'the timeline is drawn');
  return events;
}

/** Pixels of the timeline canvas that are not its background. */
function canvasInk(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('#timeline canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ++ink;
    return ink;
  });
}

/** Hands `file` ({ name, buffer } or a path) to the Import control; resolves to the message shown. */
async function importFile(page, file, name = file.name ?? path.basename(file), timeout = 20000) {
  await page.setInputFiles('#import-file', typeof file === 'string' ? file : { ...file, mimeType: 'application/x-ndjson' });
  await page.waitForFunction(
    (fileName) => {
      const text = document.getElementById('share-message').textContent;
      return text.startsWith(`${fileName}: `) || text.startsWith(`Imported ${fileName}:`);
    },
    name,
    { timeout },
  );
  return page.locator('#share-message').textContent();
}

test('hostile trace files are refused with their line and problem, and nothing of them runs or shows', async () => {
  const page = await openWatched('#example=basic');
  try {
    const status = await page.locator('#run-status-text').textContent();
    for (const [name, buffer, problem] of refusedTraceFiles(basic)) {
      const message = await importFile(page, { name, buffer });
      assert.match(message, problem, name);
      assert.ok(message.startsWith(`${name}: `), message);
      assert.equal(await page.locator('#share-message').evaluate((node) => node.classList.contains('is-error')), true, name);
      assert.equal(await page.locator('#run-status-text').textContent(), status, `${name}: the shown run stays`);
    }
    await assertNothingRan(page, 'after the refused files');
    await runStillWorks(page);
    await assertNothingRan(page, 'after a run');
  } finally {
    await page.close();
  }
});

test('a trace with script payloads in every string field is shown as text, and the page keeps working', async () => {
  const page = await openWatched('#example=basic');
  try {
    const text = payloadTrace(lostWakeup);
    const message = await importFile(page, { name: 'payload.ndjson', buffer: Buffer.from(text) });
    assert.equal(message, `Imported payload.ndjson: ${text.trimEnd().split('\n').length - 1} events.`);
    // The payload is there, as text: in the task table (task names) and the warnings.
    await page.waitForFunction(() => document.getElementById('task-table').textContent.includes('onerror='));
    assert.match(await page.locator('#task-table').textContent(), /<img src=x onerror="window.__pwned=1">/);
    assert.match(await page.locator('#warnings').textContent(), /Deadlock/);
    // Share snippets built from the payload's example name stay inside their attributes.
    await page.click('#share-menu summary');
    const iframe = await page.locator('#share-iframe').inputValue();
    assert.doesNotMatch(iframe, /<img|<script|<svg/, iframe);
    await page.click('#share-menu summary');
    // Hover and click across the lanes: tooltips and selection details show the fields.
    const box = await page.locator('#timeline canvas').boundingBox();
    for (let x = 140; x < box.width; x += 40) {
      for (const y of [40, 70, 100, 130]) await page.mouse.click(box.x + x, box.y + y);
    }
    await page.waitForTimeout(200);
    await assertNothingRan(page, 'after the payload trace');
    await runStillWorks(page);
    await assertNothingRan(page, 'after a run');
  } finally {
    await page.close();
  }
});

test('traces with extreme numbers are shown without hanging the page, and export back', async () => {
  const page = await openWatched('#example=basic');
  try {
    for (const [name, buffer] of extremeTraceFiles(basic)) {
      const message = await importFile(page, { name, buffer });
      assert.match(message, new RegExp(`^Imported ${name}: \\d+ events`), message);
      assert.ok(await canvasInk(page) > 100, `${name}: the timeline is drawn`);
      // The page still answers, and the trace exports as what was imported.
      await page.click('#export-menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-ndjson')]);
      const exported = await readFile(await download.path(), 'utf8');
      assert.equal(exported.trimEnd().split('\n').length, basic.length, name);
      await page.click('#export-menu summary');
    }
    await assertNothingRan(page, 'after the extreme traces');
    await runStillWorks(page);
  } finally {
    await page.close();
  }
});

test('a 100 MB trace imports in slices: the page keeps drawing, then shows it all', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wakeline-hostile-'));
  const page = await openWatched('#example=basic');
  try {
    const huge = await writeHugeTrace(dir, 100, basic[0]);
    assert.ok(huge.bytes >= 100 * 1024 * 1024);
    // The longest the main thread went without running a timer while the file was read.
    await page.evaluate(() => {
      window.__longestStall = 0;
      let last = performance.now();
      window.__stallTimer = setInterval(() => {
        const now = performance.now();
        window.__longestStall = Math.max(window.__longestStall, now - last);
        last = now;
      }, 20);
    });
    const message = await importFile(page, huge.file, undefined, 90000);
    assert.equal(message, `Imported ${path.basename(huge.file)}: ${huge.events.toLocaleString('en')} events (the trace ends before the run did).`);
    const stall = await page.evaluate(() => {
      clearInterval(window.__stallTimer);
      return window.__longestStall;
    });
    // Before slicing, the whole import was one stall of 6 s or more on this machine.
    assert.ok(stall < 3000, `the page stalled for ${Math.round(stall)} ms at most`);
    assert.match(await page.locator('#run-status-text').textContent(), new RegExp(`^${huge.events.toLocaleString('en')} events`));
    await assertNothingRan(page, 'after the 100 MB trace');
    await runStillWorks(page);
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('hostile links followed into a running page run nothing, say what was wrong, and the page recovers', async () => {
  const page = await openWatched('#example=basic');
  try {
    for (const [fragment, problem] of hostileLinks()) {
      const what = fragment.length > 80 ? `${fragment.slice(0, 80)}…` : fragment;
      await page.evaluate((hash) => {
        document.body.dataset.runState = 'stale';
        location.hash = hash;
      }, fragment);
      assert.equal(await waitForRun(page), 'done', what);
      const list = (await page.locator('#link-messages li').allTextContents()).join('\n');
      assert.match(list, problem, what);
      assert.equal(await page.locator('#link-messages').isVisible(), true, what);
      // The link's scenario (or the default one) ran and drew.
      assert.ok(await canvasInk(page) > 1000, `${what}: the timeline is drawn`);
      await assertNothingRan(page, what);
    }
    // A clean link after all that shows its scenario and no messages.
    await page.evaluate(() => {
      document.body.dataset.runState = 'stale';
      location.hash = '#v=1&example=state-machine&ticks=2&seed=3';
    });
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#param-ticks').inputValue(), '2');
    assert.equal(await page.locator('#link-messages').isHidden(), true);
    await runStillWorks(page);
    await assertNothingRan(page, 'after the clean link');
  } finally {
    await page.close();
  }
});
