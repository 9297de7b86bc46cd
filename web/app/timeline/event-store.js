// Every field of every event, kept in a few flat buffers instead of one object per event, and
// given back on demand as an object whose JSON.stringify is the event's NDJSON line again.
//
// An event's keys and their value types form its shape ("poll_begin with seq, t, kind, task,
// worker, depth, cause"); a trace has a few dozen shapes however long it is. The hot fields live
// in typed columns the timeline reads directly (seq is implied by the index, t, kind, task,
// cause); every other value is one 32-bit word in a shared pool: the number itself, an index
// into the string table, or an index into a side list for the rare values that are neither
// (numbers that are not small unsigned integers, arrays such as a deadlock's `stuck`).
import { growable } from './growable.js';

// How a key's value is stored, one letter each (part of a shape's signature).
const SEQ = 'Q'; // seq === first seq + index
const TIME = 'T'; // the t column
const KIND = 'K'; // the kind column
const TASK = 'A'; // the task column
const CAUSE = 'C'; // the cause column
const WORD = 'u'; // unsigned integer below 2^32, in the pool
const STRING = 's'; // index into the string table
const TRUE = '1';
const FALSE = '0';
const NULL = 'z';
const OTHER = 'o'; // index into `others` (any other number, object or array)

const maxWord = 0xffffffff;

function isWord(value) {
  return Number.isInteger(value) && value >= 0 && value <= maxWord;
}

/** An event's keys in order and how each value is stored. */
class Shape {
  constructor(id, kindCode, keys, codes) {
    this.id = id;
    this.kindCode = kindCode;
    this.keys = keys;
    this.codes = codes;
    /** Pool slot of each key stored in the pool (index from the event's first word). */
    this.slot = new Map();
    let words = 0;
    for (let j = 0; j < keys.length; ++j) {
      if (codes[j] === WORD || codes[j] === STRING || codes[j] === OTHER)
        this.slot.set(keys[j], words++);
    }
    this.words = words;
  }
}

/** The fields of a trace's events, appended in order; `get(i)` rebuilds event i. */
export class EventStore {
  constructor() {
    this.count = 0;
    this.firstSeq = 1;
    this.t = growable(Float64Array);
    this.kind = growable(Uint8Array);
    this.task = growable(Int32Array);
    this.cause = growable(Uint32Array);
    this.shape = growable(Uint16Array);
    this.base = growable(Uint32Array);
    this.pool = growable(Uint32Array, 4096);
    this.strings = [];
    this.stringIds = new Map();
    this.others = [];
    this.shapes = [];
    this.shapeIds = new Map();
    this.kindNames = [];
    this.kindCodes = new Map();
    this.lastShapeOfKind = [];
  }

  /** The code of kind `name`, adding it on first sight. */
  kindCode(name) {
    let code = this.kindCodes.get(name);
    if (code === undefined) {
      code = this.kindNames.length;
      this.kindNames.push(name);
      this.kindCodes.set(name, code);
    }
    return code;
  }

