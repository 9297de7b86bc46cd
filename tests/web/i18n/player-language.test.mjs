// <wakeline-player> and embed.html in the reader's language, in Chromium. A player speaks its
// own `lang`, else its nearest ancestor's (the post's <html lang>), else the browser's, else
// English; a `lang` Wakeline does not speak on the element falls through. Checked: a Spanish
// post's player narrates (the very sentences narration.js says in Spanish for the event at the
// playhead), labels its controls, legend, lanes, status and messages, and writes its numbers
// (0,25×; es-AR groups thousands, es does not) in Spanish; two players on one page, one `lang`
// "en" and one "es", each keep their own language through steps, clicks and hovers; a Spanish
// browser gets Spanish with no `lang` anywhere; `lang="fr"` falls through to the browser's;
// embed.html takes `lang=` from its link and names one it does not speak; changing the
// attribute says the same run again in the new language, without a new run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { english } from '../../../web/app/i18n/en/index.js';
import { spanish } from '../../../web/app/i18n/es/index.js';
import { inLanguage, loadLanguage } from '../../../web/app/i18n/i18n.js';
import { narrate } from '../../../web/app/narration.js';
import { Replay } from '../../../web/app/playback/replay.js';
import { legendEntries } from '../../../web/app/timeline/legend.js';
import { TraceModel } from '../../../web/app/timeline/model.js';
import { openHostPage, startSession, waitForPlayers } from '../support/browser.mjs';
import { wakelineInNode } from '../support/trace.mjs';

const scenario = 'example="concurrent" strategy="local" params="tasks=3 steps=2" seed="7"';

let session;
let model;

before(async () => {
  await loadLanguage('es');
  session = await startSession();
  // The run the players show, made in node: its narration is what they must say.
  const run = await (
    await wakelineInNode()
  ).run('concurrent', { strategy: 'local', params: { tasks: 3, steps: 2 }, seed: 7 });
  model = new TraceModel();
  model.header = run.header;
  for await (const batch of run) model.appendEvents(batch);
  await run.done;
  model.finish();
});
after(() => session?.close());

/** What narration.js says of event `i` of the run, in `language`. */
function narration(language, i) {
  const replay = new Replay(model);
  replay.seek(i);
  return inLanguage(language, () => narrate(model, i, replay));
}

