// The playground in Chromium at 1280x720: first load, the default run, every example, the
// parameter form's validation, zoom, hover and selection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, startSession, waitForRun } from './support/browser.mjs';

// The timeline palette's light colours (web/styles/timeline.css); headless Chromium is light.
const pending = [0xe6, 0x9f, 0x00];
const ready = [0x00, 0x9e, 0x73];

/** Opens the page in a fresh server and browser, runs `body(page)`, and closes both. */
// The C++ example (a link without a program opens its C++ view); the first test opens the page
// without a link, on concurrent's program.
async function withPage(body, hash = '#v=1&example=concurrent') {
  const session = await startSession();
  try {
    const page = await openPage(session.browser, session.url + hash);
    await body(page);
  } finally {
    await session.close();
  }
}

/** How many canvas pixels have `rgb`, and the first one in CSS pixels of the canvas. */
function findColour(page, rgb) {
  return page.evaluate(([r, g, b]) => {
    const canvas = document.querySelector('#timeline canvas');
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    const scale = width / canvas.getBoundingClientRect().width;
    let count = 0;
    let first = null;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs(data[i] - r) < 3 &&
        Math.abs(data[i + 1] - g) < 3 &&
        Math.abs(data[i + 2] - b) < 3
      ) {
        if (!first) {
          const p = i / 4;
          first = { x: (p % width) / scale, y: Math.floor(p / width) / scale };
        }
        ++count;
      }
    }
    return { count, first };
  }, rgb);
}

async function canvasPoint(page, point) {
  const box = await page.locator('#timeline canvas').boundingBox();
  return { x: box.x + point.x + 1, y: box.y + point.y + 2 };
}

async function visibleRange(page) {
  const readout = page.locator('#timeline-range');
  return {
    x0: Number(await readout.getAttribute('data-x0')),
    x1: Number(await readout.getAttribute('data-x1')),
    text: await readout.textContent(),
  };
}

test('the page opens on concurrent, runs it, and draws its polls with no console errors', async () => {
  await withPage(async (page) => {
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.locator('#example-picker').inputValue(), 'concurrent');
    assert.match(await page.locator('#run-status-text').textContent(), /^\d+ events · \d/);
    assert.equal(await page.evaluate(() => document.body.dataset.source), 'rust');
    assert.equal(await page.locator('#source-rust').textContent(), 'concurrent.rs');
    await page.waitForSelector('#program-editor[data-ready="true"]');
    assert.ok(
      (await page.locator('#program-editor .cm-line span').count()) > 0,
      'the program is highlighted',
    );
    const pendingPixels = await findColour(page, pending);
    const readyPixels = await findColour(page, ready);
    assert.ok(pendingPixels.count > 50, `pending polls drawn (${pendingPixels.count} pixels)`);
    assert.ok(readyPixels.count > 20, `ready polls drawn (${readyPixels.count} pixels)`);
    assert.deepEqual(page.errors, []);
  }, '');
});

test('every example can be picked and run to its end', async () => {
  await withPage(async (page) => {
    assert.equal(await waitForRun(page), 'done');
    const ids = await page
      .locator('#example-picker option')
      .evaluateAll((options) => options.map((option) => option.value));
    // The picker's last entry, the blank program, has no C++ (tests/web/program/ cover it).
    assert.equal(ids.pop(), 'new');
    assert.ok(ids.length >= 7, `the catalogue lists the examples (${ids.join(', ')})`);
    for (const id of ids) {
      await page.selectOption('#example-picker', id);
      const file = await page.locator('.source-file-name').textContent();
      assert.match(file, /\.cpp$/, `${id} shows its source`);
      await page.click('#run-button');
      assert.equal(await waitForRun(page), 'done', `${id} ran`);
      const status = await page.locator('#run-status-text').textContent();
      const events = Number(status.replace(/,/g, '').match(/^(\d+) events/)?.[1]);
      assert.ok(events > 2, `${id} produced events: ${status}`);
      assert.ok(await page.locator('#error-banner').isHidden(), `${id} showed no error`);
      if (id === 'runaway') {
        // Its handlers never end, by design: the memory limit stops the run before any poll is
        // ready, and the page says so.
        assert.ok((await findColour(page, pending)).count > 0, `${id} drew its pending polls`);
        assert.match(
          await page.locator('#warnings').textContent(),
          /memory/i,
          `${id} explains the limit`,
        );
      } else {
        assert.ok((await findColour(page, ready)).count > 0, `${id} drew a ready poll`);
      }
    }
    assert.deepEqual(page.errors, []);
  });
});

