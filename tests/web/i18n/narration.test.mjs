// The narration, the warnings and the timeline's own words in Spanish (catalogue parts
// `narration` and `warnings`): under node, every event of a run of every example under every
// strategy is told in Spanish, whole (no {placeholder} left, no catalogue key, no English word
// of the catalogue's), with times in the Spanish way ("1,5 ms"), and in English as before; in
// Chromium, the page opened with `lang=es` in its link narrates, warns, labels its lanes and
// explains its marks in Spanish.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadLanguage } from '../../../web/app/i18n/i18n.js';
import { describeEvent, narrate } from '../../../web/app/narration.js';
import { Replay } from '../../../web/app/playback/replay.js';
import { rememberEngineDefaults } from '../../../web/app/runtime-defaults.js';
import { buildLanes } from '../../../web/app/timeline/lanes.js';
import { legendEntries } from '../../../web/app/timeline/legend.js';
import { TraceModel } from '../../../web/app/timeline/model.js';
import { formatTime } from '../../../web/app/timeline/time-format.js';
import { describeHit } from '../../../web/app/timeline/tooltip.js';
import { formatBytes } from '../../../web/app/bytes.js';
import { findWarnings } from '../../../web/app/warnings.js';
import { startSession, waitForRun, watchedPage } from '../support/browser.mjs';
import { wakelineInNode } from '../support/trace.mjs';
import { en, es } from '../support/languages.mjs';

let session;
before(async () => {
  await loadLanguage('es');
  session = await startSession();
});
after(() => session?.close());

/** The model of a run of `example` under `strategy` (with `options` for the run). */
async function runModel(example, strategy, options = {}) {
  const run = await (await wakelineInNode()).run(example, { strategy, ...options });
  const model = new TraceModel();
  for await (const batch of run) model.appendEvents(batch);
  await run.done;
  model.header = run.header;
  return model;
}

// Words of the English catalogue that Spanish never uses: one left in a Spanish sentence means a
// piece of it was not translated.
const englishWords =
  /\b(the|is|was|its|it|and|of|to|from|into|by|for|with|joins|returned|woken|woke|waits|waiting|queue|queued|thread|task|tasks|line|timer|ahead|first|runs|ends|nothing|spawns|stole|took|when|then|where|took|still|empty)\b/i;

/**
 * Checks that `text`, said in Spanish, is whole: no placeholder, no catalogue key, no English
 * word once the trace's own names (tasks, files, panic messages) are taken out, and times with
 * a decimal comma.
 */
function assertSpanish(text, names, what) {
  assert.equal(typeof text, 'string', what);
  assert.ok(text.length > 0, `${what}: empty`);
  assert.doesNotMatch(text, /\{\w+\}/, `${what}: a placeholder is left: ${text}`);
  assert.doesNotMatch(text, /\b(narration|warnings)\.[\w.]+/, `${what}: a key: ${text}`);
  let bare = text;
  for (const name of names) bare = bare.split(name).join('·');
  assert.doesNotMatch(bare, englishWords, `${what}: English in Spanish: ${text}`);
  assert.doesNotMatch(bare, /\d\.\d+ (ns|µs|ms|s)\b/, `${what}: an English decimal: ${text}`);
}

// The trace's own words in a model: task names, files, messages; ids and Rust's names are kept.
function namesOf(model) {
  const names = new Set(model.taskLanes.map((lane) => lane.name));
  for (let i = 0; i < model.count; ++i) {
    const { file, message, name } = model.fieldsOf(i);
    for (const value of [file, message, name]) if (typeof value === 'string') names.add(value);
  }
  // Longest first, so "worker 10" goes before "worker 1".
  return [...names].filter(Boolean).sort((a, b) => b.length - a.length);
}

