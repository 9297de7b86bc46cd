// Wakeline's JavaScript API: list the examples, run one, read its trace as batches of events.
// Plain JS with no dependencies. The WebAssembly module (wakeline-core.mjs, the build of
// wasm/bindings.cpp) lives in a Web Worker (worker.mjs) or, with `{ worker: false }`, in this
// thread; engine.mjs drives it in both, and this file only sends it messages. wakeline.d.mts
// documents the types.

import { EngineHost } from './engine.mjs';
import { WireDecoder } from './wire.mjs';

/** Bad input to the API, or a handle that can no longer be used. `code` says which. */
export class WakelineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WakelineError';
    this.code = code;
  }
}

// A program that does not compile: the message is its first error, `diagnostics` has them all.
function programError(diagnostics) {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  const where = first ? ` (line ${first.start.line}, column ${first.start.column})` : '';
  const error = new WakelineError(
    'program_error',
    `the program does not compile: ${first?.message ?? 'it has errors'}${where}`,
  );
  error.diagnostics = diagnostics;
  return error;
}

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const defaultBatchSize = 4096;
const defaultFlushInterval = 50;

// The API speaks numbers or bigints; the wire speaks JSON, where a u64 must stay exact.
function unsignedText(name, value, min) {
  if (typeof value === 'bigint') {
    if (value < BigInt(min) || value >= 1n << 64n) {
      throw new WakelineError(
        'out_of_range',
        `${name} must be an integer from ${min} to 2^64-1, not ${value}`,
      );
    }
    return value.toString();
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new WakelineError('bad_value', `${name} must be an integer, not ${describe(value)}`);
  }
  if (value < min) {
    throw new WakelineError('out_of_range', `${name} must be at least ${min}, not ${value}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new WakelineError('out_of_range', `${name} ${value} is beyond 2^53; pass it as a bigint`);
  }
  return String(value);
}

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function paramText(value) {
  return typeof value === 'bigint' ? value.toString() : JSON.stringify(value ?? null);
}

// The request for wasm/bindings.cpp, as JSON text written by hand so bigints stay exact.
// run('basic', options) runs an example; run({ source, ...options }) runs a program of the
// language (docs/language.md).
function requestText(what, options) {
  let subject;
  if (what !== null && typeof what === 'object' && !Array.isArray(what)) {
    const { source, name = 'main.rs' } = what;
    if (typeof source !== 'string') {
      throw new WakelineError(
        'bad_value',
        `the program's source must be text, not ${describe(source)}`,
      );
    }
    if (typeof name !== 'string' || name === '') {
      throw new WakelineError(
        'bad_value',
        `the program's name must be a non-empty string, not ${describe(name)}`,
      );
    }
    subject = `"program":{"name":${JSON.stringify(name)},"text":${JSON.stringify(source)}}`;
    options = what;
  } else if (typeof what === 'string') {
    subject = `"example":${JSON.stringify(what)}`;
  } else {
    throw new WakelineError(
      'bad_value',
      `the example id must be a string (or a program: { source }), not ${describe(what)}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new WakelineError('bad_value', `run options must be an object, not ${describe(options)}`);
  }
  // No strategy: the module picks the example's first (local for most).
  const { params = {}, strategy = '', seed = 0, budget, memoryLimit } = options;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new WakelineError(
      'bad_value',
      `params must be an object of name: value, not ${describe(params)}`,
    );
  }
  if (typeof strategy !== 'string') {
    throw new WakelineError(
      'bad_value',
      `the strategy must be a string, not ${describe(strategy)}`,
    );
  }
  const fields = Object.entries(params).map(([name, value]) => {
    if (value !== null && !['number', 'boolean', 'bigint'].includes(typeof value)) {
      // Strings, objects and undefined have no JSON number or boolean to send: name them here.
      throw new WakelineError(
        'bad_value',
        `parameter '${name}' must be a number or a boolean, not ${describe(value)}`,
      );
    }
    return `${JSON.stringify(name)}:${paramText(value)}`;
  });
  return (
    `{${subject},"strategy":${JSON.stringify(strategy)},` +
    `"params":{${fields.join(',')}},"seed":${unsignedText('seed', seed, 0)}` +
    // Left out, the module applies the runtime's own defaults (the handle's `defaults`).
    (budget === undefined ? '' : `,"budget":${unsignedText('budget', budget, 1)}`) +
    (memoryLimit === undefined
      ? ''
      : `,"memory_limit":${unsignedText('memoryLimit', memoryLimit, 0)}`) +
    '}'
  );
}

/** A run: an async iterable of event batches, with its header, its summary and cancel(). */
class Run {
  #batches = [];
  #waiting = null;
  #finished = false;
  #resolveDone;
  #decoder;
  #cancel;
  #received = 0;

  constructor(headerLine, format, decoder, cancel) {
    this.header = JSON.parse(headerLine);
    this.headerLine = headerLine;
    this.format = format;
    this.#decoder = decoder;
    this.#cancel = cancel;
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  /** Asks the run to stop; it ends with outcome `cancelled` within a few milliseconds. */
  cancel() {
    if (!this.#finished) this.#cancel();
  }

  /** Events received so far. */
  get received() {
    return this.#received;
  }

  async *[Symbol.asyncIterator]() {
    for (;;) {
      if (this.#batches.length > 0) {
        // Decoded as read, in order (later batches refer to strings earlier ones brought).
        const batch = this.#batches.shift();
        yield batch.type === 'ndjson'
          ? batch.text
          : this.#decoder.decode(batch.records, batch.count, batch.strings);
      } else if (this.#finished) {
        return;
      } else {
        await new Promise((resolve) => (this.#waiting = resolve));
      }
    }
  }

  _push(batch) {
    this.#received += batch.count;
    this.#batches.push(batch);
    this.#wake();
  }

  _finish(summary) {
    if (this.#finished) return;
    this.#finished = true;
    this.#resolveDone(summary);
    this.#wake();
  }

  #wake() {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.();
  }
}

// Transports: how messages reach engine.mjs. Each gives send(message) and close().

function inThreadTransport(receive) {
  const host = new EngineHost((message) => receive(message));
  return { send: (message) => host.handle(message), close: () => host.close() };
}

function workerTransport(workerUrl, receive, fail) {
  const worker = new Worker(workerUrl, { type: 'module' });
  worker.onmessage = (event) => receive(event.data);
  // A worker that cannot load, or dies: every run in flight ends in error (see #fail).
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || 'the Web Worker could not start or stopped');
  };
  worker.onmessageerror = () => fail('a message from the Web Worker could not be read');
  return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/** A handle on one WebAssembly instance, in a Web Worker or in this thread. */
class Wakeline {
  #open;
  #coreUrl;
  #batchSize;
  #flushInterval;
  #transport = null;
  #connected = null;
  #connecting = null;
  #schema = null;
  #examples = null;
  #strategies = null;
  #nextId = 1;
  #starting = new Map();
  #runs = new Map();
  #asked = new Map(); // Requests answered by one message: chromeTrace(), check().
  #disposed = false;

  #wasmBinary;
  #fullUrl;

  constructor(open, coreUrl, fullUrl, wasmBinary, batchSize, flushInterval) {
    this.#open = open;
    this.#coreUrl = coreUrl;
    this.#fullUrl = fullUrl;
    this.#wasmBinary = wasmBinary;
    this.#batchSize = batchSize;
    this.#flushInterval = flushInterval;
  }

  /** Opens the transport (again, after a worker failed) and waits for the engine's catalogue. */
  async _connect() {
    this.#connected ??= new Promise((resolve, reject) => {
      this.#connecting = { resolve, reject };
      this.#transport = this.#open(
        (message) => this.#receive(message),
        (message) => this.#fail(message),
      );
      this.#transport.send({
        type: 'init',
        coreUrl: this.#coreUrl,
        fullUrl: this.#fullUrl,
        wasmBinary: this.#wasmBinary,
      });
    });
    return this.#connected;
  }

  #receive(message) {
    switch (message.type) {
      case 'ready': {
        this.#schema = message.schema;
        this.#examples = message.examples;
        this.#strategies = message.strategies;
        const { wakeline, schema, schema_version: schemaVersion } = message.version;
        this.version = Object.freeze({ wakeline, schema, schemaVersion });
        this.defaults = Object.freeze({
          budget: message.defaults.budget,
          memoryLimit: message.defaults.memory_limit,
        });
        this.#connecting.resolve();
        return;
      }
      case 'failed':
        return this.#fail(message.message);
      case 'header': {
        const { id, format } = this.#starting.get(message.id);
        const run = new Run(message.header, format, new WireDecoder(this.#schema), () =>
          this.#transport?.send({ type: 'cancel', id }),
        );
        this.#runs.set(id, run);
        this.#settleStart(id, (start) => start.resolve(run));
        return;
      }
      case 'rejected':
        return this.#settleStart(message.id, (start) =>
          start.reject(new WakelineError(message.code, message.message)),
        );
      case 'batch':
      case 'ndjson':
        return this.#runs.get(message.id)?._push(message);
      case 'done':
        this.#runs.get(message.id)?._finish(message.summary);
        this.#runs.delete(message.id);
        return;
      case 'program': {
        const pending = this.#asked.get(message.id);
        this.#asked.delete(message.id);
        if (message.failed !== undefined)
          pending?.reject(new WakelineError('unavailable', `the engine failed: ${message.failed}`));
        else if (message.error !== undefined)
          pending?.reject(new WakelineError('unknown_example', message.error));
        else pending?.resolve(message.text);
        return;
      }
      case 'states': {
        const pending = this.#asked.get(message.id);
        this.#asked.delete(message.id);
        if (message.error !== undefined) {
          pending?.reject(new WakelineError('unavailable', `the engine failed: ${message.error}`));
        } else if (message.states.diagnostics !== undefined) {
          pending?.reject(programError(message.states.diagnostics));
        } else {
          pending?.resolve(message.states);
        }
        return;
      }
      case 'checked': {
        const pending = this.#asked.get(message.id);
        this.#asked.delete(message.id);
        if (message.error === undefined) pending?.resolve(message.diagnostics);
        else
          pending?.reject(new WakelineError('unavailable', `the engine failed: ${message.error}`));
        return;
      }
      case 'chrome': {
        const pending = this.#asked.get(message.id);
        this.#asked.delete(message.id);
        if (message.failed !== undefined)
          pending?.reject(new WakelineError('unavailable', `the engine failed: ${message.failed}`));
        else if (message.error === undefined) pending?.resolve(message.text);
        else
          pending?.reject(
            new WakelineError('bad_trace', `the trace cannot be converted: ${message.error}`),
          );
        return;
      }
    }
  }

  #settleStart(id, settle) {
    const start = this.#starting.get(id);
    this.#starting.delete(id);
    if (start) settle(start);
  }

  // The engine cannot go on (a worker that died, a module that would not load): everything in
  // flight ends, and the next run() opens a fresh transport.
  #fail(reason) {
    const message = `the WebAssembly engine failed: ${reason}`;
    this.#transport?.close();
    this.#transport = null;
    this.#connected = null;
    this.#connecting?.reject(new WakelineError('unavailable', message));
    this.#connecting = null;
    for (const start of this.#starting.values())
      start.reject(new WakelineError('unavailable', message));
    this.#starting.clear();
    for (const pending of this.#asked.values())
      pending.reject(new WakelineError('unavailable', message));
    this.#asked.clear();
    for (const run of this.#runs.values()) {
      run._finish({ outcome: 'error', message, events: run.received, duration_ns: 0, tasks: [] });
    }
    this.#runs.clear();
  }

  #assertUsable() {
    if (this.#disposed)
      throw new WakelineError('disposed', 'this Wakeline handle has been disposed');
  }

  async examples() {
    this.#assertUsable();
    return structuredClone(this.#examples);
  }

  async strategies() {
    this.#assertUsable();
    return structuredClone(this.#strategies);
  }

  /** The event schema the module writes its traces by: every kind and its fields. */
  async eventSchema() {
    this.#assertUsable();
    return structuredClone(this.#schema);
  }

  async run(exampleOrProgram, options = {}) {
    this.#assertUsable();
    const request = requestText(exampleOrProgram, options);
    const isProgram = exampleOrProgram !== null && typeof exampleOrProgram === 'object';
    const format = (isProgram ? exampleOrProgram : options).format ?? 'objects';
    if (format !== 'objects' && format !== 'ndjson') {
      throw new WakelineError(
        'bad_value',
        `format must be 'objects' or 'ndjson', not ${describe(format)}`,
      );
    }
    await this._connect();
    this.#assertUsable();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#starting.set(id, { id, format, resolve, reject });
      this.#transport.send({
        type: 'run',
        id,
        request,
        full: isProgram,
        format,
        batchSize: this.#batchSize,
        flushMs: this.#flushInterval,
      });
    });
  }

  /**
   * An NDJSON trace (as `wakeline run` prints it, or a run's export) as Chrome trace JSON text,
   * written by the same writer as `wakeline run --format chrome`.
   */
  async chromeTrace(ndjson) {
    this.#assertUsable();
    if (typeof ndjson !== 'string') {
      throw new WakelineError(
        'bad_value',
        `the trace must be NDJSON text, not ${describe(ndjson)}`,
      );
    }
    await this._connect();
    this.#assertUsable();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#asked.set(id, { resolve, reject });
      this.#transport.send({ type: 'chrome', id, ndjson });
    });
  }

  /**
   * The diagnostics of a program of the language (docs/language.md), as `wakeline check`
   * prints them: an empty array when it has none.
   */
  async check(source) {
    return this.#askAboutProgram('check', source);
  }

  // Sends a program to the engine for one answer (`check`, `states`).
  async #askAboutProgram(type, source) {
    this.#assertUsable();
    if (typeof source !== 'string') {
      throw new WakelineError('bad_value', `the program must be text, not ${describe(source)}`);
    }
    await this._connect();
    this.#assertUsable();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#asked.set(id, { resolve, reject });
      this.#transport.send({ type, id, source });
    });
  }

  /**
   * The state machines the compiler makes of a program's async fns and blocks: their states
   * (one per `.await`) and the locals each keeps. Rejects with 'program_error' when the program
   * does not compile.
   */
  async states(source) {
    return this.#askAboutProgram('states', source);
  }

  /**
   * The text of an example's program in the language (the examples whose `program` names one),
   * to edit and run with run({ source }). Rejects with 'unknown_example' for an example without
   * one.
   */
  async exampleProgram(exampleId) {
    this.#assertUsable();
    if (typeof exampleId !== 'string') {
      throw new WakelineError(
        'bad_value',
        `the example id must be a string, not ${describe(exampleId)}`,
      );
    }
    await this._connect();
    this.#assertUsable();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#asked.set(id, { resolve, reject });
      this.#transport.send({ type: 'program', id, example: exampleId });
    });
  }

  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#transport?.close();
    this.#transport = null;
    for (const start of this.#starting.values()) {
      start.reject(new WakelineError('disposed', 'this Wakeline handle has been disposed'));
    }
    this.#starting.clear();
    for (const pending of this.#asked.values()) {
      pending.reject(new WakelineError('disposed', 'this Wakeline handle has been disposed'));
    }
    this.#asked.clear();
    for (const run of this.#runs.values()) {
      run._finish({ outcome: 'cancelled', events: run.received, duration_ns: 0, tasks: [] });
    }
    this.#runs.clear();
  }
}

function positiveInteger(name, value) {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new WakelineError(
      'bad_value',
      `${name} must be a positive integer, not ${describe(value)}`,
    );
  }
}

// A file next to this one; null where this module has no address to resolve against (inlined
// into a page as a data: URL).
function besideThisModule(name) {
  try {
    const url = new URL(name, import.meta.url);
    return url.protocol === 'data:' ? null : url;
  } catch {
    return null;
  }
}

/**
 * Loads the WebAssembly module and resolves to a handle. In a browser the module runs in a Web
 * Worker unless `worker: false`; under node it runs in the calling thread.
 */
export async function createWakeline(options = {}) {
  const {
    worker = !isNode,
    batchSize = defaultBatchSize,
    flushInterval = defaultFlushInterval,
    coreUrl = new URL('./wakeline-core.mjs', import.meta.url),
    // The full module, loaded the first time a program or a Chrome export is asked for.
    fullEngineUrl = besideThisModule('./wakeline-full.mjs'),
    workerUrl = new URL('./worker.mjs', import.meta.url),
    wasmBinary,
  } = options;
  if (
    wasmBinary !== undefined &&
    !(wasmBinary instanceof ArrayBuffer || ArrayBuffer.isView(wasmBinary))
  ) {
    throw new WakelineError(
      'bad_value',
      `wasmBinary must be an ArrayBuffer or a typed array, not ${describe(wasmBinary)}`,
    );
  }
  positiveInteger('batchSize', batchSize);
  if (
    typeof flushInterval !== 'number' ||
    !(flushInterval >= 0) ||
    !Number.isFinite(flushInterval)
  ) {
    throw new WakelineError(
      'bad_value',
      `flushInterval must be a number of milliseconds >= 0, not ${describe(flushInterval)}`,
    );
  }
  if (worker && typeof Worker !== 'function') {
    throw new WakelineError(
      'unsupported',
      'Web Workers are not available here: pass { worker: false }',
    );
  }
  // The engine imports the module from elsewhere (a worker), so its address must be absolute.
  const base = globalThis.location?.href ?? import.meta.url;
  const core = String(new URL(coreUrl, base));
  const full = fullEngineUrl === null ? null : String(new URL(fullEngineUrl, base));
  const open = worker
    ? (receive, fail) => workerTransport(new URL(workerUrl, base), receive, fail)
    : (receive) => inThreadTransport(receive);
  const handle = new Wakeline(open, core, full, wasmBinary, batchSize, flushInterval);
  await handle._connect();
  return handle;
}