test('an invalid parameter shows a message beside its field and disables Run', async () => {
  await withPage(async (page) => {
    assert.equal(await waitForRun(page), 'done');
    const row = page.locator('.param', { has: page.locator('#param-tasks') });
    const message = row.locator('.param-message');
    assert.equal(await page.locator('#run-button').isDisabled(), false);

    await page.fill('#param-tasks', 'five');
    assert.match(await message.textContent(), /not a whole number/);
    assert.equal(await page.locator('#param-tasks').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#run-button').isDisabled(), true);

    await page.fill('#param-tasks', '0');
    assert.match(await message.textContent(), /between 1 and 1000/);
    assert.equal(await page.locator('#run-button').isDisabled(), true);

    await page.fill('#param-tasks', '2');
    assert.equal(await message.textContent(), '');
    assert.equal(await page.locator('#run-button').isDisabled(), false);
    await page.click('#run-button');
    assert.equal(await waitForRun(page), 'done');
    const lanes = await page.locator('#run-status-text').textContent();
    assert.match(lanes, /events/);
  });
});

test('the wheel and +/- zoom around the cursor, f fits the whole run again', async () => {
  await withPage(async (page) => {
    assert.equal(await waitForRun(page), 'done');
    await page.waitForTimeout(100);
    const fitted = await visibleRange(page);
    const box = await page.locator('#timeline canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    const zoomed = await visibleRange(page);
    assert.ok(
      zoomed.x1 - zoomed.x0 < (fitted.x1 - fitted.x0) / 2,
      `wheel zoomed in: ${fitted.x1 - fitted.x0} -> ${zoomed.x1 - zoomed.x0}`,
    );
    assert.ok(
      zoomed.x0 > fitted.x0 && zoomed.x1 < fitted.x1,
      'the zoomed window lies inside the fitted one',
    );
    assert.notEqual(zoomed.text, fitted.text);

    await page.keyboard.press('-');
    await page.waitForTimeout(100);
    const out = await visibleRange(page);
    assert.ok(out.x1 - out.x0 > zoomed.x1 - zoomed.x0, '- zooms out');

    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5 + 120, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    const panned = await visibleRange(page);
    assert.ok(panned.x0 < out.x0, 'dragging right shows what is further left');
    assert.ok(
      Math.abs(panned.x1 - panned.x0 - (out.x1 - out.x0)) < 1e-6 * (out.x1 - out.x0),
      'a pan keeps the zoom',
    );

    await page.keyboard.press('f');
    await page.waitForTimeout(100);
    const refitted = await visibleRange(page);
    assert.equal(refitted.x0, fitted.x0);
    assert.equal(refitted.x1, fitted.x1);
  });
});

test('hovering a poll shows its fields, clicking it selects it and lights its source line', async () => {
  await withPage(async (page) => {
    assert.equal(await waitForRun(page), 'done');
    await page.waitForTimeout(100);
    const tooltip = page.locator('.timeline-tooltip');
    assert.ok(await tooltip.isHidden());
    const box = await page.locator('#timeline canvas').boundingBox();
    // Empty space below the lanes shows nothing.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10);
    assert.ok(await tooltip.isHidden());

    // The last worker's first poll: pending, suspended at the sleep in concurrent.cpp.
    const found = await findColour(page, pending);
    assert.ok(found.first, 'a pending poll is on screen');
    const point = await canvasPoint(page, found.first);
    await page.mouse.move(point.x, point.y);
    await tooltip.waitFor({ state: 'visible', timeout: 2000 });
    assert.match(
      await tooltip.locator('.timeline-tooltip-title').textContent(),
      /^Poll #1 of .+: returned Poll::Pending$/,
    );
    assert.deepEqual(await tooltip.locator('dt').allTextContents(), [
      'when',
      'took',
      'woken by',
      'waits at',
      'then',
      'run queue',
    ]);
    const waits = (await tooltip.locator('dd').allTextContents())[3];
    assert.match(waits, /^line \d+ of concurrent\.cpp$/);
    const line = Number(/\d+/.exec(waits)[0]);

    await page.mouse.click(point.x, point.y);
    assert.match(
      await page.locator('#selection-details').textContent(),
      /^Selected event \d+: Poll #1 of .+: returned Poll::Pending$/,
    );
    const current = page.locator('.source-line.is-current');
    assert.equal(await current.count(), 1);
    assert.equal(Number(await current.getAttribute('data-line')), line);
    assert.match(await current.textContent(), /co_await/);

    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.source-line.is-current').count(), 0);
    assert.deepEqual(page.errors, []);
  });
});
