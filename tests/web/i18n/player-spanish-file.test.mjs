// The player's Spanish is a file of its own, wakeline-player-es.mjs beside wakeline-player.js
// (scripts/build-web.mjs), loaded only by a player that speaks Spanish, in Chromium. Checked:
// wakeline-player.js holds no Spanish message; a page of English players (lang="en", the page's
// <html lang="en">, lang="fr" in an English browser) and embed.html without lang never request
// the file; two Spanish players on one page request it once; when it cannot be loaded (blocked,
// or 404) the players and embed.html run and speak English, and say above the timeline what
// failed, naming the file, instead of staying blank or falling back in silence.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { english } from '../../../web/app/i18n/en/index.js';
import { spanish } from '../../../web/app/i18n/es/index.js';
import { openHostPage, startSession, waitForPlayers } from '../support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const spanishFile = 'wakeline-player-es.mjs';
const scenario = 'example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7"';
const link = '#v=1&example=concurrent&strategy=local&tasks=3&steps=2&seed=7';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A host page with <html lang="`htmlLang`"> and one player per attribute string. */
function hostPage(htmlLang, players) {
  const elements = players
    .map(
      (attributes, k) => `<wakeline-player id="p${k}" ${scenario} ${attributes}></wakeline-player>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${htmlLang}"><head><meta charset="utf-8">
<link rel="icon" href="data:,"></head><body><p>A post.</p>
${elements}
<script src="/wakeline-player.js"></script></body></html>`;
}

/**
 * A new page in an English browser whose `requests` lists every URL it asks for, the Spanish
 * file answered by `spanish(route)` when given (to block it or answer 404).
 */
async function newPage({ spanish: answer } = {}) {
  const context = await session.browser.newContext({
    locale: 'en-US',
    viewport: { width: 1000, height: 1600 },
  });
  const page = await context.newPage();
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  page.exceptions = [];
  page.on('pageerror', (error) => page.exceptions.push(error.message));
  if (answer) await page.route(`${session.url}${spanishFile}`, answer);
  return page;
}

/** Opens `body` as a host page on the Wakeline site's origin and waits for its players. */
const openHost = (page, body) => openHostPage(page, session, body);

/** What player `id` shows: its language, state, status line, Play button and messages. */
const shows = (page, id) =>
  page.evaluate((id) => {
    const player = document.getElementById(id);
    const root = player.shadowRoot;
    return {
      language: player.language,
      state: player.state,
      status: root.querySelector('.player-status').textContent,
      play: root.querySelector('.player-play').textContent,
      messages: [...root.querySelectorAll('.player-messages li')].map((li) => li.textContent),
    };
  }, id);

const spanishRequests = (page) => page.requests.filter((url) => url.endsWith(`/${spanishFile}`));

test('wakeline-player.js carries no Spanish; the file beside it does', async () => {
  const player = await readFile(path.join(repo, 'dist/wakeline-player.js'), 'utf8');
  const file = await readFile(path.join(repo, 'dist', spanishFile), 'utf8');
  // Messages as written, ASCII only: esbuild writes other characters as escapes.
  const ascii = (text) => typeof text === 'string' && /^[ -~]{12,}$/.test(text);
  const keys = Object.keys(spanish).filter(
    (key) =>
      key.startsWith('player.') &&
      ascii(spanish[key]) &&
      ascii(english[key]) &&
      spanish[key] !== english[key],
  );
  assert.ok(keys.length >= 5, keys.join(' '));
  for (const key of keys) {
    assert.equal(player.includes(spanish[key]), false, `${key} is not in wakeline-player.js`);
    assert.equal(player.includes(english[key]), true, `${key} is in English`);
    assert.equal(file.includes(spanish[key]), true, `${key} is in ${spanishFile}`);
  }
});

test('English players and embed.html without lang never request the Spanish file', async () => {
  const page = await newPage();
  await openHost(page, hostPage('en', ['lang="en"', '', 'lang="fr"']));
  for (const id of ['p0', 'p1', 'p2']) {
    const shown = await shows(page, id);
    assert.equal(shown.state, 'done', id);
    assert.equal(shown.language.lang, 'en', id);
    assert.deepEqual(shown.messages, [], id);
  }
  // The log sees the player's own imports: it would see the Spanish file's.
  assert.ok(page.requests.some((url) => url.endsWith('/wakeline.mjs')));
  assert.deepEqual(spanishRequests(page), []);
  assert.deepEqual(page.exceptions, []);

  await page.goto(`${session.url}embed.html${link}`);
  await waitForPlayers(page);
  assert.equal((await shows(page, 'player')).language.lang, 'en');
  assert.deepEqual(spanishRequests(page), []);
  await page.context().close();
});

test('two Spanish players on one page request the Spanish file once, and speak Spanish', async () => {
  const page = await newPage();
  await openHost(page, hostPage('es', ['', 'lang="es-AR"', 'lang="en"']));
  for (const id of ['p0', 'p1']) {
    const shown = await shows(page, id);
    assert.equal(shown.language.lang, 'es', id);
    assert.equal(shown.play, spanish['player.controls.play'], id);
    assert.match(shown.status, /^concurrent · \d+ eventos$/, id);
  }
  assert.equal((await shows(page, 'p2')).language.lang, 'en');
  assert.deepEqual(spanishRequests(page), [`${session.url}${spanishFile}`]);
  assert.deepEqual(page.exceptions, []);
  await page.context().close();
});

for (const [how, answer] of [
  ['blocked', (route) => route.abort('blockedbyclient')],
  ['missing (404)', (route) => route.fulfill({ status: 404, body: 'not found' })],
]) {
  test(`a Spanish file ${how}: the players run in English and say what failed`, async () => {
    const page = await newPage({ spanish: answer });
    await openHost(page, hostPage('es', ['', 'lang="es"']));
    const file = `${session.url}${spanishFile}`;
    for (const id of ['p0', 'p1']) {
      const shown = await shows(page, id);
      assert.equal(shown.state, 'done', `${id}: the run is shown`);
      assert.deepEqual(shown.language, { lang: 'en', locale: 'en' }, id);
      assert.equal(shown.play, english['player.controls.play'], id);
      assert.match(shown.status, /^concurrent · \d+ events$/, id);
      assert.equal(shown.messages.length, 1, id);
      const [message] = shown.messages;
      assert.ok(
        message.startsWith(`The player's Spanish words could not be loaded from ${file} (`),
        message,
      );
      assert.match(message, /so it speaks English\. That file must be beside wakeline-player\.js/);
      assert.ok(message.includes(`script-src ${new URL(session.url).origin}.`), message);
    }
    // Asked for once, not once for every player.
    assert.equal(spanishRequests(page).length, 1);
    assert.deepEqual(page.exceptions, []);

    // embed.html with lang=es: English, the message, and the page's own lang and title English.
    await page.goto(`${session.url}embed.html${link}&lang=es`);
    await waitForPlayers(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const shown = await shows(page, 'player');
    assert.equal(shown.state, 'done');
    assert.deepEqual(shown.language, { lang: 'en', locale: 'en' });
    assert.equal(shown.messages.length, 1);
    assert.match(shown.messages[0], /^The player's Spanish words could not be loaded from /);
    assert.equal(await page.title(), english['player.embed.title']);
    assert.deepEqual(page.exceptions, []);
    await page.context().close();
  });
}
