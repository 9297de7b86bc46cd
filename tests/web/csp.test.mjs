// The strict Content-Security-Policy holds while the page is used: served by scripts/serve.mjs
// (the policy as an HTTP header) and as dist/wakeline-standalone.html from disk (the policy in a
// meta tag), a run, playback, the Share menu and an import raise no securitypolicyviolation. So
// do embed.html's run and playback, and a <wakeline-player> on a host page served with the policy.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  openShareMenu,
  startSession,
  waitForPlayer,
  waitForRun,
  watchedPage,
} from './support/browser.mjs';
import { traceLines } from './support/hostile-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let session;
let trace;
let policy;
before(async () => {
  trace = `${(await traceLines('timers')).join('\n')}\n`;
  session = await startSession();
  policy = (await fetch(session.url)).headers.get('content-security-policy');
});
after(() => session?.close());

/** Uses the page at `url` the way a visitor would; resolves to the CSP violations it raised. */
async function useThePage(url) {
  const page = await watchedPage(session.browser);
  try {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    assert.equal(await waitForRun(page), 'done');
    await page.selectOption('#example-picker', 'channel');
    await page.click('#run-button');
    await page.waitForFunction(() => location.hash.includes('example=channel'));
    assert.equal(await waitForRun(page), 'done');
    await page.click('.playback-play');
    await page.waitForFunction(() => Number(document.body.dataset.playhead) > 0);
    await page.click('.playback-play');
    await openShareMenu(page);
    assert.match(await page.locator('#share-iframe').inputValue(), /^<iframe src=/);
    await page.click('#share-menu summary');
    await page.setInputFiles('#import-file', {
      name: 'timers.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(trace),
    });
    await page.waitForFunction(() =>
      document.getElementById('share-message').textContent.startsWith('Imported timers.ndjson'),
    );
    await page.click('#export-menu summary');
    await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    assert.deepEqual(errors, []);
    // Awaited here: a bare return would let `finally` close the page while evaluate runs.
    return await page.evaluate(() => window.__violations);
  } finally {
    await page.close();
  }
}

test('the served policy allows no inline script, no eval, only wasm compilation', async () => {
  const response = await fetch(session.url);
  const policy = response.headers.get('content-security-policy');
  assert.ok(policy, 'the page is served with a Content-Security-Policy');
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /object-src 'none'/);
});

test('the served page raises no CSP violation through run, play, share, import and export', async () => {
  assert.deepEqual(await useThePage(`${session.url}#example=basic`), []);
});

test('the single file raises no CSP violation through run, play, share, import and export', async () => {
  const file = pathToFileURL(path.join(repo, 'dist/wakeline-standalone.html')).href;
  assert.deepEqual(await useThePage(`${file}#example=basic`), []);
});

/**
 * Plays the player on `page` until its playhead moves, hovers and zooms its timeline (the
 * tooltip is placed with inline styles, which the policy allows only through the CSSOM), pauses
 * it, and resolves to the CSP violations the page raised. Then checks the policy is in force
 * there: an inline script added afterwards is refused and reported.
 */
async function playThePlayer(page) {
  const player = page.locator('#player');
  const start = await player.evaluate((node) => node.playhead);
  if (!(await player.evaluate((node) => node.playing)))
    await page.locator('#player .player-play').click();
  await page.waitForFunction((at) => document.getElementById('player').playhead > at, start, {
    timeout: 10000,
  });
  const box = await page.locator('#player canvas.timeline-canvas').boundingBox();
  let tooltips = 0;
  for (let x = 140; x < box.width; x += 60) {
    for (const y of [30, 60, 90, 120]) {
      await page.mouse.move(box.x + x, box.y + y);
      if (await page.locator('#player .timeline-tooltip').isVisible()) ++tooltips;
    }
  }
  assert.ok(tooltips > 0, 'a tooltip was shown');
  await page.mouse.wheel(0, -200);
  await page.locator('#player .player-play').click();
  assert.equal(await player.evaluate((node) => node.playing), false);
  const violations = await page.evaluate(() => window.__violations.slice());
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true;';
    document.body.append(script);
  });
  await page.waitForFunction(() =>
    window.__violations.some((text) => text.startsWith('script-src')),
  );
  assert.equal(
    await page.evaluate(() => window.__inline),
    undefined,
    'the inline script did not run',
  );
  return violations;
}

test("the served embed.html has the page's policy and raises no CSP violation through its runs and playback", async () => {
  const page = await watchedPage(session.browser);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const response = await page.goto(`${session.url}embed.html#v=1&example=channel&seed=2&at=1ms`);
    assert.equal(response.headers()['content-security-policy'], policy);
    assert.equal(await waitForPlayer(page), 'done');
    // A second run, from the embedding page changing the frame's fragment.
    await page.evaluate(() => {
      document.getElementById('player').shadowRoot.querySelector('.player').dataset.state = 'stale';
      location.hash = '#v=1&example=timers&seed=1';
    });
    assert.equal(await waitForPlayer(page), 'done');
    assert.deepEqual(await playThePlayer(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a host page served with the policy raises no CSP violation through <wakeline-player autoplay>', async () => {
  const page = await watchedPage(session.browser);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The test's own host page: no inline script or style of its own, so any violation is the player's.
  const host = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/wakeline-player.js"></script></head><body><p>A blog post.</p>
<wakeline-player id="player" example="concurrent" params="tasks=3" seed="2" height="300" autoplay></wakeline-player></body></html>`;
  try {
    await page.route(`${session.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': policy },
        body: host,
      }),
    );
    const response = await page.goto(`${session.url}host.html`);
    assert.equal(response.headers()['content-security-policy'], policy);
    assert.equal(await waitForPlayer(page), 'done');
    await page.waitForFunction(() => document.getElementById('player').playing, null, {
      timeout: 10000,
    });
    assert.deepEqual(await playThePlayer(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
