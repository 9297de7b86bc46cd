// The side of the API that holds the WebAssembly module: it answers the messages of
// wakeline.mjs (protocol below), runs one example at a time in slices, and streams its events.
// The same code runs in a Web Worker (worker.mjs) and, for `{ worker: false }`, in the caller's
// thread; only the transport differs.
//
// Messages in:  init {coreUrl, wasmBinary?} | run {id, request, format, batchSize, flushMs} | cancel {id}
//               chrome {id, ndjson} | check {id, source} | states {id, source}
//               program {id, example}
//               (init also takes fullUrl; run takes full: true for a program, which runs in the
//               full module, loaded then)
// Messages out: ready {examples, strategies, version, schema, defaults} | failed {message}
//               header {id, header} | rejected {id, code, message}
//               batch {id, count, records, strings} | ndjson {id, count, text}
//               done {id, summary} | chrome {id, text} or {id, error} or {id, failed}
//               checked {id, diagnostics} or {id, error}
//               states {id, states} or {id, error}
//               program {id, text} or {id, error} or {id, failed}  (for program {id, example})

import { recordSize } from './wire.mjs';

// A slice aims at a few milliseconds: short enough that a cancel or a flush is not kept waiting,
// long enough that returning to the event loop costs little.
const sliceTargetMs = 4;
const firstSliceSteps = 256;
const maxSliceSteps = 1 << 22;

const now = () => performance.now();
const utf8 = new TextDecoder();

