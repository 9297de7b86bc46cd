// What a figure draws over the lanes (issue 19, item 8), against what the canvas drew in Chromium:
// the wake arrows and steal arrows (each canvas curve counted as it is drawn, by wrapping the
// 2D context of the page's timeline canvas: bezierCurveTo is a wake arrow, quadraticCurveTo a
// steal arrow), at the fitted view, zoomed in and with a selection, with the canvas's shapes for
// steals and timer fires; with more lanes than the screen shows, the canvas's arrows among the
// figure's (which has every lane's); none in either when too many polls are in view; the
// playhead where the canvas has it, by default in the visible window only, and left out when
// the reader unticks it; the words the canvas writes on the lanes and the axis ("parked", "time
// stands still") and compare mode's first-difference marker.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';
import { lanesOf } from '../support/canvas.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

/**
 * A page 1280 x `height` whose timeline canvas counts its curves: window.__curves holds the last
 * frame's { wake: [[x, y] ends], steal: [[x, y] ends], texts: [what fillText wrote] } (a frame
 * starts with setTransform).
 */
async function countingPage(url, height = 1400) {
  const page = await session.browser.newPage({ viewport: { width: 1280, height } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.addInitScript(() => {
    const curves = { wake: [], steal: [], texts: [], frames: 0 };
    window.__curves = curves;
    const proto = CanvasRenderingContext2D.prototype;
    const ours = (ctx) => ctx.canvas.parentElement?.id === 'timeline';
    const wrap = (name, heard) => {
      const original = proto[name];
      proto[name] = function (...args) {
        if (ours(this)) heard(args);
        return original.apply(this, args);
      };
    };
    wrap('setTransform', () => {
      curves.wake = [];
      curves.steal = [];
      curves.texts = [];
      ++curves.frames;
    });
    wrap('fillText', (args) => curves.texts.push(args[0]));
    wrap('bezierCurveTo', (args) => curves.wake.push([args[4], args[5]]));
    wrap('quadraticCurveTo', (args) => curves.steal.push([args[2], args[3]]));
  });
  await page.goto(url);
  assert.equal(await waitForRun(page), 'done');
  await settle(page);
  return page;
}

/** Two animation frames: whatever was asked to draw has drawn. */
function settle(page) {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Closes the Export menu, whose panel lies over the timeline. */
async function closeExportMenu(page) {
  if (await page.locator('#export-menu').evaluate((details) => details.open))
    await page.click('#export-menu summary');
}

async function exportSvg(page) {
  if (!(await page.locator('#export-menu').evaluate((details) => details.open)))
    await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  return readFile(await download.path(), 'utf8');
}

/**
 * The figure's marks: each arrow's end point (the last two numbers of its curve's path), the
 * playhead's x and whether its handle and its legend entry are there.
 */
function figureMarks(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const ends = (selector) =>
      [...doc.querySelectorAll(`${selector} path:first-child`)].map((path) =>
        path
          .getAttribute('d')
          .trim()
          .split(/[\s,A-Za-z]+/)
          .filter(Boolean)
          .slice(-2)
          .map(Number),
      );
    const line = doc.querySelector('.figure-playhead');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      wake: ends('.figure-wake-arrow'),
      steal: ends('.figure-steal-arrow'),
      playhead: line ? Number(line.getAttribute('x1')) : null,
      handle: doc.querySelectorAll('.figure-playhead-handle').length,
      legend: [...doc.querySelectorAll('.figure-legend text')].map((t) => t.dataset.mark),
      playheadColour: line?.getAttribute('stroke') ?? null,
      // Marks drawn as shapes (render.js's drawMarker), by fill colour: triangles and diamonds.
      shapes: [...doc.querySelectorAll('path')]
        .filter((path) => !path.closest('.figure-arrow, .figure-legend, defs'))
        .reduce((shapes, path) => {
          const fill = path.getAttribute('fill');
          const d = path.getAttribute('d');
          const count = (corners) =>
            (d.match(new RegExp(`M[^MZ]*${'L[^MLZ]*'.repeat(corners)}Z`, 'g')) ?? []).length;
          shapes[fill] ??= { triangles: 0, diamonds: 0 };
          shapes[fill].triangles += count(2);
          shapes[fill].diamonds += count(3);
          return shapes;
        }, {}),
    };
  }, text);
}

/** The arrows of the last canvas frame. */
const canvasCurves = (page) => page.evaluate(() => window.__curves);

/**
 * The figure's arrow ends are the canvas's: the same x, and y moved down by one constant (the
 * figure's title row), in the same order.
 */
function assertSameArrows(figure, canvas, what) {
  assert.equal(figure.length, canvas.length, `${what}: ${figure.length} vs ${canvas.length}`);
  const shift = figure.length > 0 ? figure[0][1] - canvas[0][1] : 0;
  figure.forEach(([x, y], i) => {
    assert.ok(Math.abs(x - canvas[i][0]) < 0.02, `${what} ${i}: x ${x} vs ${canvas[i][0]}`);
    assert.ok(Math.abs(y - canvas[i][1] - shift) < 0.02, `${what} ${i}: y ${y}`);
  });
}

