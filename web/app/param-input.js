// Reading what a person typed into a parameter field: a whole number in the parameter's range,
// or one sentence saying what is wrong, in the page's language. Pure, so the form and its tests
// share it.
import { t } from './i18n/i18n.js';

/**
 * Parses `text` as an integer between `min` and `max`: { value } or { error }. Accepts an
 * optional sign and surrounding spaces, nothing else (no fractions, exponents or units).
 */
export function parseIntegerField(text, { min, max }) {
  const trimmed = String(text).trim();
  if (trimmed === '') return { error: t('form.number.empty') };
  if (!/^[+-]?\d+$/.test(trimmed)) return { error: t('form.number.notWhole', { text: trimmed }) };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { error: t('form.number.tooLarge') };
  // The bounds as digits, as the field takes them (no locale's thousands separators).
  if (value < min || value > max) {
    return { error: t('form.number.range', { min: String(min), max: String(max) }) };
  }
  return { value };
}
