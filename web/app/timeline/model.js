// A trace held as flat columns, with the lanes the timeline draws, built as batches of event
// objects stream in. No event object is kept: event-store.js holds every field in typed buffers
// (and gives an event back, with the same keys in the same order, when a tooltip or an export
// needs it), and the lanes, polls and tracks below are typed columns of event indices, so a
// million events stay a few flat buffers.
//
// Layout: on the virtual clock time stands still while tasks run, so whole runs of polls share
// one instant. Each event therefore gets a slot of `k` layout units on the x axis:
//   x(i) = t(i) + k * i
// An instant with n events spans n slots during which time is frozen; between instants, time
// runs as itself. With `spread` off, k is 0 and the layout is pure virtual time.
import { EventStore } from './event-store.js';
import { growable } from './growable.js';
import { lowerBound } from './visible.js';

/** Poll results as stored in `polls.result`. */
export const pollResult = Object.freeze({ pending: 0, ready: 1, failed: 2, other: 3 });

const resultCodes = new Map([
  ['pending', 0],
  ['ready', 1],
  ['failed', 2],
]);
const timerKinds = new Set(['timer_arm', 'timer_fire', 'timer_cancel']);
const ioKinds = new Set(['io_register', 'io_ready']);
/** Kinds drawn as marks on their worker's executor lane (multi-worker strategies, embassy). */
const workerMarkKinds = new Set(['steal', 'queue_overflow', 'batch_begin', 'batch_end', 'pend']);
// Where a task waits outside the run queues: the root's woken flag and deferred yields.
const offQueueNames = new Set(['block_on', 'deferred']);

/** A task's lane: its polls (ids into `polls`) and its other events (event indices). */
class TaskLane {
  constructor(id, name, index) {
    this.id = id;
    this.name = name;
    /** Position in spawn order, for per-task arrays. */
    this.index = index;
    /** The worker that polled it most (the earliest to get there on a tie), -1 until polled. */
    this.worker = -1;
    /** Polls per worker id. */
    this.workerPolls = [];
    this.polls = growable(Int32Array, 8);
    this.marks = growable(Int32Array, 16);
  }
}

/**
 * A worker's executor lane: its park spans and search spans (event indices of park/unpark and
 * search_begin/search_end), and its own events (steals, overflows, batches, pends).
 */
class WorkerLane {
  constructor(id) {
    this.id = id;
    this.parkBegin = growable(Int32Array, 64);
    this.parkEnd = growable(Int32Array, 64);
    this.searchBegin = growable(Int32Array, 16);
    this.searchEnd = growable(Int32Array, 16);
    this.marks = growable(Int32Array, 16);
    /** Polls it made. */
    this.polls = 0;
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
    /** Every field of every event (event-store.js); the columns below are its own. */
    this.store = new EventStore();
    this.t = this.store.t;
    this.kind = this.store.kind;
    this.task = this.store.task;
    this.cause = this.store.cause;
    this.kindNames = this.store.kindNames;
    /** task_enqueue events to somewhere other than a run queue (block_on, deferred; see #append). */
    this.offQueueEnqueues = new Set();
    /** Whether tasks wait in queues other than the one run queue (per-worker, inject, global, pool). */
    this.multiQueue = false;
    /** Tasks in any run queue, for the depth track of a trace with several queues. */
    this.queued = new Set();
    /** Tasks whose last enqueue was to the block_on flag, and the worker that polls them (-1). */
    this.blockOnTasks = new Set();
    this.blockOnWorker = -1;
    /** Events that carry a run-queue depth (task_enqueue, poll_begin), and that depth. */
    this.depthEvents = growable(Int32Array, 256);
    this.depthValues = growable(Uint32Array, 256);
    this.maxDepth = 0;
    /** The first event index of each distinct time, in order. */
    this.instants = growable(Int32Array, 256);
    this.polls = {
      begin: growable(Int32Array),
      end: growable(Int32Array),
      result: growable(Uint8Array),
      task: growable(Int32Array),
    };
    this.openPoll = new Map();
    this.tasks = new Map();
    /** Task lanes in spawn order. */
    this.taskLanes = [];
    this.workers = new Map();
    this.timerMarks = growable(Int32Array, 256);
    this.ioMarks = growable(Int32Array, 64);
    /** The deadlock events (indices): where the run found its tasks stuck; see `stuck`. */
    this.deadlocks = [];
    this.outcome = null;
  }

  /** Appends a batch of event objects, as the API's default format delivers them. */
  appendEvents(events) {
    for (const event of events) this.#append(event);
  }

