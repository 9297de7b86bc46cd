// The Share, Export and Import menus and the link's problems in Spanish. In node: every key the
// share files build at run time exists in both catalogues; each kind of problem of a link reads
// in English word for word as it always has, and in Spanish when Spanish is in use (made when the
// link is read, not when the module loads), and so do a trace file's. In Chromium with `#lang=es`:
// the Share menu's labels and choices, the copy feedback, the export choices and messages, the
// import's messages, the link's problems; the snippets carry lang=es; and the same page in
// English is unchanged.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { english } from '../../../web/app/i18n/en/index.js';
import { spanish } from '../../../web/app/i18n/es/index.js';
import { inLanguage, loadLanguage } from '../../../web/app/i18n/i18n.js';
import {
  decodeLink,
  parseLinkPosition,
  parseLinkTime,
  parseParamValue,
  parseSelection,
  resolveLink,
} from '../../../web/app/share/link-codec.js';
import { TraceImportError, parseNdjsonTrace } from '../../../web/app/share/ndjson-import.js';
import { openFirstVisit, openShareMenu, startSession } from '../support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Links with every kind of problem a link part can have, and requests the catalogue refuses.
const links = [
  '#v=x&example=a%20b&strategy=<s>&compare=!&seed=-1&at=soon&view=5ms..1ms&spread=maybe&select=seq:0&program=a$b&2x=1&tasks=1&tasks=2&steps=abc&p.=1',
  '#v=9&example=basic&example=other&novalue&%E0%A4%A=1&at=99999999999999999999s&view=1e999..2',
  `#${'x'.repeat(5000)}`,
  `#program=${'A'.repeat(1_000_001)}`,
  `#${Array.from({ length: 70 }, (_, i) => `p${i}=1`).join('&')}`,
  '#lang=fr',
  '#tasks=1&p.tasks=2',
];
const examples = [
  {
    id: 'concurrent',
    strategies: ['local', 'tokio-mt'],
    params: [
      { name: 'tasks', type: 'integer', default: 5, min: 1, max: 10000 },
      { name: 'together', type: 'boolean', default: false },
    ],
  },
];
const strategies = [
  {
    name: 'tokio-mt',
    settings: [{ name: 'workers', type: 'integer', default: 4, min: 1, max: 64 }],
  },
];
const requests = [
  [{ example: 'nope', strategy: 'fifo', params: { tasks: 0, together: 3, bogus: 1 } }, []],
  [
    { example: 'concurrent', strategy: 'tokio-mt', params: { tasks: true, workers: 99, bogus: 1 } },
    strategies,
  ],
];

/** Every problem of the links and requests above, and each part reader's own, in order. */
function allProblems() {
  return [
    ...links.flatMap((link) => decodeLink(link).problems),
    ...requests.flatMap(
      ([state, known]) =>
        resolveLink({ seed: null, ...state }, examples, 'concurrent', known).problems,
    ),
    parseLinkTime('12 ms').error,
    parseLinkPosition('x').error,
    parseSelection('nope').error,
    parseParamValue('1.5').error,
  ];
}

// What those problems have always said in English, word for word (the player shows them too).
const englishProblems = [
  'The link version "x" is not a version number; it was read as version 1.',
  'The example "a b" is not a valid id; it was ignored.',
  'The strategy "<s>" is not a valid id; it was ignored.',
  'The compare "!" is not a valid id; it was ignored.',
  'The seed "-1" is not a whole number from 0 to 2^53; it was ignored.',
  'The playhead: "soon" is not a time such as 12ms, 1.5s, 40us or 7ns, or seq:N for an event; it was ignored.',
  'The view "5ms..1ms" is not two positions such as 10ms..14.5ms, the first before the second; the whole run is shown.',
  'The spread "maybe" is not true or false; it was ignored.',
  'The selection "seq:0" is not seq:N or task:N; it was ignored.',
  'The link’s program holds characters that base64url does not use (the link was changed or mangled); it was ignored.',
  'The link part "2x" is not a parameter name; it was ignored.',
  'The link gives "tasks" more than once; the first one counts.',
  'The parameter "steps": "abc" is not a whole number, true or false; its default is used.',
  'The link part "p." is not a parameter name; it was ignored.',
  'The link was made by a newer Wakeline (version 9); it was read as version 1, and parts may be missing.',
  'The link gives "example" more than once; the first one counts.',
  'The link part "novalue" has no value (expected "novalue"=…); it was ignored.',
  'The link part "%E0%A4%A=1" is not valid percent-encoding; it was ignored.',
  'The playhead: "99999999999999999999s" is too far in time, or seq:N for an event; it was ignored.',
  'The view "1e999..2" is not two positions such as 10ms..14.5ms, the first before the second; the whole run is shown.',
  'The link is too long (5000 characters, at most 4096); it was ignored.',
  "The link's program is too long (1000001 characters, at most 1000000); it was ignored.",
  'The link has 70 parts; only the first 64 were read.',
  'The language "fr" is not one Wakeline speaks (en for English, es for Spanish); it was ignored.',
  'The link gives the parameter "tasks" more than once; the first one counts.',
  'The link names an example that does not exist: "nope". Showing concurrent.',
  'The example concurrent has no strategy "fifo" (it has local, tokio-mt); using local.',
  'The parameter tasks must be between 1 and 10000, not 0; its default 5 is used.',
  'The parameter together must be true or false, not 3; its default false is used.',
  'The example concurrent has no parameter "bogus"; it was ignored.',
  'The parameter tasks must be a whole number, not true; its default 5 is used.',
  'The setting workers of tokio-mt must be between 1 and 64, not 99; its default 4 is used.',
  'The example concurrent has no parameter "bogus" and the strategy tokio-mt has no such setting; it was ignored.',
  '"12 ms" is not a time such as 12ms, 1.5s, 40us or 7ns',
  '"x" is not a position such as 12ms or -1.5ms',
  '"nope" is not seq:N or task:N',
  '"1.5" is not a whole number, true or false',
];

