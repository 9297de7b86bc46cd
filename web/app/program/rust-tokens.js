// A small tokenizer for the language's programs (a subset of async Rust), with the same token
// types as cpp-tokens.js, so the source panel and <wakeline-player> can show a program
// highlighted at once, before (or without) the editor chunk. The editor itself highlights with
// @codemirror/lang-rust.
import { tokenize } from '../tokenizer.js';

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
  return tokenize(source, tokenPattern, (text, after) => {
    if (text.endsWith('!')) return 'function';
    if (keywords.has(text)) return 'keyword';
    if (types.has(text)) return 'type';
    return /^\s*(?:::<[^>]*>)?\(/.test(after) ? 'function' : 'plain';
  });
}
