// The playground's language: the link's `lang` part, else the reader's last choice in the
// header's language menu, else the browser's languages, else English. The page's own
// <html lang="en"> says what its HTML is written in, not what the reader wants, so it is not
// asked. Choosing another language reloads the page in it: every text is made in one language.
import {
  browserLanguages,
  chooseLanguage,
  languageOf,
  languages,
  loadLanguage,
  translateTree,
  useLanguage,
} from './i18n.js';

const storageKey = 'wakeline.language';

/** The link's or the menu's language: share links carry it; one from the browser stays out. */
let chosen = null;

function storage() {
  try {
    return window.localStorage;
  } catch {
    // A private window may refuse storage: the choice then lasts as long as the link says it.
    return null;
  }
}

/** The `lang` part of a fragment, decoded, or null. */
export function linkLanguagePart(fragment) {
  const match = /(?:^#?|&)lang=([^&]*)/.exec(fragment);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Picks the page's language from the link (`fragment`), the kept choice and the browser's:
 * { lang, locale, source } where source is 'link', 'menu' or 'browser'. A `lang` part that
 * names no language Wakeline speaks is left to the link's own problems (link-codec.js) and the
 * next source decides.
 */
export function choosePageLanguage(fragment, kept, browser) {
  const linked = linkLanguagePart(fragment);
  if (languageOf(linked)) return { ...chooseLanguage([linked]), source: 'link' };
  if (languageOf(kept)) return { ...chooseLanguage([kept]), source: 'menu' };
  return { ...chooseLanguage(browser), source: 'browser' };
}

/** The language a share link should name: the link's or the menu's, or null for the browser's. */
export function linkLanguage() {
  return chosen;
}

/**
 * Puts the page in its language: loads the catalogue, translates the HTML's static text (written
 * in English), sets <html lang>, and fills the header's menu (`picker`, a <select>).
 */
export async function startPageLanguage(picker) {
  const choice = choosePageLanguage(
    location.hash,
    storage()?.getItem(storageKey),
    browserLanguages(),
  );
  if (choice.source !== 'browser') chosen = choice.lang;
  await loadLanguage(choice.lang);
  useLanguage(choice);
  document.documentElement.lang = choice.locale;
  if (choice.lang !== 'en') translateTree(document);
  if (picker) fillPicker(picker, choice.lang);
  return choice;
}

function fillPicker(picker, lang) {
  picker.replaceChildren(
    ...Object.entries(languages).map(([code, name]) => {
      const option = new Option(name, code, false, code === lang);
      option.lang = code;
      return option;
    }),
  );
  picker.addEventListener('change', () => {
    const next = picker.value;
    storage()?.setItem(storageKey, next);
    // The link says the language too, so a reload (and a copy of the address) keeps it.
    const rest = location.hash.replace(/^#/, '').replace(/(^|&)lang=[^&]*/g, '');
    const fragment = [rest.replace(/^&/, ''), `lang=${next}`].filter(Boolean).join('&');
    history.replaceState(history.state, '', `#${fragment}`);
    location.reload();
  });
}
