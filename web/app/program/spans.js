// Positions in a program's text. The engine gives spans as UTF-8 byte offsets and as lines and
// columns counted in characters (code points, from 1); the page and the editor index text in
// UTF-16 code units. These convert, so an error, a poll and a panic point at the same place.

/** The UTF-16 offset in `text` of `position` ({ line, column }, both from 1), clamped to the text. */
export function offsetOf(text, { line, column }) {
  let offset = 0;
  for (let l = 1; l < line; ++l) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end === -1 ? text.length : end;
  let at = offset;
  for (let c = 1; c < column && at < lineEnd; ++c) {
    const code = text.charCodeAt(at);
    at += code >= 0xd800 && code <= 0xdbff && at + 1 < lineEnd ? 2 : 1;
  }
  return at;
}

/** The UTF-8 byte offset of UTF-16 offset `offset` in `text`. */
export function byteOffsetOf(text, offset) {
  return new TextEncoder().encode(text.slice(0, offset)).length;
}

/** The 1-based line of UTF-16 offset `offset` in `text`. */
export function lineOf(text, offset) {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1))
    ++line;
  return line;
}

/**
 * Where a panic happened, from its message: rustc's `..., main.rs:5:11` at the end of a task's
 * failure message. { file, line, column } or null.
 */
export function panicLocation(message) {
  const match = /(?:^|[\s,])([A-Za-z0-9_.-]+\.rs):(\d{1,7}):(\d{1,7})\s*$/.exec(
    String(message ?? ''),
  );
  return match ? { file: match[1], line: Number(match[2]), column: Number(match[3]) } : null;
}
