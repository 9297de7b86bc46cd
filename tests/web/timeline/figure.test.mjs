// "Export figure" in Chromium (issue 19, item 8): the Export menu's SVG of the visible window
// parses as SVG, carries the title, the axis's labels as drawn on the canvas, every lane's name
// and the legend, in the page's theme (light and dark) or in the theme chosen for the figure
// (a light figure from a dark page and a dark one from a light page, in the canvas's colours of
// that theme), with no style attribute and no script; a task name that looks like markup stays
// text. The arrows and the playhead are figure-marks.test.mjs's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForRun } from '../support/browser.mjs';
import { traceOf } from '../support/trace.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** Opens the Export menu unless it is open already (a second export from it). */
async function openExportMenu(page) {
  if (!(await page.locator('#export-menu').evaluate((details) => details.open)))
    await page.click('#export-menu summary');
}

async function exportFigure(page) {
  await openExportMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  return {
    name: download.suggestedFilename(),
    text: await readFile(await download.path(), 'utf8'),
  };
}

/** What the page's timeline shows: axis labels, lane names and the background colour. */
function shown(page) {
  return page.evaluate(() => ({
    axis: document.querySelector('#timeline canvas').dataset.axis.split('|'),
    background: getComputedStyle(document.getElementById('timeline'))
      .getPropertyValue('--tl-background')
      .trim(),
  }));
}

/** The SVG text parsed in the page: { error, axis, lanes, legend, title, background, styled }. */
function parsed(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const svg = doc.documentElement;
    const texts = (selector) => [...doc.querySelectorAll(selector)].map((t) => t.textContent);
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: `${svg.namespaceURI} ${svg.localName}`,
      title: doc.querySelector('svg > title')?.textContent,
      axis: texts('.figure-axis text'),
      lanes: texts('.figure-lane-labels text'),
      legend: [...doc.querySelectorAll('.figure-legend text')].map((t) => t.dataset.mark),
      background: svg.querySelector(':scope > rect').getAttribute('fill'),
      styled: doc.querySelectorAll('[style], style, script, foreignObject').length,
    };
  }, text);
}

test('the exported SVG figure has the title, the axis labels, every lane and the legend', async () => {
  const page = await openPage(
    session.browser,
    `${session.url}#v=1&example=concurrent&tasks=4&seed=5`,
  );
  try {
    assert.equal(await waitForRun(page), 'done');
    const before = await shown(page);
    const { name, text } = await exportFigure(page);
    assert.equal(name, 'wakeline-concurrent-local-seed-5.svg');
    assert.match(text, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const svg = await parsed(page, text);
    assert.equal(svg.error, null);
    assert.equal(svg.root, 'http://www.w3.org/2000/svg svg');
    assert.match(svg.title, /^Wakeline: concurrent · local · seed 5 · t = /);
    assert.deepEqual(svg.axis, before.axis);
    assert.ok(svg.axis.length >= 2, svg.axis.join('|'));
    assert.ok(
      svg.axis.every((label) => !label.startsWith('-')),
      svg.axis.join('|'),
    );
    const names = (await traceOf('concurrent', { tasks: 4 }))
      .filter((event) => event.kind === 'task_spawn')
      .map((event) => event.name);
    assert.ok(names.length >= 4, names.join('|'));
    assert.ok(svg.lanes.includes('timers'), svg.lanes.join('|'));
    assert.ok(svg.lanes.includes('executor'), svg.lanes.join('|'));
    assert.ok(svg.lanes.length >= 5, svg.lanes.join('|'));
    for (const name of names)
      assert.ok(
        svg.lanes.some((label) => name.startsWith(label.replace(/…$/, ''))),
        `${name} in ${svg.lanes.join('|')}`,
      );
    for (const mark of ['pending', 'ready', 'waiting'])
      assert.ok(svg.legend.includes(mark), svg.legend.join('|'));
    assert.equal(svg.background, before.background);
    assert.equal(svg.styled, 0, 'no style attribute, style element or script');
    assert.match(
      await page.locator('#share-message').textContent(),
      /Exported wakeline-concurrent-local-seed-5\.svg/,
    );
  } finally {
    await page.close();
  }
});

test('in a dark page the figure is dark, and a markup-like task name stays text', async () => {
  const context = await session.browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  try {
    await page.goto(`${session.url}#v=1&example=basic`);
    assert.equal(await waitForRun(page), 'done');
    const before = await shown(page);
    assert.notEqual(before.background.toLowerCase(), '#ffffff');
    const { text } = await exportFigure(page);
    const svg = await parsed(page, text);
    assert.equal(svg.error, null);
    assert.equal(svg.background, before.background);
    assert.deepEqual(svg.axis, before.axis);

    // An imported trace names a task "<b>…</b><script>…": the figure holds it as text only.
    await openExportMenu(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-ndjson'),
    ]);
    const hostile = '<b>x</b><script>alert(1)</script>';
    let renamed = false;
    const lines = (await readFile(await download.path(), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => {
        const event = JSON.parse(line);
        if (!renamed && event.kind === 'task_spawn') {
          event.name = hostile;
          renamed = true;
        }
        return JSON.stringify(event);
      });
    assert.ok(renamed);
    await page.setInputFiles('#import-file', {
      name: 'hostile.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${lines.join('\n')}\n`),
    });
    await page.waitForFunction(() =>
      document.getElementById('share-message').textContent.startsWith('Imported hostile.ndjson'),
    );
    const imported = await parsed(page, (await exportFigure(page)).text);
    assert.equal(imported.error, null);
    assert.equal(imported.styled, 0, 'the name made no element');
    assert.ok(
      imported.lanes.some((label) => hostile.startsWith(label.replace(/…$/, ''))),
      imported.lanes.join('|'),
    );
  } finally {
    await context.close();
  }
});

test('the figure as PNG is the SVG figure at the scale chosen, at the width chosen', async () => {
  const page = await openPage(session.browser, `${session.url}#v=1&example=basic`);
  try {
    assert.equal(await waitForRun(page), 'done');
    const { text } = await exportFigure(page);
    const size = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(text);
    assert.ok(size, 'the SVG has a width and a height');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-figure-png'),
    ]);
    assert.equal(download.suggestedFilename(), 'wakeline-basic-local-seed-0.figure.png');
    const png = await readFile(await download.path());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual(
      [png.readUInt32BE(16), png.readUInt32BE(20)],
      [2 * Number(size[1]), 2 * Number(size[2])],
    );

    // A chosen width and scale: 600 px wide, and the PNG of that at 3×.
    await page.fill('#figure-width', '600');
    await page.selectOption('#figure-scale', '3');
    const narrow = await exportFigure(page);
    const narrowSize = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(narrow.text);
    assert.equal(narrowSize[1], '600');
    const [scaled] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-figure-png'),
    ]);
    const big = await readFile(await scaled.path());
    assert.deepEqual(
      [big.readUInt32BE(16), big.readUInt32BE(20)],
      [1800, 3 * Number(narrowSize[2])],
    );
  } finally {
    await page.close();
  }
});

