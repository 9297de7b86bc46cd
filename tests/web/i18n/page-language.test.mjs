// The playground page in Spanish, in Chromium: the link's `lang=es` puts the whole shell (header,
// introduction, panels, status, playback, task table) in Spanish with Spanish numbers, and leaves
// none of the English catalogue's words on screen; the header's language menu switches and the
// choice outlasts a reload without the link part; a Spanish browser gets Spanish with no link; an
// unknown `lang` is named as a problem of the link and the page stays English; a share link keeps
// the language the reader chose.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { english } from '../../../web/app/i18n/en/index.js';
import { spanish } from '../../../web/app/i18n/es/index.js';
import { openFirstVisit, openShareMenu, startSession, waitForRun } from '../support/browser.mjs';

let session;

before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A new page in its own context (its own storage), open at `hash` once its run has ended. */
const open = (hash, options) => openFirstVisit(session, hash, options);

/** What the page's static text says: each data-i18n element's text and translated attribute. */
const staticText = (page) =>
  page.evaluate(() => {
    const shown = {};
    for (const node of document.querySelectorAll('[data-i18n]'))
      shown[node.dataset.i18n] = node.textContent.replace(/\s+/g, ' ').trim();
    for (const attribute of ['title', 'aria-label', 'placeholder'])
      for (const node of document.querySelectorAll(`[data-i18n-${attribute}]`))
        shown[node.getAttribute(`data-i18n-${attribute}`)] = node.getAttribute(attribute);
    return shown;
  });

/** The page's visible lines of text, each trimmed. */
const visibleLines = (page) =>
  page.evaluate(() =>
    document.body.innerText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );

/** A message as the page shows it: `backquotes` are <code>, whose text shows without them. */
const shownAs = (message) => message.replaceAll('`', '');

test('#lang=es: the shell is in Spanish, with Spanish numbers and no English left', async () => {
  const page = await open('#lang=es');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.title(), spanish['page.title']);

  // Every static text and attribute of the HTML is the Spanish catalogue's.
  const shown = await staticText(page);
  assert.ok(Object.keys(shown).length >= 40, `${Object.keys(shown).length} static texts`);
  for (const [key, text] of Object.entries(shown)) {
    if (key === 'page.status.loading') continue; // the run's status replaced it
    assert.equal(text, shownAs(spanish[key]), key);
  }
  // The intro's code stays code.
  assert.deepEqual(await page.locator('.intro-long code').allTextContents(), [
    'Future',
    'Poll::Pending',
    'Poll::Ready',
    'Waker',
  ]);

  // What the modules write: the status, the playback bar, the tables and the hints.
  assert.match(await page.locator('#run-status-text').textContent(), /^\d+ eventos · \S/);
  assert.match(await page.locator('.playback-counter').textContent(), /^evento \d+ \/ \d+$/);
  assert.equal(
    await page.locator('.playback-play').getAttribute('title'),
    spanish['page.playback.playTitle'],
  );
  assert.deepEqual(await page.locator('.task-table-head th').allTextContents(), [
    'tarea',
    'estado',
    'polls',
    'wakes',
    'ocupada',
    'en cola',
    'inactiva',
  ]);
  assert.equal(
    await page.locator('#selection-details').textContent(),
    spanish['page.selection.none'],
  );
  assert.equal(await page.locator('.waker-history-none').textContent(), spanish['page.waker.hint']);
  assert.match(await page.locator('.run-queue-running').textContent(), /^en poll: /);
  assert.match(await page.locator('#timeline-range').textContent(), /^mostrando /);
  // Speeds are numbers of the locale: 0,25× and 0,5×.
  assert.deepEqual((await page.locator('.playback-speed option').allTextContents()).slice(0, 2), [
    '0,25×',
    '0,5×',
  ]);
  // The task states fit their column in Spanish too.
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('.task-table td[data-col="state"]')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 0.5)
      .map((cell) => cell.textContent),
  );
  assert.deepEqual(cut, [], 'no state is cut');

  // No line on screen is one of the English catalogue's page messages (those Spanish writes the
  // same, such as "Rust Playground ↗", aside; and the words for a changed example or seed, which
  // a note puts in a sentence: "seed" on a line of its own is the seed parameter's name).
  const englishLines = new Set(
    Object.entries(english)
      .filter(([key, text]) => key.startsWith('page.') && typeof text === 'string')
      .filter(([key]) => !key.startsWith('page.stale.name.'))
      .filter(([key, text]) => text !== spanish[key] && !/\{\w+\}/.test(text))
      .map(([, text]) => shownAs(text)),
  );
  const left = (await visibleLines(page)).filter((line) => englishLines.has(line));
  assert.deepEqual(left, [], 'English lines on the Spanish page');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('#lang=es: a long run counts its events as Spanish writes numbers', async () => {
  const page = await open('#v=1&example=concurrent&tasks=2000&lang=es');
  const status = await page.locator('#run-status-text').textContent();
  assert.match(status, /^\d{1,3}(\.\d{3})+ eventos · /, status);
  await page.context().close();
});

