// The message catalogues (web/app/i18n): every message exists in English and in Spanish with the
// same placeholders and plural forms; every key the code asks for exists; the page's HTML says
// in English what the English catalogue says; no two parts define one key.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { english, parts as englishParts } from '../../../web/app/i18n/en/index.js';
import { first } from '../../../web/app/i18n/en/first.js';
import { later } from '../../../web/app/i18n/en/later.js';
import { spanish, parts as spanishParts } from '../../../web/app/i18n/es/index.js';
import {
  chooseLanguage,
  inLanguage,
  loadLanguage,
  t,
  formatNumber,
  languageOf,
} from '../../../web/app/i18n/i18n.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function placeholders(message) {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
}

test('every message exists in both languages, with the same placeholders', () => {
  assert.deepEqual(Object.keys(spanish).sort(), Object.keys(english).sort());
  for (const [key, message] of Object.entries(english)) {
    const other = spanish[key];
    assert.equal(typeof other, typeof message, `${key}: a plural in one language only`);
    assert.deepEqual(placeholders(other), placeholders(message), `${key}: placeholders differ`);
    if (typeof message === 'object') {
      for (const forms of [message, other]) {
        assert.ok(typeof forms.other === 'string', `${key}: plural forms need "other"`);
        assert.ok(typeof forms.one === 'string', `${key}: plural forms need "one"`);
      }
    }
    for (const text of typeof other === 'string' ? [other] : Object.values(other)) {
      assert.ok(text.trim().length > 0, `${key}: empty in Spanish`);
    }
  }
});

test('each part defines its own keys, named after it', () => {
  for (const parts of [englishParts, spanishParts]) {
    const seen = new Map();
    for (const [part, messages] of Object.entries(parts)) {
      for (const key of Object.keys(messages)) {
        assert.ok(key.startsWith(`${part}.`), `${key} is in ${part}.js but not named after it`);
        assert.ok(!seen.has(key), `${key} is defined by ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
  }
});

test("app.js's English and the part loaded after the first timeline make the catalogue", () => {
  // No key in both (a part split over two files, like share.js and share-menu.js, defines each
  // key in one of them), and nothing left out.
  const both = Object.keys(first).filter((key) => Object.hasOwn(later, key));
  assert.deepEqual(both, []);
  assert.deepEqual(
    [...Object.keys(first), ...Object.keys(later)].sort(),
    Object.keys(english).sort(),
  );
  // What the page reads and draws before its first timeline is in app.js's part.
  for (const prefix of ['share.codec.', 'share.view.', 'narration.timeline.', 'page.', 'form.'])
    assert.ok(
      Object.keys(later).every((key) => !key.startsWith(prefix)),
      prefix,
    );
});

// Source files under web/app, but not the catalogues themselves.
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'i18n' ? [] : sources(file);
    return name.endsWith('.js') ? [file] : [];
  });
}

test('every key the code and the HTML ask for exists', () => {
  const asked = [];
  for (const file of sources(path.join(repo, 'web/app'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) asked.push([m[1], file]);
  }
  for (const html of ['web/index.html', 'web/embed.html']) {
    const text = readFileSync(path.join(repo, html), 'utf8');
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) asked.push([m[1], html]);
  }
  for (const [key, file] of asked) {
    assert.ok(Object.hasOwn(english, key), `${path.relative(repo, file)} asks for "${key}"`);
  }
});

test("the HTML's English is the English catalogue's", () => {
  for (const html of ['web/index.html', 'web/embed.html']) {
    const text = readFileSync(path.join(repo, html), 'utf8');
    // Elements whose text is a message: <tag ... data-i18n="key" ...>text</tag>, text without
    // markup other than <code>, which the catalogue writes as `backquotes`.
    for (const m of text.matchAll(/<(\w+)[^>]*\sdata-i18n="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
      const shown = m[3]
        .replace(/<code>([^<]*)<\/code>/g, '`$1`')
        .replace(/\s+/g, ' ')
        .trim();
      assert.equal(shown, english[m[2]], `${html}: the text of "${m[2]}"`);
    }
    for (const m of text.matchAll(/\s([a-z-]+)="([^"]*)"[^>]*?\sdata-i18n-\1="([^"]+)"/g)) {
      assert.equal(m[2], english[m[3]], `${html}: the ${m[1]} of "${m[3]}"`);
    }
  }
});

test('a language is chosen from the first tag Wakeline speaks', () => {
  assert.deepEqual(chooseLanguage(['fr-FR', 'es-MX', 'en']), { lang: 'es', locale: 'es-MX' });
  assert.deepEqual(chooseLanguage([undefined, '', 'EN-gb']), { lang: 'en', locale: 'en-GB' });
  assert.deepEqual(chooseLanguage(['de', 'fr']), { lang: 'en', locale: 'en' });
  assert.deepEqual(chooseLanguage(['es_AR']), { lang: 'es', locale: 'es-AR' });
  assert.equal(languageOf('<script>'), '');
  assert.equal(languageOf(42), '');
});

test('messages fill placeholders and plural forms in the language in use', async () => {
  await loadLanguage('es');
  const plurals = Object.keys(english).filter((k) => typeof english[k] === 'object');
  assert.ok(plurals.length > 0, 'the catalogue has plural messages');
  for (const key of plurals) {
    for (const lang of ['en', 'es']) {
      const one = inLanguage({ lang }, () => t(key, { count: 1 }));
      const many = inLanguage({ lang }, () => t(key, { count: 3 }));
      assert.notEqual(one, many, `${key}: one and many read the same in ${lang}`);
      assert.doesNotMatch(many, /\{count\}/, `${key}: {count} left unfilled in ${lang}`);
    }
  }
  assert.equal(
    inLanguage({ lang: 'es', locale: 'es-ES' }, () => formatNumber(1608.5)),
    '1608,5',
  );
  assert.equal(
    inLanguage({ lang: 'en' }, () => formatNumber(1608.5)),
    '1,608.5',
  );
  assert.equal(t('no.such.key'), 'no.such.key');
});
