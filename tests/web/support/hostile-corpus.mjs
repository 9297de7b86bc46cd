// Hostile input for the page, generated rather than committed: trace files and share links that
// carry script payloads in every string they have, absurd numbers, deep nesting, wrong versions,
// cut bytes, binary junk and sheer size. Each case says what the page must do with it: refuse it
// with a message that matches `problem`, or show it (as text, running nothing).
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The JavaScript API the page ships (scripts/build.sh wasm), run in this thread.
const api = pathToFileURL(path.join(repo, 'build/wasm/api/wakeline.mjs')).href;

/** The lines (header first) of a run's NDJSON trace, as the page's engine writes it. */
export async function traceLines(example, options = {}) {
  const { createWakeline } = await import(api);
  const wakeline = await createWakeline({ worker: false });
  try {
    const run = await wakeline.run(example, { ...options, format: 'ndjson' });
    let text = `${run.headerLine}\n`;
    for await (const batch of run) text += batch;
    await run.done;
    return text.trimEnd().split('\n');
  } finally {
    wakeline.dispose();
  }
}

/**
 * One string that tries every way into a page: markup with event handlers, a script element, an
 * attribute break-out and a javascript: URL. Each part sets window.__pwned if it ever runs.
 */
export const scriptPayload =
  '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
  '<svg onload="window.__pwned=3"></svg>\'><a href="javascript:window.__pwned=4">javascript:window.__pwned=5</a>';

/** `value` with every string in it (keys of objects too, when `keys`) replaced by the payload. */
function poisoned(value, keys) {
  if (typeof value === 'string') return scriptPayload;
  if (Array.isArray(value)) return value.map((item) => poisoned(item, keys));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item], i) => [
        keys ? `${scriptPayload}${i}` : key,
        poisoned(item, keys),
      ]),
    );
  }
  return value;
}

/**
 * The lost-wakeup trace (a deadlock with its stuck list, warnings, names, files) with the payload
 * in every string field the format allows to be any text: the header's example, strategy, clock
 * and parameter names, and in every event every string but `kind` (task names, file paths,
 * results, queues, reasons, outcomes), plus a task_end message and an event of an unknown kind
 * named by the payload. The trace is valid, so the page shows it: as text. `lostWakeup` is
 * traceLines('lost-wakeup').
 */
export function payloadTrace(lostWakeup) {
  const [headerLine, ...eventLines] = lostWakeup;
  const header = JSON.parse(headerLine);
  header.example = scriptPayload;
  header.strategy = scriptPayload;
  header.clock = scriptPayload;
  header.params = poisoned(header.params, true);
  header.strategy_params = poisoned(header.strategy_params, true);
  const events = eventLines.map((line) => {
    const event = JSON.parse(line);
    for (const [key, value] of Object.entries(event)) {
      if (key !== 'kind' && typeof value !== 'number') event[key] = poisoned(value, false);
    }
    return event;
  });
  // Before runtime_end: a task's panic message and an event kind no page knows.
  const end = events.pop();
  const t = end.t;
  events.push({
    seq: events.length + 1,
    t,
    kind: 'task_end',
    task: 2,
    outcome: 'panicked',
    message: scriptPayload,
  });
  events.push({
    seq: events.length + 1,
    t,
    kind: scriptPayload,
    task: 1,
    [scriptPayload]: scriptPayload,
  });
  events.push({ ...end, seq: events.length + 1, events: events.length + 1 });
  return `${[header, ...events].map((value) => JSON.stringify(value)).join('\n')}\n`;
}

/**
 * Trace files the page must refuse, each with the message it must show: [name, bytes, problem].
 * `base` is a small trace's lines (traceLines('basic')).
 */
