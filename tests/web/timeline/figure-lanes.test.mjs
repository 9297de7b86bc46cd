// What a figure draws in the lanes and on the axis besides the arrows (issue 19, item 8), against
// what the canvas drew in Chromium (its 2D context wrapped: every stroked path and every text of
// the last frame recorded as it is drawn): the run queue's step line, point for point, and its
// "max N"; a deadlock's line, a cross on each stuck task's lane and the "deadlock" flag, in
// English and in Spanish, in a figure of the window and of the whole run; the break marks and
// times of stretched instants on the axis. The arrows and the playhead are figure-marks.test.mjs's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { startSession, waitForRun } from '../support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

/**
 * A page 1280 x `height` whose timeline canvas records its last frame: window.__frame holds
 * { strokes: [{ colour, width, dash, points: [[x, y, move]] }], texts: [{ text, x, y }] }.
 */
async function recordingPage(url, height = 1000) {
  const page = await session.browser.newPage({ viewport: { width: 1280, height } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.addInitScript(() => {
    const frame = { strokes: [], texts: [], frames: 0 };
    window.__frame = frame;
    let points = [];
    const proto = CanvasRenderingContext2D.prototype;
    const ours = (ctx) => ctx.canvas.parentElement?.id === 'timeline';
    const wrap = (name, heard) => {
      const original = proto[name];
      proto[name] = function (...args) {
        if (ours(this)) heard(this, args);
        return original.apply(this, args);
      };
    };
    wrap('setTransform', () => {
      frame.strokes = [];
      frame.texts = [];
      ++frame.frames;
    });
    wrap('beginPath', () => (points = []));
    wrap('moveTo', (ctx, [x, y]) => points.push([x, y, true]));
    wrap('lineTo', (ctx, [x, y]) => points.push([x, y, false]));
    wrap('stroke', (ctx) =>
      frame.strokes.push({
        colour: ctx.strokeStyle,
        width: ctx.lineWidth,
        dash: ctx.getLineDash().join(' '),
        points,
      }),
    );
    wrap('fillText', (ctx, [text, x, y]) => frame.texts.push({ text, x, y }));
  });
  await page.goto(url);
  assert.equal(await waitForRun(page), 'done');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page;
}

async function exportSvg(page, view = 'window') {
  if (!(await page.locator('#export-menu').evaluate((details) => details.open)))
    await page.click('#export-menu summary');
  await page.selectOption('#figure-view', view);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  return readFile(await download.path(), 'utf8');
}

/** The timeline's colour `name` (--tl-name) as the canvas reports a strokeStyle. */
function colour(page, name) {
  return page.evaluate((name) => {
    const value = getComputedStyle(document.getElementById('timeline'))
      .getPropertyValue(`--tl-${name}`)
      .trim();
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.strokeStyle = value;
    return { value, canvas: ctx.strokeStyle };
  }, name);
}

/**
 * The figure's recorded drawings: for each group classed `figure-depth`, `figure-deadlock`,
 * `figure-axis-breaks` and `figure-axis-flags`, its paths ({ stroke, width, dash, points:
 * [[x, y, move]] }) and texts; the top of its lanes, and the legend's marks.
 */
function figureParts(page, source) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const points = (d) =>
      [...d.matchAll(/([ML])\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)].map((m) => [
        Number(m[2]),
        Number(m[3]),
        m[1] === 'M',
      ]);
    const group = (name) =>
      [...doc.querySelectorAll(`.${name}`)].map((g) => ({
        paths: [...g.querySelectorAll('path')].map((path) => ({
          stroke: path.getAttribute('stroke'),
          fill: path.getAttribute('fill'),
          width: Number(path.getAttribute('stroke-width')),
          dash: path.getAttribute('stroke-dasharray') ?? '',
          points: points(path.getAttribute('d')),
        })),
        texts: [...g.querySelectorAll('text')].map((t) => t.textContent),
        transform: g.getAttribute('transform'),
      }));
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      depth: group('figure-depth'),
      deadlock: group('figure-deadlock'),
      breaks: group('figure-axis-breaks'),
      flags: group('figure-axis-flags'),
      lanesTop: Number(doc.querySelector('.figure-lanes rect').getAttribute('y')),
      legend: [...doc.querySelectorAll('.figure-legend text')].map((t) => t.dataset.mark),
      styled: doc.querySelectorAll('[style], style, script, foreignObject').length,
    };
  }, source);
}

