// Reading an NDJSON trace file someone hands the page (docs/trace-format.md), checked line by
// line: the first problem found is reported with its line number, in one sentence, and nothing of
// a bad file is shown. Pure (no DOM), so node tests can feed it any bytes.

/** The newest trace schema version this page reads; older ones read too. */
export const newestTraceVersion = 1;

/** Largest file read: far more than a million-event trace, far less than the tab can hold. */
export const maxTraceBytes = 256 * 1024 * 1024;

/** Longest single line: an event is a few hundred bytes, a deadlock's stuck list a few KB. */
export const maxLineLength = 1024 * 1024;

/**
 * Deepest nesting of arrays and objects read in a line: an event nests two levels (a deadlock's
 * stuck list), and the page's export and inspection walk values recursively, so a line of
 * 100,000 nested arrays would overflow the stack long after it was accepted.
 */
export const maxNesting = 64;

const headerFields = [
  ['example', 'string'],
  ['strategy', 'string'],
  ['params', 'object'],
  ['seed', 'number'],
  ['clock', 'string'],
  ['unit', 'string'],
];

/** Thrown for the first problem of a file: `line` is 1-based (0 for the file as a whole). */
export class TraceImportError extends Error {
  constructor(line, problem) {
    super(line > 0 ? `Line ${line}: ${problem}` : problem);
    this.name = 'TraceImportError';
    this.line = line;
    this.problem = problem;
  }
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value) {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

// Whether `value` nests deeper than `limit`; stops there, so it recurses at most `limit` deep.
function nestsDeeper(value, limit) {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const key in value) {
    if (nestsDeeper(value[key], limit - 1)) return true;
  }
  return false;
}

function parseLine(text, number, isLast, endsWithNewline) {
  if (text.length > maxLineLength) {
    throw new TraceImportError(
      number,
      `the line is ${text.length.toLocaleString('en')} characters long, more than any event (at most ${maxLineLength.toLocaleString('en')}).`,
    );
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (isLast && !endsWithNewline) {
      throw new TraceImportError(
        number,
        'the line is cut short: the file ends in the middle of an event (was the trace still being written?).',
      );
    }
    throw new TraceImportError(number, `not valid JSON (${error.message}).`);
  }
  if (!isObject(value))
    throw new TraceImportError(number, `expected a JSON object, found ${describe(value)}.`);
  if (nestsDeeper(value, maxNesting)) {
    throw new TraceImportError(
      number,
      `the line nests arrays or objects more than ${maxNesting} levels deep; no event does.`,
    );
  }
  return value;
}

function checkHeader(header) {
  if (header.schema !== 'wakeline-trace') {
    throw new TraceImportError(
      1,
      header.schema === undefined
        ? 'this is not a Wakeline trace: the first line has no "schema" (expected "wakeline-trace").'
        : `this is not a Wakeline trace: the schema is ${describe(header.schema)}, not "wakeline-trace".`,
    );
  }
  if (!Number.isSafeInteger(header.version) || header.version < 1) {
    throw new TraceImportError(
      1,
      `the schema version ${describe(header.version)} is not a version number.`,
    );
  }
  if (header.version > newestTraceVersion) {
    throw new TraceImportError(
      1,
      `the trace is schema version ${header.version}, newer than this page reads (up to ${newestTraceVersion}); open it in a newer Wakeline.`,
    );
  }
  for (const [field, type] of headerFields) {
    if (!(field in header)) throw new TraceImportError(1, `the header has no "${field}".`);
    const actual = isObject(header[field]) ? 'object' : typeof header[field];
    if (actual !== type)
      throw new TraceImportError(
        1,
        `the header's "${field}" should be ${type === 'object' ? 'an object' : `a ${type}`}, not ${describe(header[field])}.`,
      );
  }
  if (header.unit !== 'ns')
    throw new TraceImportError(
      1,
      `the time unit is ${describe(header.unit)}; Wakeline traces use "ns".`,
    );
}

