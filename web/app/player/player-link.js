// A share link read as a player's scenario, for embed.html (<wakeline-player>.showLink): the
// link's parts become the element's attributes (`at` is `start`, the parameters are `params`),
// `tour`, `theme` and `lang` are the player's own to read and name, and what a player shows
// beyond its attributes (the view window, a playhead at an event, the layout, a second strategy)
// is its linkView. Kept in the player's bundle, so that embed.js is a few lines and the page has
// one catalogue of messages, the player's.
import { currentLanguage } from '../i18n/i18n.js';
import { decodeLink, formatLinkTime } from '../share/link-codec.js';
import { splitTour } from '../tours/tour.js';

/** Takes the part `name` out of a fragment: { rest, value (decoded; null without one) }. */
function splitPart(fragment, name) {
  const match = new RegExp(`(?:^|&)${name}=([^&]*)`).exec(fragment);
  if (!match) return { rest: fragment, value: null };
  const rest = (
    fragment.slice(0, match.index) + fragment.slice(match.index + match[0].length)
  ).replace(/^&/, '');
  let value = match[1];
  try {
    value = decodeURIComponent(value);
  } catch {
    // Left as written: the player names it as a value it does not know.
  }
  return { rest, value };
}

/**
 * Reads `fragment` (a share link's, with or without its `#`): { attributes (by name, a value or
 * null to remove), problems (a function giving the link's problems as sentences, in the language
 * in use when called), view (the player's linkView) }.
 */
export function readPlayerLink(fragment) {
  // A tour is the player's to read (tours/tour.js); so are the theme, how the player looks, and
  // the language, which it names if it does not speak it: the rest is the scenario.
  const { rest, tour } = splitTour(fragment);
  const { rest: withoutTheme, value: theme } = splitPart(rest, 'theme');
  const { rest: scenario, value: lang } = splitPart(withoutTheme, 'lang');
  const { state } = decodeLink(scenario);
  // Said once per language: the player shows its messages again and again.
  const said = new Map();
  const problems = () => {
    const { lang, locale } = currentLanguage();
    const key = `${lang}|${locale}`;
    if (!said.has(key)) said.set(key, decodeLink(scenario).problems);
    return said.get(key);
  };
  const params = Object.entries(state.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  return {
    attributes: {
      example: state.example,
      strategy: state.strategy,
      params: params || null,
      seed: state.seed == null ? null : String(state.seed),
      start: state.at == null ? null : formatLinkTime(state.at),
      // The selection: the player puts it on the run, or says the run has no such event or task.
      select: state.select == null ? null : `${state.select.kind}:${state.select.id}`,
      // A program travels as the link carries it; the player reads it (and says if it cannot).
      program: state.program ?? null,
      tour,
      theme,
      lang,
    },
    // What was wrong with the link (a part ignored, a value refused) is the reader's to see.
    problems,
    view: {
      view: state.view,
      playhead: state.playhead,
      spread: state.spread,
      compare: state.compare ?? null,
    },
  };
}