/** Segments [[x0, y0], [x1, y1]] of a path's points (each move starts one). */
function segments(points) {
  const out = [];
  for (let i = 1; i < points.length; ++i) if (!points[i][2]) out.push([points[i - 1], points[i]]);
  return out;
}

/** A deadlock's strokes: { lines: [x], crosses: [[x, y]] } (a cross: two 10 px diagonals). */
function deadlockShapes(strokes) {
  const lines = [];
  const diagonals = [];
  for (const stroke of strokes)
    for (const [[x0, y0], [x1, y1]] of segments(stroke.points)) {
      if (stroke.dash) continue;
      if (Math.abs(x1 - x0) < 0.01 && Math.abs(y1 - y0) > 50) lines.push(x0);
      else if (Math.abs(Math.abs(x1 - x0) - 10) < 0.02 && Math.abs(Math.abs(y1 - y0) - 10) < 0.02)
        diagonals.push([(x0 + x1) / 2, (y0 + y1) / 2]);
    }
  // Each cross is two diagonals about one centre.
  const crosses = diagonals.filter((_, i) => i % 2 === 0);
  return { lines, crosses };
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) < 0.02, `${what}: ${a} vs ${b}`);

test("the figure's run queue line has the canvas's points, and its max", async () => {
  const page = await recordingPage(`${session.url}#v=1&example=concurrent&tasks=3&seed=5`);
  try {
    const depth = await colour(page, 'depth');
    const frame = await page.evaluate(() => window.__frame);
    assert.ok(frame.frames > 0);
    const canvasLines = frame.strokes.filter((stroke) => stroke.colour === depth.canvas);
    assert.equal(canvasLines.length, 1, 'the canvas draws one run queue line');
    const canvasLine = canvasLines[0].points;
    assert.ok(canvasLine.length > 10, `${canvasLine.length} points on the canvas`);

    const figure = await figureParts(page, await exportSvg(page));
    assert.equal(figure.error, null);
    assert.equal(figure.styled, 0);
    assert.equal(figure.depth.length, 1, 'one run queue lane in the figure');
    const [lane] = figure.depth;
    const lines = lane.paths.filter((path) => path.stroke === depth.value);
    assert.equal(lines.length, 1, JSON.stringify(lane.paths.map((path) => path.stroke)));
    const figureLine = lines[0].points;
    assert.equal(lines[0].fill, 'none');
    // The same points in the same order, lower by the figure's title (the lanes' shift).
    assert.equal(figureLine.length, canvasLine.length);
    const shift = figureLine[0][1] - canvasLine[0][1];
    assert.ok(shift > 0, `the figure's lanes are lower by ${shift}`);
    figureLine.forEach(([x, y], i) => {
      near(x, canvasLine[i][0], `point ${i} x`);
      near(y - shift, canvasLine[i][1], `point ${i} y`);
    });
    // Its label: the canvas's words ("max 3").
    assert.equal(lane.texts.length, 1);
    assert.match(lane.texts[0], /^max \d+$/);
    assert.ok(
      frame.texts.some((t) => t.text === lane.texts[0]),
      lane.texts[0],
    );
    assert.ok(figure.legend.includes('depth'), figure.legend.join('|'));

    // The axis's break marks and instants' times, as the canvas draws them on its axis.
    const axisBreaks = frame.strokes.filter(
      (stroke) => stroke.width === 1.25 && stroke.points.every(([, y]) => y <= 30),
    );
    assert.ok(axisBreaks.length >= 2, `${axisBreaks.length} break marks on the canvas`);
    assert.equal(figure.breaks.length, 1);
    const [breaks] = figure.breaks;
    assert.equal(breaks.transform, `translate(0 ${figure.lanesTop - 30})`);
    const canvasMarks = axisBreaks.flatMap((stroke) => segments(stroke.points));
    const figureMarks = breaks.paths
      .filter((path) => path.width === 1.25)
      .flatMap((path) => segments(path.points));
    assert.equal(figureMarks.length, canvasMarks.length);
    figureMarks.forEach(([[x0, y0]], i) => {
      near(x0, canvasMarks[i][0][0], `break mark ${i} x`);
      near(y0, canvasMarks[i][0][1], `break mark ${i} y`);
    });
    const canvasTimes = frame.texts.filter((t) => t.y === 25).map((t) => t.text);
    assert.ok(canvasTimes.length >= 1, "the canvas writes an instant's time");
    assert.deepEqual(breaks.texts, canvasTimes);
    assert.ok(breaks.paths.some((path) => path.fill === 'url(#wakeline-hatch)'));
    assert.equal(figure.deadlock.length, 0, 'no deadlock in this run');
    assert.equal(figure.flags.length, 0);
    assert.ok(!figure.legend.includes('deadlock'));
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

/**
 * The lost wakeup's figures in `lang` (the page link's, or none): the window's deadlock line and
 * crosses where the canvas has them and its flag saying `flag`, and the whole run's the same.
 */
async function checkDeadlock(hash, flag, maxWord) {
  const page = await recordingPage(`${session.url}${hash}`);
  try {
    const danger = await colour(page, 'danger');
    const frame = await page.evaluate(() => window.__frame);
    const stuck = await page.evaluate(() =>
      document.querySelector('#timeline canvas').dataset.stuck.split('|').filter(Boolean),
    );
    assert.ok(stuck.length >= 1, 'the run has stuck tasks');
    const canvas = deadlockShapes(
      frame.strokes.filter((stroke) => stroke.colour === danger.canvas),
    );
    assert.equal(canvas.lines.length, 1, 'the canvas draws one deadlock line');
    assert.equal(canvas.crosses.length, stuck.length);
    assert.ok(
      frame.texts.some((t) => t.text === flag),
      `the canvas's flag says ${flag}`,
    );

    const figure = await figureParts(page, await exportSvg(page));
    assert.equal(figure.error, null);
    assert.equal(figure.styled, 0);
    assert.equal(figure.deadlock.length, 1);
    const shapes = deadlockShapes(
      figure.deadlock[0].paths.filter((path) => path.stroke === danger.value),
    );
    assert.equal(shapes.lines.length, 1, 'the deadlock line');
    assert.equal(shapes.crosses.length, stuck.length, 'a cross on each stuck task');
    near(shapes.lines[0], canvas.lines[0], 'the line');
    const shift = figure.lanesTop - 30;
    shapes.crosses.forEach(([x, y], i) => {
      near(x, canvas.crosses[i][0], `cross ${i} x`);
      near(y - shift, canvas.crosses[i][1], `cross ${i} y`);
    });
    // Each stuck task's wait: a dashed red line up to its cross.
    const waits = figure.deadlock[0].paths.filter(
      (path) => path.stroke === danger.value && path.dash === '4 3',
    );
    assert.equal(waits.length, 1);
    assert.equal(segments(waits[0].points).length, stuck.length);
    assert.deepEqual(
      figure.flags.map((g) => g.texts),
      [[flag]],
    );
    assert.ok(figure.legend.includes('deadlock'), figure.legend.join('|'));
    assert.match(figure.depth[0].texts[0], new RegExp(`^${maxWord} \\d+$`));

    // The whole run has them too.
    const whole = await figureParts(page, await exportSvg(page, 'whole'));
    assert.equal(whole.error, null);
    const wholeShapes = deadlockShapes(
      whole.deadlock[0].paths.filter((path) => path.stroke === danger.value),
    );
    assert.equal(wholeShapes.lines.length, 1);
    assert.equal(wholeShapes.crosses.length, stuck.length);
    assert.deepEqual(
      whole.flags.map((g) => g.texts),
      [[flag]],
    );
    assert.equal(whole.depth.length, 1);
    assert.ok(whole.depth[0].paths[0].points.length > 4);
    assert.ok(whole.legend.includes('deadlock') && whole.legend.includes('depth'));
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
}

test("a lost wakeup's figure has the deadlock line, the stuck tasks' crosses and the flag", () =>
  checkDeadlock('#v=1&example=lost-wakeup', 'deadlock', 'max'));

test("in Spanish the figure's flag and run queue label are Spanish", () =>
  checkDeadlock('#example=lost-wakeup&lang=es', 'interbloqueo', 'máx\\.'));
