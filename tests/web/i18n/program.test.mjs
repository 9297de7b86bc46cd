// The program panel, its editor and the tours in Spanish (catalogue part `program`): under node,
// the pure pieces (the link's program, a program file, the diagnostics' summary, the state
// machine's titles, a tour's problems, the tour bar on a small stand-in DOM) say their sentences
// in Spanish when Spanish is in use and the very same English as before otherwise; in Chromium,
// the page opened with `lang=es` in its link shows the console, the state machine view, the
// diagnostics, Run's reason, the editor's names and the Tour menu in Spanish.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadLanguage, useLanguage } from '../../../web/app/i18n/i18n.js';
import {
  decodeProgram,
  encodeProgram,
  maxEncodedLength,
} from '../../../web/app/program/program-link.js';
import {
  diagnosticsSummary,
  editorWords,
  readProgramFile,
} from '../../../web/app/program/program-panel.js';
import { kindText, stateTitle, temporaryName } from '../../../web/app/program/state-view.js';
import { parseTourLink } from '../../../web/app/tours/tour.js';
import { startSession, waitForRun, watchedPage } from '../support/browser.mjs';
import { en, english, es, spanish } from '../support/languages.mjs';

let session;
before(async () => {
  await loadLanguage('es');
  session = await startSession();
});
after(() => session?.close());

/** A file as the page gets one from a drop or a file picker. */
function file(name, bytes) {
  const data = new Uint8Array(bytes);
  return { name, size: data.length, arrayBuffer: async () => data.buffer };
}

test("the link's program says what is wrong with it in Spanish, and in English as before", async () => {
  // Cut short by one to three characters, to a length base64url can have: its deflate stream
  // then ends early.
  const whole = await encodeProgram('fn main() { println!("hola"); }\n'.repeat(8));
  const cut = [1, 2, 3].map((n) => whole.slice(0, -n)).find((text) => text.length % 4 !== 1);
  // decodeProgram keeps the language it was called in across its awaits.
  const spanishErrors = await es(() =>
    Promise.all(['', 'ab+/', cut, '____'].map((value) => decodeProgram(value))),
  );
  assert.deepEqual(
    spanishErrors.map((answer) => answer.error),
    [
      'El programa del enlace está vacío.',
      'El programa del enlace contiene caracteres que base64url no usa; el enlace se modificó o se estropeó.',
      'El programa del enlace está dañado o cortado (sus datos comprimidos no terminan donde deberían): probablemente lo cortó el sitio donde se pegó el enlace.',
      'El programa del enlace está dañado o cortado (sus datos comprimidos no terminan donde deberían): probablemente lo cortó el sitio donde se pegó el enlace.',
    ],
  );
  const long = await es(() => decodeProgram('A'.repeat(1_000_000)));
  assert.equal(
    long.error,
    `El programa del enlace es demasiado largo (1000000 caracteres; un programa de como mucho 512 KiB ocupa menos de ${maxEncodedLength}).`,
  );
  assert.equal((await en(() => decodeProgram(''))).error, 'The link’s program is empty.');
  assert.equal(
    (await en(() => decodeProgram('A'.repeat(1_000_000)))).error,
    `The link’s program is too long (1000000 characters; a program of at most 512 KiB takes fewer than ${maxEncodedLength}).`,
  );
});

test('a program file that is too large or not UTF-8 is refused in Spanish', async () => {
  const large = file('grande.rs', new Uint8Array(600 * 1024));
  const binary = file('datos.bin', [0xff, 0xfe, 0x41]);
  assert.equal(
    (await es(() => readProgramFile(large))).error,
    '"grande.rs" ocupa 600 KiB; un programa puede ocupar como mucho 512 KiB.',
  );
  assert.equal(
    (await es(() => readProgramFile(binary))).error,
    '"datos.bin" no es texto UTF-8, así que no es un programa.',
  );
  // English as it always was.
  assert.equal(
    (await en(() => readProgramFile(large))).error,
    '"grande.rs" is 600 KiB; a program may have at most 512 KiB.',
  );
});

