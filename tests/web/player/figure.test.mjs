// The player's figure (issue 19, item 8): its SVG button downloads the view shown as an SVG with
// the title, the canvas's axis labels, the lanes and the legend, in the player's theme (dark
// here, from embed.html's `theme=dark`), and `player.figure()` gives the same as an element.
// Its PNG button downloads the figure at 2x, and `player.figure({ format: 'png', width, scale })`
// resolves to a PNG Blob that decodes to width x scale pixels; `theme` draws a light figure from
// a dark player in the colours the player itself has when light; the wake arrows and the
// playhead are there (the playhead only in the view, or as asked); bad options throw.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { openPage, startSession, waitForPlayer } from '../support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

test("the player's SVG button downloads a figure of its view, in its theme", async () => {
  const page = await openPage(
    session.browser,
    `${session.url}embed.html#v=1&example=basic&theme=dark`,
  );
  try {
    assert.equal(await waitForPlayer(page), 'done');
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const axis = await page.evaluate(() =>
      document.getElementById('player').canvas.dataset.axis.split('|'),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#player .player-figure'),
    ]);
    assert.equal(download.suggestedFilename(), 'wakeline-basic-local-seed-0.svg');
    const text = await readFile(await download.path(), 'utf8');
    const svg = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const texts = (selector) => [...doc.querySelectorAll(selector)].map((t) => t.textContent);
      const element = document.getElementById('player').figure();
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('svg > title')?.textContent,
        axis: texts('.figure-axis text'),
        lanes: texts('.figure-lane-labels text'),
        legend: [...doc.querySelectorAll('.figure-legend text')].map((t) => t.dataset.mark),
        background: doc.documentElement.querySelector(':scope > rect').getAttribute('fill'),
        element: element?.localName,
      };
    }, text);
    assert.equal(svg.error, null);
    assert.match(svg.title, /^Wakeline: basic · local · seed 0 · t = /);
    assert.deepEqual(svg.axis, axis);
    assert.ok(svg.lanes.includes('timers') && svg.lanes.includes('executor'), svg.lanes.join('|'));
    assert.ok(svg.legend.includes('ready'), svg.legend.join('|'));
    const [r, g, b] = /^#(..)(..)(..)$/
      .exec(svg.background)
      .slice(1)
      .map((hex) => parseInt(hex, 16));
    assert.ok(Math.max(r, g, b) < 80, `a dark background: ${svg.background}`);
    assert.equal(svg.element, 'svg');
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test("the player's PNG: its button, figure({ format: 'png' }) at a width and scale", async () => {
  const page = await openPage(
    session.browser,
    `${session.url}embed.html#v=1&example=basic&theme=dark`,
  );
  try {
    assert.equal(await waitForPlayer(page), 'done');
    const svgWidth = await page.evaluate(() =>
      Number(document.getElementById('player').figure().getAttribute('width')),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#player .player-figure-png'),
    ]);
    assert.equal(download.suggestedFilename(), 'wakeline-basic-local-seed-0.figure.png');
    const png = await readFile(await download.path());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 2 * svgWidth);

    const decoded = await page.evaluate(async () => {
      const player = document.getElementById('player');
      const sizes = [];
      for (const [width, scale] of [
        [500, 2],
        [800, 1.5],
      ]) {
        const blob = await player.figure({ format: 'png', width, scale });
        const bitmap = await createImageBitmap(blob);
        const svg = player.figure({ width });
        sizes.push({
          type: blob.type,
          blob: blob instanceof Blob,
          width: bitmap.width,
          height: bitmap.height,
          expected: Math.round(Number(svg.getAttribute('height')) * scale),
        });
      }
      return sizes;
    });
    assert.deepEqual(
      decoded.map(({ type, blob, width }) => ({ type, blob, width })),
      [
        { type: 'image/png', blob: true, width: 1000 },
        { type: 'image/png', blob: true, width: 1200 },
      ],
    );
    for (const { height, expected } of decoded) assert.equal(height, expected);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});

test('player.figure({ theme }): a light figure from a dark player; arrows, playhead, errors', async () => {
  const page = await openPage(
    session.browser,
    `${session.url}embed.html#v=1&example=concurrent&tasks=3&theme=dark`,
  );
  try {
    assert.equal(await waitForPlayer(page), 'done');
    await page.evaluate(() => document.getElementById('player').seek(30));
    const colours = (options) =>
      page.evaluate((options) => {
        const svg = document.getElementById('player').figure(options);
        const lanes = [...svg.querySelectorAll('.figure-lanes rect')];
        return {
          background: svg.querySelector(':scope > rect').getAttribute('fill'),
          lane: lanes[0].getAttribute('fill'),
          text: svg.querySelector('.figure-title').getAttribute('fill'),
          wake: svg.querySelector('.figure-wake-arrow path')?.getAttribute('stroke') ?? null,
          wakes: svg.querySelectorAll('.figure-wake-arrow').length,
          playhead: svg.querySelectorAll('.figure-playhead').length,
        };
      }, options);
    const dark = await colours();
    const lightFromDark = await colours({ theme: 'light' });
    const darkAsked = await colours({ theme: 'dark' });
    assert.deepEqual(darkAsked, dark);
    assert.notEqual(lightFromDark.background, dark.background);
    assert.ok(dark.wakes > 0, 'the figure has the wake arrows');
    assert.equal(dark.playhead, 1, 'the view has the playhead');
    // The player made light draws its own figure in the very colours asked of the dark one.
    await page.evaluate(() => document.getElementById('player').setAttribute('theme', 'light'));
    assert.deepEqual(await colours(), lightFromDark);
    assert.equal(lightFromDark.background, '#ffffff');

    assert.equal((await colours({ playhead: false })).playhead, 0);
    assert.equal((await colours({ whole: true })).playhead, 0);
    assert.equal((await colours({ whole: true, playhead: true })).playhead, 1);

    const errors = await page.evaluate(() => {
      const player = document.getElementById('player');
      return [
        { theme: 'sepia' },
        { format: 'gif' },
        { format: 'png', scale: 9 },
        { width: 'wide' },
        { width: 100 },
      ].map((options) => {
        try {
          player.figure(options);
          return 'no error';
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      });
    });
    assert.deepEqual(errors, [
      'RangeError: figure: theme "sepia" is not light or dark',
      'RangeError: figure: format "gif" is not svg or png',
      'RangeError: figure: scale 9 is not a number from 0.25 to 4',
      'RangeError: figure: width "wide" is not a number of pixels from 320 to 4000',
      'RangeError: figure: width 100 is not a number of pixels from 320 to 4000',
    ]);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.close();
  }
});
