// A trace held as flat columns, with the lanes the timeline draws, built as NDJSON batches stream
// in. Events are kept as their NDJSON text (needed for the tooltip, and byte-exact for an export)
// plus typed columns for what drawing needs, so a million events stay a few flat buffers.
//
// Layout: on the virtual clock time stands still while tasks run, so whole runs of polls share
// one instant. Each event therefore gets a slot of `k` layout units on the x axis:
//   x(i) = t(i) + k * i
// An instant with n events spans n slots during which time is frozen; between instants, time
// runs as itself. With `spread` off, k is 0 and the layout is pure virtual time.
import { Growable } from './growable.js';

/** Poll results as stored in `polls.result`. */
export const pollResult = Object.freeze({ pending: 0, ready: 1, failed: 2, other: 3 });

const resultCodes = new Map([['pending', 0], ['ready', 1], ['failed', 2]]);
const timerKinds = new Set(['timer_arm', 'timer_fire', 'timer_cancel']);
const ioKinds = new Set(['io_register', 'io_ready']);

/** A task's lane: its polls (ids into `polls`) and its other events (event indices). */
class TaskLane {
  constructor(id, name) {
    this.id = id;
    this.name = name;
    this.polls = new Growable(Int32Array, 64);
    this.marks = new Growable(Int32Array, 64);
  }
}

/** A worker's executor lane: its park spans, as event indices of park and unpark. */
class WorkerLane {
  constructor(id) {
    this.id = id;
    this.parkBegin = new Growable(Int32Array, 64);
    this.parkEnd = new Growable(Int32Array, 64);
  }
}

/** A trace being received: columns per event, polls, and one lane per task and worker. */
export class TraceModel {
  constructor(header = null) {
    /** The trace's header object (schema, example, params...), or null. */
    this.header = header;
    this.count = 0;
    /** When true, events that share an instant are laid out side by side (see the top). */
    this.spread = true;
    this.t = new Growable(Float64Array);
    this.kind = new Growable(Uint8Array);
    this.task = new Growable(Int32Array);
    this.offset = new Growable(Uint32Array);
    this.batches = [];
    this.batchFirst = [];
    this.kindNames = [];
    this.kindCodes = new Map();
    /** The first event index of each distinct time, in order. */
    this.instants = new Growable(Int32Array, 256);
    this.polls = {
      begin: new Growable(Int32Array),
      end: new Growable(Int32Array),
      result: new Growable(Uint8Array),
      task: new Growable(Int32Array),
    };
    this.openPoll = new Map();
    this.tasks = new Map();
    /** Task lanes in spawn order. */
    this.taskLanes = [];
    this.workers = new Map();
    this.timerMarks = new Growable(Int32Array, 256);
    this.ioMarks = new Growable(Int32Array, 64);
    this.outcome = null;
  }