export function refusedTraceFiles(base) {
  const [header, ...events] = base;
  const body = (lines) => Buffer.from(`${lines.join('\n')}\n`);
  const withEvent = (text) => body([header, events[0], text]);
  const withVersion = (version) =>
    body([header.replace('"version":1', `"version":${version}`), ...events]);
  const nested = 100_000;
  // A header whose example name ends in a two-byte character, cut after its first byte.
  const utf8 = Buffer.from(
    `${header}\n${events[0]}\n{"seq":2,"t":0,"kind":"task_spawn","task":1,"name":"tâche`,
    'utf8',
  );
  let seed = 0x2545f491;
  const junk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < junk.length; ++i) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    junk[i] = seed & 0xff;
  }
  return [
    ['empty.ndjson', Buffer.alloc(0), /The file is empty/],
    [
      'seq-2-64.ndjson',
      withEvent('{"seq":18446744073709551616,"t":0,"kind":"x"}'),
      /Line 3: "seq" should be a whole number, not 18446744073709552000/,
    ],
    [
      't-inf.ndjson',
      withEvent('{"seq":2,"t":1e400,"kind":"x"}'),
      /Line 3: "t" should be a time in ns .* not Infinity/,
    ],
    [
      't-negative.ndjson',
      withEvent('{"seq":2,"t":-1e308,"kind":"x"}'),
      /Line 3: "t" should be a time in ns/,
    ],
    [
      't-nan.ndjson',
      withEvent('{"seq":2,"t":"NaN","kind":"x"}'),
      /Line 3: "t" should be a time in ns .* not "NaN"/,
    ],
    [
      'task-2-64.ndjson',
      withEvent('{"seq":2,"t":0,"kind":"x","task":18446744073709551616}'),
      /Line 3: "task" should be a whole number/,
    ],
    [
      'worker-negative.ndjson',
      withEvent('{"seq":2,"t":0,"kind":"x","worker":-1}'),
      /Line 3: "worker" should be a whole number, not -1/,
    ],
    [
      'cause-huge.ndjson',
      withEvent('{"seq":2,"t":0,"kind":"x","cause":1e308}'),
      /Line 3: "cause" should be the seq of an earlier event/,
    ],
    [
      'nested-line.ndjson',
      withEvent(`${'['.repeat(nested)}${']'.repeat(nested)}`),
      /Line 3: expected a JSON object, found an array/,
    ],
    [
      'nested-unclosed.ndjson',
      withEvent(`{"seq":2,"t":0,"kind":"x","deep":${'['.repeat(nested)}`),
      /Line 3: not valid JSON/,
    ],
    ['version-0.ndjson', withVersion(0), /Line 1: the schema version 0 is not a version number/],
    [
      'version-negative.ndjson',
      withVersion(-1),
      /Line 1: the schema version -1 is not a version number/,
    ],
    [
      'version-fraction.ndjson',
      withVersion(1.5),
      /Line 1: the schema version 1.5 is not a version number/,
    ],
    [
      'version-2-64.ndjson',
      withVersion('18446744073709551616'),
      /Line 1: the schema version .* is not a version number/,
    ],
    [
      'version-99.ndjson',
      withVersion(99),
      /Line 1: the trace is schema version 99, newer than this page reads/,
    ],
    [
      'cut-mid-line.ndjson',
      Buffer.from(`${header}\n${events[0]}\n${events[1].slice(0, 25)}`),
      /Line 3: the line is cut short/,
    ],
    ['cut-mid-utf8.ndjson', utf8.subarray(0, utf8.length - 1), /Line 3: the line is cut short/],
    ['binary.ndjson', junk, /Line 1: /],
    [
      'nul-bytes.ndjson',
      Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(1024), Buffer.from('\n')]),
      /Line 2: not valid JSON/,
    ],
    // 100,000 nested arrays inside an event's unknown field: the export would overflow the stack.
    [
      'nested-field.ndjson',
      withEvent(`{"seq":2,"t":0,"kind":"x","deep":${'['.repeat(nested)}${']'.repeat(nested)}}`),
      /Line 3: the line nests arrays or objects more than 64 levels deep/,
    ],
  ];
}

