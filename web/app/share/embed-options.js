// The embeds' theme and language: chosen in the Share menu, written into every snippet the
// playground makes (the Share menu's and the Tour menu's), as `theme` and `lang` in an iframe's
// link and as attributes of a <wakeline-player>.
//
// The theme starts as the blogger's last choice (kept in localStorage: a light-only blog picks
// light once), else auto. The language starts as the page's when the reader chose it (by link or
// menu: page-language.js's linkLanguage), else none, so that each reader's own language decides;
// a choice lasts as long as the page.
import { languageOf } from '../i18n/i18n.js';
import { linkLanguage } from '../i18n/page-language.js';

/** The embeds' themes, as `theme` values: auto follows each reader's setting. */
export const embedThemes = Object.freeze(['auto', 'light', 'dark']);

/** Where the blogger's choice of theme is kept. */
const themeKey = 'wakeline.embed-theme';

/** The language chosen in the menu ('' for none), or undefined until one is. */
let chosenLanguage;
const listeners = new Set();

function storage() {
  try {
    return window.localStorage;
  } catch {
    // A private window may refuse storage: the choice then lasts as long as the page.
    return null;
  }
}

/** The embeds' theme: the last choice, or auto. */
export function embedTheme() {
  let kept = null;
  try {
    kept = storage()?.getItem(themeKey);
  } catch {
    // Storage refused: auto.
  }
  return embedThemes.includes(kept) ? kept : 'auto';
}

/** The embeds' language code, or null for none (each reader's). */
export function embedLanguage() {
  if (chosenLanguage === undefined) return languageOf(linkLanguage()) || null;
  return chosenLanguage || null;
}

/** Makes `theme` (auto, light or dark) the embeds' theme, kept for the next visit. */
export function setEmbedTheme(theme) {
  if (!embedThemes.includes(theme)) return;
  try {
    storage()?.setItem(themeKey, theme);
  } catch {
    // Storage full or refused: the choice holds for this page.
  }
  notify();
}

/** Makes `lang` (a code Wakeline speaks; '' or null: none) the embeds' language. */
export function setEmbedLanguage(lang) {
  chosenLanguage = languageOf(lang);
  notify();
}

/** Calls `listener()` whenever the theme or the language changes; returns a function to stop. */
export function onEmbedOptionsChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

/**
 * `fragment` (a link's, without `#`) with the embed's `lang` and `theme` parts and no others of
 * those names: after the scenario, before a program (a link cut short loses the program, which
 * says so, not the theme). A null `lang` or `theme` leaves that part out.
 */
export function withEmbedOptions(fragment, { theme = null, lang = null } = {}) {
  const pairs = fragment.split('&').filter((pair) => pair !== '' && !/^(lang|theme)=/.test(pair));
  const added = [];
  if (lang) added.push(`lang=${encodeURIComponent(lang)}`);
  if (theme) added.push(`theme=${encodeURIComponent(theme)}`);
  const program = pairs.findIndex((pair) => pair.startsWith('program='));
  pairs.splice(program === -1 ? pairs.length : program, 0, ...added);
  return pairs.join('&');
}