test('the diagnostics summary counts errors and warnings in Spanish plurals', () => {
  const cases = [
    [0, 0, 'main.rs: sin errores.', 'main.rs: no errors.'],
    [1, 0, 'main.rs: 1 error.', 'main.rs: 1 error.'],
    [2, 1, 'main.rs: 2 errores, 1 advertencia.', 'main.rs: 2 errors, 1 warning.'],
    [0, 3, 'main.rs: 3 advertencias.', 'main.rs: 3 warnings.'],
    [1200, 0, 'main.rs: 1200 errores.', 'main.rs: 1200 errors.'],
  ];
  for (const [errors, warnings, spanishText, englishText] of cases) {
    assert.equal(
      es(() => diagnosticsSummary('main.rs', errors, warnings)),
      spanishText,
    );
    assert.equal(
      en(() => diagnosticsSummary('main.rs', errors, warnings)),
      englishText,
    );
  }
  const words = es(() => editorWords());
  assert.equal(
    words.label('main.rs'),
    'Programa main.rs: Ctrl o Cmd+Enter lo ejecuta; Escape y luego Tab para salir del editor',
  );
  assert.equal(words.label(null), 'Programa');
  assert.equal(
    words.eventMark(1),
    '1 evento en esta línea: haz clic para seleccionarlo en la línea de tiempo',
  );
  assert.equal(
    words.eventMark(3),
    '3 eventos en esta línea: haz clic para seleccionarlos en la línea de tiempo',
  );
  assert.equal(words.phrases['No diagnostics'], 'Sin diagnósticos');
  assert.equal(
    en(() => editorWords()).eventMark(2),
    '2 events at this line: click to select them on the timeline',
  );
});

test("a state machine's states are named in Spanish, rustc's names kept", () => {
  const suspended = { name: 'suspend0', state: 3, await: { start: { line: 12 } } };
  assert.deepEqual(
    es(() =>
      [{ name: 'unresumed' }, { name: 'returned' }, { name: 'poisoned' }, suspended].map(
        stateTitle,
      ),
    ),
    [
      'inicio (unresumed): creado, aún sin sondear',
      'terminado (returned): devolvió Poll::Ready',
      'en pánico (poisoned): sondearlo de nuevo provoca un pánico',
      'suspendido en la línea 12',
    ],
  );
  assert.equal(
    es(() => kindText('async block')),
    'bloque async',
  );
  assert.equal(
    es(() => kindText('async fn')),
    'async fn',
  );
  assert.equal(
    en(() => stateTitle({ name: 'unresumed' })),
    'start (unresumed): made, not polled yet',
  );
});

test("lowering's temporaries, which the core names in English, are said in Spanish", () => {
  const names = [
    "the `for` loop's iterator",
    'the value being matched',
    'the `select!` result',
    'a temporary (t3)',
    'count',
  ];
  assert.deepEqual(
    es(() => names.map(temporaryName)),
    [
      'el iterador del bucle `for`',
      'el valor que se compara en el match',
      'el resultado de `select!`',
      'un temporal (t3)',
      'count',
    ],
  );
  assert.deepEqual(
    en(() => names.map(temporaryName)),
    names,
  );
});