  /** Appends a batch of NDJSON event lines, each ending in '\n' (an imported trace, tests). */
  appendNdjson(text) {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) this.#append(JSON.parse(text.slice(start, end)));
      start = end + 1;
    }
  }

  /** Gives back the room reserved for growth; call when the run has ended. */
  finish() {
    this.store.trim();
    for (const column of [
      this.instants,
      this.depthEvents,
      this.depthValues,
      this.timerMarks,
      this.ioMarks,
      ...Object.values(this.polls),
    ])
      column.trim();
    for (const lane of this.taskLanes) {
      lane.polls.trim();
      lane.marks.trim();
    }
    for (const worker of this.workers.values()) {
      for (const column of [
        worker.parkBegin,
        worker.parkEnd,
        worker.searchBegin,
        worker.searchEnd,
        worker.marks,
      ])
        column.trim();
    }
  }

  #lane(id, name) {
    let lane = this.tasks.get(id);
    if (!lane) {
      lane = new TaskLane(id, name ?? `task ${id}`, this.taskLanes.length);
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

  /** Event `i` opens a span (a park, a search) of its worker's lane: `begin` and `end` arrays. */
  #openSpan(event, i, begin, end) {
    const lane = this.#worker(Number(event.worker) || 0);
    lane[begin].push(i);
    lane[end].push(-1);
  }

  /** Event `i` closes its worker's last span of `end`'s kind, if one is open. */
  #closeSpan(event, i, end) {
    const ends = this.#worker(Number(event.worker) || 0)[end];
    const open = ends.length - 1;
    if (open >= 0 && ends.data[open] === -1) ends.data[open] = i;
  }

  #append(event) {
    const i = this.store.append(event);
    ++this.count;
    const t = this.t.data[i];
    if (i === 0 || t !== this.t.data[i - 1]) this.instants.push(i);
    const task = this.task.data[i];
    // The root's woken flag and deferred yields (tokio-current-thread) are not a run queue.
    const enqueue = event.kind === 'task_enqueue';
    const offQueue = enqueue && offQueueNames.has(event.queue);
    if (offQueue) this.offQueueEnqueues.add(i);
    if (enqueue && !offQueue && event.queue !== undefined && event.queue !== 'run')
      this.multiQueue = true;
    if (enqueue && !offQueue) this.queued.add(task);
    else if (event.kind === 'poll_begin' || event.kind === 'task_end') this.queued.delete(task);
    if (enqueue) {
      if (event.queue === 'block_on') this.blockOnTasks.add(task);
      else this.blockOnTasks.delete(task);
    }
    if ((enqueue || event.kind === 'poll_begin') && !offQueue && Number.isInteger(event.depth)) {
      // With several queues each event's depth is its own queue's: the track counts them all.
      const depth = this.multiQueue ? this.queued.size : event.depth;
      this.depthEvents.push(i);
      this.depthValues.push(depth);
      if (depth > this.maxDepth) this.maxDepth = depth;
    }

    switch (event.kind) {
      case 'task_spawn':
        this.#lane(task, typeof event.name === 'string' ? event.name : undefined).marks.push(i);
        return;
      case 'poll_begin': {
        const lane = this.#lane(task);
        const w = Number(event.worker) || 0;
        const polls = (lane.workerPolls[w] ?? 0) + 1;
        lane.workerPolls[w] = polls;
        if (lane.worker === -1 || polls > (lane.workerPolls[lane.worker] ?? 0)) lane.worker = w;
        ++this.#worker(w).polls;
        if (this.blockOnTasks.has(task)) this.blockOnWorker = w;
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
        return this.#openSpan(event, i, 'parkBegin', 'parkEnd');
      case 'unpark':
        return this.#closeSpan(event, i, 'parkEnd');
      case 'search_begin':
        return this.#openSpan(event, i, 'searchBegin', 'searchEnd');
      case 'search_end':
        return this.#closeSpan(event, i, 'searchEnd');
      case 'spawn_failed':
        // No task was created: the mark goes on the lane of the task that tried to spawn.
        if (Number.isInteger(event.parent)) this.#lane(event.parent).marks.push(i);
        return;
      case 'runtime_end':
        this.outcome = typeof event.outcome === 'string' ? event.outcome : null;
        return;
      case 'deadlock':
        this.deadlocks.push(i);
        return;
      default:
        if (workerMarkKinds.has(event.kind) && Number.isInteger(event.worker))
          this.#worker(event.worker).marks.push(i);
        else if (timerKinds.has(event.kind)) this.timerMarks.push(i);
        else if (ioKinds.has(event.kind)) this.ioMarks.push(i);
        else if (task !== 0) this.#lane(task).marks.push(i);
    }
  }

  /** The kind name of event `i`. */
  kindOf(i) {
    return this.kindNames[this.kind.data[i]];
  }

  /** Event `i` with every field, including ones this page does not know, in the trace's order. */
  fieldsOf(i) {
    return this.store.get(i);
  }

  /** One field of event `i` (undefined if it has none), without rebuilding the event. */
  field(i, key) {
    return this.store.field(i, key);
  }

  /** The NDJSON line of event `i`, without its newline: the same bytes as the CLI's. */
  lineOf(i) {
    return JSON.stringify(this.store.get(i));
  }

  /** The index of the event whose seq is `seq` (a `cause`), or -1. */
  indexOfSeq(seq) {
    return this.store.indexOfSeq(seq);
  }

  /** The index of the event that caused event `i`, or -1. */
  causeOf(i) {
    const seq = this.cause.data[i];
    return seq === 0 ? -1 : this.store.indexOfSeq(seq);
  }

  /** The name of task `id` as spawned, or `task <id>`. */
  taskName(id) {
    return this.tasks.get(id)?.name ?? `task ${id}`;
  }

  /** Bytes held by the typed columns (at capacity), lanes included. */
  get bytes() {
    let sum = this.store.bytes;
    for (const column of [
      this.instants,
      this.depthEvents,
      this.depthValues,
      this.timerMarks,
      this.ioMarks,
      ...Object.values(this.polls),
    ])
      sum += column.data.byteLength;
    for (const lane of this.taskLanes)
      sum += lane.polls.data.byteLength + lane.marks.data.byteLength;
    for (const worker of this.workers.values()) {
      for (const column of [
        worker.parkBegin,
        worker.parkEnd,
        worker.searchBegin,
        worker.searchEnd,
        worker.marks,
      ])
        sum += column.data.byteLength;
    }
    return sum;
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
    return lowerBound(0, this.count, (i) => this.x(i, k) >= X);
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
    const first = lowerBound(0, this.count, (i) => this.t.data[i] >= T);
    if (first === 0) return this.x(0, k) - (this.t.data[0] - T);
    const prev = first - 1;
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
