// The examples in Spanish (web/app/i18n/es/examples.js) against the core's real catalogue, read
// by the wasm API in node: every example (and the blank program) has a title, an explanation and
// every parameter in Spanish, and nothing else; each translation was made from the English the
// core has now (its `from` fingerprint); every topic and every strategy setting has its words;
// the Rust names and parameters of an explanation survive translation; and localizeExample,
// localizeTopic and localizeStrategy give Spanish under inLanguage({ lang: 'es' }), English
// otherwise.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, test } from 'node:test';
import spanishExamples, {
  strategies as spanishStrategies,
  topics as spanishTopics,
} from '../../../web/app/i18n/es/examples.js';
import {
  exampleFingerprint,
  fnv1a64,
  strategyFingerprint,
} from '../../../web/app/i18n/fingerprint.js';
import {
  inLanguage,
  loadLanguage,
  localizeExample,
  localizeStrategy,
  localizeTopic,
} from '../../../web/app/i18n/i18n.js';
import { parseIntegerField } from '../../../web/app/param-input.js';
import { newProgramEntry } from '../../../web/app/program/program-panel.js';
import { describeStrategy, strategyOptionText } from '../../../web/app/strategies.js';
import { wakelineInNode } from '../support/trace.mjs';

const es = { lang: 'es', locale: 'es-ES' };
const fixHint =
  'translate it again (node scripts/example-fingerprints.mjs --english) and set its from';

let examples;
let strategies;

before(async () => {
  const handle = await wakelineInNode();
  strategies = await handle.strategies();
  examples = [...(await handle.examples()), newProgramEntry(strategies)];
  await loadLanguage('es');
});

const filled = (text) => typeof text === 'string' && text.trim().length > 0;

test('every example has its title, explanation and parameters in Spanish, and nothing else', () => {
  assert.ok(examples.length >= 17, `${examples.length} examples`);
  const ids = new Set(examples.map((example) => example.id));
  for (const example of examples) {
    const words = spanishExamples[example.id];
    assert.ok(words, `${example.id} has no Spanish`);
    assert.ok(filled(words.title), `${example.id}: no Spanish title`);
    assert.ok(filled(words.explanation), `${example.id}: no Spanish explanation`);
    assert.deepEqual(
      Object.keys(words.params ?? {}).sort(),
      example.params.map((param) => param.name).sort(),
      `${example.id}: the Spanish parameters are not the example's`,
    );
    for (const [name, description] of Object.entries(words.params ?? {})) {
      assert.ok(filled(description), `${example.id}: ${name} has no Spanish description`);
    }
    assert.notEqual(words.title, example.title, `${example.id}: the title is still English`);
    assert.notEqual(words.explanation, example.explanation, `${example.id}: still English`);
  }
  const unknown = Object.keys(spanishExamples).filter((id) => !ids.has(id));
  assert.deepEqual(unknown, [], `Spanish for examples the catalogue lacks: ${unknown.join(', ')}`);
});

test('each Spanish example was translated from the English the catalogue has now', () => {
  const changed = examples
    .filter((example) => spanishExamples[example.id]?.from !== exampleFingerprint(example))
    .map((example) => `${example.id} (now ${exampleFingerprint(example)})`);
  assert.deepEqual(
    changed,
    [],
    `the English of ${changed.join(', ')} changed since its Spanish was written: ${fixHint}`,
  );
});

test("every strategy's settings are in Spanish, from the English they have now", () => {
  const names = new Set(strategies.map((strategy) => strategy.name));
  const changed = [];
  for (const strategy of strategies) {
    const words = spanishStrategies[strategy.name];
    assert.ok(words, `strategy ${strategy.name} has no Spanish`);
    assert.deepEqual(
      Object.keys(words.settings ?? {}).sort(),
      strategy.settings.map((setting) => setting.name).sort(),
      `${strategy.name}: the Spanish settings are not the strategy's`,
    );
    for (const [name, description] of Object.entries(words.settings)) {
      assert.ok(filled(description), `${strategy.name}: ${name} has no Spanish description`);
    }
    if (words.from !== strategyFingerprint(strategy)) {
      changed.push(`${strategy.name} (now ${strategyFingerprint(strategy)})`);
    }
  }
  assert.deepEqual(
    changed,
    [],
    `the settings of ${changed.join(', ')} changed since their Spanish was written: ${fixHint}`,
  );
  const unknown = Object.keys(spanishStrategies).filter((name) => !names.has(name));
  assert.deepEqual(unknown, [], `Spanish for strategies the engine lacks: ${unknown.join(', ')}`);
});

test("every topic of the picker has a Spanish name, and only the catalogue's topics", () => {
  const topics = [...new Set(examples.map((example) => example.topic))];
  for (const topic of topics) assert.ok(filled(spanishTopics[topic]), `topic "${topic}"`);
  assert.deepEqual(
    Object.keys(spanishTopics).filter((topic) => !topics.includes(topic)),
    [],
    'Spanish for topics no example has',
  );
});

