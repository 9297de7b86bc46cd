// <wakeline-player> on another site's page (issue 19, item 1): a blog on another origin with
// a strict policy loads wakeline-player.js from the Wakeline site (scripts/serve.mjs, which
// sends the CORS headers), and the player runs and draws; its own children show until then.
// When it cannot load, the reader sees what went wrong and what to do, and the children stay.
// A Spanish post's player loads its Spanish (wakeline-player-es.mjs) from the Wakeline site too,
// under the same policy, and speaks Spanish.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startBlog } from '../support/blog-host.mjs';
import { startSession, waitForPlayer, watchedPage } from '../support/browser.mjs';

let session;
let blog;
before(async () => {
  session = await startSession();
  blog = await startBlog();
});
after(() => {
  blog?.close();
  return session?.close();
});

/** The policy a blog needs for the element from `site` (docs/embedding.md). */
function elementPolicy(site) {
  return [
    "default-src 'self'",
    `script-src 'self' ${site} 'wasm-unsafe-eval'`,
    `connect-src ${site}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function post(site, lang = 'en') {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A post</title><script src="${site}/wakeline-player.js"></script></head><body>
<p>Tokio's LIFO slot, live:</p>
<wakeline-player id="player" example="basic" params="steps=2"><p id="fallback">A figure of basic: the root task polled three times.</p></wakeline-player>
</body></html>`;
}

/** Serves the post on the blog's origin with the element's policy, and opens it. */
async function openPost(page, site, lang) {
  blog.set('/post.html', { html: post(site, lang), csp: elementPolicy(site) });
  await page.goto(`${blog.url}post.html`);
}

const fallbackShown = (page) =>
  page.evaluate(() => document.getElementById('fallback').getBoundingClientRect().height > 0);

test('a player from another origin runs and draws on a blog with a strict policy', async () => {
  const site = new URL(session.url).origin;
  const page = await watchedPage(session.browser);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(`${site}/wakeline.mjs`, async (route) => {
    await held;
    await route.continue();
  });
  await openPost(page, site);
  // Until a run draws, the element's own children are what the reader sees.
  await page.waitForFunction(() => document.getElementById('player')?.shadowRoot);
  assert.equal(await fallbackShown(page), true);
  release();
  assert.equal(await waitForPlayer(page), 'done');
  await page.waitForFunction(
    () => document.getElementById('fallback').getBoundingClientRect().height === 0,
  );
  const messages = await page.evaluate(
    () => document.getElementById('player').shadowRoot.querySelector('.player-messages').hidden,
  );
  assert.equal(messages, true, 'no messages');
  const response = await fetch(`${session.url}wakeline.mjs`);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});

test('when the API cannot be loaded the player says what to do and keeps its children', async () => {
  const site = new URL(session.url).origin;
  const page = await watchedPage(session.browser);
  // The API does not load (as when a host forgets the headers; playwright's own responses
  // cannot stand for that, as they pass CORS): the same failure for the reader.
  await page.route(`${site}/wakeline.mjs`, (route) => route.abort());
  await openPost(page, site);
  assert.equal(await waitForPlayer(page), 'error');
  const message = await page.evaluate(
    () =>
      document.getElementById('player').shadowRoot.querySelector('.player-messages').textContent,
  );
  assert.match(message, new RegExp(`Wakeline could not be loaded from ${site}`));
  assert.match(message, /Access-Control-Allow-Origin/);
  assert.match(
    message,
    new RegExp(`script-src ${site} 'wasm-unsafe-eval' and connect-src ${site}`),
  );
  assert.equal(await fallbackShown(page), true);
  await page.close();
});

test('a Spanish post on another origin loads the Spanish file from the site and speaks Spanish', async () => {
  const site = new URL(session.url).origin;
  const page = await watchedPage(session.browser);
  const spanishFile = `${site}/wakeline-player-es.mjs`;
  const loaded = page.waitForResponse(spanishFile);
  await openPost(page, site, 'es');
  assert.equal(await waitForPlayer(page), 'done');
  // Served with the headers that let another origin import it (scripts/serve.mjs).
  const response = await loaded;
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['access-control-allow-origin'], '*');
  assert.equal(response.headers()['cross-origin-resource-policy'], 'cross-origin');
  assert.match(response.headers()['content-type'], /^text\/javascript/);
  const shown = await page.evaluate(() => {
    const player = document.getElementById('player');
    const root = player.shadowRoot;
    return {
      language: player.language,
      status: root.querySelector('.player-status').textContent,
      messages: root.querySelector('.player-messages').hidden,
    };
  });
  assert.deepEqual(shown.language, { lang: 'es', locale: 'es' });
  assert.match(shown.status, /^basic · \d+ eventos$/);
  assert.equal(shown.messages, true, 'no messages');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});