test("a tour's problems are said in Spanish", () => {
  const { stops, problems } = es(() =>
    parseTourLink('seq:3,,,Uno|later,,,Dos|seq:5,1ms..0ms,bad,Tres|a,b,c,d,e'),
  );
  assert.equal(stops.length, 2);
  assert.equal(problems.length, 4);
  assert.match(
    problems[0],
    /^Parada 2 del recorrido: el cabezal "later" .*; la parada se omitió\.$/,
  );
  assert.match(
    problems[1],
    /^Parada 3 del recorrido: la vista "1ms\.\.0ms" no es un par de posiciones/,
  );
  assert.equal(
    problems[2],
    'Parada 3 del recorrido: la selección "bad" no es seq:N ni task:N; se ignoró.',
  );
  assert.match(problems[3], /^La parada 4 del recorrido no es cabezal,vista,selección,comentario/);
  const many = Array.from({ length: 40 }, (_, k) => `seq:${k + 1}`).join('|');
  assert.deepEqual(es(() => parseTourLink(many)).problems, [
    'El recorrido tiene 40 paradas; solo se muestran las 32 primeras.',
  ]);
  assert.deepEqual(en(() => parseTourLink(many)).problems, [
    'The tour has 40 stops; only the first 32 are shown.',
  ]);
  assert.deepEqual(es(() => parseTourLink('x'.repeat(24001))).problems, [
    'El recorrido es demasiado largo (24001 caracteres, como mucho 24000); se ignoró.',
  ]);
});

// Just enough of a document for the tour bar: elements with attributes, text and children.
class StandIn {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.children = [];
    this.listeners = new Map();
    this.textContent = '';
    this.className = '';
    this.hidden = false;
    this.disabled = false;
    this.title = '';
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.get(name) ?? null;
  }

  append(...nodes) {
    this.children.push(...nodes);
  }

  replaceChildren(...nodes) {
    this.children = nodes;
  }

  addEventListener(type, listener) {
    this.listeners.set(type, listener);
  }

  click() {
    this.listeners.get('click')?.();
  }
}

test('the tour bar says "2 / 5", its stop and its buttons in the language it speaks', async () => {
  globalThis.document = { createElement: (tag) => new StandIn(tag) };
  try {
    const { TourBar } = await import('../../../web/app/tours/tour-bar.js');
    const stops = Array.from({ length: 5 }, (_, k) => ({
      at: null,
      playhead: null,
      view: null,
      select: null,
      caption: `Stop ${k + 1}, as its author wrote it`,
    }));
    const timeline = { select() {} };
    const model = { count: 0 };

    // The page speaks English; the bar (a player's) speaks Spanish, also when clicked.
    useLanguage(english);
    const container = new StandIn('div');
    const bar = new TourBar(container, () => {}, { speak: es });
    bar.show(stops, timeline, model);
    bar.go(0);
    bar.next.click();
    assert.equal(bar.count.textContent, '2 / 5');
    assert.equal(bar.count.title, 'parada 2 de 5');
    assert.equal(bar.caption.textContent, 'Stop 2, as its author wrote it');
    assert.equal(bar.prev.title, 'Parada anterior del recorrido');
    assert.equal(bar.next.getAttribute('aria-label'), 'Siguiente parada del recorrido');

    // Without its own language the bar speaks the page's: Spanish, then English as before.
    useLanguage(spanish);
    const pageBar = new TourBar(new StandIn('div'), () => {});
    pageBar.show(stops, timeline, model);
    pageBar.go(4);
    assert.equal(pageBar.count.title, 'parada 5 de 5');
    assert.equal(pageBar.prev.getAttribute('aria-label'), 'Parada anterior del recorrido');
    useLanguage(english);
    const englishBar = new TourBar(new StandIn('div'), () => {});
    englishBar.show(stops, timeline, model);
    englishBar.go(1);
    assert.equal(englishBar.count.textContent, '2 / 5');
    assert.equal(englishBar.count.title, 'stop 2 of 5');
    assert.equal(englishBar.next.title, 'Next stop of the tour');
  } finally {
    useLanguage(english);
    delete globalThis.document;
  }
});

