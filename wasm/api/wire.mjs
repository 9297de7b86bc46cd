// Turns the module's binary event records (wasm/bindings.cpp, `wire_event`) into event objects
// with the same fields, in the same order, as the event's NDJSON line. Each kind's fields are
// read by a function generated from the event schema (wire-decoders.mjs, from
// core/trace/schema.cpp), the table the NDJSON writer itself follows; at start-up the decoder
// checks that the module exports that same schema. tests/wasm/api.test.mjs checks that objects
// and NDJSON agree for every example.
import { decoders, generatedFrom } from './wire-decoders.mjs';

/** The schema objects found equal to the one the decoders were generated from. */
const verifiedSchemas = new WeakSet();

/** Bytes per record; bindings.cpp asserts the same layout. */
export const recordSize = 56;

// Little-endian u64 as the nearest double, which is also what JSON.parse makes of its decimal.
const u64 = (words, i) => words[i] + words[i + 1] * 4294967296;

/**
 * Decodes the records of one run. `schema` is the module's event schema (`eventSchema()`):
 * `kinds`, the `names` of each enum a field names, and the `worker_queues`.
 */
export class WireDecoder {
  #schema;
  #kindNames;
  #decoders;
  #workerQueue;
  #strings = [''];

  constructor(schema) {
    // A handle builds a decoder per run with the one schema its module sent: compared once.
    if (!verifiedSchemas.has(schema)) {
      if (JSON.stringify(schema) !== generatedFrom) {
        throw new Error(
          'the WebAssembly module writes another event schema than wire-decoders.mjs was ' +
            'generated from: run node scripts/generate-wire-decoders.mjs',
        );
      }
      verifiedSchemas.add(schema);
    }
    this.#schema = schema;
    this.#kindNames = schema.kinds.map((kind) => kind.name);
    this.#decoders = this.#kindNames.map((kind) => decoders[kind]);
    this.#workerQueue = schema.names.queue_kind.map((queue) =>
      schema.worker_queues.includes(queue),
    );
  }

  /**
   * Decodes `count` records from `buffer` (an ArrayBuffer); `strings` are the strings the batch
   * introduces (a JSON array's items, or null), appended to the run's table first.
   */
  decode(buffer, count, strings) {
    if (strings) for (const s of strings) this.#strings.push(s);
    const words = new Uint32Array(buffer, 0, count * (recordSize / 4));
    const bytes = new Uint8Array(buffer, 0, count * recordSize);
    const names = this.#schema.names;
    const events = new Array(count);
    for (let r = 0; r < count; ++r) {
      const w = r * (recordSize / 4);
      const b = r * recordSize;
      const kind = bytes[b + 54];
      const e = { seq: u64(words, w), t: u64(words, w + 2), kind: this.#kindNames[kind] };
      this.#decoders[kind](e, words, w, bytes, b, this.#strings, names, this.#workerQueue);
      const cause = u64(words, w + 4);
      if (cause !== 0) e.cause = cause;
      events[r] = e;
    }
    return events;
  }
}