  #string(text) {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  #code(key, value, i) {
    switch (key) {
      case 'seq':
        if (value === this.firstSeq + i) return SEQ;
        break;
      case 't':
        if (typeof value === 'number') return TIME;
        break;
      case 'kind':
        if (typeof value === 'string') return KIND;
        break;
      case 'task':
        if (Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) return TASK;
        break;
      case 'cause':
        if (Number.isInteger(value) && value > 0 && value <= maxWord) return CAUSE;
        break;
      default:
        break;
    }
    if (isWord(value)) return WORD;
    if (typeof value === 'string') return STRING;
    if (value === true) return TRUE;
    if (value === false) return FALSE;
    if (value === null) return NULL;
    return OTHER;
  }

  // The shape of `event`: the kind's last shape when it matches (the common case, no
  // allocation), else found or made from the signature.
  #shapeOf(event, kindCode, i) {
    const last = this.lastShapeOfKind[kindCode];
    if (last) {
      let j = 0;
      let same = true;
      for (const key in event) {
        if (
          j >= last.keys.length ||
          last.keys[j] !== key ||
          this.#code(key, event[key], i) !== last.codes[j]
        ) {
          same = false;
          break;
        }
        ++j;
      }
      if (same && j === last.keys.length) return last;
    }
    const keys = [];
    const codes = [];
    for (const key in event) {
      keys.push(key);
      codes.push(this.#code(key, event[key], i));
    }
    const signature = `${kindCode}|${keys.map((key, j) => `${key}:${codes[j]}`).join(',')}`;
    let shape = this.shapeIds.get(signature);
    if (!shape) {
      shape = new Shape(this.shapes.length, kindCode, keys, codes);
      this.shapes.push(shape);
      this.shapeIds.set(signature, shape);
    }
    this.lastShapeOfKind[kindCode] = shape;
    return shape;
  }

  /** Appends `event` (a plain object, as JSON.parse or the API gives it); returns its index. */
  append(event) {
    const i = this.count++;
    if (i === 0 && Number.isInteger(event.seq)) this.firstSeq = event.seq;
    const kindCode = this.kindCode(String(event.kind));
    const shape = this.#shapeOf(event, kindCode, i);
    this.t.push(typeof event.t === 'number' ? event.t : 0);
    this.kind.push(kindCode);
    this.task.push(
      Number.isInteger(event.task) && event.task >= 0 && event.task <= 0x7fffffff ? event.task : 0,
    );
    this.cause.push(isWord(event.cause) ? event.cause : 0);
    this.shape.push(shape.id);
    this.base.push(this.pool.length);
    const { keys, codes } = shape;
    for (let j = 0; j < keys.length; ++j) {
      const code = codes[j];
      if (code === WORD) this.pool.push(event[keys[j]]);
      else if (code === STRING) this.pool.push(this.#string(event[keys[j]]));
      else if (code === OTHER) this.pool.push(this.others.push(event[keys[j]]) - 1);
    }
    return i;
  }

  /** Event `i` as an object with its original keys, in order, and values. */
  get(i) {
    const shape = this.shapes[this.shape.data[i]];
    const base = this.base.data[i];
    const pool = this.pool.data;
    const event = {};
    const { keys, codes } = shape;
    let w = 0;
    for (let j = 0; j < keys.length; ++j) {
      const key = keys[j];
      switch (codes[j]) {
        case SEQ:
          event[key] = this.firstSeq + i;
          break;
        case TIME:
          event[key] = this.t.data[i];
          break;
        case KIND:
          event[key] = this.kindNames[this.kind.data[i]];
          break;
        case TASK:
          event[key] = this.task.data[i];
          break;
        case CAUSE:
          event[key] = this.cause.data[i];
          break;
        case WORD:
          event[key] = pool[base + w++];
          break;
        case STRING:
          event[key] = this.strings[pool[base + w++]];
          break;
        case TRUE:
          event[key] = true;
          break;
        case FALSE:
          event[key] = false;
          break;
        case NULL:
          event[key] = null;
          break;
        default:
          event[key] = this.others[pool[base + w++]];
          break;
      }
    }
    return event;
  }

  /** One field of event `i` without rebuilding the event; undefined when it has none. */
  field(i, key) {
    const shape = this.shapes[this.shape.data[i]];
    const slot = shape.slot.get(key);
    if (slot !== undefined) {
      const value = this.pool.data[this.base.data[i] + slot];
      const code = shape.codes[shape.keys.indexOf(key)];
      return code === WORD ? value : code === STRING ? this.strings[value] : this.others[value];
    }
    const j = shape.keys.indexOf(key);
    if (j === -1) return undefined;
    switch (shape.codes[j]) {
      case SEQ:
        return this.firstSeq + i;
      case TIME:
        return this.t.data[i];
      case KIND:
        return this.kindNames[this.kind.data[i]];
      case TASK:
        return this.task.data[i];
      case CAUSE:
        return this.cause.data[i];
      case TRUE:
        return true;
      case FALSE:
        return false;
      default:
        return null;
    }
  }

  /** The seq of event `i`. */
  seqOf(i) {
    const shape = this.shapes[this.shape.data[i]];
    return shape.codes[shape.keys.indexOf('seq')] === SEQ
      ? this.firstSeq + i
      : this.field(i, 'seq');
  }

  /** The index of the event whose seq is `seq`, or -1. */
  indexOfSeq(seq) {
    const i = seq - this.firstSeq;
    if (Number.isInteger(i) && i >= 0 && i < this.count && this.seqOf(i) === seq) return i;
    return -1;
  }

  /** Bytes held by the buffers (typed arrays at their capacity). */
  get bytes() {
    return [this.t, this.kind, this.task, this.cause, this.shape, this.base, this.pool].reduce(
      (sum, column) => sum + column.data.byteLength,
      0,
    );
  }

  /** Gives back the room the columns reserved for growth; call when no more events come. */
  trim() {
    for (const column of [
      this.t,
      this.kind,
      this.task,
      this.cause,
      this.shape,
      this.base,
      this.pool,
    ]) {
      column.trim();
    }
  }
}
