// What each strategy is, for a reader choosing one: a line for the picker and a paragraph for
// the settings (what it models, which version, what to look for), in the page's language. The
// engine's strategies() gives names and settings only; the descriptions follow the headers of
// core/scheduler/*.hpp. A strategy's name is its id in every language.
import { t } from './i18n/i18n.js';

// Made when asked, in the language in use (i18n/en/form.js): the page picks its language first.
const descriptions = {
  local: () => ({ line: t('form.strategy.local.line'), about: t('form.strategy.local.about') }),
  'tokio-current-thread': () => ({
    line: t('form.strategy.current.line'),
    about: t('form.strategy.current.about'),
  }),
  'tokio-multi-thread': () => ({
    line: t('form.strategy.multi.line'),
    about: t('form.strategy.multi.about'),
  }),
  smol: () => ({ line: t('form.strategy.smol.line'), about: t('form.strategy.smol.about') }),
  embassy: () => ({
    line: t('form.strategy.embassy.line'),
    about: t('form.strategy.embassy.about'),
  }),
};

/**
 * What strategy `name` is: { line, about }. A strategy this page does not describe (a newer
 * engine) gets a neutral line rather than none.
 */
export function describeStrategy(name) {
  if (Object.hasOwn(descriptions, name)) return descriptions[name]();
  return {
    line: t('form.strategy.other.line'),
    about: t('form.strategy.other.about', { name: String(name) }),
  };
}

/** The picker's text for strategy `name`: its id, then its line. */
export function strategyOptionText(name) {
  return `${name} — ${describeStrategy(name).line}`;
}