test('every event of every example under every strategy is told in Spanish, whole', async () => {
  const wakeline = await wakelineInNode();
  const runs = [];
  for (const example of await wakeline.examples())
    for (const strategy of example.strategies) runs.push([example.id, strategy, {}]);
  // A run stopped by its event budget.
  runs.push(['concurrent', 'local', { budget: 40 }]);
  const told = new Set();
  for (const [example, strategy, options] of runs) {
    const model = await runModel(example, strategy, options);
    const names = namesOf(model);
    const replay = new Replay(model);
    for (let i = 0; i < model.count; ++i) {
      replay.seek(i);
      const what = `${example} under ${strategy}, event ${i} (${model.kindOf(i)})`;
      const caption = es(() => narrate(model, i, replay));
      assertSpanish(caption, names, what);
      assert.notEqual(
        caption,
        en(() => narrate(model, i, replay)),
        `${what}: the same in English`,
      );
      assert.match(caption, /^t = [^:]+: \S.*\.$/, `${what}: a whole sentence: ${caption}`);
      const title = es(() => describeEvent(model, i));
      assertSpanish(title, names, `${what}, its tooltip`);
      assert.equal(title[0], title[0].toUpperCase(), `${what}: a tooltip starts with a capital`);
      told.add(model.kindOf(i));
    }
    // Every poll's tooltip, and an event's.
    for (let p = 0; p < model.polls.begin.length; ++p) {
      const begin = model.polls.begin.data[p];
      const hit = { poll: p, begin, event: begin, task: model.task.data[begin] };
      const { title, rows } = es(() => describeHit(model, hit));
      assertSpanish(title, names, `${example} under ${strategy}, poll ${p}`);
      for (const [label, value] of rows) {
        assertSpanish(label, names, `${example}: a tooltip row's label`);
        assertSpanish(value, names, `${example}: the row ${label}`);
      }
    }
    for (const warning of es(() => findWarnings(model))) {
      const what = `${example} under ${strategy}: the ${warning.kind} warning`;
      assertSpanish(warning.text, names, what);
      assert.match(warning.text, /^\S.*\.$/, `${what}: a whole sentence: ${warning.text}`);
      const english = en(() => findWarnings(model)).find((w) => w.event === warning.event);
      assert.notEqual(warning.text, english.text, `${what}: the same in English`);
    }
    for (const lane of es(() => buildLanes(model).lanes)) {
      if (lane.type !== 'task') assertSpanish(lane.label, names, `${example}: a lane's label`);
    }
  }
  // The runs between them have (almost) every kind of event the narration tells.
  for (const kind of [
    'runtime_start',
    'runtime_end',
    'task_spawn',
    'task_enqueue',
    'poll_begin',
    'poll_end',
    'task_end',
    'waker_clone',
    'waker_drop',
    'waker_wake',
    'timer_arm',
    'timer_fire',
    'timer_cancel',
    'io_register',
    'io_ready',
    'park',
    'unpark',
    'steal',
    'search_begin',
    'batch_begin',
    'pend',
    'spawn_failed',
    'select_drop',
    'coop_exhausted',
    'deadlock',
    'budget_exhausted',
  ])
    assert.ok(told.has(kind), `no run told a ${kind}`);
});

test('a lost wakeup, a deadlock and a leak are told and warned about in Spanish', async () => {
  const lost = await runModel('lost-wakeup', 'local');
  const warnings = es(() => findWarnings(lost));
  const text = (kind) => warnings.find((w) => w.kind === kind)?.text;
  assert.match(
    text('lost-waker'),
    /devolvió Poll::Pending en la línea \d+ sin guardar cx\.waker\(\): .*un despertar perdido/,
  );
  assert.match(text('deadlock'), /^Interbloqueo: \d tareas? atascadas?, nada puede despertarla/);
  const deadlock = lost.kindNames.indexOf('deadlock');
  const at = [...Array(lost.count).keys()].find((i) => lost.kind.data[i] === deadlock);
  assert.match(
    es(() => narrate(lost, at)),
    /^t = .*: interbloqueo: no hay nada en cola y nada puede despertar a /,
  );
  // The engine's default memory limit, as the page learns it from the engine.
  rememberEngineDefaults({ defaults: { budget: 1_000_000, memoryLimit: 256 * 1024 * 1024 } });
  const leak = await runModel('runaway', 'local');
  const memory = es(() => findWarnings(leak)).find((w) => w.kind === 'memory-exhausted');
  assert.match(
    memory.text,
    /^Límite de memoria: el programa ocupó más de 256 MiB .* es una fuga\.$/,
  );
});

