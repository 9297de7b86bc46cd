// Reading what a person typed into a parameter field: a whole number in the parameter's range,
// or one sentence saying what is wrong. Pure, so the form and its tests share it.

/**
 * Parses `text` as an integer between `min` and `max`: { value } or { error }. Accepts an
 * optional sign and surrounding spaces, nothing else (no fractions, exponents or units).
 */
export function parseIntegerField(text, { min, max }) {
  const trimmed = String(text).trim();
  if (trimmed === '') return { error: 'Enter a whole number.' };
  if (!/^[+-]?\d+$/.test(trimmed)) return { error: `“${trimmed}” is not a whole number.` };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) return { error: 'That number is too large.' };
  if (value < min || value > max) return { error: `Must be between ${min} and ${max}.` };
  return { value };
}
