// The interface's words in the reader's language. Every sentence the page, the player and the
// embed show is a message in a catalogue, one per language (./en, ./es), looked up by key:
//
//   t('run.status.events', { count: 1608 })  ->  "1,608 events"  |  "1608 eventos"
//
// A message is text with {name} placeholders, or, when it depends on a count, an object of
// plural forms ({ one, other }, and any of CLDR's others) chosen by Intl.PluralRules for
// `count`. Placeholders are filled with text: numbers are formatted for the locale, and nothing
// in a message or a value becomes markup (callers set the result with textContent).
//
// English is built in; another language's catalogue is its own chunk, loaded by loadLanguage
// (the player loads it from its own file: setLanguageLoader).
// The language in use is one per page, except that a player may speak its own: inLanguage runs
// a function with another catalogue in use (players wrap their own work in it).
import { english as builtIn } from './en/index.js';

// English, built in: the whole catalogue (en/index.js), or in the playground's app.js the part
// its first timeline needs (en/first.js), which the code loaded later completes (addEnglish).
const english = { ...builtIn };

/** Adds `messages` (English, by key) to the built-in catalogue: a lazily loaded part's words. */
export function addEnglish(messages) {
  Object.assign(english, messages);
}

/** The languages Wakeline speaks, by code, each named in itself (for a language menu). */
export const languages = Object.freeze({ en: 'English', es: 'Español' });

// A catalogue: its messages by key, the examples' words by example id, the names of their topics
// by English name and the strategies' settings by strategy (English has none of these three: the
// core's catalogue is English).
const englishCatalogue = { messages: english, examples: {}, topics: {}, strategies: {} };

// How each language's catalogue is loaded: English is here; Spanish is the module ./es/index.js,
// a chunk of its own in the playground's build. wakeline-player.js, one classic script, cannot
// have chunks: its build leaves ./es/index.js out and the player loads it from a file beside
// itself instead (setLanguageLoader; player/player-element.js).
const loaders = {
  en: async () => englishCatalogue,
  es: async () => spanishCatalogue(await import('./es/index.js')),
};

/** The catalogue in the Spanish module (./es/index.js, or a build of it). */
function spanishCatalogue({ spanish, spanishExamples, spanishTopics, spanishStrategies }) {
  if (!spanish) throw new Error('the Spanish catalogue has no messages');
  return {
    messages: spanish,
    examples: spanishExamples,
    topics: spanishTopics,
    strategies: spanishStrategies,
  };
}

/**
 * Loads `lang`'s module with `importModule` instead of this build's own import: it resolves to
 * the module ./<lang>/index.js exports (as import() gives it), from wherever it is. For Spanish
 * only, the one language besides the built-in English. Call it before the language is loaded.
 */
export function setLanguageLoader(lang, importModule) {
  if (lang !== 'es') throw new Error(`no loader can be set for "${lang}"`);
  loaders.es = async () => spanishCatalogue(await importModule());
}

/** Catalogues loaded so far, by language code. */
const catalogues = new Map([['en', englishCatalogue]]);

/** What is in use: a language code, the locale tag numbers follow, and its catalogue. */
let current = {
  lang: 'en',
  locale: 'en',
  messages: english,
  examples: {},
  topics: {},
  strategies: {},
};

/** The language's code for a tag ("es-AR" -> "es"), or '' when Wakeline does not speak it. */
export function languageOf(tag) {
  if (typeof tag !== 'string') return '';
  const code = tag.trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(languages, code) ? code : '';
}

/**
 * The first of `tags` (BCP 47, most wanted first; empty ones skipped) that Wakeline speaks, as
 * { lang, locale }: "es-MX" gives { lang: 'es', locale: 'es-MX' }, so Mexican Spanish numbers.
 * English when none is spoken.
 */
export function chooseLanguage(tags) {
  for (const tag of tags) {
    const lang = languageOf(tag);
    if (lang) return { lang, locale: localeOf(tag, lang) };
  }
  return { lang: 'en', locale: 'en' };
}

// A tag Intl accepts, else the bare language.
function localeOf(tag, lang) {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace('_', '-'))[0] ?? lang;
  } catch {
    return lang;
  }
}

/** The browser's languages, most wanted first. */
export function browserLanguages() {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : [navigator.language];
}

/** Loads `lang`'s catalogue, once. */
export async function loadLanguage(lang) {
  if (catalogues.has(lang)) return;
  const load = loaders[lang];
  if (!load) throw new Error(`Wakeline does not speak "${lang}"`);
  catalogues.set(lang, await load());
}

/** Makes { lang, locale } the page's language; its catalogue must be loaded (loadLanguage). */
export function useLanguage({ lang, locale = lang }) {
  current = languageState(lang, locale);
}