test('under lang=es the console, states, diagnostics, editor and Tour menu speak Spanish', async () => {
  const page = await watchedPage(session.browser);
  await page.goto(`${session.url}#example=basic&lang=es`);
  assert.equal(await waitForRun(page), 'done');
  if ((await page.evaluate(() => document.body.dataset.source)) !== 'rust') {
    await page.click('#source-rust');
    await page.waitForFunction(() => location.hash.includes('&program='));
    assert.equal(await waitForRun(page), 'done');
  }
  await page.waitForSelector('#program-editor[data-ready="true"]');
  await page.waitForFunction(
    () => document.getElementById('program-diagnostics-summary').textContent !== '',
  );

  // Diagnostics and the editor's names.
  assert.equal(await page.textContent('#program-diagnostics-summary'), 'basic.rs: sin errores.');
  const editor = await page.evaluate(() => {
    const root = document.getElementById('program-editor').shadowRoot;
    return {
      label: root.querySelector('.cm-content').getAttribute('aria-label'),
      mark: root.querySelector('.cm-event-mark')?.title ?? null,
    };
  });
  assert.equal(
    editor.label,
    'Programa basic.rs: Ctrl o Cmd+Enter lo ejecuta; Escape y luego Tab para salir del editor',
  );
  assert.match(editor.mark, /^\d+ eventos? en esta línea: haz clic para seleccionarlos? /);

  // The console: its list's name and its rows' titles.
  await page.waitForSelector('#console .console-line');
  assert.equal(
    await page.getAttribute('#console .console-lines', 'aria-label'),
    'Salida del programa',
  );
  assert.equal(
    await page.getAttribute('#console .console-line button', 'title'),
    'Mover el cabezal a esta salida',
  );

  // The state machine view: the picker, the machine's head, its states.
  await page.waitForSelector('#state-view .state');
  assert.equal(await page.textContent('#state-view .state-pick-label'), 'async fn o bloque ');
  const options = await page.locator('#state-machine-picker option').allTextContents();
  assert.ok(options.includes('async fn main (línea 17)'), options.join(' | '));
  await page.selectOption('#state-machine-picker', { label: 'async fn step (línea 11)' });
  assert.match(
    await page.textContent('#state-view .state-head'),
    /^async fn step, línea 11: 4 estados\./,
  );
  const states = page.locator('#state-view .state');
  assert.match(
    await states.nth(0).textContent(),
    /0 inicio \(unresumed\): creado, aún sin sondear.*guarda sus argumentos: number, delay/,
  );
  assert.match(await states.nth(3).textContent(), /3 suspendido en la línea 12/);
  assert.equal(
    await states.nth(3).locator('.state-await').getAttribute('title'),
    'Mostrar la línea 12 en el editor',
  );

  // An error: counted in Spanish, and Run says in Spanish why it is disabled.
  await page.click('#program-editor .cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nfn broken() { let x = 5 }\n');
  await page.waitForFunction(() => document.getElementById('run-button').disabled);
  assert.equal(await page.textContent('#program-diagnostics-summary'), 'basic.rs: 1 error.');
  assert.equal(
    await page.textContent('#run-blocked'),
    'No se puede ejecutar: basic.rs tiene 1 error (en la lista bajo el programa).',
  );
  assert.equal(
    await page.getAttribute('#program-reset', 'title'),
    'Olvidar tus cambios y mostrar basic.rs tal como lo trae el ejemplo',
  );

  // The Tour menu.
  assert.equal(await page.textContent('#tour-menu summary'), 'Recorrido');
  await page.click('#tour-menu summary');
  assert.equal(await page.textContent('#tour-menu .tour-add'), 'Añadir parada');
  assert.equal(
    await page.getAttribute('#tour-menu .tour-stops', 'aria-label'),
    'Paradas del recorrido',
  );

  // Reset says so in Spanish.
  await page.click('#program-reset');
  await page.waitForFunction(() =>
    document.getElementById('program-message').textContent.includes('vuelve a tener'),
  );
  assert.equal(
    await page.textContent('#program-message'),
    'basic.rs vuelve a tener el texto del ejemplo.',
  );
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
