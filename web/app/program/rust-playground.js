// "Open in the Rust Playground": the program as a play.rust-lang.org link, with the few lines
// it needs there added at the end, so the same text runs on real Tokio (the Playground has the
// tokio crate). The link is built, never fetched.

export const playgroundOrigin = 'https://play.rust-lang.org/';

/**
 * What a program of the language may use that Tokio and std do not have, added after it when it
 * uses it: `work(d)`, CPU work that takes `d` (on the Playground, a busy wait of `d`).
 */
export function playgroundPrelude(source) {
  const parts = [];
  if (/\bwork\s*\(/.test(source) && !/\bfn\s+work\b/.test(source)) {
    parts.push(
      "/// Wakeline's `work(d)`: CPU work that keeps the thread busy for `d`.",
      'fn work(d: std::time::Duration) {',
      '    let start = std::time::Instant::now();',
      '    while start.elapsed() < d {}',
      '}',
    );
  }
  if (parts.length === 0) return '';
  return [
    '',
    '// ---- Added by Wakeline: what the program uses beyond Tokio and std ----',
    ...parts,
    '',
  ].join('\n');
}

/** The Playground's address for `source`: stable Rust, edition 2021, debug (overflow panics). */
export function playgroundUrl(source) {
  const text = `${source.replace(/\s*$/, '\n')}${playgroundPrelude(source)}`;
  // encodeURIComponent, not URLSearchParams: a space as %20 reads the same whichever way the
  // Playground decodes its query ('+' would not).
  return `${playgroundOrigin}?version=stable&mode=debug&edition=2021&code=${encodeURIComponent(text)}`;
}
