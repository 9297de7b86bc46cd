// Reading an NDJSON trace file someone hands the page (docs/trace-format.md), checked line by
// line: the first problem found is reported with its line number, in one sentence, and nothing of
// a bad file is shown. Pure (no DOM), so node tests can feed it any bytes. The problems are
// sentences in the language in use (i18n/*/share.js, share.trace.*), made when they are found.
import { formatNumber, t } from '../i18n/i18n.js';

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

/** The catalogue's words for a header field's type. */
const typeNames = {
  object: 'share.trace.anObject',
  string: 'share.trace.aString',
  number: 'share.trace.aNumber',
};

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
    super(line > 0 ? t('share.trace.line', { line: String(line), problem }) : problem);
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
  if (Array.isArray(value)) return t('share.trace.anArray');
  if (value === null) return 'null';
  return typeof value === 'object' ? t('share.trace.anObject') : String(value);
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
      t('share.trace.lineTooLong', { length: text.length, max: maxLineLength }),
    );
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (isLast && !endsWithNewline) {
      throw new TraceImportError(number, t('share.trace.cutShort'));
    }
    throw new TraceImportError(number, t('share.trace.notJson', { message: error.message }));
  }
  if (!isObject(value))
    throw new TraceImportError(number, t('share.trace.notObject', { value: describe(value) }));
  if (nestsDeeper(value, maxNesting)) {
    throw new TraceImportError(number, t('share.trace.tooDeep', { max: maxNesting }));
  }
  return value;
}

function checkHeader(header) {
  if (header.schema !== 'wakeline-trace') {
    throw new TraceImportError(
      1,
      header.schema === undefined
        ? t('share.trace.noSchema')
        : t('share.trace.otherSchema', { value: describe(header.schema) }),
    );
  }
  if (!Number.isSafeInteger(header.version) || header.version < 1) {
    throw new TraceImportError(1, t('share.trace.badVersion', { value: describe(header.version) }));
  }
  if (header.version > newestTraceVersion) {
    throw new TraceImportError(
      1,
      t('share.trace.newerVersion', {
        version: String(header.version),
        newest: String(newestTraceVersion),
      }),
    );
  }
  for (const [field, type] of headerFields) {
    if (!(field in header))
      throw new TraceImportError(1, t('share.trace.noHeaderField', { field }));
    const actual = isObject(header[field]) ? 'object' : typeof header[field];
    if (actual !== type)
      throw new TraceImportError(
        1,
        t('share.trace.headerType', {
          field,
          type: t(typeNames[type]),
          value: describe(header[field]),
        }),
      );
  }
  if (header.unit !== 'ns')
    throw new TraceImportError(1, t('share.trace.badUnit', { value: describe(header.unit) }));
}

function checkEvent(event, number, expectedSeq, lastT) {
  for (const field of ['seq', 't', 'kind']) {
    if (!(field in event))
      throw new TraceImportError(number, t('share.trace.noEventField', { field }));
  }
  if (!Number.isSafeInteger(event.seq))
    throw new TraceImportError(
      number,
      t('share.trace.notWhole', { field: 'seq', value: describe(event.seq) }),
    );
  if (event.seq !== expectedSeq) {
    throw new TraceImportError(
      number,
      t('share.trace.seqOrder', { expected: String(expectedSeq), found: String(event.seq) }),
    );
  }
  if (typeof event.t !== 'number' || !Number.isFinite(event.t) || event.t < 0) {
    throw new TraceImportError(number, t('share.trace.badTime', { value: describe(event.t) }));
  }
  if (event.t < lastT)
    throw new TraceImportError(
      number,
      t('share.trace.timeBackwards', { t: String(event.t), last: String(lastT) }),
    );
  if (typeof event.kind !== 'string' || event.kind === '') {
    throw new TraceImportError(number, t('share.trace.badKind', { value: describe(event.kind) }));
  }
  if (
    'cause' in event &&
    (!Number.isSafeInteger(event.cause) || event.cause < 1 || event.cause >= event.seq)
  ) {
    throw new TraceImportError(number, t('share.trace.badCause', { value: describe(event.cause) }));
  }
  for (const field of ['task', 'worker', 'line']) {
    if (field in event && !(Number.isSafeInteger(event[field]) && event[field] >= 0)) {
      throw new TraceImportError(
        number,
        t('share.trace.notWhole', { field, value: describe(event[field]) }),
      );
    }
  }
}

/** Lines read between two chances for the page to draw, in parseNdjsonTraceAsync. */
export const linesPerSlice = 20_000;

// The reading itself, as a generator that yields its progress (lines read, lines in all) after
// every `linesPerSlice` lines and returns the result; the two functions below drive it.
function* readTrace(text, maxBytes) {
  if (typeof text !== 'string') throw new TraceImportError(0, t('share.trace.notText'));
  if (text.length > maxBytes) {
    throw new TraceImportError(
      0,
      t('share.trace.tooLarge', {
        size: formatNumber(text.length / 1048576, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }),
        max: formatNumber(maxBytes / 1048576, { maximumFractionDigits: 0 }),
      }),
    );
  }
  if (text.trim() === '') throw new TraceImportError(0, t('share.trace.empty'));
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
    if (line.trim() === '') throw new TraceImportError(number, t('share.trace.emptyLine'));
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
  if (events.length === 0) throw new TraceImportError(0, t('share.trace.noEvents'));
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