function checkEvent(event, number, expectedSeq, lastT) {
  for (const field of ['seq', 't', 'kind']) {
    if (!(field in event)) throw new TraceImportError(number, `the event has no "${field}".`);
  }
  if (!Number.isSafeInteger(event.seq))
    throw new TraceImportError(
      number,
      `"seq" should be a whole number, not ${describe(event.seq)}.`,
    );
  if (event.seq !== expectedSeq) {
    throw new TraceImportError(
      number,
      `seq out of order: expected ${expectedSeq}, found ${event.seq}.`,
    );
  }
  if (typeof event.t !== 'number' || !Number.isFinite(event.t) || event.t < 0) {
    throw new TraceImportError(
      number,
      `"t" should be a time in ns (a number from 0), not ${describe(event.t)}.`,
    );
  }
  if (event.t < lastT)
    throw new TraceImportError(number, `time goes backwards: t = ${event.t} after ${lastT}.`);
  if (typeof event.kind !== 'string' || event.kind === '') {
    throw new TraceImportError(
      number,
      `"kind" should be an event kind such as "poll_begin", not ${describe(event.kind)}.`,
    );
  }
  if (
    'cause' in event &&
    (!Number.isSafeInteger(event.cause) || event.cause < 1 || event.cause >= event.seq)
  ) {
    throw new TraceImportError(
      number,
      `"cause" should be the seq of an earlier event, not ${describe(event.cause)}.`,
    );
  }
  for (const field of ['task', 'worker', 'line']) {
    if (field in event && !(Number.isSafeInteger(event[field]) && event[field] >= 0)) {
      throw new TraceImportError(
        number,
        `"${field}" should be a whole number, not ${describe(event[field])}.`,
      );
    }
  }
}

/** Lines read between two chances for the page to draw, in parseNdjsonTraceAsync. */
export const linesPerSlice = 20_000;

// The reading itself, as a generator that yields its progress (lines read, lines in all) after
// every `linesPerSlice` lines and returns the result; the two functions below drive it.
function* readTrace(text, maxBytes) {
  if (typeof text !== 'string')
    throw new TraceImportError(0, 'The file could not be read as text.');
  if (text.length > maxBytes) {
    throw new TraceImportError(
      0,
      `The file is too large (${(text.length / 1048576).toFixed(1)} MB; at most ${(maxBytes / 1048576).toFixed(0)} MB).`,
    );
  }
  if (text.trim() === '') throw new TraceImportError(0, 'The file is empty.');
  const endsWithNewline = text.endsWith('\n');
  const rows = text.split('\n');
  if (endsWithNewline) rows.pop();
  const lines = [];
  const events = [];
  let header = null;
  let headerLine = '';
  let lastT = 0;
  for (let i = 0; i < rows.length; ++i) {
    if (i > 0 && i % linesPerSlice === 0) yield { read: i, total: rows.length };
    const number = i + 1;
    const line = rows[i].endsWith('\r') ? rows[i].slice(0, -1) : rows[i];
    if (line.trim() === '')
      throw new TraceImportError(
        number,
        'the line is empty (NDJSON has one JSON object on every line).',
      );
    const value = parseLine(line, number, i === rows.length - 1, endsWithNewline);
    if (i === 0) {
      checkHeader(value);
      header = value;
      headerLine = line;
      continue;
    }
    checkEvent(value, number, events.length + 1, lastT);
    lastT = value.t;
    events.push(value);
    lines.push(line);
  }
  if (events.length === 0) throw new TraceImportError(0, 'The trace has a header but no events.');
  const complete = events[events.length - 1].kind === 'runtime_end';
  return { header, headerLine, events, lines, complete };
}

/**
 * Reads an NDJSON trace: { header, headerLine, events, lines, complete }. `events` are the parsed
 * events, `lines` their text (no newline); `complete` is false when the trace has no
 * `runtime_end` (a run cut off before its end). Throws TraceImportError for the first problem.
 * Unknown kinds and fields are kept (the format's versioning rule), never refused.
 */
export function parseNdjsonTrace(text, { maxBytes = maxTraceBytes } = {}) {
  const reading = readTrace(text, maxBytes);
  for (let step = reading.next(); ; step = reading.next()) {
    if (step.done) return step.value;
  }
}

/**
 * parseNdjsonTrace in slices, giving the page a turn of its event loop between them (a 100 MB
 * file takes seconds to check, and a page that stops drawing that long looks dead). `progress`
 * hears ({ read, total }) in lines; `cancelled()` returning true stops the reading, which then
 * resolves to null.
 */
export async function parseNdjsonTraceAsync(
  text,
  { maxBytes = maxTraceBytes, progress = () => {}, cancelled = () => false } = {},
) {
  const reading = readTrace(text, maxBytes);
  for (let step = reading.next(); ; step = reading.next()) {
    if (step.done) return step.value;
    progress(step.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return null;
  }
}
