// A player does not take over the page's scrolling: the wheel scrolls the page unless the reader
// clicked into the player or holds Ctrl (and says how to zoom); one finger scrolls the page
// (the canvas leaves panning to the browser), two fingers zoom the timeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';

const hostPage = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0 } .tall { height: 3000px }</style></head><body>
<p id="before">Before the player.</p>
<wakeline-player id="player" example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" height="360"></wakeline-player>
<div class="tall"></div>
<script src="/wakeline-player.js"></script>
</body></html>`;

const canvas = 'document.getElementById("player").shadowRoot.querySelector(".timeline-canvas")';
const axis = (page) => page.evaluate((c) => eval(c).dataset.axis, canvas);

test('the wheel scrolls the page over a player until it is clicked, or with Ctrl it zooms', async () => {
  const session = await startSession();
  try {
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage }),
    );
    await page.goto(`${session.url}host.html`);
    assert.equal(await waitForPlayer(page), 'done');
    const box = await page.locator('#player canvas.timeline-canvas').boundingBox();
    const before = await axis(page);
    await page.mouse.move(box.x + box.width / 2, box.y + 150);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0);
    assert.equal(await axis(page), before, 'the timeline did not zoom');
    assert.equal(
      await page.evaluate(
        () =>
          document.getElementById('player').shadowRoot.querySelector('.player-wheel-hint').hidden,
      ),
      false,
      'the player says how to zoom',
    );

    // Clicked into: the wheel zooms it, the page stays.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.click(box.x + box.width / 2, box.y + 150);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(([c, b]) => eval(c).dataset.axis !== b, [canvas, before]);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');

    // Focus elsewhere, Ctrl held: the wheel zooms, the page stays.
    await page.locator('#before').click();
    const zoomed = await axis(page);
    await page.mouse.move(box.x + box.width / 2, box.y + 150);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction(([c, b]) => eval(c).dataset.axis !== b, [canvas, zoomed]);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('one finger leaves the page to scroll, two fingers zoom the timeline', async () => {
  const session = await startSession();
  try {
    const page = await session.browser.newPage({
      viewport: { width: 390, height: 700 },
      hasTouch: true,
    });
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage }),
    );
    await page.goto(`${session.url}host.html`);
    assert.equal(await waitForPlayer(page), 'done');
    assert.equal(
      await page.evaluate((c) => getComputedStyle(eval(c)).touchAction, canvas),
      'pan-x pan-y',
      'one finger pans the page, not the lanes',
    );
    const before = await axis(page);
    // Two touch pointers moving apart: a pinch.
    await page.evaluate((c) => {
      const node = eval(c);
      const rect = node.getBoundingClientRect();
      const y = rect.top + 120;
      const mid = rect.left + rect.width / 2;
      const fire = (type, id, x) =>
        node.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            clientX: x,
            clientY: y,
            bubbles: true,
          }),
        );
      fire('pointerdown', 11, mid - 20);
      fire('pointerdown', 12, mid + 20);
      for (let d = 25; d <= 80; d += 5) {
        fire('pointermove', 11, mid - d);
        fire('pointermove', 12, mid + d);
      }
      fire('pointerup', 11, mid - 80);
      fire('pointerup', 12, mid + 80);
    }, canvas);
    await page.waitForFunction(([c, b]) => eval(c).dataset.axis !== b, [canvas, before]);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});