  /** Appends a batch of NDJSON event lines, each ending in '\n'. */
  appendNdjson(text) {
    if (text.length === 0) return;
    this.batches.push(text);
    this.batchFirst.push(this.count);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) this.#append(JSON.parse(text.slice(start, end)), start);
      start = end + 1;
    }
  }

  #kindCode(name) {
    let code = this.kindCodes.get(name);
    if (code === undefined) {
      code = this.kindNames.length;
      this.kindNames.push(name);
      this.kindCodes.set(name, code);
    }
    return code;
  }

  #lane(id, name) {
    let lane = this.tasks.get(id);
    if (!lane) {
      lane = new TaskLane(id, name ?? `task ${id}`);
      this.tasks.set(id, lane);
      this.taskLanes.push(lane);
    }
    return lane;
  }

  #worker(id) {
    let lane = this.workers.get(id);
    if (!lane) {
      lane = new WorkerLane(id);
      this.workers.set(id, lane);
    }
    return lane;
  }

  #append(event, offset) {
    const i = this.count++;
    const t = typeof event.t === 'number' ? event.t : 0;
    if (i === 0 || t !== this.t.data[i - 1]) this.instants.push(i);
    this.t.push(t);
    this.kind.push(this.#kindCode(String(event.kind)));
    const task = Number.isInteger(event.task) ? event.task : 0;
    this.task.push(task);
    this.offset.push(offset);

    switch (event.kind) {
      case 'task_spawn':
        this.#lane(task, typeof event.name === 'string' ? event.name : undefined).marks.push(i);
        return;
      case 'poll_begin': {
        const lane = this.#lane(task);
        const poll = this.polls.begin.push(i);
        this.polls.end.push(-1);
        this.polls.result.push(pollResult.other);
        this.polls.task.push(task);
        lane.polls.push(poll);
        this.openPoll.set(task, poll);
        return;
      }
      case 'poll_end': {
        const poll = this.openPoll.get(task);
        if (poll === undefined) {
          this.#lane(task).marks.push(i);
          return;
        }
        this.openPoll.delete(task);
        this.polls.end.data[poll] = i;
        this.polls.result.data[poll] = resultCodes.get(event.result) ?? pollResult.other;
        return;
      }
      case 'park':
        this.#worker(Number(event.worker) || 0).parkBegin.push(i);
        this.#worker(Number(event.worker) || 0).parkEnd.push(-1);
        return;
      case 'unpark': {
        const lane = this.#worker(Number(event.worker) || 0);
        const open = lane.parkEnd.length - 1;
        if (open >= 0 && lane.parkEnd.data[open] === -1) lane.parkEnd.data[open] = i;
        return;
      }
      case 'runtime_end':
        this.outcome = typeof event.outcome === 'string' ? event.outcome : null;
        return;
      default:
        if (timerKinds.has(event.kind)) this.timerMarks.push(i);
        else if (ioKinds.has(event.kind)) this.ioMarks.push(i);
        else if (task !== 0) this.#lane(task).marks.push(i);
    }
  }

  /** The kind name of event `i`. */
  kindOf(i) {
    return this.kindNames[this.kind.data[i]];
  }

  /** The NDJSON line of event `i`, without its newline. */
  lineOf(i) {
    let lo = 0;
    let hi = this.batchFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.batchFirst[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const text = this.batches[lo];
    const start = this.offset.data[i];
    const end = text.indexOf('\n', start);
    return text.slice(start, end === -1 ? undefined : end);
  }

  /** Event `i` parsed again from its line: every field, including ones this page does not know. */
  fieldsOf(i) {
    return JSON.parse(this.lineOf(i));
  }

  /** Virtual time of the last event, in ns. */
  get duration() {
    return this.count > 0 ? this.t.data[this.count - 1] - this.t.data[0] : 0;
  }

  /** Layout units per event slot (see the top of this file). */
  get k() {
    if (!this.spread || this.count === 0) return 0;
    // Slots take as much width as time does, so bursts and waits both stay readable at fit.
    return Math.max(this.duration, 1000) / this.count;
  }

  /** Where event `i` starts on the layout axis. */
  x(i, k = this.k) {
    return this.t.data[i] + k * i;
  }

  /** The layout extent of the whole trace: [start, end). */
  extent(k = this.k) {
    if (this.count === 0) return [0, 1];
    const start = this.x(0, k);
    const end = this.x(this.count - 1, k) + k;
    return [start, Math.max(end, start + 1)];
  }

  /** The first event whose x is at least `X` (count when none). */
  firstEventAtOrAfter(X, k = this.k) {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.x(mid, k) < X) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Virtual time at layout position `X`: frozen inside an event's slot, running between. */
  timeAt(X, k = this.k) {
    if (this.count === 0) return X;
    const after = this.firstEventAtOrAfter(X + 1e-9, k);
    if (after === 0) return this.t.data[0] - (this.x(0, k) - X);
    const i = after - 1;
    const into = X - this.x(i, k);
    return into <= k ? this.t.data[i] : this.t.data[i] + (into - k);
  }

  /** Layout position of virtual time `T`: where time reaches T after the slots before it. */
  xOfTime(T, k = this.k) {
    if (this.count === 0) return T;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.t.data[mid] < T) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return this.x(0, k) - (this.t.data[0] - T);
    const prev = lo - 1;
    return this.x(prev, k) + k + (T - this.t.data[prev]);
  }

  /** Layout span [begin, end) of poll `p`; an open poll reaches the last event. */
  pollSpan(p, k = this.k) {
    const begin = this.polls.begin.data[p];
    const endEvent = this.polls.end.data[p];
    const end = endEvent === -1 ? this.count - 1 : endEvent;
    return [this.x(begin, k), this.x(end, k) + k];
  }
}
