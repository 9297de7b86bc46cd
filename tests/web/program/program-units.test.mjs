// The program feature's plain parts, under node: the link's program codec against cut and
// hostile input, the link codec's `program` part, positions between the engine's characters
// and the editor's UTF-16, panics' lines, the Rust Playground's URL, where a task's state is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeProgram,
  encodeProgram,
  maxProgramBytes,
} from '../../../web/app/program/program-link.js';
import { playgroundPrelude, playgroundUrl } from '../../../web/app/program/rust-playground.js';
import { byteOffsetOf, offsetOf, panicLocation } from '../../../web/app/program/spans.js';
import { locateState, machineAt } from '../../../web/app/program/state-view.js';
import { decodeLink, encodeLink, emptyLinkState } from '../../../web/app/share/link-codec.js';

const sixtyLines = Array.from({ length: 60 }, (_, i) =>
  i === 0 ? '#[tokio::main]\nasync fn main() {' : `    println!("line {}: {}", ${i}, ${i * 7});`,
).join('\n');

test('a program travels compressed and comes back byte for byte; 60 lines stay under 2 KB', async () => {
  for (const text of ['fn main() {}\n', 'let s = "é 😀 ✓";\n', sixtyLines]) {
    const encoded = await encodeProgram(text);
    assert.match(encoded, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(await decodeProgram(encoded), { text });
  }
  assert.ok((await encodeProgram(sixtyLines)).length < 2048);
});

test('a cut, mangled, oversized or non-UTF-8 program is refused with one sentence', async () => {
  const encoded = await encodeProgram(sixtyLines);
  for (const cut of [1, 2, 3, 10, encoded.length >> 1]) {
    const { error, text } = await decodeProgram(encoded.slice(0, -cut));
    assert.equal(text, undefined, `cut by ${cut}`);
    assert.match(error, /cut short/);
  }
  assert.match((await decodeProgram('ab+/')).error, /base64url/);
  assert.match((await decodeProgram('')).error, /empty/);
  // A bomb: far more than 512 KiB once inflated.
  const bomb = await encodeProgram('a'.repeat(maxProgramBytes + 1));
  assert.match((await decodeProgram(bomb)).error, /larger than 512 KiB/);
  // Valid deflate of bytes that are not UTF-8.
  const stream = new Blob([new Uint8Array([0xff, 0xfe, 0x41])])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const notUtf8 = Buffer.from(bytes).toString('base64url');
  assert.match((await decodeProgram(notUtf8)).error, /not UTF-8/);
});

test('the link carries the program last, and its length limit leaves the program out', async () => {
  const program = 'A'.repeat(6000);
  const fragment = encodeLink({ ...emptyLinkState(), example: 'basic', seed: 1, program });
  assert.match(fragment, /^v=1&example=basic&seed=1&program=A+$/);
  const { state, problems } = decodeLink(`#${fragment}`);
  assert.deepEqual(problems, []);
  assert.equal(state.program, program);
  assert.equal(state.example, 'basic');
  const bad = decodeLink('#example=basic&program=%3Cscript%3E');
  assert.equal(bad.state.program, undefined);
  assert.match(bad.problems[0], /base64url/);
});

test('positions: characters to UTF-16 offsets and bytes; a panic message names its line', () => {
  const text = 'let é = "😀";\nx';
  assert.equal(offsetOf(text, { line: 1, column: 10 }), text.indexOf('😀'));
  assert.equal(offsetOf(text, { line: 1, column: 11 }), text.indexOf('😀') + 2);
  assert.equal(offsetOf(text, { line: 2, column: 1 }), text.length - 1);
  assert.equal(offsetOf(text, { line: 9, column: 1 }), text.length);
  assert.equal(byteOffsetOf(text, text.indexOf('=')), 7);
  assert.deepEqual(
    panicLocation('index out of bounds: the len is 0 but the index is 3, main.rs:5:11'),
    { file: 'main.rs', line: 5, column: 11 },
  );
  assert.equal(panicLocation('a C++ exception'), null);
});

test('the Rust Playground link: the program, then the prelude it needs, never fetched', () => {
  const source = 'async fn f() { work(Duration::from_millis(2)); }\n';
  const url = new URL(playgroundUrl(source));
  assert.equal(url.origin + url.pathname, 'https://play.rust-lang.org/');
  assert.equal(url.searchParams.get('version'), 'stable');
  assert.equal(url.searchParams.get('edition'), '2021');
  const code = url.searchParams.get('code');
  assert.ok(code.startsWith(source));
  assert.match(code, /fn work\(d: std::time::Duration\)/);
  assert.doesNotMatch(playgroundUrl('fn main() {}'), /\+/);
  assert.equal(playgroundPrelude('fn work(d: u32) {} fn main() { work(1); }'), '');
});

test('a task is located in its state machine by its last poll', () => {
  const machines = [
    {
      name: 'step',
      from: 10,
      to: 90,
      states: [
        { state: 0, name: 'unresumed' },
        { state: 1, name: 'returned' },
        { state: 2, name: 'poisoned' },
        { state: 3, name: 'suspended', await: { start: { line: 12 } } },
      ],
    },
    {
      name: 'main',
      from: 100,
      to: 300,
      states: [
        { state: 0, name: 'unresumed' },
        { state: 1, name: 'returned' },
        { state: 2, name: 'poisoned' },
        { state: 3, name: 'suspended', await: { start: { line: 21 } } },
        { state: 4, name: 'suspended', await: { start: { line: 21 } } },
      ],
    },
  ];
  assert.deepEqual(locateState(machines, 'main', { result: 'pending', line: 12 }), {
    machine: 0,
    state: 3,
  });
  assert.deepEqual(locateState(machines, 'main', { result: 'pending', line: 21, state: 4 }), {
    machine: 1,
    state: 4,
  });
  assert.deepEqual(locateState(machines, 'main', { result: 'pending', line: 21 }), {
    machine: 1,
    state: 3,
  });
  assert.deepEqual(locateState(machines, 'main', { result: 'ready' }), { machine: 1, state: 1 });
  assert.deepEqual(locateState(machines, 'main (async block)', null), { machine: 1, state: 0 });
  assert.deepEqual(locateState(machines, 'step', { result: 'failed' }), { machine: 0, state: 2 });
  assert.equal(machineAt(machines, 50), 0);
  assert.equal(machineAt(machines, 95), -1);
});