test("a link's problems read in English word for word as they always have", () => {
  assert.deepEqual(allProblems(), englishProblems);
});

test("a link's problems are Spanish when Spanish is in use, made when the link is read", async () => {
  await loadLanguage('es');
  const problems = inLanguage({ lang: 'es' }, allProblems);
  assert.equal(problems.length, englishProblems.length);
  problems.forEach((problem, i) => {
    assert.notEqual(problem, englishProblems[i]);
    // The link's own words stay as written, quoted.
    for (const quoted of englishProblems[i].match(/"[^"]*"/g) ?? [])
      assert.ok(problem.includes(quoted), `${problem} keeps ${quoted}`);
  });
  const sample = (text) => problems[englishProblems.indexOf(text)];
  assert.equal(
    sample('The seed "-1" is not a whole number from 0 to 2^53; it was ignored.'),
    'La semilla "-1" no es un número entero de 0 a 2^53; se ignoró.',
  );
  assert.equal(
    sample(
      'The playhead: "soon" is not a time such as 12ms, 1.5s, 40us or 7ns, or seq:N for an event; it was ignored.',
    ),
    'El cabezal: "soon" no es un tiempo como 12ms, 1.5s, 40us o 7ns, ni seq:N para un evento; se ignoró.',
  );
  assert.equal(
    sample(
      'The setting workers of tokio-mt must be between 1 and 64, not 99; its default 4 is used.',
    ),
    'El ajuste workers de tokio-mt debe estar entre 1 y 64, no 99; se usa su valor por defecto, 4.',
  );
  // Back in English: nothing was kept from the Spanish reading.
  assert.deepEqual(allProblems(), englishProblems);
});

/** A trace file's header line. */
const header =
  '{"schema":"wakeline-trace","version":1,"example":"basic","strategy":"local","params":{},"seed":0,"clock":"virtual","unit":"ns"}';

test("a trace file's problems are Spanish when Spanish is in use", async () => {
  await loadLanguage('es');
  const problem = (text) => {
    try {
      parseNdjsonTrace(text);
    } catch (error) {
      assert.ok(error instanceof TraceImportError);
      return error.message;
    }
    assert.fail('the file was read');
  };
  const files = [
    ['', 'The file is empty.', 'El archivo está vacío.'],
    [`${header}\n{"seq":1,\n`, /^Line 2: not valid JSON/, /^Línea 2: no es JSON válido \(/],
    [
      '[1]\n',
      'Line 1: expected a JSON object, found an array.',
      'Línea 1: se esperaba un objeto JSON y hay un array.',
    ],
    [
      `${header.replace('"seed":0', '"seed":"0"')}\n`,
      'Line 1: the header\'s "seed" should be a number, not "0".',
      'Línea 1: el campo "seed" de la cabecera debería ser un número, no "0".',
    ],
    [
      `${header}\n{"seq":2,"t":0,"kind":"x"}\n`,
      'Line 2: seq out of order: expected 1, found 2.',
      'Línea 2: seq fuera de orden: se esperaba 1 y hay 2.',
    ],
    [
      `${header}\n`,
      'The trace has a header but no events.',
      'La traza tiene cabecera pero ningún evento.',
    ],
  ];
  for (const [text, inEnglish, inSpanish] of files) {
    const check = (message, expected) =>
      expected instanceof RegExp
        ? assert.match(message, expected)
        : assert.equal(message, expected);
    check(problem(text), inEnglish);
    check(
      inLanguage({ lang: 'es' }, () => problem(text)),
      inSpanish,
    );
  }
});

test('every key the share files build at run time exists in both catalogues', () => {
  const keys = [
    ...['auto', 'light', 'dark'].map((theme) => `share.theme.${theme}`),
    ...['link', 'iframe', 'player'].flatMap((field) => [
      `share.copied.${field}`,
      `share.pressCopy.${field}`,
    ]),
    ...['example', 'strategy', 'compare'].map((name) => `share.codec.badId.${name}`),
    'share.import.done',
    'share.import.doneIncomplete',
    'share.trace.anObject',
    'share.trace.aString',
    'share.trace.aNumber',
  ];
  for (const key of keys) {
    assert.ok(Object.hasOwn(english, key), `${key} in English`);
    assert.ok(Object.hasOwn(spanish, key), `${key} in Spanish`);
  }
});

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A new page in its own context, with the clipboard allowed, open at `hash` once run. */
const open = (hash) =>
  openFirstVisit(session, hash, { permissions: ['clipboard-read', 'clipboard-write'] });

/** The Share menu's words: its button, labels, Copy buttons and choices. */
const shareWords = (page) =>
  page.evaluate(() => {
    const menu = document.getElementById('share-menu');
    const texts = (selector) =>
      [...menu.querySelectorAll(selector)].map((node) => node.textContent.trim());
    return {
      summary: menu.querySelector('summary').textContent,
      labels: texts('.share-label'),
      copies: texts('.share-panel button'),
      themes: texts('#share-theme option'),
      languages: texts('#share-language option'),
    };
  });

/** The Export menu's words: its button, export buttons and figure options. */
const exportWords = (page) =>
  page.evaluate(() => {
    const menu = document.getElementById('export-menu');
    return {
      summary: menu.querySelector('summary').textContent,
      buttons: [...menu.querySelectorAll('button')].map((node) => node.textContent),
      heading: menu.querySelector('.figure-heading').textContent,
      views: [...menu.querySelectorAll('#figure-view option')].map((node) => node.textContent),
      width: menu.querySelector('#figure-width').placeholder,
      widthTitle: menu.querySelector('#figure-width').title,
      scale: menu.querySelector('#figure-scale').getAttribute('aria-label'),
      themes: [...menu.querySelectorAll('#figure-theme option')].map((node) => node.textContent),
      playhead: menu.querySelector('.figure-check').textContent.trim(),
    };
  });

/** Waits for the message line to say something that `test` accepts; returns it. */
async function message(page, accept) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('share-message').textContent),
    accept.source,
  );
  return page.locator('#share-message').textContent();
}

