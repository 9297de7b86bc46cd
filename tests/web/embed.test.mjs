// embed.html and <wakeline-player> in Chromium: both draw a run's timeline; the element on a host
// page reads its attributes, sizes itself, keeps everything in its shadow root, and leaves the
// host's DOM, styles and keys alone; with `autoplay` it plays once the run is ready, except under
// prefers-reduced-motion, where it waits with a Play button.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, startSession } from './support/browser.mjs';
import { traceOf } from './support/trace.mjs';

/** Non-background pixels of a canvas (inside `root`, a document or a shadow root). */
function drawnPixels(page, selector) {
  return page.evaluate((sel) => {
    const canvas = eval(sel);
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let pending = 0;
    for (let i = 0; i < data.length; i += 4) {
      // Pending polls: #e69f00 (timeline.css).
      if (Math.abs(data[i] - 0xe6) < 3 && Math.abs(data[i + 1] - 0x9f) < 3 && data[i + 2] < 3)
        ++pending;
    }
    return { width, height, pending };
  }, selector);
}

async function withSession(body) {
  const session = await startSession();
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

test('embed.html shows the linked run\'s timeline and an "open in Wakeline" link', async () => {
  await withSession(async (session) => {
    const page = await openPage(
      session.browser,
      `${session.url}embed.html#v=1&example=concurrent&tasks=3&seed=2&at=10ms`,
    );
    await page.waitForFunction(() => document.getElementById('player').state === 'done', null, {
      timeout: 20000,
    });
    const player = 'document.getElementById("player")';
    const info = await page.evaluate((p) => {
      const root = eval(p).shadowRoot;
      return {
        status: root.querySelector('.player-status').textContent,
        open: root.querySelector('.player-open').href,
        target: root.querySelector('.player-open').target,
        // The timeline, its playback controls and messages: no pickers but the speed, no source.
        controls: [...root.querySelectorAll('select, input, textarea')].map(
          (node) => node.className,
        ),
      };
    }, player);
    assert.match(info.status, /^concurrent · \d+ events$/);
    assert.equal(
      info.open,
      `${session.url}index.html#v=1&example=concurrent&strategy=local&tasks=3&steps=3&jitter_ms=0&seed=2&at=10ms`,
    );
    assert.equal(info.target, '_blank');
    assert.deepEqual(info.controls, ['player-speed']);
    const pixels = await drawnPixels(page, `${player}.shadowRoot.querySelector("canvas")`);
    assert.ok(pixels.pending > 20, `pending polls drawn (${pixels.pending} pixels)`);
    assert.deepEqual(page.errors, []);
  });
});

const hostPage = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<style>body { font-family: serif; color: rgb(1, 2, 3); } canvas { display: none; } .timeline { background: red; }</style>
</head><body><h1 id="title">A blog post</h1><p id="text">Before the player.</p><input id="host-input">
<wakeline-player id="player" example="basic" strategy="local" params="steps=2 delay_ms=5" seed="1" height="260"></wakeline-player>
<p id="after">After the player.</p>
<script src="/wakeline-player.js"></script>
</body></html>`;

test('<wakeline-player> on a host page renders in its shadow root and leaves the host alone', async () => {
  await withSession(async (session) => {
    const page = await session.browser.newPage({ viewport: { width: 900, height: 700 } });
    page.errors = [];
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage }),
    );
    await page.goto(`${session.url}host.html`);
    const before = await page.evaluate(() => ({
      body: [...document.body.children].map((el) => el.outerHTML).join(''),
      head: document.head.innerHTML,
      sheets: document.styleSheets.length,
      globals: Object.keys(window).length,
    }));
    await page.waitForFunction(() => document.getElementById('player').state === 'done', null, {
      timeout: 20000,
    });
    const status = await page.evaluate(
      () =>
        document.getElementById('player').shadowRoot.querySelector('.player-status').textContent,
    );
    assert.match(status, /^basic · \d+ events$/);
    // Its own size: the height attribute, the host's width; its canvas draws despite the host's
    // `canvas { display: none }`, since host styles do not reach into the shadow root.
    const box = await page.locator('#player').boundingBox();
    assert.ok(Math.abs(box.height - 260) <= 2, `height ${box.height}`);
    assert.ok(box.width > 800, `width ${box.width}`);
    const pixels = await drawnPixels(
      page,
      'document.getElementById("player").shadowRoot.querySelector("canvas")',
    );
    assert.ok(pixels.pending > 10, `pending polls drawn (${pixels.pending} pixels)`);
    // Keys typed into the host page do not reach the player.
    await page.focus('#host-input');
    await page.keyboard.type('f+-');
    assert.equal(await page.inputValue('#host-input'), 'f+-');
    const after = await page.evaluate(() => ({
      body: [...document.body.children]
        .filter((el) => el.tagName !== 'SCRIPT' || el.src)
        .map((el) => el.outerHTML)
        .join(''),
      head: document.head.innerHTML,
      sheets: document.styleSheets.length,
      globals: Object.keys(window).length,
      lightChildren: document.getElementById('player').childNodes.length,
      hostColour: getComputedStyle(document.body).color,
    }));
    assert.equal(after.body, before.body, 'the host body is unchanged, attributes included');
    assert.equal(after.head, before.head);
    assert.equal(after.sheets, before.sheets);
    assert.equal(after.lightChildren, 0);
    assert.equal(after.hostColour, 'rgb(1, 2, 3)');
    assert.ok(after.globals <= before.globals + 1, 'no globals beyond what Chromium adds');
    assert.deepEqual(page.errors, []);
  });
});

test('<wakeline-player> names a bad attribute inside itself and still runs the rest', async () => {
  await withSession(async (session) => {
    const page = await session.browser.newPage();
    const body = hostPage.replace(
      'params="steps=2 delay_ms=5"',
      'params="steps=99 <b>=1" start="later"',
    );
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body }),
    );
    await page.goto(`${session.url}host.html`);
    await page.waitForFunction(() => document.getElementById('player').state === 'done', null, {
      timeout: 20000,
    });
    const problems = await page.evaluate(() =>
      [...document.getElementById('player').shadowRoot.querySelectorAll('.player-messages li')].map(
        (li) => li.textContent,
      ),
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    // Each names the attribute it is about, as the author wrote it.
    const params = 'attribute params="steps=99 <b>=1": ';
    assert.ok(problems.includes(`${params}"<b>" is not a parameter name; it was ignored.`));
    assert.ok(problems.some((text) => text.startsWith('attribute start="later": "later" is not')));
    assert.ok(
      problems.includes(
        `${params}The parameter steps must be between 1 and 20, not 99; its default 3 is used.`,
      ),
    );
    assert.equal(await page.evaluate(() => document.querySelectorAll('b').length), 0);
  });
});

/** A host page with one player whose attributes are `attributes` (markup of the test's own). */
function hostWith(attributes) {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<wakeline-player id="player" ${attributes}></wakeline-player>
<script src="/wakeline-player.js"></script></body></html>`;
}

