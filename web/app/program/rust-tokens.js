// A small tokenizer for the language's programs (a subset of async Rust), with the same token
// types as cpp-tokens.js, so the source panel and <wakeline-player> can show a program
// highlighted at once, before (or without) the editor chunk. The editor itself highlights with
// @codemirror/lang-rust.

const keywords = new Set(
  `as async await break const continue crate dyn else enum extern false fn for if impl in let
loop match mod move mut pub ref return self Self static struct super trait true type unsafe use
where while`.split(/\s+/),
);

const types = new Set(
  `bool char i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 str String Vec Option
Some None Ok Err Result Duration Instant Poll Context Pin Future Box Arc Mutex`.split(/\s+/),
);

// One alternative per token type, tried in order at each position (the sticky flag anchors it).
const tokenPattern = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|(?![\s\S])))`,
    String.raw`(?<preprocessor>#!?\[[^\n\]]*\]?)`,
    String.raw`(?<string>"(?:[^"\\]|\\[\s\S])*"?)`,
    String.raw`(?<char>'(?:[^'\\\n]|\\.)'|'[A-Za-z_]\w*)`,
    String.raw`(?<number>\b(?:0[xob][\dA-Fa-f_]+|\d[\d_]*)(?:[iu](?:8|16|32|64|128|size))?\b)`,
    String.raw`(?<identifier>[A-Za-z_]\w*!?)`,
    String.raw`(?<space>\s+)`,
    String.raw`(?<other>.)`,
  ].join('|'),
  'my',
);

/** The tokens of `source` in order, each { type, text }; their texts concatenate to `source`. */
export function tokenizeRust(source) {
  const tokens = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    const start = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (!match) {
      tokens.push({ type: 'plain', text: source.slice(start) });
      break;
    }
    const groups = match.groups;
    const text = match[0];
    let type = Object.keys(groups).find((name) => groups[name] !== undefined) ?? 'plain';
    if (type === 'identifier') {
      if (text.endsWith('!')) type = 'function';
      else if (keywords.has(text)) type = 'keyword';
      else if (types.has(text)) type = 'type';
      else if (
        /^\s*(?:::<[^>]*>)?\(/.test(
          source.slice(tokenPattern.lastIndex, tokenPattern.lastIndex + 40),
        )
      )
        type = 'function';
      else type = 'plain';
    } else if (type === 'space' || type === 'other') {
      type = 'plain';
    }
    const previous = tokens[tokens.length - 1];
    if (previous && previous.type === type && type === 'plain') previous.text += text;
    else tokens.push({ type, text });
  }
  return tokens;
}
