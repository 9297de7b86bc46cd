// Turns the module's binary event records (wasm/bindings.cpp, `wire_event`) into event objects
// with the same fields, in the same order, as the event's NDJSON line (docs/trace-format.md,
// core/trace/ndjson_writer.cpp). tests/wasm/api.test.mjs checks the two agree for every example.

/** Bytes per record; bindings.cpp asserts the same layout. */
export const recordSize = 56;

// Little-endian u64 as the nearest double, which is also what JSON.parse makes of its decimal.
const u64 = (words, i) => words[i] + words[i + 1] * 4294967296;

/**
 * Decodes the records of one run. `names` holds, for each enum the records number, its names in
 * order of value (bindings.cpp `wakeline_names`).
 */
export class WireDecoder {
  #names;
  #strings = [''];
  #decoders;

  constructor(names) {
    this.#names = names;
    const byName = this.#kindDecoders();
    this.#decoders = names.event_kind.map((kind) => {
      const decode = byName[kind];
      if (!decode) throw new Error(`no decoder for event kind '${kind}'`);
      return decode;
    });
  }

  /**
   * Decodes `count` records from `buffer` (an ArrayBuffer); `strings` are the strings the batch
   * introduces (a JSON array's items, or null), appended to the run's table first.
   */
  decode(buffer, count, strings) {
    if (strings) for (const s of strings) this.#strings.push(s);
    const words = new Uint32Array(buffer, 0, count * (recordSize / 4));
    const bytes = new Uint8Array(buffer, 0, count * recordSize);
    const events = new Array(count);
    for (let r = 0; r < count; ++r) {
      const w = r * (recordSize / 4);
      const b = r * recordSize;
      const kind = bytes[b + 54];
      const e = { seq: u64(words, w), t: u64(words, w + 2), kind: this.#names.event_kind[kind] };
      this.#decoders[kind](e, words, w, bytes[b + 55], bytes[b + 52] | (bytes[b + 53] << 8));
      const cause = u64(words, w + 4);
      if (cause !== 0) e.cause = cause;
      events[r] = e;
    }
    return events;
  }

  // One function per kind, adding the fields ndjson_event adds, in its order. Arguments: the
  // event so far, the record's 32-bit words from `w`, its detail byte and its worker.
  #kindDecoders() {
    const n = this.#names;
    const strings = this.#strings;
    const arg = (words, w) => u64(words, w + 6);
    const task = (words, w) => words[w + 8];
    const ref = (words, w) => words[w + 9];
    const line = (words, w) => words[w + 10];
    const text = (words, w) => words[w + 11];
    const file = (words, w) => words[w + 12];
    const location = (e, words, w) => {
      if (file(words, w) === 0) return;
      e.file = strings[file(words, w)];
      e.line = line(words, w);
    };
    // The queues that belong to one worker: their events name it (core/trace/event.hpp).
    const ownedByWorker = (queue) => queue === 'local' || queue === 'lifo';
    const wakerSource = (e, words, w, detail) => {
      e.by = n.wake_source[detail];
      if (detail !== 0) e.by_id = ref(words, w);
    };
    return {
      runtime_start(e, words, w, detail) {
        e.clock = n.clock_kind[detail];
      },
      runtime_end(e, words, w, detail) {
        e.outcome = n.run_outcome[detail];
        e.events = arg(words, w);
      },
      task_spawn(e, words, w) {
        e.task = task(words, w);
        if (ref(words, w) !== 0) e.parent = ref(words, w);
        if (text(words, w) !== 0) e.name = strings[text(words, w)];
        location(e, words, w);
      },
      task_enqueue(e, words, w, detail, worker) {
        e.task = task(words, w);
        e.queue = n.queue_kind[ref(words, w)];
        if (ownedByWorker(e.queue)) e.worker = worker;
        e.reason = n.enqueue_reason[detail];
        e.depth = arg(words, w);
      },
      poll_begin(e, words, w, detail, worker) {
        e.task = task(words, w);
        e.worker = worker;
        e.depth = arg(words, w);
      },
      poll_end(e, words, w, detail, worker) {
        e.task = task(words, w);
        e.worker = worker;
        e.result = n.poll_result[detail];
        location(e, words, w);
      },
      task_end(e, words, w, detail) {
        e.task = task(words, w);
        e.outcome = n.task_outcome[detail];
        if (text(words, w) !== 0) e.message = strings[text(words, w)];
      },
      waker_clone(e, words, w, detail) {
        e.task = task(words, w);
        wakerSource(e, words, w, detail);
      },
      waker_drop(e, words, w, detail) {
        e.task = task(words, w);
        wakerSource(e, words, w, detail);
      },
      waker_wake(e, words, w, detail) {
        e.task = task(words, w);
        wakerSource(e, words, w, detail);
        e.effect = n.wake_effect[arg(words, w)];
      },
      waker_wake_by_ref(e, words, w, detail) {
        e.task = task(words, w);
        wakerSource(e, words, w, detail);
        e.effect = n.wake_effect[arg(words, w)];
      },
      timer_arm(e, words, w) {
        e.timer = ref(words, w);
        if (task(words, w) !== 0) e.task = task(words, w);
        e.deadline = arg(words, w);
        location(e, words, w);
      },
      timer_fire(e, words, w) {
        e.timer = ref(words, w);
        if (task(words, w) !== 0) e.task = task(words, w);
      },
      timer_cancel(e, words, w) {
        e.timer = ref(words, w);
        if (task(words, w) !== 0) e.task = task(words, w);
      },
      io_register(e, words, w, detail) {
        e.io = ref(words, w);
        e.op = n.io_op[detail];
        if (task(words, w) !== 0) e.task = task(words, w);
      },
      io_ready(e, words, w, detail) {
        e.io = ref(words, w);
        e.op = n.io_op[detail];
        if (task(words, w) !== 0) e.task = task(words, w);
        e.bytes = arg(words, w);
      },
      park(e, words, w, detail, worker) {
        e.worker = worker;
        if (detail !== 0) e.until = arg(words, w);
      },
      unpark(e, words, w, detail, worker) {
        e.worker = worker;
      },
      select_drop(e, words, w) {
        e.task = task(words, w);
        e.branch = arg(words, w);
        location(e, words, w);
      },
      deadlock(e, words, w) {
        e.stuck = JSON.parse(strings[text(words, w)]);
      },
      budget_exhausted(e, words, w) {
        e.budget = arg(words, w);
      },
      coop_exhausted(e, words, w) {
        e.task = task(words, w);
        e.budget = arg(words, w);
      },
      steal(e, words, w, detail, worker) {
        e.worker = worker;
        e.from = n.queue_kind[detail];
        if (ownedByWorker(e.from)) e.victim = ref(words, w);
        e.count = arg(words, w);
      },
      queue_overflow(e, words, w, detail, worker) {
        e.worker = worker;
        e.count = arg(words, w);
      },
      search_begin(e, words, w, detail, worker) {
        e.worker = worker;
      },
      search_end(e, words, w, detail, worker) {
        e.worker = worker;
      },
      batch_begin(e, words, w, detail, worker) {
        e.worker = worker;
        e.count = arg(words, w);
      },
      batch_end(e, words, w, detail, worker) {
        e.worker = worker;
      },
      pend(e, words, w, detail, worker) {
        e.worker = worker;
        e.task = task(words, w);
      },
      spawn_failed(e, words, w) {
        if (ref(words, w) !== 0) e.parent = ref(words, w);
        if (text(words, w) !== 0) e.name = strings[text(words, w)];
        e.pool = arg(words, w);
        location(e, words, w);
      },
    };
  }
}