/** The page's lanes all fit on the canvas (so the canvas drew every lane's arrows). */
async function assertAllLanesShown(page) {
  const lanes = [...(await lanesOf(page)).values()];
  const box = await page.locator('#timeline canvas').boundingBox();
  const bottom = Math.max(...lanes.map((lane) => lane.top + lane.height));
  assert.ok(bottom <= box.height, `lanes end at ${bottom}, the canvas is ${box.height} high`);
}

test('the figure has the wake and steal arrows the canvas draws, zoomed and selected', async () => {
  const page = await countingPage(
    `${session.url}#v=1&example=concurrent&strategy=tokio-multi-thread&workers=2&tasks=3&seed=5`,
  );
  try {
    await assertAllLanesShown(page);
    const fitted = await canvasCurves(page);
    assert.ok(fitted.frames > 0);
    assert.ok(fitted.wake.length >= 5, `wake arrows on the canvas: ${fitted.wake.length}`);
    assert.ok(fitted.steal.length >= 1, `steal arrows on the canvas: ${fitted.steal.length}`);
    const figure = await figureMarks(page, await exportSvg(page));
    assert.equal(figure.error, null);
    assertSameArrows(figure.wake, fitted.wake, 'wake (fitted)');
    assertSameArrows(figure.steal, fitted.steal, 'steal (fitted)');
    assert.ok(figure.legend.includes('wake'), figure.legend.join('|'));
    // The marks are the canvas's shapes: a steal triangle where each steal arrow ends, diamonds
    // where timers fire.
    const colour = (name) =>
      page.evaluate(
        (name) =>
          getComputedStyle(document.getElementById('timeline'))
            .getPropertyValue(`--tl-${name}`)
            .trim(),
        name,
      );
    assert.equal(figure.shapes[await colour('steal')]?.triangles, figure.steal.length);
    assert.ok(figure.shapes[await colour('timer')]?.diamonds >= 3, JSON.stringify(figure.shapes));
    assert.ok(figure.legend.includes('steal'), figure.legend.join('|'));

    // Zoomed in on the left: fewer arrows, the ones the canvas draws for this window.
    await closeExportMenu(page);
    const box = await page.locator('#timeline canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 100);
    for (let i = 0; i < 2; ++i) await page.mouse.wheel(0, -300);
    await settle(page);
    const zoomed = await canvasCurves(page);
    assert.ok(zoomed.wake.length < fitted.wake.length, `${zoomed.wake.length} wake arrows zoomed`);
    assert.ok(zoomed.wake.length > 0);

    // A selection redraws the canvas: the figure still has its arrows, no more and no fewer.
    const lane = (await lanesOf(page)).get('main');
    await page.mouse.click(box.x + 200, box.y + lane.top + lane.height / 2);
    await settle(page);
    const selected = await canvasCurves(page);
    assert.ok(selected.frames > zoomed.frames, 'the click drew a frame');
    const zoomedFigure = await figureMarks(page, await exportSvg(page));
    assertSameArrows(zoomedFigure.wake, selected.wake, 'wake (zoomed, selected)');
    assertSameArrows(zoomedFigure.steal, selected.steal, 'steal (zoomed, selected)');
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test("more lanes than the screen shows: the figure has every lane's arrows", async () => {
  const page = await countingPage(`${session.url}#v=1&example=concurrent&tasks=60&seed=1`, 720);
  try {
    const curves = await canvasCurves(page);
    assert.ok(curves.wake.length > 0, 'the canvas draws the arrows of the lanes it shows');
    const text = await exportSvg(page);
    const figure = await figureMarks(page, text);
    assert.equal(figure.error, null);
    assert.ok(figure.wake.length > curves.wake.length, `${figure.wake.length} in the figure`);
    // The figure's lanes sit lower by its title: the canvas's arrows are among the figure's.
    const [first] = (await lanesOf(page)).values();
    const figureTop = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return Number(doc.querySelector('.figure-lanes rect').getAttribute('y'));
    }, text);
    const shift = figureTop - first.top;
    for (const [x, y] of curves.wake)
      assert.ok(
        figure.wake.some(([fx, fy]) => Math.abs(fx - x) < 0.02 && Math.abs(fy - y - shift) < 0.02),
        `an arrow to ${x}, ${y}`,
      );
  } finally {
    await page.close();
  }
});

test('with too many polls in view, neither the canvas nor the figure draws wake arrows', async () => {
  const page = await countingPage(
    `${session.url}#v=1&example=mutex-contention&tasks=3&iterations=200&seed=1`,
    1100,
  );
  try {
    await assertAllLanesShown(page);
    const curves = await canvasCurves(page);
    assert.ok(curves.frames > 0);
    assert.equal(curves.wake.length, 0);
    const figure = await figureMarks(page, await exportSvg(page));
    assert.equal(figure.error, null);
    assert.equal(figure.wake.length, 0);
  } finally {
    await page.close();
  }
});

test("the playhead is in the window's figure where the canvas has it, and can be left out", async () => {
  const page = await countingPage(
    `${session.url}#v=1&example=concurrent&tasks=3&seed=5&at=seq:40`,
    900,
  );
  try {
    // The canvas's playhead: the one column of the playhead's colour across an empty lane.
    const colour = await page.evaluate(() =>
      getComputedStyle(document.getElementById('timeline'))
        .getPropertyValue('--tl-playhead')
        .trim(),
    );
    const rgb = /^#(..)(..)(..)$/
      .exec(colour)
      .slice(1)
      .map((hex) => parseInt(hex, 16));
    // The first lane (the timers'): playhead and a few ticks, no poll.
    const [lane] = (await lanesOf(page)).values();
    const columns = await page.evaluate(
      ({ y, rgb }) => {
        const canvas = document.querySelector('#timeline canvas');
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        const data = canvas
          .getContext('2d')
          .getImageData(0, Math.round(y * ratio), canvas.width, 1).data;
        const found = [];
        for (let i = 0; i < data.length; i += 4)
          if ([0, 1, 2].every((c) => Math.abs(data[i + c] - rgb[c]) < 4))
            found.push((i / 4 + 0.5) / ratio);
        return found;
      },
      { y: lane.top + 2, rgb },
    );
    assert.ok(columns.length >= 1 && columns.length <= 3, `playhead columns: ${columns}`);
    const canvasX = columns.reduce((a, b) => a + b, 0) / columns.length;

    const shown = await figureMarks(page, await exportSvg(page));
    assert.notEqual(shown.playhead, null, 'the window figure has the playhead');
    assert.ok(Math.abs(shown.playhead - canvasX) <= 1, `${shown.playhead} vs ${canvasX}`);
    assert.equal(shown.handle, 1);
    assert.equal(shown.playheadColour, colour);
    assert.ok(shown.legend.includes('playhead'), shown.legend.join('|'));

    // Unticked: no playhead, nor its legend entry.
    await page.uncheck('#figure-playhead');
    const without = await figureMarks(page, await exportSvg(page));
    assert.equal(without.playhead, null);
    assert.equal(without.handle, 0);
    assert.ok(!without.legend.includes('playhead'));

    // The whole run starts without it (the box follows the view), and it can be ticked back.
    await page.check('#figure-playhead');
    await page.selectOption('#figure-view', 'whole');
    assert.equal(await page.isChecked('#figure-playhead'), false);
    assert.equal((await figureMarks(page, await exportSvg(page))).playhead, null);
    await page.check('#figure-playhead');
    assert.notEqual((await figureMarks(page, await exportSvg(page))).playhead, null);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

/** The texts of the figure's lanes and axis (not the legend's), and its marker lines. */
function figureWords(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      lanes: [...doc.querySelectorAll('.figure-lanes ~ g text')]
        .filter((t) => !t.closest('.figure-legend, .figure-lane-labels'))
        .map((t) => t.textContent),
      axis: [...doc.querySelectorAll('.figure-axis text')].map((t) => t.textContent),
      flags: [...doc.querySelectorAll('.figure-axis-flags text')].map((t) => t.textContent),
      markers: [...doc.querySelectorAll('.figure-markers path')].map((p) =>
        p.getAttribute('stroke-dasharray'),
      ),
    };
  }, text);
}

test('the figure says what the canvas writes: parked workers, time standing still, the first difference', async () => {
  // Parks wide enough for the word, on every lane of a run that fits the canvas.
  let page = await countingPage(`${session.url}#v=1&example=timers&strategy=tokio-multi-thread`);
  try {
    await assertAllLanesShown(page);
    const canvas = (await canvasCurves(page)).texts.filter((text) => text === 'parked');
    const figure = await figureWords(page, await exportSvg(page));
    assert.ok(canvas.length > 0, 'the canvas writes "parked"');
    assert.deepEqual(
      figure.lanes.filter((text) => text === 'parked'),
      canvas,
    );
  } finally {
    await page.close();
  }
  // A window inside one instant: the axis has no times, and says which instant it is.
  page = await countingPage(`${session.url}#v=1&example=timers&view=1ns..2ns`);
  try {
    const canvas = (await canvasCurves(page)).texts.filter((text) => /stands still/.test(text));
    assert.deepEqual(canvas, ['t = 0 (time stands still)']);
    assert.deepEqual((await figureWords(page, await exportSvg(page))).axis, canvas);
  } finally {
    await page.close();
  }
  // Compare mode's marker, on the lanes and flagged on the axis.
  page = await countingPage(
    `${session.url}#v=1&example=concurrent&strategy=local&compare=tokio-multi-thread`,
  );
  try {
    await page.waitForFunction(
      () => document.querySelector('#timeline canvas').dataset.markers === 'first difference',
    );
    await settle(page);
    const figure = await figureWords(page, await exportSvg(page));
    assert.deepEqual(figure.markers, ['6 4'], 'one dashed line');
    assert.deepEqual(figure.flags, ['first difference']);
  } finally {
    await page.close();
  }
});
