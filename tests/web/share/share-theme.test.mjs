// The Share menu's theme for embeds: auto (the reader's setting) until the blogger picks light or
// dark; both snippets carry it (`&theme=` in the iframe's link, `theme="…"` on the element), the
// choice is kept for the next visit, and what the snippets embed really is in that theme for a
// reader whose system says the other one. A selection on screen goes into the element's snippet
// as `select`, as the iframe's link carries it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openShareMenu, startSession, waitForPlayer, waitForRun } from '../support/browser.mjs';
import { playerLooks } from '../support/player-looks.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** The snippets in the Share menu and the theme chosen. */
const snippets = (page) =>
  page.evaluate(() => ({
    theme: document.getElementById('share-theme').value,
    iframe: document.getElementById('share-iframe').value,
    player: document.getElementById('share-player').value,
  }));

test('the snippets carry the theme picked in the Share menu, auto until one is picked, and it is kept', async () => {
  const page = await session.browser.newPage({ colorScheme: 'dark' });
  await page.goto(`${session.url}#v=1&example=basic&steps=2&seed=1`);
  assert.equal(await waitForRun(page), 'done');
  await openShareMenu(page);
  const first = await snippets(page);
  assert.equal(first.theme, 'auto');
  assert.match(first.iframe, /&amp;seed=1&amp;theme=auto" title=/);
  assert.match(first.player, / height="360" theme="auto"><\/wakeline-player>$/);
  // The options a blogger has, in words.
  assert.deepEqual(await page.locator('#share-theme option').allTextContents(), [
    'Auto (each reader’s setting)',
    'Light',
    'Dark',
  ]);
  await page.selectOption('#share-theme', 'light');
  const light = await snippets(page);
  assert.match(light.iframe, /&amp;seed=1&amp;theme=light" title=/);
  assert.match(light.player, / theme="light"><\/wakeline-player>$/);
  await page.selectOption('#share-theme', 'dark');
  assert.match((await snippets(page)).iframe, /&amp;theme=dark"/);
  // The next visit starts from the last choice.
  await page.selectOption('#share-theme', 'light');
  await page.reload();
  assert.equal(await waitForRun(page), 'done');
  await openShareMenu(page);
  const kept = await snippets(page);
  assert.equal(kept.theme, 'light');
  assert.match(kept.player, / theme="light">/);
  await page.close();
});

test('a light snippet gives a light player to a dark reader, from the iframe and from the element', async () => {
  const author = await session.browser.newPage({ colorScheme: 'light' });
  await author.goto(`${session.url}#v=1&example=concurrent&tasks=3&steps=2&seed=7`);
  assert.equal(await waitForRun(author), 'done');
  await openShareMenu(author);
  await author.selectOption('#share-theme', 'light');
  const { iframe, player } = await snippets(author);
  await author.close();

  // The iframe's link, opened by a reader whose system is dark.
  const src = /src="([^"]+)"/.exec(iframe)[1].replace(/&amp;/g, '&');
  const frame = await session.browser.newPage({ colorScheme: 'dark' });
  await frame.goto(src);
  assert.equal(await waitForPlayer(frame), 'done');
  assert.deepEqual(await playerLooks(frame), { canvas: 'light', frame: 'light', messages: [] });
  await frame.close();

  // The element's snippet pasted into a post, read in the dark.
  const post = await session.browser.newPage({ colorScheme: 'dark' });
  await post.route(`${session.url}post.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${player.replace(
        '<wakeline-player ',
        '<wakeline-player id="player" loading="eager" ',
      )}</body></html>`,
    }),
  );
  await post.goto(`${session.url}post.html`);
  assert.equal(await waitForPlayer(post), 'done');
  assert.deepEqual(await playerLooks(post), { canvas: 'light', frame: 'light', messages: [] });
  await post.close();
});

test("a selection on screen goes into the element's snippet, as the iframe's link carries it", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.url}#v=1&example=basic&steps=2&seed=1&select=seq:10`);
  assert.equal(await waitForRun(page), 'done');
  await openShareMenu(page);
  const { iframe, player } = await snippets(page);
  assert.match(iframe, /&amp;select=seq:10&amp;theme=auto"/);
  assert.match(player, / select="seq:10" height="360" theme="auto">/);
  await page.close();
});
