// The page's pure helpers: the C++ and Rust tokenizers, parameter parsing and time labels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeCpp } from '../../web/app/cpp-tokens.js';
import { parseIntegerField } from '../../web/app/param-input.js';
import { tokenizeRust } from '../../web/app/program/rust-tokens.js';
import { splitLines } from '../../web/app/tokenizer.js';
import { formatTime, niceStep } from '../../web/app/timeline/time-format.js';

const source = `#include <vector>
// sleep a while
async<void> worker(int id, ms delay) {
  /* a "block"
     comment */
  co_await sleep(delay * 2'000);
  log("task {} done\\n", 'x');
}
`;

test('the tokenizer keeps every character and classifies C++ tokens', () => {
  const tokens = tokenizeCpp(source);
  assert.equal(tokens.map((token) => token.text).join(''), source);
  const typeOf = (text) => tokens.find((token) => token.text === text)?.type;
  assert.equal(typeOf('#include <vector>'), 'preprocessor');
  assert.equal(typeOf('// sleep a while'), 'comment');
  assert.equal(typeOf('co_await'), 'keyword');
  assert.equal(typeOf('int'), 'type');
  assert.equal(typeOf('worker'), 'function');
  assert.equal(typeOf('sleep'), 'function');
  assert.equal(typeOf("2'000"), 'number');
  assert.equal(typeOf('"task {} done\\n"'), 'string');
  assert.equal(typeOf("'x'"), 'char');
  assert.equal(typeOf('/* a "block"\n     comment */'), 'comment');
});

test("the tokenizer keeps every character and classifies a program's Rust tokens", () => {
  const program = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    /* a "block" */ let (tx, mut rx) = mpsc::channel::<u32>(4);
    println!("got {}\\n", rx.recv().await.unwrap_or(0x1f_u32));
    let c = 'x'; fn f<'a>(s: &'a str) {}
}
`;
  const tokens = tokenizeRust(program);
  assert.equal(tokens.map((token) => token.text).join(''), program);
  const typeOf = (text) => tokens.find((token) => token.text === text)?.type;
  assert.equal(typeOf('#[tokio::main(flavor = "current_thread")]'), 'preprocessor');
  assert.equal(typeOf('async'), 'keyword');
  assert.equal(typeOf('main'), 'function');
  assert.equal(typeOf('channel'), 'function', 'a call with a turbofish');
  assert.equal(typeOf('println!'), 'function');
  assert.equal(typeOf('u32'), 'type');
  assert.equal(typeOf('"got {}\\n"'), 'string');
  assert.equal(typeOf("'x'"), 'char');
  assert.equal(typeOf("'a"), 'char', 'a lifetime');
  assert.equal(typeOf('/* a "block" */'), 'comment');
  assert.equal(typeOf('4'), 'number');
  assert.ok(tokens.some((token) => token.type === 'plain' && token.text.includes('tx')));
});

test('a comment over two lines is split into a token on each line', () => {
  const lines = splitLines(tokenizeCpp(source));
  assert.equal(lines.length, source.split('\n').length);
  assert.deepEqual(
    lines[3].map((token) => token.type),
    ['plain', 'comment'],
  );
  assert.deepEqual(
    lines[4].map((token) => [token.type, token.text]),
    [['comment', '     comment */']],
  );
});

test('integer fields accept whole numbers in range and explain everything else', () => {
  const range = { min: 1, max: 1000 };
  assert.deepEqual(parseIntegerField(' 42 ', range), { value: 42 });
  assert.deepEqual(parseIntegerField('+7', range), { value: 7 });
  assert.match(parseIntegerField('', range).error, /Enter a whole number/);
  assert.match(parseIntegerField('2.5', range).error, /not a whole number/);
  assert.match(parseIntegerField('1e3', range).error, /not a whole number/);
  assert.match(parseIntegerField('<b>5</b>', range).error, /“<b>5<\/b>” is not a whole number/);
  assert.match(parseIntegerField('0', range).error, /between 1 and 1000/);
  assert.match(parseIntegerField('1001', range).error, /between 1 and 1000/);
  assert.match(parseIntegerField('99999999999999999999', range).error, /too large/);
});

test('time labels pick the unit and decimals of their step', () => {
  assert.equal(formatTime(0), '0');
  assert.equal(formatTime(5000000, 5000000), '5 ms');
  assert.equal(formatTime(2500000, 500000), '2.5 ms');
  assert.equal(formatTime(1500, 500), '1.5 µs');
  assert.equal(formatTime(500000, 500000), '500 µs');
  assert.equal(formatTime(1000000, 500000), '1.0 ms');
  assert.equal(formatTime(750, 50), '750 ns');
  assert.equal(formatTime(3e9, 1e9), '3 s');
  assert.equal(formatTime(12345678), '12.3 ms');
  assert.equal(niceStep(30000000, 8), 5000000);
  assert.equal(niceStep(7, 10), 1);
});