const scenario = '#v=1&example=basic&steps=2&seed=1';

test('#lang=es: the Share menu, its copy feedback and its snippets are Spanish', async () => {
  const page = await open(`${scenario}&lang=es`);
  await openShareMenu(page);
  assert.deepEqual(await shareWords(page), {
    summary: 'Compartir',
    labels: [
      'Enlace a esta ejecución y esta vista',
      'Tema al insertar',
      'Idioma al insertar',
      'Insertar como iframe',
      'Insertar como <wakeline-player>',
    ],
    copies: ['Copiar', 'Copiar', 'Copiar'],
    themes: ['Automático (el ajuste de cada lector)', 'Claro', 'Oscuro'],
    languages: ['Automático (el de la entrada o el de cada lector)', 'English', 'Español'],
  });
  // The snippets say the embeds speak Spanish.
  assert.match(await page.locator('#share-iframe').inputValue(), /&amp;lang=es&amp;theme=auto"/);
  assert.match(await page.locator('#share-player').inputValue(), / theme="auto" lang="es">/);
  for (const [button, key] of [
    ['#share-link-copy', 'link'],
    ['#share-iframe-copy', 'iframe'],
    ['#share-player-copy', 'player'],
  ]) {
    await page.evaluate(() => (document.getElementById('share-message').textContent = ''));
    await page.click(button);
    assert.equal(await message(page, /./), spanish[`share.copied.${key}`]);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('#lang=es: the export choices, an export and an import say it in Spanish', async () => {
  const page = await open(`${scenario}&lang=es`);
  await page.click('#export-menu summary');
  assert.deepEqual(await exportWords(page), {
    summary: 'Exportar',
    buttons: [
      'Traza como NDJSON',
      'Traza JSON de Chrome (Perfetto)',
      'Línea de tiempo como PNG',
      'Figura como SVG',
      'Figura como PNG (a la escala elegida)',
    ],
    heading: 'Figura',
    views: ['la ventana visible', 'toda la ejecución'],
    width: 'como se ve',
    widthTitle: 'Ancho de la figura en píxeles (vacío: como en pantalla)',
    scale: 'Escala del PNG',
    themes: ['tema de la página', 'claro', 'oscuro'],
    playhead: 'cabezal',
  });
  await Promise.all([page.waitForEvent('download'), page.click('#export-ndjson')]);
  assert.equal(await message(page, /ndjson/), 'Se exportó wakeline-basic-local-seed-1.ndjson.');

  const importer = page.locator('label.share-import');
  assert.equal(await importer.evaluate((label) => label.firstChild.textContent), 'Importar…');
  assert.equal(await importer.getAttribute('title'), spanish['share.import.title']);
  await page.setInputFiles('#import-file', {
    name: 'roto.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${header}\n{"seq":1,"t":0,`),
  });
  assert.match(await message(page, /^roto/), /^roto\.ndjson: Línea 2: la línea está cortada: /);
  const trace = execFileSync(path.join(repo, 'build/release/wakeline'), ['run', 'timers'], {
    encoding: 'utf8',
  });
  const events = trace.trimEnd().split('\n').length - 1;
  await page.setInputFiles('#import-file', {
    name: 'timers.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(trace),
  });
  assert.equal(await message(page, /^Se importó/), `Se importó timers.ndjson: ${events} eventos.`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

const badLink = '#v=1&example=basic&steps=99&seed=abc&at=soon&select=seq:99999';

test("#lang=es: the link's problems are Spanish, from the codec and from the view", async () => {
  const page = await open(`${badLink}&lang=es`);
  const list = page.locator('#link-messages');
  assert.equal(await list.getAttribute('aria-label'), 'Problemas con el enlace');
  const problems = await list.locator('li').allTextContents();
  assert.deepEqual(problems.slice(0, 3), [
    'La semilla "abc" no es un número entero de 0 a 2^53; se ignoró.',
    'El cabezal: "soon" no es un tiempo como 12ms, 1.5s, 40us o 7ns, ni seq:N para un evento; se ignoró.',
    'El parámetro steps debe estar entre 1 y 20, no 99; se usa su valor por defecto, 3.',
  ]);
  assert.match(
    problems[3],
    /^El enlace selecciona seq 99999, que esta ejecución no tiene \(tiene \d+ eventos\)\.$/,
  );
  assert.equal(problems.length, 4);
  await page.context().close();
});

test('in English, the same menus and problems are as they were', async () => {
  const page = await open(badLink);
  const problems = await page.locator('#link-messages li').allTextContents();
  assert.deepEqual(problems.slice(0, 3), [
    'The seed "abc" is not a whole number from 0 to 2^53; it was ignored.',
    'The playhead: "soon" is not a time such as 12ms, 1.5s, 40us or 7ns, or seq:N for an event; it was ignored.',
    'The parameter steps must be between 1 and 20, not 99; its default 3 is used.',
  ]);
  assert.match(
    problems[3],
    /^The link selects seq 99999, which this run does not have \(it has \d+ events\)\.$/,
  );
  assert.equal(problems.length, 4);
  assert.equal(
    await page.locator('#link-messages').getAttribute('aria-label'),
    'Problems with the link',
  );
  await openShareMenu(page);
  assert.deepEqual(await shareWords(page), {
    summary: 'Share',
    labels: [
      'Link to this run and view',
      'Theme of the embeds',
      'Language of the embeds',
      'Embed as an iframe',
      'Embed as <wakeline-player>',
    ],
    copies: ['Copy', 'Copy', 'Copy'],
    themes: ['Auto (each reader’s setting)', 'Light', 'Dark'],
    languages: ['Auto (the post’s or each reader’s)', 'English', 'Español'],
  });
  assert.doesNotMatch(await page.locator('#share-player').inputValue(), / lang=/);
  await page.click('#share-link-copy');
  assert.equal(await message(page, /./), 'Copied: link to this run and view.');
  await page.click('#export-menu summary');
  const words = await exportWords(page);
  assert.deepEqual(words.buttons, [
    'Trace as NDJSON',
    'Chrome trace JSON (Perfetto)',
    'Timeline as PNG',
    'Figure as SVG',
    'Figure as PNG (at the scale chosen)',
  ]);
  assert.equal(words.width, 'as shown');
  await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  assert.equal(await message(page, /svg/), 'Exported wakeline-basic-local-seed-0.svg.');
  await page.context().close();
});