/** A host page: <html lang> when `htmlLang` is given, and one player per attribute string. */
function hostPage(htmlLang, players) {
  const lang = htmlLang == null ? '' : ` lang="${htmlLang}"`;
  const elements = players
    .map(
      (attributes, k) => `<wakeline-player id="p${k}" ${scenario} ${attributes}></wakeline-player>`,
    )
    .join('\n');
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><link rel="icon" href="data:,">
</head><body><p>A post.</p>
${elements}
<script src="/wakeline-player.js"></script></body></html>`;
}

/** Opens `body` as a host page in a context with the browser's `locale`; waits for its players. */
async function openHost(body, { locale = 'en-US' } = {}) {
  const context = await session.browser.newContext({
    locale,
    viewport: { width: 1000, height: 1600 },
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && page.errors.push(message.text()));
  return openHostPage(page, session, body);
}

/** What player `id` says: every text of its interface that the test compares. */
const shows = (page, id) =>
  page.evaluate((id) => {
    const player = document.getElementById(id);
    const root = player.shadowRoot;
    const one = (selector) => root.querySelector(selector);
    const texts = (selector) => [...root.querySelectorAll(selector)].map((n) => n.textContent);
    const canvas = one('canvas.timeline-canvas');
    return {
      language: player.language,
      lang: one('.player-theme').lang,
      playhead: player.playhead,
      narration: one('.player-narration').textContent,
      play: [one('.player-play').textContent, one('.player-play').title],
      prev: one('.player-prev').title,
      nextPoll: [one('.player-next-poll').textContent, one('.player-next-poll').title],
      speed: one('.player-speed').getAttribute('aria-label'),
      speeds: texts('.player-speed option').slice(0, 2),
      counterTitle: one('.player-counter').title,
      figure: one('.player-figure').title,
      status: one('.player-status').textContent,
      open: [one('.player-open').textContent, one('.player-open').title, one('.player-open').href],
      legend: texts(
        '.player-legend .legend:not(.legend-rest) .legend-item > span:not(.legend-text)',
      ),
      legendAll: one('.player-legend summary').textContent,
      messages: texts('.player-messages li'),
      canvasLabel: canvas.getAttribute('aria-label'),
      executors: canvas.dataset.executors,
      program: one('.player-program').getAttribute('aria-label'),
    };
  }, id);

/** The common legend entries' labels in `language`. */
const legendLabels = (language) =>
  inLanguage(language, () => legendEntries.filter((e) => e.common).map((e) => e.label));

/** The catalogue's words for the controls, in `messages` (english or spanish). */
const controls = (messages) => ({
  play: [messages['player.controls.play'], messages['player.controls.playTitle']],
  prev: messages['player.controls.prevTitle'],
  nextPoll: [messages['player.controls.nextPoll'], messages['player.controls.nextPollTitle']],
  speed: messages['player.controls.speed'],
  figure: messages['player.controls.svgTitle'],
});

/** Asserts that `shown` (from shows()) is the whole player in `language` (es or en). */
function assertSpeaks(shown, language, what) {
  const messages = language.lang === 'es' ? spanish : english;
  assert.deepEqual(shown.language, language, `${what}: its language`);
  assert.equal(shown.lang, language.locale, `${what}: the lang of its text`);
  assert.equal(shown.narration, narration(language, shown.playhead), `${what}: the narration`);
  const { play, prev, nextPoll, speed, figure } = shown;
  assert.deepEqual(
    { play, prev, nextPoll, speed, figure },
    controls(messages),
    `${what}: controls`,
  );
  // Numbers as the locale writes them: 0,25× in Spain, 0.25× in Mexico and in English.
  const number = new Intl.NumberFormat(language.locale);
  assert.deepEqual(
    shown.speeds,
    [0.25, 0.5].map((speed) => `${number.format(speed)}×`),
    `${what}: speeds`,
  );
  assert.match(
    shown.counterTitle,
    language.lang === 'es' ? /^evento \d+ de \d+$/ : /^event \d+ of \d+$/,
    `${what}: the counter`,
  );
  assert.match(
    shown.status,
    language.lang === 'es' ? /^concurrent · \d+ eventos$/ : /^concurrent · \d+ events$/,
    `${what}: the status`,
  );
  assert.deepEqual(
    shown.open.slice(0, 2),
    [
      messages['player.open.example'],
      `${messages['player.open.exampleTitle'].replace('{example}', '"concurrent"')}`,
    ],
    `${what}: the link out`,
  );
  assert.deepEqual(shown.legend, legendLabels(language), `${what}: the legend`);
  assert.equal(shown.legendAll, messages['narration.timeline.legend.all'], `${what}: legend`);
  assert.equal(shown.canvasLabel, messages['narration.timeline.label'], `${what}: the canvas`);
  assert.equal(shown.program, messages['player.program.label'], `${what}: the program's label`);
  // The executor lane's label, drawn on the canvas in the timeline's language.
  assert.equal(
    shown.executors,
    messages['narration.timeline.lane.executor'],
    `${what}: the executor lane`,
  );
}

const es = { lang: 'es', locale: 'es' };
const en = { lang: 'en', locale: 'en' };
// English from an en-US browser keeps its region.
const enUS = { lang: 'en', locale: 'en-US' };