async function openHost(session, attributes, options = {}) {
  const page = await session.browser.newPage({ viewport: { width: 900, height: 600 }, ...options });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostWith(attributes) }),
  );
  await page.goto(`${session.url}host.html`);
  await page.waitForFunction(() => document.getElementById('player').state === 'done', null, {
    timeout: 20000,
  });
  return page;
}

const playerState = (page) =>
  page.evaluate(() => {
    const player = document.getElementById('player');
    const button = player.shadowRoot.querySelector('.player-play');
    return {
      playing: player.playing,
      playhead: player.playhead,
      button: button.textContent,
      hidden: button.hidden,
    };
  });

test('<wakeline-player autoplay> plays the run once it is ready, and its button pauses it', async () => {
  await withSession(async (session) => {
    const page = await openHost(
      session,
      'example="basic" strategy="local" params="steps=3 delay_ms=5" seed="1" autoplay',
    );
    // Playing: the playhead moves on by itself (4 events a second at 1x).
    await page.waitForFunction(() => document.getElementById('player').playhead >= 2, null, {
      timeout: 5000,
    });
    const playing = await playerState(page);
    assert.equal(playing.playing, true);
    assert.equal(playing.button, 'Pause');
    assert.equal(playing.hidden, false);
    await page.locator('#player .player-play').click();
    const paused = await playerState(page);
    assert.equal(paused.playing, false);
    assert.equal(paused.button, 'Play');
    await page.waitForTimeout(600);
    assert.equal((await playerState(page)).playhead, paused.playhead, 'paused, the playhead stays');
    assert.deepEqual(page.errors, []);
  });
});

test('<wakeline-player autoplay> under prefers-reduced-motion waits at its start with a Play button', async () => {
  await withSession(async (session) => {
    const events = await traceOf('basic', { steps: 3, delay_ms: 5 });
    const startAt = events.findIndex((e) => e.t >= 10_000_000);
    const page = await openHost(
      session,
      'example="basic" strategy="local" params="steps=3 delay_ms=5" seed="1" start="10ms" autoplay',
      { reducedMotion: 'reduce' },
    );
    await page.waitForTimeout(800);
    const waiting = await playerState(page);
    assert.deepEqual(waiting, { playing: false, playhead: startAt, button: 'Play', hidden: false });
    await page.locator('#player .player-play').click();
    await page.waitForFunction((at) => document.getElementById('player').playhead > at, startAt, {
      timeout: 5000,
    });
    assert.equal((await playerState(page)).button, 'Pause');
    assert.deepEqual(page.errors, []);
  });
});

test('a <wakeline-player> without autoplay does not play', async () => {
  await withSession(async (session) => {
    const page = await openHost(
      session,
      'example="basic" strategy="local" params="steps=3 delay_ms=5" seed="1"',
    );
    await page.waitForTimeout(800);
    assert.deepEqual(await playerState(page), {
      playing: false,
      playhead: 0,
      button: 'Play',
      hidden: false,
    });
    // Setting the attribute later starts it, without a new run.
    await page.evaluate(() => document.getElementById('player').setAttribute('autoplay', ''));
    await page.waitForFunction(() => document.getElementById('player').playhead > 0, null, {
      timeout: 5000,
    });
    assert.equal(await page.evaluate(() => document.getElementById('player').state), 'done');
    assert.deepEqual(page.errors, []);
  });
});

test('<wakeline-player> takes a strategy setting in params like a parameter', async () => {
  await withSession(async (session) => {
    const page = await openHost(
      session,
      'example="concurrent" strategy="tokio-multi-thread" params="tasks=3 workers=2" seed="1"',
    );
    const problems = await page.evaluate(() =>
      [...document.getElementById('player').shadowRoot.querySelectorAll('.player-messages li')].map(
        (li) => li.textContent,
      ),
    );
    assert.deepEqual(problems, []);
    const link = await page.evaluate(
      () => document.getElementById('player').shadowRoot.querySelector('.player-open').href,
    );
    assert.match(link, /strategy=tokio-multi-thread/);
    assert.match(link, /workers=2/);
    assert.deepEqual(page.errors, []);
  });
});