test('zoomed in, the figure is the window on screen; the whole-run figure starts at 0', async () => {
  const page = await openPage(
    session.browser,
    `${session.url}#v=1&example=concurrent&tasks=4&seed=5`,
  );
  try {
    assert.equal(await waitForRun(page), 'done');
    const box = await page.locator('#timeline canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    const before = (await shown(page)).axis.join('|');
    for (let i = 0; i < 4; ++i) await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      (axis) => document.querySelector('#timeline canvas').dataset.axis !== axis,
      before,
    );
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const zoomed = await shown(page);
    const visible = await parsed(page, (await exportFigure(page)).text);
    assert.deepEqual(visible.axis, zoomed.axis);
    assert.doesNotMatch(visible.title, /· t = 0 – /, visible.title);
    await page.selectOption('#figure-view', 'whole');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-svg'),
    ]);
    assert.equal(download.suggestedFilename(), 'wakeline-concurrent-local-seed-5.run.svg');
    const whole = await parsed(page, await readFile(await download.path(), 'utf8'));
    assert.equal(whole.error, null);
    assert.match(whole.title, /· t = 0 – /);
    assert.equal(whole.axis[0], '0');
    assert.notDeepEqual(whole.axis, visible.axis);
    assert.deepEqual(whole.lanes, visible.lanes);
  } finally {
    await page.close();
  }
});

/** The canvas's palette as the page's stylesheet gives it: every --tl-* value of #timeline. */
function canvasPalette(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.getElementById('timeline'));
    const palette = {};
    for (const name of ['background', 'lane', 'lane-alt', 'text', 'pending', 'ready', 'wake'])
      palette[name] = style.getPropertyValue(`--tl-${name}`).trim();
    return palette;
  });
}

/** The colours the SVG text uses where each palette colour goes. */
function figureColours(page, text) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const svg = doc.documentElement;
    const lanes = [...doc.querySelectorAll('.figure-lanes rect')].map((r) =>
      r.getAttribute('fill'),
    );
    return {
      background: svg.querySelector(':scope > rect').getAttribute('fill'),
      lane: lanes[0],
      'lane-alt': lanes[1],
      text: doc.querySelector('.figure-title').getAttribute('fill'),
      fills: [...new Set([...doc.querySelectorAll('rect')].map((r) => r.getAttribute('fill')))],
      wake: doc.querySelector('.figure-wake-arrow path')?.getAttribute('stroke'),
    };
  }, text);
}

test('a figure in its own theme: light from a dark page, dark from a light page', async () => {
  const hash = '#v=1&example=concurrent&tasks=3&seed=2';
  const palettes = {};
  const figures = {};
  for (const [scheme, other] of [
    ['dark', 'light'],
    ['light', 'dark'],
  ]) {
    const context = await session.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    try {
      await page.goto(session.url + hash);
      assert.equal(await waitForRun(page), 'done');
      palettes[scheme] = await canvasPalette(page);
      // The page's theme (the default), then the other one, chosen in the menu.
      const own = await figureColours(page, (await exportFigure(page)).text);
      assert.equal(own.background, palettes[scheme].background);
      assert.deepEqual(
        await page
          .locator('#figure-theme option')
          .evaluateAll((options) => options.map((option) => option.value)),
        ['', 'light', 'dark'],
      );
      await page.selectOption('#figure-theme', other);
      const { text } = await exportFigure(page);
      assert.equal((await parsed(page, text)).error, null);
      figures[other] = await figureColours(page, text);
      assert.notEqual(figures[other].background, own.background);
    } finally {
      await context.close();
    }
  }
  // Each figure has the colours the canvas has in that theme, read from the same stylesheet.
  assert.equal(palettes.light.background, '#ffffff');
  assert.notEqual(palettes.dark.background, palettes.light.background);
  for (const theme of ['light', 'dark']) {
    const palette = palettes[theme];
    const figure = figures[theme];
    for (const name of ['background', 'lane', 'lane-alt', 'text', 'wake'])
      assert.equal(figure[name], palette[name], `${theme} ${name}`);
    for (const name of ['pending', 'ready'])
      assert.ok(figure.fills.includes(palette[name]), `${theme} ${name} in ${figure.fills}`);
  }
});
