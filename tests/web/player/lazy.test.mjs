// Players start their run when they come near the viewport and play only while on screen: a
// post with a player far below runs nothing until the reader scrolls there, an autoplaying
// player waits off screen, pauses when it leaves and goes on when it is back; `loading="eager"`
// starts at once, and so does a player already near the viewport as it connects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession, waitForPlayer } from '../support/browser.mjs';

const hostPage = (
  attributes,
) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0 } .tall { height: 2500px }</style></head><body>
<p id="top">The top of the post.</p><div class="tall"></div>
<wakeline-player id="player" example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7" height="300" ${attributes}><p>Fallback.</p></wakeline-player>
<div class="tall"></div>
<script src="/wakeline-player.js"></script>
</body></html>`;

async function open(session, attributes) {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.loaded = [];
  page.on('request', (request) => page.loaded.push(new URL(request.url()).pathname));
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(attributes) }),
  );
  await page.goto(`${session.url}host.html`);
  return page;
}

const state = (page) => page.evaluate(() => document.getElementById('player').state);
const playing = (page) => page.evaluate(() => document.getElementById('player').playing);

test('a player far down the post runs nothing until the reader scrolls near it', async () => {
  const session = await startSession();
  try {
    const page = await open(session, 'autoplay');
    await page.waitForTimeout(1500);
    assert.equal(await state(page), 'loading');
    assert.ok(!page.loaded.some((path) => path.endsWith('.wasm')), 'no WebAssembly fetched');
    // Near, not yet on screen (within 400 px): the run starts, autoplay waits.
    await page.evaluate(() => {
      const top = document.getElementById('player').getBoundingClientRect().top + scrollY;
      window.scrollTo(0, top - innerHeight - 200);
    });
    assert.equal(await waitForPlayer(page), 'done');
    await page.waitForTimeout(300);
    assert.equal(await playing(page), false, 'autoplay waits while off screen');
    await page.locator('#player').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('player').playing);
    // Away: it pauses; back: it goes on from where it was.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => !document.getElementById('player').playing);
    const at = await page.evaluate(() => document.getElementById('player').playhead);
    await page.locator('#player').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.getElementById('player').playing);
    assert.ok((await page.evaluate(() => document.getElementById('player').playhead)) >= at);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

test('a player already near the viewport as it connects starts at once; one out of view or hidden waits', async () => {
  const session = await startSession();
  try {
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
    const player = (id) =>
      `<wakeline-player id="${id}" example="concurrent" strategy="local" height="200"></wakeline-player>`;
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0 } .tall { height: 2500px }</style></head><body>
${player('top')}
<details><summary>More</summary>${player('folded')}</details>
<div class="tall"></div>${player('far')}
<script src="/wakeline-player.js"></script>
<script>
  // What each player says in the same task as the element was defined and connected, before
  // any rendering, so before any IntersectionObserver could have said anything.
  window.statusAtConnect = Object.fromEntries(
    [...document.querySelectorAll('wakeline-player')].map((p) => [
      p.id,
      p.shadowRoot.querySelector('.player-status').textContent,
    ]),
  );
</script></body></html>`,
      }),
    );
    await page.goto(`${session.url}host.html`);
    assert.deepEqual(await page.evaluate(() => window.statusAtConnect), {
      top: 'loading the runtime…',
      folded: 'waiting to be scrolled into view…',
      far: 'waiting to be scrolled into view…',
    });
    await page.waitForFunction(() => document.getElementById('top').state === 'done');
    assert.equal(await page.evaluate(() => document.getElementById('far').state), 'loading');
  } finally {
    await session.close();
  }
});

test('loading="eager" starts the run at once, off screen too', async () => {
  const session = await startSession();
  try {
    const page = await open(session, 'loading="eager"');
    assert.equal(await waitForPlayer(page), 'done');
    assert.equal(await playing(page), false);
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});

// The iframe snippet is `loading="lazy"`: the browser loads the frame some way ahead of the
// reader, and its player runs then, so its timeline is there when the reader arrives.
test("embed.html's player runs as its frame loads, before the reader gets there", async () => {
  const session = await startSession();
  try {
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    const frameSrc = `${session.url}embed.html#v=1&example=concurrent&strategy=local&tasks=3&steps=2&seed=7`;
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { margin: 0 } .tall { height: 2500px }</style></head><body>
<p>The top of the post.</p><div class="tall"></div>
<iframe id="frame" src="${frameSrc}" width="800" height="300"></iframe>
<div class="tall"></div></body></html>`,
      }),
    );
    await page.goto(`${session.url}host.html`);
    const frame = page.frameLocator('#frame');
    await frame.locator('wakeline-player').waitFor({ state: 'attached' });
    await page.waitForFunction(
      () =>
        document.getElementById('frame').contentDocument?.getElementById('player')?.state ===
        'done',
      null,
      { timeout: 30000 },
    );
    // Still 2,500 px below the window.
    assert.ok(
      await page.evaluate(
        () => document.getElementById('frame').getBoundingClientRect().top > innerHeight + 1000,
      ),
    );
    assert.deepEqual(page.errors, []);
  } finally {
    await session.close();
  }
});
