// The caption under the timeline: the event at the playhead told in one plain sentence, with
// its time, e.g. "t = 10 ms: timer 3 fired and woke task b (waiting at line 14) through
// Waker::wake; b joins the run queue, 2 ahead". Where Rust has a word for the thing (Future::poll,
// Poll::Pending, Poll::Ready, cx.waker(), Waker::wake) the sentence uses it. Returns text only;
// the page sets it with textContent.
import { losesItsWaker } from './lost-wakeup.js';
import { memoryLimitOf } from './runtime-defaults.js';
import { formatTime } from './timeline/time-format.js';
import { formatBytes } from './warnings.js';

// How far past a wake to look for the task_enqueue it caused: a task woken while it is being
// polled is queued when that poll ends, a few events later.
const enqueueSearch = 64;

function who(model, id) {
  const name = model.taskName(id);
  return /^task\b/.test(name) ? name : `task ${name}`;
}

function ahead(depth) {
  const n = Math.max(0, depth - 1);
  return n === 0 ? 'first in line' : `${n} ahead`;
}

// Where task `id` is suspended at the playhead (its last pending poll's await point).
function waitingAt(model, replay, id) {
  const lane = model.tasks.get(id);
  if (!lane || !replay) return '';
  const end = replay.lastPollEnd[lane.index];
  if (end === -1) return '';
  const line = model.field(end, 'line');
  return line === undefined ? '' : ` (waiting at line ${line})`;
}

function enqueueCausedBy(model, i) {
  const seq = model.store.seqOf(i);
  const last = Math.min(model.count - 1, i + enqueueSearch);
  for (let j = i + 1; j <= last; ++j) {
    if (model.cause.data[j] === seq && model.kindOf(j) === 'task_enqueue') return j;
  }
  return -1;
}

/**
 * Worker `w` in words: "thread 2", or "the block_on thread" for the thread that polls only the
 * root future. Threads, not "workers", so they are never confused with tasks an example names
 * "worker 2" (lanes.js labels their lanes the same way).
 */
export function workerName(model, w) {
  return w === model.blockOnWorker && model.workers.size > 1
    ? 'the block_on thread'
    : `thread ${w}`;
}

// Where a task_enqueue puts its task, for a sentence: "the run queue", "thread 2's LIFO slot".
function place(model, e) {
  switch (e.queue) {
    case 'local':
      return `${workerName(model, e.worker)}'s local queue`;
    case 'lifo':
      return `${workerName(model, e.worker)}'s LIFO slot`;
    case 'inject':
      return 'the inject queue';
    case 'global':
      return 'the global queue';
    case 'block_on':
      return 'the block_on flag';
    case 'deferred':
      return 'the deferred list';
    default:
      return 'the run queue';
  }
}

const reasons = {
  spawn: 'as it was spawned',
  wake: 'because it was woken',
  yield: 'after yielding',
  abort: 'to be dropped after abort',
  steal: 'as one of the tasks its thread stole',
  overflow: 'because a full local queue overflowed',
  lifo_displaced: 'pushed out of the LIFO slot by a task woken after it',
  lifo_limit: "out of the LIFO slot, its thread's coop budget spent",
};