/** Hovers player `id`'s canvas along a task lane until a tooltip shows; returns its text. */
async function hover(page, id) {
  const canvas = page.locator(`#${id} canvas.timeline-canvas`);
  const box = await canvas.boundingBox();
  const lanes = await canvas.evaluate((node) => node.dataset.lanes);
  const task = lanes
    .split('|')
    .map((lane) => lane.split(':'))
    .find(([label]) => /^(main|task)/.test(label));
  assert.ok(task, `a task lane among ${lanes}`);
  const y = Number(task[1]) + Number(task[2]) / 2;
  for (let x = 130; x < box.width - 4; x += 6) {
    await page.mouse.move(box.x + x, box.y + y);
    const tooltip = await page.evaluate((id) => {
      const node = document.getElementById(id).shadowRoot.querySelector('.timeline-tooltip');
      return node && !node.hidden
        ? [...node.querySelectorAll('dt')].map((dt) => dt.textContent)
        : null;
    }, id);
    if (tooltip) return tooltip;
  }
  throw new Error(`no tooltip over ${id}'s lane ${task[0]}`);
}

/** The tooltip's row labels a language may use. */
const rowLabels = (messages) =>
  new Set(
    Object.entries(messages)
      .filter(([key]) => key.startsWith('narration.timeline.row.'))
      .map(([, text]) => text),
  );

