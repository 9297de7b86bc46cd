// The Share menu's language for embeds, in Chromium: none until one is chosen (each reader's
// language decides) unless the reader chose the page's, which it then starts from; both snippets
// carry it (`&lang=` in the iframe's link, `lang="…"` on the element) while the page's own link
// keeps its own; the Tour menu's snippets carry the same theme and language, and the selection.
// And the menus' layout: one panel open at a time, each inside the window and the timeline's
// column, and a long message that never moves the buttons.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openFirstVisit, openShareMenu, startSession } from '../support/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A new page in its own context (its own storage), open at `hash` once its run has ended. */
const open = (hash, options) => openFirstVisit(session, hash, options);

/** The Share menu's choices and snippets, and the page's own link. */
const shared = (page) =>
  page.evaluate(() => ({
    lang: document.getElementById('share-language').value,
    theme: document.getElementById('share-theme').value,
    link: document.getElementById('share-link').value,
    iframe: document.getElementById('share-iframe').value,
    player: document.getElementById('share-player').value,
  }));

test('the snippets name no language until one is chosen, then carry it', async () => {
  const page = await open('#v=1&example=basic&steps=2&seed=1');
  await openShareMenu(page);
  // The choices: none (the post's or the reader's language), and each language in itself.
  const options = await page
    .locator('#share-language option')
    .evaluateAll((nodes) => nodes.map((node) => [node.value, node.textContent, node.lang]));
  assert.deepEqual(options, [
    ['', 'Auto (the post’s or each reader’s)', ''],
    ['en', 'English', 'en'],
    ['es', 'Español', 'es'],
  ]);
  assert.equal(
    await page.locator('label:has(#share-language) .share-label').textContent(),
    'Language of the embeds',
  );
  const first = await shared(page);
  assert.equal(first.lang, '');
  assert.doesNotMatch(first.iframe, /lang=/);
  assert.doesNotMatch(first.player, / lang=/);

  await page.selectOption('#share-language', 'es');
  const spanish = await shared(page);
  assert.match(spanish.iframe, /&amp;seed=1&amp;lang=es&amp;theme=auto" title=/);
  assert.match(spanish.player, / height="360" theme="auto" lang="es"><\/wakeline-player>$/);
  // The page's own link is the reader's view of the page: it keeps its own language (none).
  assert.doesNotMatch(spanish.link, /lang=/);

  await page.selectOption('#share-language', '');
  const none = await shared(page);
  assert.doesNotMatch(none.iframe, /lang=/);
  assert.doesNotMatch(none.player, / lang=/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a reader who chose Spanish gets Spanish embeds by default; a Spanish browser's, none", async () => {
  const page = await open('#v=1&example=basic&steps=2&seed=1&lang=es');
  await openShareMenu(page);
  const chosen = await shared(page);
  assert.equal(chosen.lang, 'es');
  assert.match(chosen.iframe, /&amp;seed=1&amp;lang=es&amp;theme=auto" title=/);
  assert.equal(chosen.iframe.match(/lang=/g).length, 1, 'one lang part');
  assert.match(chosen.player, / theme="auto" lang="es">/);
  // Left to each reader: the embeds say nothing, the page's link still names Spanish.
  await page.selectOption('#share-language', '');
  const none = await shared(page);
  assert.doesNotMatch(none.iframe, /lang=/);
  assert.doesNotMatch(none.player, / lang=/);
  assert.match(none.link, /&lang=es(&|$)/);
  await page.selectOption('#share-language', 'en');
  assert.match((await shared(page)).iframe, /&amp;lang=en&amp;theme=auto"/);
  await page.context().close();

  const browser = await open('#v=1&example=basic&steps=2&seed=1', { locale: 'es-ES' });
  await openShareMenu(browser);
  const fromBrowser = await shared(browser);
  assert.equal(fromBrowser.lang, '');
  assert.doesNotMatch(fromBrowser.iframe, /lang=/);
  assert.doesNotMatch(fromBrowser.player, / lang=/);
  await browser.context().close();
});

test("the Tour menu's snippets carry the Share menu's theme and language, and the selection", async () => {
  const page = await open('#v=1&example=basic&steps=2&seed=1&select=seq:10&lang=es');
  await openShareMenu(page);
  await page.selectOption('#share-theme', 'light');
  await page.click('#tour-menu > summary');
  await page.click('#tour-menu .tour-add');
  const tour = () =>
    page.evaluate(() => ({
      link: document.querySelector('#tour-menu .tour-link').value,
      snippet: document.querySelector('#tour-menu .tour-snippet').value,
    }));
  const first = await tour();
  assert.match(
    first.link,
    /embed\.html#v=1&example=basic&.*&select=seq:10&lang=es&theme=light&tour=/,
  );
  assert.match(
    first.snippet,
    /<wakeline-player example="basic" strategy="local" seed="1" params="steps=2 delay_ms=10" select="seq:10" theme="light" lang="es">/,
  );
  // The language is an attribute of its own, never a parameter.
  assert.doesNotMatch(first.snippet, /params="[^"]*lang=/);

  // A choice made in the Share menu afterwards reaches the Tour menu's snippets.
  await openShareMenu(page);
  await page.selectOption('#share-language', '');
  await page.selectOption('#share-theme', 'dark');
  await page.click('#tour-menu > summary');
  const after = await tour();
  assert.doesNotMatch(after.link, /lang=/);
  assert.match(after.link, /&select=seq:10&theme=dark&tour=/);
  assert.match(after.snippet, / select="seq:10" theme="dark">/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The box of `selector` ({ left, right, top, bottom }), or null when it is not shown. */
const box = (page, selector) =>
  page.evaluate((css) => {
    const node = document.querySelector(css);
    if (!node || node.getClientRects().length === 0) return null;
    const { left, right, top, bottom } = node.getBoundingClientRect();
    return { left, right, top, bottom };
  }, selector);

/** Asserts that `selector`'s panel lies inside the window and the timeline's column. */
async function assertInside(page, selector, what) {
  const panel = await box(page, selector);
  assert.ok(panel, `${what}: the panel is shown`);
  const { column, width } = await page.evaluate(() => ({
    column: document.querySelector('.timeline-panel').getBoundingClientRect().toJSON(),
    width: document.documentElement.clientWidth,
  }));
  const left = Math.max(0, column.left);
  const right = Math.min(width, column.right);
  assert.ok(panel.left >= left - 0.5, `${what}: left edge ${panel.left} < ${left}`);
  assert.ok(panel.right <= right + 0.5, `${what}: right edge ${panel.right} > ${right}`);
}

for (const [name, viewport, hash] of [
  ['a phone, in Spanish', { width: 390, height: 844 }, '#v=1&example=concurrent&lang=es'],
  ['a desktop, in English', { width: 1440, height: 900 }, '#v=1&example=concurrent'],
]) {
  test(`on ${name}: one panel at a time, inside the window and the column; messages move no button`, async () => {
    const page = await open(hash, { viewport });
    await openShareMenu(page);
    await assertInside(page, '#share-menu .share-panel', 'Share');
    await page.click('#export-menu summary');
    assert.equal(await page.locator('#share-menu').evaluate((menu) => menu.open), false);
    await assertInside(page, '#export-menu .share-panel', 'Export');

    // A long message (a bad file with a long name) and an export's: the buttons stay put, the
    // panel stays inside.
    const before = await box(page, '#export-menu summary');
    await page.setInputFiles('#import-file', {
      name: `${'a-rather-long-trace-file-name-'.repeat(4)}.ndjson`,
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('not json\n'),
    });
    await page.waitForFunction(() => document.getElementById('share-message').textContent !== '');
    assert.deepEqual(await box(page, '#export-menu summary'), before);
    if (!(await page.locator('#export-menu').evaluate((menu) => menu.open)))
      await page.click('#export-menu summary');
    await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    assert.match(await page.locator('#share-message').textContent(), /wakeline-concurrent/);
    assert.deepEqual(await box(page, '#export-menu summary'), before);
    await assertInside(page, '#export-menu .share-panel', 'Export after a message');
    // The message is a line of its own under the toolbar, not in it.
    const [toolbar, message] = await Promise.all([
      box(page, '.timeline-toolbar'),
      box(page, '#share-message'),
    ]);
    assert.ok(message.top >= toolbar.bottom - 0.5, 'the message is under the toolbar');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a timeline column narrower than the Share panel narrows the panel to fit', async () => {
  const page = await open('#v=1&example=concurrent');
  // The side panels as wide as a reader may drag them: the timeline's column is 320 px or so.
  await page.evaluate(() => {
    const main = document.querySelector('.app-main');
    main.style.setProperty('--side-width', '560px');
    main.style.setProperty('--inspect-width', '560px');
  });
  await openShareMenu(page);
  await assertInside(page, '#share-menu .share-panel', 'Share in a narrow column');
  const panel = await box(page, '#share-menu .share-panel');
  assert.ok(panel.right - panel.left < 520, `${panel.right - panel.left} px wide`);
  // Still usable: the link's field and its Copy button are in the panel.
  const copy = await box(page, '#share-link-copy');
  assert.ok(copy.right <= panel.right + 0.5 && copy.left >= panel.left - 0.5);
  await page.context().close();
});