function languageState(lang, locale) {
  const catalogue = catalogues.get(lang);
  if (!catalogue) throw new Error(`the catalogue of "${lang}" is not loaded`);
  return { lang, locale, ...catalogue };
}

/** Runs `fn` with { lang, locale } in use (its catalogue loaded), then restores the language. */
export function inLanguage({ lang, locale = lang }, fn) {
  const before = current;
  current = languageState(lang, locale);
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** The language in use: { lang, locale }. */
export function currentLanguage() {
  return { lang: current.lang, locale: current.locale };
}

/**
 * The message `key` in the language in use, its placeholders filled from `params`. A key missing
 * from the catalogue falls back to English, and a key unknown even there is shown as itself, so a
 * slip shows on screen instead of an empty label (tests/web/i18n checks every key used exists).
 */
export function t(key, params) {
  let message = current.messages[key] ?? english[key];
  if (message === undefined) return key;
  if (typeof message === 'object') message = pluralForm(message, params?.count);
  return params ? fill(message, params) : message;
}

/**
 * `example` (an entry of the core's catalogue) with its title, explanation and parameters'
 * descriptions in the language in use, where the catalogue has them; English otherwise.
 */
export function localizeExample(example) {
  const words = Object.hasOwn(current.examples, example.id) ? current.examples[example.id] : null;
  if (!words) return example;
  return {
    ...example,
    title: words.title ?? example.title,
    explanation: words.explanation ?? example.explanation,
    params: example.params.map((param) => {
      const description = words.params?.[param.name];
      return description ? { ...param, description } : param;
    }),
  };
}

/** The name of an examples' `topic` (a group of the picker) in the language in use. */
export function localizeTopic(topic) {
  return Object.hasOwn(current.topics, topic) ? current.topics[topic] : topic;
}

/**
 * `strategy` (an entry of the core's strategies()) with its settings' descriptions in the
 * language in use, where the catalogue has them; English otherwise. Names stay: they are ids.
 */
export function localizeStrategy(strategy) {
  const words = Object.hasOwn(current.strategies, strategy.name)
    ? current.strategies[strategy.name]
    : null;
  if (!words) return strategy;
  return {
    ...strategy,
    settings: strategy.settings.map((setting) => {
      const description = words.settings?.[setting.name];
      return description ? { ...setting, description } : setting;
    }),
  };
}

function pluralForm(forms, count) {
  const category = pluralRules(current.locale).select(Number(count) || 0);
  return forms[category] ?? forms.other;
}

function fill(message, params) {
  return message.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

// Intl's formatters are slow to build and the axis formats on every frame: one per locale and
// options.
const formatters = new Map();

function cached(kind, locale, options, make) {
  const id = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = make();
    formatters.set(id, formatter);
  }
  return formatter;
}

function pluralRules(locale) {
  return cached('plural', locale, null, () => new Intl.PluralRules(locale));
}

/**
 * `value` as the locale writes numbers ("1,608.5" / "1608,5"); `options` as for
 * Intl.NumberFormat, e.g. { minimumFractionDigits: 2, maximumFractionDigits: 2 }.
 */
export function formatNumber(value, options = {}) {
  const locale = current.locale;
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options)).format(
    value,
  );
}

// The attributes translateTree fills, each from its own data- attribute.
const translatedAttributes = ['title', 'aria-label', 'placeholder'];

/**
 * Sets `element`'s content to `text`, with each `backquoted` run as a <code> element, as Rust's
 * docs write names (`Future`, `Poll::Pending`). Built from text nodes: nothing becomes markup.
 */
export function setTextWithCode(element, text) {
  const parts = text.split('`');
  // An odd count of backquotes leaves the last one as it is.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  const nodes = [];
  for (let i = 0; i < parts.length; ++i) {
    const part = i === closed ? `\`${parts[i]}` : parts[i];
    if (i % 2 === 1 && i < closed) {
      const code = element.ownerDocument.createElement('code');
      code.textContent = part;
      nodes.push(code);
    } else if (part) {
      nodes.push(part);
    }
  }
  element.replaceChildren(...nodes);
}

/**
 * Translates the static text under `root`: an element with data-i18n="key" gets the message as
 * its content (setTextWithCode), and data-i18n-title, data-i18n-aria-label and
 * data-i18n-placeholder fill those attributes. The HTML keeps the English text, so a page
 * without JavaScript still reads; the English catalogue holds the same words (a test checks).
 */
export function translateTree(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    setTextWithCode(element, t(element.dataset.i18n));
  }
  for (const attribute of translatedAttributes) {
    const data = `data-i18n-${attribute}`;
    for (const element of root.querySelectorAll(`[${data}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(data)));
    }
  }
}
