// Wakeline's JavaScript API: list the examples, run one, read its trace as batches of events.
// Plain JS with no dependencies; it loads wakeline-core.mjs (the WebAssembly build of
// wasm/bindings.cpp) from beside itself unless told otherwise. wakeline.d.ts documents the types.

/** Bad input to the API, or a handle that can no longer be used. `code` says which. */
export class WakelineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WakelineError';
    this.code = code;
  }
}

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const defaultBatchSize = 256;

// The API speaks numbers or bigints; the wire speaks JSON, where a u64 must stay exact.
function unsignedText(name, value, min) {
  if (typeof value === 'bigint') {
    if (value < BigInt(min) || value >= 1n << 64n) {
      throw new WakelineError('out_of_range', `${name} must be an integer from ${min} to 2^64-1, not ${value}`);
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
function requestText(exampleId, options, batchSize) {
  if (typeof exampleId !== 'string') {
    throw new WakelineError('bad_value', `the example id must be a string, not ${describe(exampleId)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new WakelineError('bad_value', `run options must be an object, not ${describe(options)}`);
  }
  const { params = {}, strategy = 'local', seed = 0, budget = 1_000_000 } = options;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new WakelineError('bad_value', `params must be an object of name: value, not ${describe(params)}`);
  }
  if (typeof strategy !== 'string') {
    throw new WakelineError('bad_value', `the strategy must be a string, not ${describe(strategy)}`);
  }
  const fields = Object.entries(params).map(([name, value]) => {
    if (value !== null && !['number', 'boolean', 'bigint'].includes(typeof value)) {
      // Strings, objects and undefined have no JSON number or boolean to send: name them here.
      throw new WakelineError('bad_value', `parameter '${name}' must be a number or a boolean, not ${describe(value)}`);
    }
    return `${JSON.stringify(name)}:${paramText(value)}`;
  });
  return (
    `{"example":${JSON.stringify(exampleId)},"strategy":${JSON.stringify(strategy)},` +
    `"params":{${fields.join(',')}},"seed":${unsignedText('seed', seed, 0)},` +
    `"budget":${unsignedText('budget', budget, 1)},"batch_events":${batchSize}}`
  );
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) ++n;
  return n;
}

function parseLines(text) {
  const lines = text.split('\n');
  lines.pop(); // Every line ends in '\n'.
  return lines.map((line) => JSON.parse(line));
}

/** A run: an async iterable of event batches, with its header, its summary and cancel(). */
class Run {
  #batches = [];
  #waiting = null;
  #finished = false;
  #resolveDone;
  #rejectDone;
  #cancelRequested = false;
  #started = false;
  #events = 0;

  constructor(header, headerLine, format) {
    this.header = header;
    this.headerLine = headerLine;
    this.format = format;
    this.done = new Promise((resolve, reject) => {
      this.#resolveDone = resolve;
      this.#rejectDone = reject;
    });
  }

  /** Asks the run to stop; it ends with outcome `cancelled`. See wakeline.d.ts for when. */
  cancel() {
    this.#cancelRequested = true;
  }

  get cancelRequested() {
    return this.#cancelRequested;
  }

  async *[Symbol.asyncIterator]() {
    for (;;) {
      if (this.#batches.length > 0) {
        yield this.#batches.shift();
      } else if (this.#finished) {
        return;
      } else {
        await new Promise((resolve) => (this.#waiting = resolve));
      }
    }
  }

  /**
   * Runs `execute` unless cancelled first; `execute` pushes batches and returns the summary.
   * Returns false if the run failed inside the module (a trap or an abort), whose instance must
   * then not be used again.
   */
  _start(execute) {
    this.#started = true;
    if (this.#cancelRequested) {
      this._finish({ outcome: 'cancelled', events: 0, duration_ns: 0, tasks: [] });
      return true;
    }
    try {
      this._finish(execute());
      return true;
    } catch (error) {
      // A trap or abort inside the module (or, for a WakelineError, a request the module
      // refused after checking it): the run ends in error, with its message.
      let message = String(error?.message ?? error);
      // Emscripten's abort() throws a RuntimeError too, whose message already says "Aborted(".
      if (error instanceof WebAssembly.RuntimeError && !message.startsWith('Aborted(')) {
        message = `WebAssembly trap: ${message}`;
      }
      this._finish({ outcome: 'error', message, events: this.#events, duration_ns: 0, tasks: [] });
      return error instanceof WakelineError;
    }
  }

  _push(text) {
    this.#events += countLines(text);
    this.#batches.push(this.format === 'ndjson' ? text : parseLines(text));
    this.#wake();
  }

  _finish(summary) {
    if (this.#finished) return;
    this.#finished = true;
    this.#resolveDone(summary);
    this.#wake();
  }

  _fail(error) {
    if (this.#finished) return;
    this.#finished = true;
    this.#rejectDone(error);
    this.#wake();
  }

  #wake() {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.();
  }
}

/**
 * A handle on a WebAssembly instance, running one example at a time in the calling thread. An
 * instance that traps or aborts is dropped, and the next run gets a fresh one.
 */
class InThreadWakeline {
  #createCore;
  #core = null;
  #reloading = null;
  #check;
  #run;
  #examplesText;
  #disposed = false;
  #queue = Promise.resolve();
  #pending = new Set();
  #batchSize;

  constructor(createCore, core, batchSize) {
    this.#createCore = createCore;
    this.#batchSize = batchSize;
    this.#bind(core);
    this.#examplesText = core.UTF8ToString(core._wakeline_examples());
    const version = JSON.parse(core.UTF8ToString(core._wakeline_version()));
    this.version = Object.freeze({
      wakeline: version.wakeline,
      schema: version.schema,
      schemaVersion: version.schema_version,
    });
  }

  #bind(core) {
    this.#core = core;
    this.#check = core.cwrap('wakeline_check', 'string', ['string']);
    this.#run = core.cwrap('wakeline_run', 'string', ['string']);
  }

  // A trapped instance's memory and stack are whatever the trap left: only a new one is safe.
  async #ensureCore() {
    if (this.#core) return;
    this.#reloading ??= this.#createCore({ onTraceChunk: undefined }).then(
      (core) => {
        this.#reloading = null;
        if (!this.#disposed) this.#bind(core);
      },
      (error) => {
        this.#reloading = null;
        throw error;
      },
    );
    await this.#reloading;
  }

  #assertUsable() {
    if (this.#disposed) throw new WakelineError('disposed', 'this Wakeline handle has been disposed');
  }

  async examples() {
    this.#assertUsable();
    return JSON.parse(this.#examplesText);
  }

  async run(exampleId, options = {}) {
    this.#assertUsable();
    const request = requestText(exampleId, options, this.#batchSize);
    const format = options.format ?? 'objects';
    if (format !== 'objects' && format !== 'ndjson') {
      throw new WakelineError('bad_value', `format must be 'objects' or 'ndjson', not ${describe(format)}`);
    }
    await this.#ensureCore();
    this.#assertUsable();
    const checked = JSON.parse(this.#check(request));
    if (checked.error) throw new WakelineError(checked.error.code, checked.error.message);
    const run = new Run(JSON.parse(checked.header), checked.header, format);
    this.#pending.add(run);
    // Start on a later turn, one run at a time: code right after `await run()` can still cancel.
    this.#queue = this.#queue
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => (this.#disposed ? undefined : this.#ensureCore()))
      .then(
        () => {
          this.#pending.delete(run);
          if (this.#disposed) run.cancel();
          const core = this.#core;
          if (!run._start(() => this.#execute(run, request)) && this.#core === core) this.#core = null;
        },
        (error) => {
          this.#pending.delete(run);
          run._start(() => {
            throw new Error(`could not instantiate the WebAssembly module: ${error?.message ?? error}`);
          });
        },
      );
    return run;
  }

  #execute(run, request) {
    const core = this.#core;
    core.onTraceChunk = (kind, text) => {
      if (kind === 0) {
        if (text !== run.headerLine) throw new Error(`header changed between check and run: ${text}`);
      } else {
        run._push(text);
      }
      return run.cancelRequested;
    };
    try {
      const answer = JSON.parse(this.#run(request));
      if (answer.error) throw new WakelineError(answer.error.code, answer.error.message);
      return answer;
    } finally {
      core.onTraceChunk = undefined;
    }
  }

  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const run of this.#pending) run.cancel();
    this.#core = null;
  }
}

/**
 * Loads the WebAssembly module and resolves to a handle. Only `{ worker: false }` (the module in
 * the calling thread) exists so far; it is the default under node.
 */
export async function createWakeline(options = {}) {
  const { worker = !isNode, batchSize = defaultBatchSize, coreUrl } = options;
  if (worker) {
    throw new WakelineError('unsupported', 'the Web Worker mode is not available yet: pass { worker: false }');
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new WakelineError('bad_value', `batchSize must be a positive integer, not ${describe(batchSize)}`);
  }
  const url = coreUrl ?? new URL('./wakeline-core.mjs', import.meta.url);
  const { default: createCore } = await import(String(url));
  const core = await createCore({ onTraceChunk: undefined });
  return new InThreadWakeline(createCore, core, batchSize);
}
