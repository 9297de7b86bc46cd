// Which language a <wakeline-player> speaks, and the catalogues its page has loaded: its own
// `lang`, else its nearest ancestor's (the post's <html lang>), else the browser's, else English
// (docs/translations.md). Spanish comes from a file beside wakeline-player.js, loaded once for
// every player on the page; a load that fails is remembered, and those players speak English.
import {
  browserLanguages,
  chooseLanguage,
  languageOf,
  loadLanguage,
  setLanguageLoader,
  t,
} from '../i18n/i18n.js';
import { siteUrl } from './player-engine.js';

/**
 * The `lang` of `node`'s nearest ancestor that has one (through shadow roots to their hosts), or
 * null: the language of the text the player sits in, as HTML inherits it.
 */
function inheritedLang(node) {
  for (let at = node.parentNode; at;) {
    if (at instanceof Element) {
      if (at.hasAttribute('lang')) return at.getAttribute('lang');
      at = at.parentNode;
    } else at = at instanceof ShadowRoot ? at.host : null;
  }
  return null;
}

/**
 * The Spanish catalogue's file, beside wakeline-player.js (scripts/build-web.mjs builds it, an ES
 * module, from i18n/es/index.js; this script's build leaves that module out). Only a player that
 * speaks Spanish loads it, once for the page. import() in a classic script resolves a relative
 * URL against the page, not the script: siteUrl makes it absolute, as for wakeline.mjs, so the
 * policy that lets the page import wakeline.mjs lets it import this file too.
 */
const spanishFile = 'wakeline-player-es.mjs';
setLanguageLoader('es', () => import(siteUrl(spanishFile)));

/** Languages whose catalogue is loaded, and the loads under way, by code. */
const loadedLanguages = new Set(['en']);
const languageLoads = new Map();

/**
 * Languages whose catalogue could not be loaded (its file missing, blocked by a policy, from a
 * site without CORS), by code: why, in the browser's words. A player that should speak one
 * speaks English and says so (#languageFailure); the page does not ask for the file again.
 */
const unloadedLanguages = new Map();

/** Loads `lang`'s catalogue once for every player on the page; never rejects. */
export function loadForPlayers(lang) {
  if (!languageLoads.has(lang)) {
    languageLoads.set(
      lang,
      loadLanguage(lang).then(
        () => loadedLanguages.add(lang),
        (error) => unloadedLanguages.set(lang, String(error?.message ?? error)),
      ),
    );
  }
  return languageLoads.get(lang);
}

/** Whether `lang`'s catalogue is loaded. */
export function languageLoaded(lang) {
  return loadedLanguages.has(lang);
}

/** Why `lang`'s catalogue could not be loaded (the browser's words), or undefined. */
export function languageUnloaded(lang) {
  return unloadedLanguages.get(lang);
}

/**
 * The language `player` should speak, from where it is: { lang, locale, source } with source
 * 'attribute', 'page' or 'browser'. A player in embed.html (`fromLink`) skips the page: that
 * page's own <html lang> is not the reader's, its link's `lang` is (the attribute).
 */
export function wantedLanguage(player, fromLink) {
  const own = player.getAttribute('lang');
  if (languageOf(own)) return { ...chooseLanguage([own]), source: 'attribute' };
  if (!fromLink) {
    const page = inheritedLang(player);
    if (languageOf(page)) return { ...chooseLanguage([page]), source: 'page' };
  }
  return { ...chooseLanguage(browserLanguages()), source: 'browser' };
}

/**
 * Why the player speaks English when it should speak Spanish (the one catalogue it loads): its
 * file could not be loaded (`why`, the browser's words), and what the site and the page must do.
 */
export function languageFailure(why) {
  const file = siteUrl(spanishFile);
  return t('player.languageUnloaded', { file, site: new URL(file).origin, why });
}
