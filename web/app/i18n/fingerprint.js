// A fingerprint of an example's English words, or of a strategy's settings', so a translation can
// say which English it was made from: es/examples.js keeps one per example and per strategy
// (`from`), and tests/web/i18n/examples.test.mjs names every one whose English has changed since
// (scripts/example-fingerprints.mjs prints the current ones). Not a secret, only a change
// detector: FNV-1a (64 bits) over the UTF-8 bytes.

const offsetBasis = 0xcbf29ce484222325n;
const prime = 0x100000001b3n;
const mask = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, of `text`'s UTF-8 bytes, as 16 hexadecimal digits. */
export function fnv1a64(text) {
  let hash = offsetBasis;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The fingerprint of `example`'s words (an entry of the core's catalogue, in English): its
 * title, its explanation and each parameter's name and description, as 12 hexadecimal digits.
 */
export function exampleFingerprint({ title, explanation, params = [] }) {
  const words = [
    title,
    explanation,
    ...params.map((param) => `${param.name}: ${param.description}`),
  ];
  return fnv1a64(words.join('\n')).slice(0, 12);
}

/**
 * The fingerprint of `strategy`'s words (an entry of the core's strategies(), in English): each
 * setting's name and description, as 12 hexadecimal digits.
 */
export function strategyFingerprint({ settings = [] }) {
  const words = settings.map((setting) => `${setting.name}: ${setting.description}`);
  return fnv1a64(words.join('\n')).slice(0, 12);
}