// The names a reader types or finds on screen: Rust paths (Poll::Pending), calls (cx.waker()),
// `quoted` names and identifiers with an underscore (block_on, delay_ms, parameters). A parameter
// without one (steps, tasks) is also an English word, which the Spanish translates.
function names(example) {
  const text = example.explanation;
  const found = new Set();
  for (const m of text.matchAll(/[\w.]*\w::\w+(?:::\w+)*(?:\(\))?|\w+\.\w+\(\)|`[^`]+`/g)) {
    found.add(m[0]);
  }
  for (const m of text.matchAll(/\b[a-z]\w*_\w+\b/g)) found.add(m[0]);
  return [...found];
}

test('an explanation keeps the Rust names and identifiers of its English', () => {
  for (const example of examples) {
    const spanish = spanishExamples[example.id].explanation;
    const lost = names(example).filter((name) => !spanish.includes(name));
    assert.deepEqual(lost, [], `${example.id}: the Spanish lacks ${lost.join(', ')}`);
  }
});

test('localizeExample, localizeTopic and localizeStrategy speak the language in use', () => {
  const example = examples.find((entry) => entry.id === 'concurrent');
  const spanish = inLanguage(es, () => localizeExample(example));
  const words = spanishExamples.concurrent;
  assert.equal(spanish.title, words.title);
  assert.equal(spanish.explanation, words.explanation);
  assert.deepEqual(
    spanish.params.map((param) => [param.name, param.description]),
    example.params.map((param) => [param.name, words.params[param.name]]),
  );
  // Everything else is the catalogue's: id, topic, defaults, ranges, source.
  assert.equal(spanish.id, example.id);
  assert.equal(spanish.topic, example.topic);
  assert.equal(spanish.source, example.source);
  assert.deepEqual(
    spanish.params.map(({ description, ...rest }) => rest),
    example.params.map(({ description, ...rest }) => rest),
  );
  assert.equal('from' in spanish, false);
  // English is the catalogue itself, the very entry.
  assert.equal(localizeExample(example), example);
  assert.equal(
    inLanguage({ lang: 'en' }, () => localizeExample(example)),
    example,
  );
  // An example the Spanish does not know (a newer core's) stays English.
  const newer = { ...example, id: 'not-yet-translated' };
  assert.equal(
    inLanguage(es, () => localizeExample(newer)),
    newer,
  );
  assert.equal(
    inLanguage(es, () => localizeExample({ ...example, id: 'constructor' })).title,
    example.title,
  );

  assert.equal(
    inLanguage(es, () => localizeTopic('timers')),
    'temporizadores',
  );
  assert.equal(localizeTopic('timers'), 'timers');
  assert.equal(
    inLanguage(es, () => localizeTopic('a new topic')),
    'a new topic',
  );

  const multi = strategies.find((strategy) => strategy.name === 'tokio-multi-thread');
  const localized = inLanguage(es, () => localizeStrategy(multi));
  assert.equal(localized.name, multi.name);
  assert.deepEqual(
    localized.settings.map((setting) => setting.description),
    multi.settings.map((setting) => spanishStrategies[multi.name].settings[setting.name]),
  );
  assert.equal(localizeStrategy(multi), multi);
});

test("the form's words: strategies keep their names, numbers keep their digits", () => {
  for (const { name } of strategies) {
    const english = describeStrategy(name);
    const spanish = inLanguage(es, () => describeStrategy(name));
    assert.notEqual(spanish.line, english.line, `${name}: the line is still English`);
    assert.notEqual(spanish.about, english.about, `${name}: the paragraph is still English`);
    assert.ok(
      inLanguage(es, () => strategyOptionText(name)).startsWith(`${name} — `),
      `${name}: the picker shows the strategy's id`,
    );
  }
  assert.equal(
    inLanguage(es, () => describeStrategy('future-strategy').about),
    'La estrategia future-strategy del runtime.',
  );
  assert.equal(
    inLanguage(es, () => parseIntegerField('12345', { min: 1, max: 1000 }).error),
    'Tiene que estar entre 1 y 1000.',
  );
  assert.equal(
    inLanguage(es, () => parseIntegerField(' 1,5 ', { min: 1, max: 1000 }).error),
    '«1,5» no es un número entero.',
  );
  // English as it always was.
  assert.equal(
    parseIntegerField('1234567', { min: 1, max: 1000000 }).error,
    'Must be between 1 and 1000000.',
  );
  assert.equal(
    describeStrategy('future-strategy').about,
    'The runtime’s future-strategy strategy.',
  );
});

test('the fingerprint is FNV-1a over UTF-8, so it is the same in every browser', () => {
  assert.equal(fnv1a64(''), 'cbf29ce484222325');
  assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
  assert.equal(fnv1a64('µ'), fnv1a64('\u00b5'));
  assert.notEqual(fnv1a64('µ'), fnv1a64('u'));
});

test('scripts/example-fingerprints.mjs finds every translation up to date', () => {
  const script = new URL('../../../scripts/example-fingerprints.mjs', import.meta.url).pathname;
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, examples.length + strategies.length);
  for (const line of lines)
    assert.match(line, /^(examples|strategies) +[\w-]+ +[0-9a-f]{12} +es: ok$/);
});