// The first event after `i` (within enqueueSearch) that is a task_enqueue with `reason`, or -1.
function nextEnqueue(model, i, reason) {
  const last = Math.min(model.count - 1, i + enqueueSearch);
  for (let j = i + 1; j <= last; ++j) {
    if (model.kindOf(j) === 'task_enqueue' && model.field(j, 'reason') === reason) return j;
  }
  return -1;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function waker(model, i, e) {
  if (e.by === 'timer') return `timer ${e.by_id}`;
  if (e.by === 'io') return `I/O resource ${e.by_id}`;
  if (e.by === 'task') return e.by_id === e.task ? 'the task itself' : who(model, e.by_id);
  return 'the runtime';
}

const wakeCall = (kind) => (kind === 'waker_wake_by_ref' ? 'Waker::wake_by_ref' : 'Waker::wake');

function sentence(model, i, replay) {
  const e = model.fieldsOf(i);
  const task = Number.isInteger(e.task) ? who(model, e.task) : '';
  switch (e.kind) {
    case 'runtime_start':
      return `the runtime starts on the ${e.clock ?? 'virtual'} clock.`;
    case 'runtime_end':
      if (e.outcome === 'memory_exhausted') {
        const bytes = memoryLimitOf(model.header);
        const limit =
          bytes === null ? 'its memory limit' : `its memory limit of ${formatBytes(bytes)}`;
        return `the program holds more than ${limit} and the run stops: ${e.events ?? model.count} events; the tasks cancelled just before held the memory.`;
      }
      return `the run ends: ${e.outcome}, ${e.events ?? model.count} events.`;
    case 'task_spawn':
      return e.parent
        ? `${who(model, e.parent)} spawns ${task}${e.line ? ` at line ${e.line}` : ''}.`
        : `the root ${task} is spawned: block_on will poll its Future.`;
    case 'task_enqueue': {
      const why = reasons[e.reason] ?? `(${e.reason})`;
      if (e.queue === 'block_on' && model.workers.size > 1) {
        return `${task} is marked woken ${why}: the block_on thread polls it, apart from the workers and their queues.`;
      }
      if (e.queue === 'block_on') {
        return `${task} is marked woken ${why}: tokio polls its block_on future outside the run queue, once the queue runs dry or every 61 polls.`;
      }
      if (e.queue === 'deferred') {
        return `${task} yields: tokio defers its wake until after the next driver poll, so everything already queued runs first.`;
      }
      if (e.queue === 'lifo') {
        return `${task} goes into ${place(model, e)} ${why}: that thread polls it next, before its queue.`;
      }
      if (e.queue === 'pool')
        return `${task} joins the executor's run queue ${why}; it runs in the next batch.`;
      if (e.queue === 'inject' || e.queue === 'global') {
        return `${task} joins ${place(model, e)}, shared by every thread, ${why}, ${ahead(e.depth)}.`;
      }
      return `${task} joins ${place(model, e)} ${why}, ${ahead(e.depth)}.`;
    }
    case 'poll_begin': {
      const n = replay ? replay.polls[model.tasks.get(e.task)?.index] : 0;
      const nth = n ? ` (poll #${n})` : '';
      if (model.workers.size > 1) {
        // Where the task came from: its enqueue (or the steal that took it straight to this worker).
        const from = model.causeOf(i);
        const fromKind = from === -1 ? '' : model.kindOf(from);
        const by = workerName(model, e.worker);
        if (fromKind === 'steal') {
          const victim = model.field(from, 'victim');
          const source = Number.isInteger(victim)
            ? `${workerName(model, victim)}'s queue`
            : `the ${model.field(from, 'from')} queue`;
          return `${by} polls ${task}, which it just stole from ${source}${nth}.`;
        }
        if (fromKind === 'task_enqueue') {
          const q = model.fieldsOf(from);
          if (q.queue === 'block_on')
            return `${by} polls the root ${task}, the block_on future${nth}.`;
          const source =
            q.queue === 'local' || q.queue === 'lifo'
              ? q.worker === e.worker
                ? `its ${q.queue === 'lifo' ? 'LIFO slot' : 'local queue'}`
                : place(model, q)
              : place(model, q);
          return `${by} takes ${task} from ${source} and polls it${nth}.`;
        }
        return `${by} polls ${task}${nth}.`;
      }
      const left = e.depth === 0 ? 'the queue is now empty' : `${e.depth} still queued`;
      return `the executor takes ${task} from the run queue and polls it (Future::poll${n ? `, poll #${n}` : ''}); ${left}.`;
    }
    case 'poll_end': {
      const at = e.line ? ` at line ${e.line}` : '';
      if (e.result === 'pending' && losesItsWaker(model, i)) {
        return `${task} returned Poll::Pending${at} without keeping cx.waker(): no waker of it is alive, so nothing can ever wake it (a lost wakeup).`;
      }
      if (e.result === 'pending') {
        return `${task} returned Poll::Pending${at}: it waits until its Waker is woken (Waker::wake).`;
      }
      if (e.result === 'ready') return `${task} returned Poll::Ready: its future is complete.`;
      return `${task}'s poll ${e.result === 'failed' ? 'threw: the task failed' : `ended (${e.result})`}.`;
    }
    case 'task_end':
      return `${task} ends (${e.outcome})${e.message ? `: ${e.message}` : ''}.`;
    case 'waker_clone':
      if (e.by === 'task' && e.by_id === e.task)
        return `${task} clones cx.waker() and hands the Waker on, to be woken later.`;
      return `${waker(model, i, e)} clones ${task}'s Waker, to wake it later.`;
    case 'waker_drop':
      return `${waker(model, i, e)} drops a Waker of ${task} without waking it.`;
    case 'waker_wake':
    case 'waker_wake_by_ref': {
      const source =
        e.by === 'timer' ? `timer ${e.by_id} fired and woke` : `${waker(model, i, e)} woke`;
      const base = `${source} ${task}${waitingAt(model, replay, e.task)} through ${wakeCall(e.kind)}`;
      if (e.effect === 'already_scheduled')
        return `${base}; it is already in the run queue, so nothing changes.`;
      if (e.effect === 'ended') return `${base}; it has ended, so nothing happens.`;
      const enqueue = enqueueCausedBy(model, i);
      if (enqueue === -1) return `${base}.`;
      const name = model.taskName(e.task);
      const later = enqueue === i + 1 ? '' : ' when its poll returns';
      const q = model.fieldsOf(enqueue);
      if (q.queue === 'block_on') return `${base}; ${name} is marked woken for block_on${later}.`;
      if (q.queue === 'lifo')
        return `${base}; ${name} goes into ${place(model, q)}${later}, to run next there.`;
      if (q.queue === 'pool')
        return `${base}; ${name} joins the executor's run queue${later}, for the next batch.`;
      return `${base}; ${name} joins ${place(model, q)}${later}, ${ahead(q.depth ?? 1)}.`;
    }
    case 'timer_arm':
      return `${task || 'the runtime'} arms timer ${e.timer} for t = ${formatTime(e.deadline)}${e.line ? ` (line ${e.line})` : ''}.`;
    case 'timer_fire':
      return `timer ${e.timer} fires: its deadline is reached${task ? ` and it will wake ${task}` : ''}.`;
    case 'timer_cancel':
      return `timer ${e.timer} is cancelled: its future was dropped before the deadline.`;
    case 'io_register':
      return `${task || 'a task'} waits for I/O resource ${e.io} to be ready to ${e.op}.`;
    case 'io_ready':
      return `I/O resource ${e.io} is ready to ${e.op}${e.bytes ? ` (${e.bytes} bytes)` : ''}${task ? `, for ${task}` : ''}.`;
    case 'park': {
      const until = e.until !== undefined ? ` until t = ${formatTime(e.until)}` : '';
      if (model.workers.size > 1)
        return `${workerName(model, e.worker)} found nothing to run: it parks${until}.`;
      return `nothing is queued: the executor parks${until}.`;
    }
    case 'unpark':
      if (model.workers.size > 1) return `${workerName(model, e.worker)} wakes up.`;
      return 'the executor wakes up to deliver what is due.';
    case 'steal': {
      const thief = workerName(model, e.worker);
      if (e.from === 'local' && Number.isInteger(e.victim)) {
        return `${thief} stole ${plural(e.count, 'task')} from ${workerName(model, e.victim)}'s queue.`;
      }
      return `${thief} took ${plural(e.count, 'task')} from the ${e.from} queue for itself.`;
    }
    case 'queue_overflow': {
      const next = nextEnqueue(model, i, 'overflow');
      const target = next === -1 ? 'the shared queue' : place(model, model.fieldsOf(next));
      return `the local queue of ${workerName(model, e.worker)} was full: ${plural(e.count, 'task')} moved to ${target}.`;
    }
    case 'search_begin':
      return `${workerName(model, e.worker)} has nothing queued and searches the other threads' queues for work to steal.`;
    case 'search_end':
      return `${workerName(model, e.worker)} stops searching.`;
    case 'batch_begin':
      return `the executor takes the ${plural(e.count, 'queued task')} as one batch and polls ${e.count === 1 ? 'it' : 'them, last enqueued first'}.`;
    case 'batch_end':
      return 'the batch is done; tasks woken during it wait for the next batch.';
    case 'pend':
      return `${task} was queued into an empty run queue, so the pender tells the executor not to sleep.`;
    case 'spawn_failed': {
      const parent = Number.isInteger(e.parent) ? who(model, e.parent) : 'the runtime';
      const what = typeof e.name === 'string' ? ` ${e.name}` : ' a task';
      return `${parent} could not spawn${what}${e.line ? ` at line ${e.line}` : ''}: its static pool of ${plural(e.pool, 'task')} is full (SpawnError::Busy).`;
    }
    case 'select_drop':
      return `${task}'s select drops its losing branch ${e.branch}${e.line ? ` (line ${e.line})` : ''}.`;
    case 'coop_exhausted':
      return `${task} has used its coop budget of ${e.budget} for this poll: the resource it polls says Pending and wakes it, so it goes to the back of the queue.`;
    case 'deadlock': {
      const stuck = Array.isArray(e.stuck) ? e.stuck : [];
      const names = stuck
        .slice(0, 3)
        .map((s) => model.taskName(s.task))
        .join(', ');
      return `deadlock: nothing is queued and nothing can wake the ${stuck.length} stuck task${stuck.length === 1 ? '' : 's'}${names ? ` (${names}${stuck.length > 3 ? ', …' : ''})` : ''}.`;
    }
    case 'budget_exhausted':
      return `the run reaches its budget of ${e.budget} events and stops.`;
    default:
      return `${e.kind}${task ? ` for ${task}` : ''}.`;
  }
}

/** One sentence about event `i` of `model`; `replay` (at `i`) adds queue and await context. */
export function narrate(model, i, replay = null) {
  if (i < 0 || i >= model.count) return '';
  return `t = ${formatTime(model.t.data[i])}: ${sentence(model, i, replay)}`;
}

/** The sentence about event `i` without its time, starting with a capital: a tooltip's title. */
export function describeEvent(model, i) {
  if (i < 0 || i >= model.count) return '';
  const text = sentence(model, i, null);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