test('the language menu switches, and the choice outlasts a reload without the link', async () => {
  const page = await open('');
  const picker = page.locator('#language-picker');
  assert.match(await page.evaluate(() => document.documentElement.lang), /^en\b/);
  assert.equal(await picker.inputValue(), 'en');
  assert.deepEqual(await picker.locator('option').allTextContents(), ['English', 'Español']);
  assert.equal(await picker.getAttribute('aria-label'), 'Language');

  // English to Spanish: the page reloads in Spanish, the link saying so.
  await Promise.all([page.waitForNavigation(), picker.selectOption('es')]);
  await waitForRun(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.match(await page.evaluate(() => location.hash), /(^#|&)lang=es(&|$)/);
  assert.equal(await page.locator('#run-button').textContent(), 'Ejecutar');
  assert.equal(await page.locator('#language-picker').getAttribute('aria-label'), 'Idioma');

  // Without the link part, the kept choice.
  await page.goto(session.url);
  await waitForRun(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.locator('#run-button').textContent(), 'Ejecutar');
  assert.equal(await page.locator('#language-picker').inputValue(), 'es');

  // And back to English, which lasts too.
  await Promise.all([page.waitForNavigation(), page.selectOption('#language-picker', 'en')]);
  await waitForRun(page);
  assert.match(await page.evaluate(() => document.documentElement.lang), /^en\b/);
  assert.equal(await page.locator('#run-button').textContent(), 'Run');
  await page.goto(session.url);
  await waitForRun(page);
  assert.match(await page.evaluate(() => document.documentElement.lang), /^en\b/);
  assert.equal(await page.locator('#run-button').textContent(), 'Run');
  assert.equal(await page.locator('.control-label').first().textContent(), 'Example');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Spanish browser gets Spanish without a link, and its share link names no language', async () => {
  const page = await open('', { locale: 'es-ES' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es-ES');
  assert.equal(await page.locator('.control-label').first().textContent(), 'Ejemplo');
  assert.equal(await page.locator('#run-button').textContent(), 'Ejecutar');
  assert.equal(
    await page.locator('.inspect-tasks .panel-heading').textContent(),
    'Tareas en el cabezal',
  );
  await openShareMenu(page);
  const link = await page.locator('#share-link').inputValue();
  assert.doesNotMatch(link, /[#&]lang=/, 'the browser’s language is the reader’s, not the link’s');
  await page.context().close();
});

test('lang=fr is a problem of the link, and the page stays English', async () => {
  const page = await open('#v=1&example=basic&lang=fr');
  assert.match(await page.evaluate(() => document.documentElement.lang), /^en\b/);
  assert.equal(await page.locator('#run-button').textContent(), 'Run');
  const problems = await page.locator('#link-messages').textContent();
  assert.ok(problems.includes(english['share.link.language'].replace('{value}', '"fr"')), problems);
  await page.context().close();
});

test('a share link keeps lang=es when the reader chose Spanish', async () => {
  const page = await open('#lang=es');
  await page.waitForFunction(() => /[#&]example=/.test(location.hash));
  assert.match(await page.evaluate(() => location.hash), /&lang=es(&|$)/);
  await openShareMenu(page);
  const link = await page.locator('#share-link').inputValue();
  assert.match(link, /[#&]lang=es(&|$)/);
  // The link opens the same page in Spanish, on the same run.
  const other = await open(new URL(link).hash);
  assert.equal(await other.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await other.locator('#run-button').textContent(), 'Ejecutar');
  await other.context().close();
  await page.context().close();
});
