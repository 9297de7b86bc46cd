// The NDJSON trace importer (web/app/share/ndjson-import.js): a CLI trace reads back whole; each
// kind of bad file is refused with its line number and problem; with fast-check, no bytes make it
// throw anything but its own error, and any cut of a good file is either refused or a prefix.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { TraceImportError, parseNdjsonTrace } from '../../../web/app/share/ndjson-import.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repo, 'build/release/wakeline');
const trace = execFileSync(cli, ['run', 'basic'], { encoding: 'utf8' });
const traceLines = trace.trimEnd().split('\n');

function refused(text, options) {
  try {
    parseNdjsonTrace(text, options);
  } catch (error) {
    assert.ok(error instanceof TraceImportError, `a TraceImportError, not ${error}`);
    return error;
  }
  assert.fail('the file was accepted');
}

/** The basic trace with line `n` (1-based) replaced by `text` (or removed when null). */
function withLine(n, text) {
  const lines = [...traceLines];
  if (text === null) lines.splice(n - 1, 1);
  else lines[n - 1] = text;
  return `${lines.join('\n')}\n`;
}

test('a trace written by the CLI reads back with every event and line', () => {
  const result = parseNdjsonTrace(trace);
  assert.equal(result.headerLine, traceLines[0]);
  assert.equal(result.header.example, 'basic');
  assert.equal(result.events.length, traceLines.length - 1);
  assert.deepEqual(result.lines, traceLines.slice(1));
  assert.ok(result.complete);
  // The line of each event is exactly its JSON text, so an export of it is the same file.
  assert.deepEqual(
    result.events.map((event) => JSON.stringify(event)),
    result.lines,
  );
});

test('CRLF line ends, a missing final newline and unknown kinds and fields are accepted', () => {
  assert.equal(parseNdjsonTrace(trace.replace(/\n/g, '\r\n')).events.length, traceLines.length - 1);
  assert.equal(parseNdjsonTrace(trace.trimEnd()).events.length, traceLines.length - 1);
  const extra = withLine(
    3,
    traceLines[2].replace('}', ',"future_field":[1,2]}').replace('"task_spawn"', '"new_kind"'),
  );
  assert.equal(parseNdjsonTrace(extra).events[1].kind, 'new_kind');
});

test('a trace without runtime_end is shown but marked incomplete', () => {
  const result = parseNdjsonTrace(`${traceLines.slice(0, 10).join('\n')}\n`);
  assert.equal(result.events.length, 9);
  assert.equal(result.complete, false);
});

const badFiles = [
  ['an empty file', '', 0, /empty/],
  ['only blank lines', '\n\n', 0, /empty/],
  ['a header alone', `${traceLines[0]}\n`, 0, /no events/],
  ['bad JSON in an event', withLine(5, '{"seq":4,"t":0,'), 5, /not valid JSON/],
  [
    'a truncated last line',
    `${traceLines.slice(0, 6).join('\n')}\n${traceLines[6].slice(0, 20)}`,
    7,
    /cut short/,
  ],
  [
    'an array instead of an object',
    withLine(4, '[1,2,3]'),
    4,
    /expected a JSON object, found an array/,
  ],
  ['another schema', withLine(1, '{"schema":"other","version":1}'), 1, /schema is "other"/],
  ['no schema at all', withLine(1, '{"version":1}'), 1, /no "schema"/],
  [
    'a newer version',
    withLine(1, traceLines[0].replace('"version":1', '"version":2')),
    1,
    /version 2, newer than this page reads \(up to 1\)/,
  ],
  [
    'a version that is not a number',
    withLine(1, traceLines[0].replace('"version":1', '"version":"1"')),
    1,
    /version "1" is not a version number/,
  ],
  [
    'a header without params',
    withLine(1, traceLines[0].replace(/"params":\{[^}]*\},/, '')),
    1,
    /no "params"/,
  ],
  [
    'a header with a string seed',
    withLine(1, traceLines[0].replace('"seed":0', '"seed":"0"')),
    1,
    /"seed" should be a number/,
  ],
  [
    'another time unit',
    withLine(1, traceLines[0].replace('"unit":"ns"', '"unit":"ms"')),
    1,
    /time unit is "ms"/,
  ],
  ['an event without a kind', withLine(3, '{"seq":2,"t":0}'), 3, /no "kind"/],
  ['an event without seq', withLine(3, '{"t":0,"kind":"x"}'), 3, /no "seq"/],
  ['a missing event', withLine(4, null), 4, /seq out of order: expected 3, found 4/],
  ['a repeated event', withLine(4, traceLines[2]), 4, /seq out of order: expected 3, found 2/],
  [
    'time going backwards',
    withLine(traceLines.length, traceLines[traceLines.length - 1].replace(/"t":\d+/, '"t":5')),
    traceLines.length,
    /time goes backwards/,
  ],
  ['a negative time', withLine(3, '{"seq":2,"t":-1,"kind":"x"}'), 3, /"t" should be a time/],
  [
    'a cause from the future',
    withLine(3, '{"seq":2,"t":0,"kind":"x","cause":9}'),
    3,
    /"cause" should be the seq of an earlier event/,
  ],
  [
    'a task that is not a number',
    withLine(3, '{"seq":2,"t":0,"kind":"x","task":"<img src=x onerror=alert(1)>"}'),
    3,
    /"task" should be a whole number, not "<img src=x onerror/,
  ],
  ['an empty line in the middle', withLine(5, ''), 5, /the line is empty/],
  [
    'a line longer than any event',
    withLine(3, `{"seq":2,"t":0,"kind":"x","pad":"${'a'.repeat(1024 * 1024)}"}`),
    3,
    /more than any event/,
  ],
  [
    'deep nesting',
    withLine(3, `${'['.repeat(100000)}${']'.repeat(100000)}`),
    3,
    /not valid JSON|expected a JSON object/,
  ],
];

for (const [what, text, line, problem] of badFiles) {
  test(`${what} is refused at line ${line} with the problem named`, () => {
    const error = refused(text);
    assert.equal(error.line, line, error.message);
    assert.match(error.message, problem);
    if (line > 0) assert.match(error.message, new RegExp(`^Line ${line}: `));
  });
}

test('a file over the size limit is refused before it is read', () => {
  const error = refused(trace, { maxBytes: 100 });
  assert.equal(error.line, 0);
  assert.match(error.message, /too large/);
});

test('property: no text makes the importer throw anything but a TraceImportError', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .array(fc.oneof(fc.json(), fc.constantFrom(...traceLines)), { maxLength: 8 })
      .map((rows) => rows.join('\n')),
  );
  fc.assert(
    fc.property(text, (input) => {
      try {
        const result = parseNdjsonTrace(input);
        assert.ok(result.events.length > 0);
      } catch (error) {
        assert.ok(error instanceof TraceImportError, String(error));
        assert.ok(error.line >= 0 && typeof error.message === 'string');
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: a good trace cut anywhere is refused or read as whole events of a prefix', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: trace.length }), (cut) => {
      const part = trace.slice(0, cut);
      let result;
      try {
        result = parseNdjsonTrace(part);
      } catch (error) {
        assert.ok(error instanceof TraceImportError);
        return;
      }
      // Never a half event shown as real: every line read is a whole line of the original.
      assert.deepEqual(result.lines, traceLines.slice(1, 1 + result.lines.length));
      assert.equal(result.complete, result.lines.length === traceLines.length - 1);
    }),
    { numRuns: 1000 },
  );
});