// Back to the event loop so queued messages (a cancel) are seen. setTimeout would be clamped to
// 4 ms once nested; a message to ourselves is not.
function makeYield() {
  if (typeof setImmediate === 'function')
    return () => new Promise((resolve) => setImmediate(resolve));
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

function trapMessage(error) {
  const message = String(error?.message ?? error);
  // Emscripten's abort() throws a RuntimeError whose message already says "Aborted(".
  if (error instanceof WebAssembly.RuntimeError && !message.startsWith('Aborted(')) {
    return `WebAssembly trap: ${message}`;
  }
  return message;
}

/** One module instance's functions. */
class Core {
  constructor(module) {
    this.module = module;
    const fn = (name, result, args) => module.cwrap(name, result, args);
    this.check = fn('wakeline_check', 'string', ['string']);
    this.start = fn('wakeline_start', 'string', ['string']);
    this.finish = fn('wakeline_finish', 'string', []);
    this.resume = module._wakeline_resume;
    this.cancel = module._wakeline_cancel;
    this.unsent = module._wakeline_unsent;
    // A core built before the export existed has no figure to give.
    this.memoryInUse = module._wakeline_memory_in_use ?? (() => undefined);
    this.releaseAnswer = module._wakeline_release_answer ?? (() => {});
  }

  text(pointer) {
    return this.module.UTF8ToString(pointer);
  }

  /** The next `max` events as wire records, copied out of the module's memory. */
  pullRecords(max) {
    const count = this.module._wakeline_pull(max);
    const at = this.module._wakeline_wire_records();
    const records = this.module.HEAPU8.slice(at, at + count * recordSize).buffer;
    const fresh = this.text(this.module._wakeline_wire_strings());
    return { count, records, strings: fresh ? JSON.parse(fresh) : null };
  }

  /** An NDJSON trace as Chrome trace JSON: {text}, or {error} naming what is wrong with it. */
  chromeTrace(ndjson) {
    const bytes = new TextEncoder().encode(ndjson);
    const at = this.module._wakeline_input(bytes.length);
    this.module.HEAPU8.set(bytes, at);
    const written = this.module._wakeline_chrome_trace() === 1;
    const text = this.text(this.module._wakeline_answer());
    this.releaseAnswer();
    return written ? { text } : { error: text };
  }

  /** The diagnostics of a program of the language, as `wakeline_check_program` gives them. */
  checkProgram(source) {
    const bytes = new TextEncoder().encode(source);
    const at = this.module._wakeline_input(bytes.length);
    this.module.HEAPU8.set(bytes, at);
    this.module._wakeline_check_program();
    const diagnostics = JSON.parse(this.text(this.module._wakeline_answer()));
    this.releaseAnswer();
    return diagnostics;
  }

  /**
   * The state machines of a program, as `wakeline_program_states` gives them: {machines} or,
   * for a program that does not compile, {diagnostics}.
   */
  programStates(source) {
    const bytes = new TextEncoder().encode(source);
    const at = this.module._wakeline_input(bytes.length);
    this.module.HEAPU8.set(bytes, at);
    this.module._wakeline_program_states();
    const states = JSON.parse(this.text(this.module._wakeline_answer()));
    this.releaseAnswer();
    return states;
  }

  /** An example's program in the language: {text}, or {error} when it has none. */
  exampleProgram(id) {
    this.programOf ??= this.module.cwrap('wakeline_example_program', 'number', ['string']);
    const answer = JSON.parse(this.text(this.programOf(id)));
    this.releaseAnswer();
    return answer;
  }

  /** The next `max` events as NDJSON text. */
  pullNdjson(max) {
    const count = Math.min(max, this.unsent());
    const at = this.module._wakeline_pull_ndjson(count);
    const bytes = this.module.HEAPU8.subarray(at, at + this.module._wakeline_ndjson_size());
    return { count, text: utf8.decode(bytes) };
  }
}

/**
 * One module the engine may load, instantiated on first use. A trapped instance's memory and
 * stack are whatever the trap left: `drop()` forgets it, and the next use makes a new one.
 * Callers waiting together share one instantiation, and resume in the order they asked.
 */
class ModuleSlot {
  #create;
  #loading = null;
  core = null;

  /** `create()` makes a module instance; null: this module is not available. */
  constructor(create, missing) {
    this.#create = create;
    this.missing = missing;
  }

  async ensure() {
    if (!this.#create) throw new Error(this.missing);
    this.#loading ??= this.#create().then(
      (module) => {
        this.core = new Core(module);
      },
      (error) => {
        this.#loading = null;
        throw error;
      },
    );
    await this.#loading;
    return this.core;
  }

  drop() {
    this.core = null;
    this.#loading = null;
  }
}

/** Answers the API's messages; `post(message, transfer)` sends one back. */
export class EngineHost {
  #post;
  // The examples' module, loaded at init, and the full one, loaded when a program or a Chrome
  // export comes; a page that gives the full module as its first has only that one.
  #examples = new ModuleSlot(null, 'the engine is not initialised');
  #full = new ModuleSlot(null, 'the engine is not initialised');
  #examplesIsFull = false;
  #queue = [];
  #cancelled = new Set();
  #running = false;
  #closed = false;
  #yield = makeYield();

  constructor(post) {
    this.#post = post;
  }

  /** Stops for good: the run in progress is cancelled, queued ones dropped, nothing more is sent. */
  close() {
    this.#post = () => {};
    this.#closed = true;
    this.#queue.length = 0;
    if (!this.#running) this.#dropCore();
  }

  async handle(message) {
    try {
      switch (message.type) {
        case 'init':
          return await this.#init(message.coreUrl, message.wasmBinary, message.fullUrl);
        case 'run':
          return await this.#enqueue(message);
        case 'cancel':
          return this.#cancelled.add(message.id);
        case 'chrome':
          return await this.#chromeTrace(message);
        case 'check':
          return await this.#checkProgram(message);
        case 'states':
          return await this.#programStates(message);
        case 'program':
          return await this.#exampleProgram(message);
        default:
          throw new Error(`unknown message type ${JSON.stringify(message.type)}`);
      }
    } catch (error) {
      this.#post({ type: 'failed', message: String(error?.message ?? error) });
    }
  }

  async #init(coreUrl, wasmBinary, fullUrl) {
    const { default: createModule } = await import(coreUrl);
    // Given the module's bytes, Emscripten's loader compiles them instead of fetching the .wasm
    // beside the core (there may be nothing to fetch: a page opened from disk).
    const options = wasmBinary ? { wasmBinary, locateFile: (name) => name } : {};
    this.#examples = new ModuleSlot(() => createModule(options));
    this.#full = new ModuleSlot(
      fullUrl ? async () => (await import(fullUrl)).default({}) : null,
      'this page has no full engine (wakeline-full.mjs): it runs examples only',
    );
    const module = (await this.#examples.ensure()).module;
    this.#examplesIsFull = typeof module._wakeline_check_program === 'function';
    this.#post({
      type: 'ready',
      examples: JSON.parse(module.UTF8ToString(module._wakeline_examples())),
      strategies: JSON.parse(module.UTF8ToString(module._wakeline_strategies())),
      version: JSON.parse(module.UTF8ToString(module._wakeline_version())),
      schema: JSON.parse(module.UTF8ToString(module._wakeline_schema())),
      defaults: JSON.parse(module.UTF8ToString(module._wakeline_defaults())),
    });
  }

  #dropCore() {
    this.#examples.drop();
    this.#full.drop();
  }

  // The module for what only the full one has: programs, the Chrome export.
  get #fullSlot() {
    return this.#examplesIsFull ? this.#examples : this.#full;
  }

  // Programs run in the full module; examples in the first one.
  #slotFor(message) {
    return message.full ? this.#fullSlot : this.#examples;
  }

  // Between two slices of a run is fine: the conversion is synchronous and shares nothing with
  // the run's session.
  async #chromeTrace({ id, ndjson }) {
    try {
      const { text, error } = (await this.#fullSlot.ensure()).chromeTrace(ndjson);
      this.#post(
        error === undefined ? { type: 'chrome', id, text } : { type: 'chrome', id, error },
      );
    } catch (error) {
      // The module trapped, or could not be loaded: the engine's failure, not the trace's.
      this.#fullSlot.drop();
      this.#post({ type: 'chrome', id, failed: trapMessage(error) });
    }
  }

  async #programStates({ id, source }) {
    try {
      const states = (await this.#fullSlot.ensure()).programStates(source);
      this.#post({ type: 'states', id, states });
    } catch (error) {
      this.#fullSlot.drop();
      this.#post({ type: 'states', id, error: trapMessage(error) });
    }
  }

  async #exampleProgram({ id, example }) {
    try {
      const answer = (await this.#fullSlot.ensure()).exampleProgram(example);
      this.#post({ type: 'program', id, ...answer });
    } catch (error) {
      this.#fullSlot.drop();
      this.#post({ type: 'program', id, failed: trapMessage(error) });
    }
  }

  async #checkProgram({ id, source }) {
    try {
      const diagnostics = (await this.#fullSlot.ensure()).checkProgram(source);
      this.#post({ type: 'checked', id, diagnostics });
    } catch (error) {
      this.#fullSlot.drop();
      this.#post({ type: 'checked', id, error: trapMessage(error) });
    }
  }

  async #enqueue(message) {
    let core;
    try {
      core = await this.#slotFor(message).ensure();
    } catch (error) {
      this.#post({
        type: 'rejected',
        id: message.id,
        code: 'unavailable',
        message: trapMessage(error),
      });
      return;
    }
    // Checked at once, even while another run goes on, so run() rejects bad input promptly.
    const checked = JSON.parse(core.check(message.request));
    if (checked.error) {
      this.#post({ type: 'rejected', id: message.id, ...checked.error });
      return;
    }
    this.#post({ type: 'header', id: message.id, header: checked.header });
    this.#queue.push(message);
    if (!this.#running) this.#drain();
  }

  async #drain() {
    this.#running = true;
    // A turn first, so a cancel sent right after run() is seen before the run starts.
    await this.#yield();
    while (this.#queue.length > 0) {
      const message = this.#queue.shift();
      let summary;
      if (this.#cancelled.has(message.id)) {
        summary = { outcome: 'cancelled', events: 0, duration_ns: 0, tasks: [] };
        const { core } = this.#slotFor(message);
        if (core) summary.memory_in_use = core.memoryInUse();
      } else {
        summary = await this.#execute(message);
      }
      this.#cancelled.delete(message.id);
      this.#post({ type: 'done', id: message.id, summary });
    }
    this.#running = false;
    if (this.#closed) this.#dropCore();
  }

  async #execute(message) {
    const { id, request, format, batchSize, flushMs } = message;
    const slot = this.#slotFor(message);
    let sent = 0;
    try {
      const core = await slot.ensure();
      const started = JSON.parse(core.start(request));
      if (started.error)
        throw new Error(`the module refused a checked request: ${started.error.message}`);
      let lastFlush = now();
      const flush = (max) => {
        if (format === 'ndjson') {
          const { count, text } = core.pullNdjson(max);
          this.#post({ type: 'ndjson', id, count, text });
          sent += count;
        } else {
          const { count, records, strings } = core.pullRecords(max);
          this.#post({ type: 'batch', id, count, records, strings }, [records]);
          sent += count;
        }
        lastFlush = now();
      };
      let steps = firstSliceSteps;
      for (;;) {
        if (this.#cancelled.has(id) || this.#closed) core.cancel();
        const begin = now();
        const ended = core.resume(steps) === 1;
        const took = now() - begin;
        if (took < sliceTargetMs / 2 && steps < maxSliceSteps) steps *= 2;
        else if (took > sliceTargetMs * 2 && steps > 1) steps = Math.ceil(steps / 2);
        while (core.unsent() >= batchSize) flush(batchSize);
        if (ended) {
          while (core.unsent() > 0) flush(batchSize);
          break;
        }
        if (core.unsent() > 0 && now() - lastFlush >= flushMs) flush(batchSize);
        await this.#yield();
      }
      const summary = JSON.parse(core.finish());
      core.releaseAnswer();
      // Measured once the run's session and its summary's text are freed: what the module
      // keeps between runs.
      summary.memory_in_use = core.memoryInUse();
      return summary;
    } catch (error) {
      // A trap or abort inside the module: the run ends in error and the instance is dropped.
      slot.drop();
      return {
        outcome: 'error',
        message: trapMessage(error),
        events: sent,
        duration_ns: 0,
        tasks: [],
      };
    }
  }
}
