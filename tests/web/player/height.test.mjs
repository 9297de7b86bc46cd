// The player's height: `height="auto"` sizes the timeline to its lanes, up to a maximum, and a
// player that cannot show every lane says how many are hidden; on a 390 px phone, with a tour,
// the narration, the legend and wrapped controls around it, the timeline keeps a usable height
// (the player grows past its `height`), and nothing of the player is cut off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';

const tour = `<ol data-tour>
  <li data-at="seq:3">The root task is spawned first, then its workers, one after another.</li>
  <li data-at="10ms">At 10 ms the timers fire and wake the workers that wait on them.</li>
</ol>`;

const hostPage = (attributes, children = '') => `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body { margin: 8px }</style></head><body>
<wakeline-player id="player" example="concurrent" strategy="local" seed="7" loading="eager" ${attributes}>${children}</wakeline-player>
<script src="/wakeline-player.js"></script>
</body></html>`;

async function open(session, viewport, attributes, children) {
  const page = await session.browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(attributes, children) }),
  );
  await page.goto(`${session.url}host.html`);
  assert.equal(await waitForPlayer(page), 'done');
  // The sizes settle in the frames after the run ends.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page;
}

/** The sizes of the player's parts, and what it says about hidden lanes. */
const sizes = (page) =>
  page.evaluate(() => {
    const root = document.getElementById('player').shadowRoot;
    const box = (selector) => root.querySelector(selector).getBoundingClientRect();
    const badge = root.querySelector('.player-hidden-lanes');
    const lanes = root.querySelector('canvas').dataset.lanes.split('|');
    return {
      frame: box('.player').height,
      frameBottom: box('.player').bottom,
      timeline: box('.timeline').height,
      footerBottom: box('.player-footer').bottom,
      narration: box('.player-narration').height,
      hidden: badge.hidden ? null : badge.textContent,
      // Where the last lane ends, under the axis (lanes' `label:top:height`).
      lanesEnd: Math.max(
        ...lanes.map((lane) => lane.split(':').slice(-2).map(Number)).map(([top, h]) => top + h),
      ),
      lanes: lanes.length,
    };
  });

test('height="auto" fits the timeline to its lanes; past the maximum it says how many are hidden', async () => {
  const session = await startSession();
  try {
    const few = await open(
      session,
      { width: 1000, height: 900 },
      'params="tasks=3 steps=2" height="auto"',
    );
    const small = await sizes(few);
    // Every lane, and no more than a lane's margin under the last one.
    assert.ok(
      small.timeline >= small.lanesEnd && small.timeline <= small.lanesEnd + 4,
      `timeline ${small.timeline} fits its lanes (${small.lanesEnd})`,
    );
    assert.equal(small.hidden, null, 'every lane shown: nothing said');
    assert.ok(small.footerBottom <= small.frameBottom + 0.5, 'the footer is inside the player');
    assert.deepEqual(few.errors, []);
    await few.close();

    const many = await open(
      session,
      { width: 1000, height: 900 },
      'params="tasks=40 steps=1" height="auto"',
    );
    const big = await sizes(many);
    assert.ok(Math.abs(big.timeline - 560) <= 1, `the timeline stops at 560 px (${big.timeline})`);
    const [, count] = /^(\d+) lanes hidden: \d+ below$/.exec(big.hidden) ?? [];
    assert.ok(Number(count) > 0, `says how many lanes are hidden: ${big.hidden}`);
    // Dragging the lanes up shows the ones below, and the count follows.
    const canvas = await many
      .locator('#player')
      .evaluateHandle((p) => p.shadowRoot.querySelector('canvas'));
    const rect = await canvas.evaluate((c) => c.getBoundingClientRect().toJSON());
    await many.mouse.move(rect.x + 400, rect.y + 400);
    await many.mouse.down();
    await many.mouse.move(rect.x + 400, rect.y + 100, { steps: 5 });
    await many.mouse.up();
    await many.waitForFunction(() =>
      /above/.test(
        document.getElementById('player').shadowRoot.querySelector('.player-hidden-lanes')
          .textContent,
      ),
    );
    // A fixed height that cuts lanes says so too.
    await many.evaluate(() => document.getElementById('player').setAttribute('height', '300'));
    await many.waitForFunction(() => {
      const root = document.getElementById('player').shadowRoot;
      return root.querySelector('.player').getBoundingClientRect().height < 400;
    });
    assert.match((await sizes(many)).hidden, /^\d+ lanes hidden: /);
    assert.deepEqual(many.errors, []);
    await many.close();
  } finally {
    await session.close();
  }
});

test('on a 390 px phone a player with a tour keeps a usable timeline and shows all its parts', async () => {
  const session = await startSession();
  try {
    const page = await open(
      session,
      { width: 390, height: 844 },
      'params="tasks=3 steps=2" height="320"',
      tour,
    );
    const shown = await sizes(page);
    assert.ok(shown.timeline >= 150 - 0.5, `the timeline is ${shown.timeline} px high`);
    assert.ok(shown.frame > 320, `the player grew past its height (${shown.frame} px)`);
    assert.ok(shown.footerBottom <= shown.frameBottom + 0.5, 'the controls are inside the player');
    assert.ok(shown.narration > 20, 'the narration is shown');
    // On a wide screen, where the parts around the timeline take less room, the player keeps a
    // height that leaves the timeline enough (400 inside its 1 px border).
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.evaluate(() => document.getElementById('player').setAttribute('height', '400'));
    await page
      .waitForFunction(() => {
        const root = document.getElementById('player').shadowRoot;
        return Math.abs(root.querySelector('.player').getBoundingClientRect().height - 402) < 0.5;
      })
      .catch(async (error) => {
        throw new Error(`${error.message}: ${JSON.stringify(await sizes(page))}`);
      });
    assert.ok((await sizes(page)).timeline >= 150 - 0.5);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});