test('a Spanish post: its player narrates, labels and numbers in Spanish, and names its attributes in Spanish', async () => {
  const page = await openHost(hostPage('es', ['height="10" loading="eager"']));
  const shown = await shows(page, 'p0');
  assertSpeaks(shown, es, '<html lang="es">');
  assert.deepEqual(shown.messages, [
    'atributo height="10": no es auto ni un número de píxeles de 120 a 4000; se usa 120.',
  ]);
  // Not the browser's language (en-US), nor a link: the page's; the link out says so.
  assert.match(shown.open[2], /[#&]lang=es(&|$)/);
  // Steps by the buttons and the keys stay Spanish.
  await page.locator('#p0 .player-next-poll').click();
  await page.locator('#p0 .player-next').click();
  assertSpeaks(await shows(page, 'p0'), es, 'after steps');
  const rows = await hover(page, 'p0');
  assert.ok(rows.length > 0 && rows.every((row) => rowLabels(spanish).has(row)), rows.join('|'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two players on one page, lang="en" and lang="es", each speak their own, through steps and hovers', async () => {
  // A page in Spanish around them, and a Spanish browser: neither decides for a player that says.
  const page = await openHost(
    hostPage('es', ['lang="en" loading="eager"', 'lang="es" loading="eager"']),
    { locale: 'es-ES' },
  );
  assertSpeaks(await shows(page, 'p0'), en, 'lang="en"');
  assertSpeaks(await shows(page, 'p1'), es, 'lang="es"');
  // Interleaved: a step of one, then of the other, then keys and a play and pause.
  for (const [id, button] of [
    ['p0', '.player-next-poll'],
    ['p1', '.player-next-poll'],
    ['p0', '.player-next'],
    ['p1', '.player-next'],
  ])
    await page.locator(`#${id} ${button}`).click();
  await page.locator('#p1 canvas.timeline-canvas').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('#p0 canvas.timeline-canvas').click();
  await page.keyboard.press('ArrowDown');
  await page.evaluate(() => {
    document.getElementById('p1').play();
    document.getElementById('p0').seek(5);
  });
  await page.waitForTimeout(400);
  await page.evaluate(() => document.getElementById('p1').pause());
  const english0 = await shows(page, 'p0');
  const spanish1 = await shows(page, 'p1');
  assert.ok(english0.playhead > 0 && spanish1.playhead > 0, 'both moved');
  assertSpeaks(english0, en, 'lang="en" after steps');
  assertSpeaks(spanish1, es, 'lang="es" after steps');
  const englishRows = await hover(page, 'p0');
  assert.ok(
    englishRows.every((row) => rowLabels(english).has(row)),
    englishRows.join('|'),
  );
  const spanishRows = await hover(page, 'p1');
  assert.ok(
    spanishRows.every((row) => rowLabels(spanish).has(row)),
    spanishRows.join('|'),
  );
  // A figure of each, its legend and lanes in each one's language.
  const figures = await page.evaluate(() =>
    ['p0', 'p1'].map((id) => {
      const svg = document.getElementById(id).figure();
      return [...svg.querySelectorAll('text')].map((node) => node.textContent);
    }),
  );
  for (const [texts, language, messages] of [
    [figures[0], en, english],
    [figures[1], es, spanish],
  ]) {
    for (const label of legendLabels(language)) assert.ok(texts.includes(label), label);
    assert.ok(texts.includes(messages['narration.timeline.lane.executor']), texts.join('|'));
    // The title: "… · seed 7 · …" or "… · semilla 7 · …".
    const seedWord = messages['narration.figure.title'].match(/· (\S+) \{seed\}/)[1];
    assert.ok(
      texts.some((text) => text.startsWith('Wakeline: ') && text.includes(`· ${seedWord} `)),
      texts.join('|'),
    );
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Spanish browser, no lang anywhere: Spanish; es-AR groups thousands as Argentina does', async () => {
  const page = await openHost(hostPage(null, ['loading="eager"']), { locale: 'es-ES' });
  const shown = await shows(page, 'p0');
  assertSpeaks(shown, { lang: 'es', locale: 'es-ES' }, 'a Spanish browser');
  // The browser's language is the reader's: the link out does not name it.
  assert.doesNotMatch(shown.open[2], /[#&]lang=/);
  await page.context().close();

  const many = 'example="concurrent" strategy="local" params="tasks=200 steps=2" seed="1"';
  const two = await openHost(
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<wakeline-player id="ar" lang="es-AR" loading="eager" ${many}></wakeline-player>
<wakeline-player id="es" lang="es" loading="eager" ${many}></wakeline-player>
<script src="/wakeline-player.js"></script></body></html>`,
  );
  const status = (id) =>
    two.evaluate(
      (id) => document.getElementById(id).shadowRoot.querySelector('.player-status').textContent,
      id,
    );
  assert.match(await status('ar'), /^concurrent · \d\.\d{3} eventos$/);
  assert.match(await status('es'), /^concurrent · \d{4} eventos$/);
  await two.context().close();
});

test('lang="fr" on the element, no page lang: the browser’s; <html lang="fr"> too; nothing is named', async () => {
  const spanishBrowser = await openHost(hostPage(null, ['lang="fr" loading="eager"']), {
    locale: 'es-ES',
  });
  const shown = await shows(spanishBrowser, 'p0');
  assertSpeaks(shown, { lang: 'es', locale: 'es-ES' }, 'lang="fr", a Spanish browser');
  assert.deepEqual(shown.messages, []);
  await spanishBrowser.context().close();

  const englishBrowser = await openHost(hostPage('fr', ['loading="eager"']));
  assertSpeaks(await shows(englishBrowser, 'p0'), enUS, '<html lang="fr">, an English browser');
  assert.deepEqual((await shows(englishBrowser, 'p0')).messages, []);
  // lang="fr" on a player inside a Spanish post: the post's language.
  await englishBrowser.context().close();
  const inSpanishPost = await openHost(hostPage('es', ['lang="fr" loading="eager"']));
  assertSpeaks(await shows(inSpanishPost, 'p0'), es, 'lang="fr" in <html lang="es">');
  await inSpanishPost.context().close();
});

test('changing lang says the same run again in the new language, with no new run', async () => {
  const page = await openHost(hostPage(null, ['loading="eager" tour="1ms,,,Una parada"']));
  await page.evaluate(() => {
    window.runs = 0;
    document.getElementById('p0').addEventListener('runend', () => ++window.runs);
  });
  await page.locator('#p0 .player-next').click();
  await page.locator('#p0 .player-next').click();
  const before = await shows(page, 'p0');
  assertSpeaks(before, enUS, 'before');
  const tourCount = () =>
    page.evaluate(() => {
      const node = document.getElementById('p0').shadowRoot.querySelector('.tour-count');
      return node.title;
    });
  assert.equal(await tourCount(), 'stop 1 of 1');
  await page.evaluate(() => document.getElementById('p0').setAttribute('lang', 'es'));
  await waitForPlayers(page);
  const after = await shows(page, 'p0');
  assertSpeaks(after, es, 'after lang="es"');
  assert.equal(after.playhead, before.playhead, 'the playhead stays');
  assert.equal(await tourCount(), 'parada 1 de 1');
  // Back to English by taking the attribute away (an English browser, no page lang).
  await page.evaluate(() => document.getElementById('p0').removeAttribute('lang'));
  await waitForPlayers(page);
  assertSpeaks(await shows(page, 'p0'), enUS, 'lang removed');
  // A page that changes its own <html lang> changes its players' too.
  await page.evaluate(() => (document.documentElement.lang = 'es-MX'));
  await waitForPlayers(page);
  assertSpeaks(await shows(page, 'p0'), { lang: 'es', locale: 'es-MX' }, '<html lang="es-MX">');
  assert.equal(await page.evaluate(() => window.runs), 0, 'no new run');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Opens embed.html at `fragment` in a context with the browser's `locale`. */
async function openEmbed(fragment, { locale = 'en-US' } = {}) {
  const context = await session.browser.newContext({
    locale,
    viewport: { width: 1000, height: 700 },
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(`${session.url}embed.html${fragment}`);
  await page.waitForFunction(() => document.getElementById('player')?.state === 'done', null, {
    timeout: 20000,
  });
  return page;
}

const link = '#v=1&example=concurrent&strategy=local&tasks=3&steps=2&seed=7';

test('embed.html: lang=es in its link speaks Spanish; lang=xx is named as a link part', async () => {
  const page = await openEmbed(`${link}&lang=es`);
  await waitForPlayers(page);
  const shown = await shows(page, 'player');
  assertSpeaks(shown, es, 'embed.html lang=es');
  assert.deepEqual(shown.messages, []);
  assert.match(shown.open[2], /[#&]lang=es(&|$)/);
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.title]), [
    'es',
    spanish['player.embed.title'],
  ]);
  // The link's other problems are said in the player's language, named as the link's parts.
  await page.evaluate(() => (location.hash += '&select=task:40'));
  await page.waitForFunction(
    () =>
      document.getElementById('player').shadowRoot.querySelectorAll('.player-messages li').length,
  );
  assert.match(
    (await shows(page, 'player')).messages.join('\n'),
    /^parte del enlace select=task:40: esta ejecución no tiene la tarea 40/m,
  );
  await page.context().close();

  // Wakeline's own part: a language it does not speak is named, and the browser's is spoken.
  const unknown = await openEmbed(`${link}&lang=xx`, { locale: 'es-ES' });
  await waitForPlayers(unknown);
  const named = await shows(unknown, 'player');
  assertSpeaks(named, { lang: 'es', locale: 'es-ES' }, 'embed.html lang=xx, a Spanish browser');
  assert.deepEqual(named.messages, [
    'parte del enlace lang=xx: Wakeline no habla ese idioma (en para inglés, es para español); se usa el idioma del navegador.',
  ]);
  await unknown.context().close();
  const englishUnknown = await openEmbed(`${link}&lang=xx`);
  await waitForPlayers(englishUnknown);
  assert.deepEqual((await shows(englishUnknown, 'player')).messages, [
    'link part lang=xx: Wakeline does not speak that language (en for English, es for Spanish); the browser’s language is used.',
  ]);
  assert.equal(await englishUnknown.evaluate(() => document.documentElement.lang), 'en-US');
  await englishUnknown.context().close();

  // No lang in the link: the browser's, whatever embed.html's own <html lang> says.
  const browser = await openEmbed(link, { locale: 'es-ES' });
  await waitForPlayers(browser);
  assertSpeaks(await shows(browser, 'player'), { lang: 'es', locale: 'es-ES' }, 'no lang=');
  assert.doesNotMatch((await shows(browser, 'player')).open[2], /[#&]lang=/);
  assert.deepEqual(browser.errors, []);
  await browser.context().close();
});