/**
 * Trace files that are valid but extreme, which the page must show without breaking:
 * [name, bytes]. Huge numbers where the format allows any number, and another encoding;
 * `base` as for refusedTraceFiles.
 */
export function extremeTraceFiles(base) {
  const [header, ...events] = base;
  const body = (lines) => Buffer.from(`${lines.join('\n')}\n`);
  const last = JSON.parse(events[events.length - 1]);
  return [
    // A time near the largest double: the timeline's scale and ticks must not loop over it.
    [
      't-1e308.ndjson',
      body([header, ...events.slice(0, -1), JSON.stringify({ ...last, t: 1e308 })]),
    ],
    // A seed of 2^64 and a budget of 1e308 in the header.
    [
      'header-huge.ndjson',
      body([
        header
          .replace('"seed":0', '"seed":18446744073709551616')
          .replace('"budget":1000000', '"budget":1e308'),
        ...events,
      ]),
    ],
    // UTF-16 with its byte order mark: the browser reads the same text.
    ['utf16.ndjson', Buffer.from(`\ufeff${base.join('\n')}\n`, 'utf16le')],
  ];
}

/**
 * Writes a `megabytes` MB trace to `dir`: a valid header, then task_spawn and as many
 * poll_begin / poll_end pairs of one task as fit. Written in chunks, never held whole. `header`
 * is a trace's header line.
 */
export async function writeHugeTrace(dir, megabytes, header) {
  const file = path.join(dir, `huge-${megabytes}mb.ndjson`);
  const handle = await open(file, 'w');
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let seq = 1;
  const write = async (text) => {
    await handle.write(text);
    written += Buffer.byteLength(text);
  };
  try {
    await write(
      `${header}\n{"seq":1,"t":0,"kind":"task_spawn","task":1,"name":"main","file":"basic.cpp","line":29}\n`,
    );
    while (written < target) {
      const lines = [];
      for (let i = 0; i < 10_000; ++i) {
        ++seq;
        lines.push(
          seq % 2 === 0
            ? `{"seq":${seq},"t":${seq * 1000},"kind":"poll_begin","task":1,"worker":0,"depth":0}`
            : `{"seq":${seq},"t":${seq * 1000},"kind":"poll_end","task":1,"worker":0,"result":"pending","file":"basic.cpp","line":31}`,
        );
      }
      await write(`${lines.join('\n')}\n`);
    }
  } finally {
    await handle.close();
  }
  return { file, bytes: written, events: seq };
}

/**
 * Share links the page must read without running anything: [fragment, problem]. Script payloads
 * in every field (the ones the share tests do not already cover: compare, v, seed, p.NAME, and
 * the payload raw rather than percent-encoded), a 1 MB fragment, percent-encoding garbage,
 * unknown and duplicate keys.
 */
export function hostileLinks() {
  const raw = scriptPayload;
  const encoded = encodeURIComponent(scriptPayload);
  return [
    [`#v=1&example=basic&compare=${encoded}`, /no strategy .* to compare with|is not a valid id/],
    [`#v=${encoded}&example=basic`, /The link version .* is not a version number/],
    [`#example=basic&seed=${encoded}`, /The seed .* is not a whole number/],
    [`#example=basic&p.${encoded}=1`, /is not a parameter name/],
    [
      `#example=basic&steps=${raw}`,
      /is not a whole number, true or false|not valid percent-encoding|is not a parameter name/,
    ],
    [
      `#${'a'.repeat(1024 * 1024)}&example=basic`,
      /The link is too long \(1048590 characters, at most 4096\)/,
    ],
    [
      '#example=basic&steps=%E0%A4%A&seed=%ZZ&%=1&delay_ms=%00%FF&at=%uD800',
      /not valid percent-encoding/,
    ],
    [
      '#example=basic&example=timers&seed=1&seed=2&steps=2&steps=3',
      /more than once; the first one counts/,
    ],
    [
      '#example=basic&frobnicate=1&__proto__=1&constructor=1&toString=true',
      /has no parameter "frobnicate"/,
    ],
  ];
}
