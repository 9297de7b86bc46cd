// What the source panel's two small tokenizers share (cpp-tokens.js, program/rust-tokens.js):
// walking a source with a sticky pattern of named alternatives, one per token type, and
// splitting the tokens into lines. Each language gives its pattern and says what an identifier
// is.

/**
 * The tokens of `source` in order, each { type, text }; their texts concatenate to `source`.
 * `pattern` is a sticky RegExp with a named group per type (`identifier`, `space` and `other`
 * among them); `identifierType(text, after)` types an identifier from its text and the source
 * after it. Spaces, other characters and untyped identifiers are `plain`, runs of them merged.
 */
export function tokenize(source, pattern, identifierType) {
  const tokens = [];
  pattern.lastIndex = 0;
  while (pattern.lastIndex < source.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match) {
      tokens.push({ type: 'plain', text: source.slice(start) });
      break;
    }
    const groups = match.groups;
    const text = match[0];
    let type = Object.keys(groups).find((name) => groups[name] !== undefined) ?? 'plain';
    if (type === 'identifier') {
      type = identifierType(text, source.slice(pattern.lastIndex, pattern.lastIndex + 40));
    } else if (type === 'space' || type === 'other') {
      type = 'plain';
    }
    const previous = tokens[tokens.length - 1];
    if (previous && previous.type === type && type === 'plain') previous.text += text;
    else tokens.push({ type, text });
  }
  return tokens;
}

/** `tokens` split into lines: an array (one per line) of token arrays, without the newlines. */
export function splitLines(tokens) {
  const lines = [[]];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1].push({ type: token.type, text: part });
    });
  }
  return lines;
}
