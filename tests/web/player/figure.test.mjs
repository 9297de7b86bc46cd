// The player's figure (issue 19, item 8): its SVG button downloads the view shown as an SVG with
// the title, the canvas's axis labels, the lanes and the legend, in the player's theme (dark
// here, from embed.html's `theme=dark`), and `player.figure()` gives the same as an element.
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
        legend: texts('.figure-legend text'),
        background: doc.documentElement.querySelector(':scope > rect').getAttribute('fill'),
        element: element?.localName,
      };
    }, text);
    assert.equal(svg.error, null);
    assert.match(svg.title, /^Wakeline: basic · local · seed 0 · t = /);
    assert.deepEqual(svg.axis, axis);
    assert.ok(svg.lanes.includes('timers') && svg.lanes.includes('executor'), svg.lanes.join('|'));
    assert.ok(svg.legend.includes('Poll::Ready'), svg.legend.join('|'));
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
