// The program in a share link: its UTF-8 text compressed with the browser's CompressionStream
// (deflate-raw) and written in base64url, the value of the fragment's `program` part. A 60-line
// program takes about 1 KB. Reading checks everything a hostile or cut link can get wrong (an
// alphabet outside base64url, a length no encoder writes, a stream that ends early or carries
// junk, text that is not UTF-8, a size past the language's own limit) and gives one sentence
// instead of a half-made program, in the language in use. Pure (no DOM): node tests run it too.
import { currentLanguage, formatNumber, inLanguage, t } from '../i18n/i18n.js';

/** The language refuses larger programs (docs/language.md), so a link never carries one. */
export const maxProgramBytes = 512 * 1024;

/** Longest `program` value read at all: deflate never makes a program more than ~1.4x larger. */
export const maxEncodedLength = Math.ceil((maxProgramBytes * 1.4 * 4) / 3);

/** Links longer than this get a warning: some sites and chat programs cut long links. */
export const longLinkLength = 8 * 1024;

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function collect(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** `text` as the value of a link's `program` part. */
export async function encodeProgram(text) {
  const input = new Blob([new TextEncoder().encode(text)]).stream();
  const bytes = await collect(
    input.pipeThrough(new CompressionStream('deflate-raw')),
    Number.POSITIVE_INFINITY,
  );
  return toBase64Url(bytes);
}

/**
 * Reads a `program` value: { text } or { error } (a sentence naming the problem, in the language
 * in use when it was called: a player speaking its own language calls it inside inLanguage,
 * and the sentences made after an await are still in that language).
 */
export async function decodeProgram(value) {
  const language = currentLanguage();
  const later = (message) => inLanguage(language, message);
  const encoded = String(value ?? '');
  if (encoded === '') return { error: t('program.link.empty') };
  if (encoded.length > maxEncodedLength)
    return {
      error: t('program.link.tooLong', {
        length: formatNumber(encoded.length, { useGrouping: false }),
        max: formatNumber(maxEncodedLength, { useGrouping: false }),
      }),
    };
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return { error: t('program.link.alphabet') };
  if (encoded.length % 4 === 1) return { error: t('program.link.cut') };
  const compressed = fromBase64Url(encoded);
  let bytes;
  try {
    bytes = await collect(
      new Blob([compressed]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      maxProgramBytes,
    );
  } catch {
    return { error: later(() => t('program.link.damaged')) };
  }
  if (bytes === null) return { error: later(() => t('program.link.tooLarge')) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: later(() => t('program.link.notUtf8')) };
  }
}
