// The state of the runtime at the playhead, rebuilt from the trace: each task's state and
// counters, the run queue in order, and with several queues (multi-worker strategies, embassy)
// each queue in order: a task_enqueue moves its task to the queue it names (a stolen task is
// enqueued again, to the thief's queue), a poll_begin takes it out of whichever queue holds it. Moving forward applies the events in between; moving
// back replays from the start (a tight loop over typed columns: a few ms for 350,000 events).

/** A task's state at the playhead, as stored in `Replay.state`. */
export const taskState = Object.freeze({ unborn: 0, idle: 1, scheduled: 2, running: 3, done: 4 });

/** Names of taskState values, for the table and the narration. */
export const taskStateNames = ['not spawned', 'idle', 'scheduled', 'running', 'done'];

/**
 * The key of the queue a task_enqueue names: 'run' (also for traces without `queue`), 'inject',
 * 'global', 'pool', or 'local:W' / 'lifo:W' for worker W's own queue and LIFO slot; null for the
 * root's block_on flag and deferred yields, which are not run queues.
 */
export function queueKey(queue, worker) {
  if (queue === undefined || queue === 'run') return 'run';
  if (queue === 'block_on' || queue === 'deferred') return null;
  if (queue === 'local' || queue === 'lifo')
    return `${queue}:${Number.isInteger(worker) ? worker : 0}`;
  return String(queue);
}

/** Replays `model` up to a playhead; per-task arrays are indexed by the lane's spawn index. */
export class Replay {
  constructor(model) {
    this.model = model;
    this.#reset();
  }

  #reset() {
    const n = this.model.taskLanes.length;
    /** The last event applied; -1 before the first. */
    this.at = -1;
    this.state = new Uint8Array(n);
    this.polls = new Uint32Array(n);
    this.wakes = new Uint32Array(n);
    /** Virtual ns spent running, queued and waiting, up to `since`. */
    this.busy = new Float64Array(n);
    this.scheduled = new Float64Array(n);
    this.idle = new Float64Array(n);
    this.since = new Float64Array(n);
    /** Wakers of the task alive: clones minus drops minus consuming wakes. */
    this.wakers = new Int32Array(n);
    /** The task's last poll_end (its await point), -1 if none. */
    this.lastPollEnd = new Int32Array(n).fill(-1);
    /** Task ids in the run queue, oldest first (a Set keeps insertion order, deletes in O(1)). */
    this.queue = new Set();
    /** Every queue seen so far by key (queueKey), each a Set of task ids, oldest first. */
    this.queues = new Map([['run', this.queue]]);
    /** The key of the queue each queued task is in. */
    this.queueOf = new Map();
    /** The task each worker is polling (worker id -> task id); absent when it polls nothing. */
    this.running = new Map();
    this.codes = this.#kindCodes();
  }

  #kindCodes() {
    const codes = {};
    this.model.kindNames.forEach((name, code) => (codes[name] = code));
    return codes;
  }

  /** Moves the state to just after event `target` (clamped to the trace). */
  seek(target) {
    const model = this.model;
    target = Math.min(Math.max(target, -1), model.count - 1);
    if (model.taskLanes.length !== this.state.length || target < this.at) this.#reset();
    else if (Object.keys(this.codes).length !== model.kindNames.length)
      this.codes = this.#kindCodes();
    while (this.at < target) this.#apply(++this.at);
  }

  #move(index, next, t) {
    const previous = this.state[index];
    const spent = t - this.since[index];
    if (previous === taskState.running) this.busy[index] += spent;
    else if (previous === taskState.scheduled) this.scheduled[index] += spent;
    else if (previous === taskState.idle) this.idle[index] += spent;
    this.state[index] = next;
    this.since[index] = t;
  }

  #apply(i) {
    const model = this.model;
    const code = model.kind.data[i];
    const c = this.codes;
    const id = model.task.data[i];
    const lane = model.tasks.get(id);
    if (!lane) return;
    const index = lane.index;
    const t = model.t.data[i];
    switch (code) {
      case c.task_spawn:
        this.#move(index, taskState.idle, t);
        break;
      case c.task_enqueue:
        if (!model.offQueueEnqueues.has(i)) {
          const key = queueKey(model.field(i, 'queue'), model.field(i, 'worker'));
          this.#dequeue(id);
          let queue = this.queues.get(key);
          if (!queue) {
            queue = new Set();
            this.queues.set(key, queue);
          }
          queue.add(id);
          this.queueOf.set(id, key);
        }
        this.#move(index, taskState.scheduled, t);
        break;
      case c.poll_begin:
        this.#dequeue(id);
        this.running.set(Number(model.field(i, 'worker')) || 0, id);
        ++this.polls[index];
        this.#move(index, taskState.running, t);
        break;
      case c.poll_end: {
        const worker = Number(model.field(i, 'worker')) || 0;
        if (this.running.get(worker) === id) this.running.delete(worker);
        this.lastPollEnd[index] = i;
        if (this.state[index] === taskState.running) this.#move(index, taskState.idle, t);
        break;
      }
      case c.task_end:
        this.#dequeue(id);
        this.#move(index, taskState.done, t);
        break;
      case c.waker_clone:
        ++this.wakers[index];
        break;
      case c.waker_drop:
        --this.wakers[index];
        break;
      case c.waker_wake:
        --this.wakers[index];
        ++this.wakes[index];
        break;
      case c.waker_wake_by_ref:
        ++this.wakes[index];
        break;
      default:
        break;
    }
  }

  #dequeue(id) {
    const key = this.queueOf.get(id);
    if (key === undefined) return;
    this.queues.get(key)?.delete(id);
    this.queueOf.delete(id);
  }

  /** Busy, scheduled and idle ns of task `index` up to the playhead's time. */
  times(index) {
    const now = this.at >= 0 ? this.model.t.data[this.at] : 0;
    const open = now - this.since[index];
    const state = this.state[index];
    return {
      busy: this.busy[index] + (state === taskState.running ? open : 0),
      scheduled: this.scheduled[index] + (state === taskState.scheduled ? open : 0),
      idle: this.idle[index] + (state === taskState.idle ? open : 0),
    };
  }

  /** How many tasks are ahead of task `id` in the queue that holds it, or -1 if it is not queued. */
  ahead(id) {
    const queue = this.queues.get(this.queueOf.get(id));
    if (!queue) return -1;
    let n = 0;
    for (const queued of queue) {
      if (queued === id) return n;
      ++n;
    }
    return -1;
  }
}
