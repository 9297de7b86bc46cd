// A small C++ tokenizer for the source panel: enough to colour comments, strings, numbers,
// keywords, types, preprocessor lines and calls in Wakeline's examples. Written here rather than
// bundling a highlighter because the examples use a narrow slice of C++ and this stays short
// (the walk over the source is tokenizer.js's).
import { tokenize } from './tokenizer.js';

const keywords = new Set(
  `alignas alignof and asm auto break case catch class co_await co_return
co_yield concept const consteval constexpr constinit const_cast continue decltype default delete do
dynamic_cast else enum explicit export extern false final for friend goto if inline mutable
namespace new noexcept not nullptr operator or override private protected public register
reinterpret_cast requires return sizeof static static_assert static_cast struct switch template
this thread_local throw true try typedef typeid typename union using virtual volatile while`.split(
    /\s+/,
  ),
);

const types = new Set(
  `bool char char8_t char16_t char32_t double float int long short signed
unsigned void wchar_t size_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t
std string string_view vector optional`.split(/\s+/),
);

// One alternative per token type, tried in order at each position (the sticky flag anchors it).
const tokenPattern = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|(?![\s\S])))`,
    String.raw`(?<preprocessor>^[ \t]*#[^\n]*)`,
    String.raw`(?<string>(?:u8|u|U|L)?R"([^(\s]*)\([\s\S]*?\)\2"|(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*"?)`,
    String.raw`(?<char>'(?:[^'\\\n]|\\.)*'?)`,
    String.raw`(?<number>\b(?:0[xX][\dA-Fa-f']+|0[bB][01']+|\d[\d']*(?:\.[\d']*)?(?:[eE][+-]?\d+)?)[uUlLfFzZ]*\b)`,
    String.raw`(?<identifier>[A-Za-z_]\w*)`,
    String.raw`(?<space>\s+)`,
    String.raw`(?<other>.)`,
  ].join('|'),
  'my',
);

/** The tokens of `source` in order, each { type, text }; their texts concatenate to `source`. */
export function tokenizeCpp(source) {
  return tokenize(source, tokenPattern, (text, after) => {
    if (keywords.has(text)) return 'keyword';
    if (types.has(text)) return 'type';
    return /^\s*\(/.test(after) ? 'function' : 'plain';
  });
}