test('times, sizes and counts are written the Spanish way, and the English way as before', () => {
  assert.equal(
    es(() => formatTime(1.5e6)),
    '1,50 ms',
  );
  assert.equal(
    en(() => formatTime(1.5e6)),
    '1.50 ms',
  );
  assert.equal(
    es(() => formatTime(2.5e6, 5e5)),
    '2,5 ms',
  );
  assert.equal(
    es(() => formatTime(12345e9)),
    '12345 s',
  );
  assert.equal(
    en(() => formatTime(250)),
    '250 ns',
  );
  assert.equal(
    es(() => formatBytes(1536)),
    '1,5 KiB',
  );
  assert.equal(
    en(() => formatBytes(1536)),
    '1.5 KiB',
  );
  assert.equal(
    es(() => formatBytes(1)),
    '1 byte',
  );
  assert.equal(
    en(() => formatBytes(100)),
    '100 bytes',
  );
});

test("the legend's marks are explained in Spanish, read when asked for", () => {
  for (const entry of legendEntries) {
    const label = es(() => entry.label);
    const title = es(() => entry.title);
    assertSpanish(label, [], `the legend's ${entry.id}`);
    assertSpanish(title, [], `the legend's ${entry.id}, explained`);
    assert.notEqual(
      title,
      en(() => entry.title),
      `${entry.id}: the same in English`,
    );
  }
  assert.equal(
    en(() => legendEntries.find((entry) => entry.id === 'parked').label),
    'parked',
  );
  assert.equal(
    es(() => legendEntries.find((entry) => entry.id === 'parked').label),
    'aparcado',
  );
});

test('under lang=es the caption, the warnings, the lanes and the legend speak Spanish', async () => {
  const page = await watchedPage(session.browser);
  await page.goto(`${session.url}#example=lost-wakeup&strategy=tokio-multi-thread&lang=es`);
  assert.equal(await waitForRun(page), 'done');
  await page.waitForFunction(() => document.body.dataset.playhead !== undefined);

  // The caption at the playhead, then at the first event and the last.
  const caption = () => page.textContent('#narration');
  await page.locator('#timeline canvas').focus();
  await page.keyboard.press('Home');
  assert.match(await caption(), /^t = 0: el runtime arranca con el reloj virtual\.$/);
  await page.keyboard.press('End');
  assert.match(await caption(), /^t = .*: la ejecución termina: interbloqueo, \d+ eventos\.$/);

  // The warnings, and the button's title.
  const warnings = await page.locator('#warnings .warning').allTextContents();
  assert.ok(
    warnings.some((text) => text.startsWith('Interbloqueo: ')),
    warnings.join(' | '),
  );
  assert.ok(
    warnings.some((text) => text.includes('(un despertar perdido)')),
    warnings.join(' | '),
  );
  assert.equal(
    await page.getAttribute('#warnings .warning', 'title'),
    'Selecciona el evento que lo muestra',
  );

  // The lanes and the canvas's name.
  const canvas = page.locator('#timeline canvas');
  const lanes = (await canvas.getAttribute('data-lanes')).split('|').map((l) => l.split(':')[0]);
  assert.equal(lanes[0], 'temporizadores');
  assert.ok(lanes.includes('hilo 0'), lanes.join(' | '));
  assert.ok(lanes.includes('hilo de block_on'), lanes.join(' | '));
  assert.match(await canvas.getAttribute('aria-label'), /^Línea de tiempo de la ejecución/);

  // The legend.
  assert.equal(await page.getAttribute('#legend .legend', 'aria-label'), 'Leyenda');
  assert.equal(await page.textContent('#legend .legend-more summary'), 'Todas las marcas');
  assert.match(
    await page.textContent('#legend [data-mark="waiting"] .legend-text'),
    /^Discontinua: la tarea devolvió Poll::Pending/,
  );
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.close();
});
