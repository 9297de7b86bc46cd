// The caption under the timeline: the event at the playhead told in one plain sentence, with
// its time, e.g. "t = 10 ms: timer 3 fired and woke task b (waiting at line 14) through
// Waker::wake; b joins the run queue, 2 ahead". Where Rust has a word for the thing (Future::poll,
// Poll::Pending, Poll::Ready, cx.waker(), Waker::wake) the sentence uses it, in every language.
// The words are the catalogue's (i18n/*/narration.js), in the language in use when asked. Returns
// text only; the page sets it with textContent.
import { t } from './i18n/i18n.js';
import { losesItsWaker } from './lost-wakeup.js';
import { memoryLimitOf } from './runtime-defaults.js';
import { formatTime } from './timeline/time-format.js';
import { formatBytes } from './bytes.js';

// How far past a wake to look for the task_enqueue it caused: a task woken while it is being
// polled is queued when that poll ends, a few events later.
const enqueueSearch = 64;

// Ids and line numbers are names, not quantities: never written "1,234".
const id = (value) => String(value);

function who(model, id) {
  const name = model.taskName(id);
  return /^task\b/.test(name) ? name : t('narration.task', { name });
}

function ahead(depth) {
  const n = Math.max(0, depth - 1);
  return n === 0 ? t('narration.ahead.none') : t('narration.ahead', { count: n });
}

// Where task `id` is suspended at the playhead (its last pending poll's await point).
function waitingAt(model, replay, id) {
  const lane = model.tasks.get(id);
  if (!lane || !replay) return '';
  const end = replay.lastPollEnd[lane.index];
  if (end === -1) return '';
  const line = model.field(end, 'line');
  return line === undefined ? '' : t('narration.waitingAt', { line: String(line) });
}

function enqueueCausedBy(model, i) {
  const seq = model.store.seqOf(i);
  const last = Math.min(model.count - 1, i + enqueueSearch);
  for (let j = i + 1; j <= last; ++j) {
    if (model.cause.data[j] === seq && model.kindOf(j) === 'task_enqueue') return j;
  }
  return -1;
}

// Whether worker `w` is the block_on thread, which has its own name.
const isBlockOn = (model, w) => w === model.blockOnWorker && model.workers.size > 1;

/**
 * Worker `w` in words: "thread 2", or "the block_on thread" for the thread that polls only the
 * root future. Threads, not "workers", so they are never confused with tasks an example names
 * "worker 2" (lanes.js labels their lanes the same way).
 */
export function workerName(model, w) {
  return isBlockOn(model, w) ? t('narration.blockOnThread') : t('narration.thread', { n: id(w) });
}

// Worker `w` as the owner of a queue ("thread 2" of "thread 2's local queue"; in Spanish "del
// hilo 2" of "la cola local del hilo 2").
function workerOwner(model, w) {
  return isBlockOn(model, w)
    ? t('narration.blockOnThreadOwner')
    : t('narration.threadOwner', { n: id(w) });
}

// Where a task_enqueue puts its task, for a sentence: "the run queue", "thread 2's LIFO slot".
function place(model, e) {
  switch (e.queue) {
    case 'local':
      return t('narration.place.local', { owner: workerOwner(model, e.worker) });
    case 'lifo':
      return t('narration.place.lifo', { owner: workerOwner(model, e.worker) });
    case 'inject':
      return t('narration.place.inject');
    case 'global':
      return t('narration.place.global');
    case 'block_on':
      return t('narration.place.blockOn');
    case 'deferred':
      return t('narration.place.deferred');
    default:
      return t('narration.place.run');
  }
}

// Why a task_enqueue queued its task: "because it was woken".
const reasons = {
  spawn: 'narration.reason.spawn',
  wake: 'narration.reason.wake',
  yield: 'narration.reason.yield',
  abort: 'narration.reason.abort',
  steal: 'narration.reason.steal',
  overflow: 'narration.reason.overflow',
  lifo_displaced: 'narration.reason.lifoDisplaced',
  lifo_limit: 'narration.reason.lifoLimit',
};

function reason(value) {
  return Object.hasOwn(reasons, value)
    ? t(reasons[value])
    : t('narration.reason.other', { reason: String(value) });
}

// A trace value (an outcome, an I/O operation, a queue's name) in words where the catalogue has
// them, else as the trace writes it.
function word(prefix, value) {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? String(value) : text;
}

// A shared queue by the name a steal gives it: "the global queue".
function namedQueue(name) {
  return t('narration.queueNamed', { name: word('narration.queueName', name) });
}

// The first event after `i` (within enqueueSearch) that is a task_enqueue with `reason`, or -1.
function nextEnqueue(model, i, reason) {
  const last = Math.min(model.count - 1, i + enqueueSearch);
  for (let j = i + 1; j <= last; ++j) {
    if (model.kindOf(j) === 'task_enqueue' && model.field(j, 'reason') === reason) return j;
  }
  return -1;
}

function waker(model, i, e) {
  if (e.by === 'timer') return t('narration.waker.timer', { id: id(e.by_id) });
  if (e.by === 'io') return t('narration.waker.io', { id: id(e.by_id) });
  if (e.by === 'task') return e.by_id === e.task ? t('narration.waker.self') : who(model, e.by_id);
  return t('narration.waker.runtime');
}

const wakeCall = (kind) => (kind === 'waker_wake_by_ref' ? 'Waker::wake_by_ref' : 'Waker::wake');

// " at line 12", or nothing without a line.
const atLine = (line) => (line ? t('narration.atLine', { line: id(line) }) : '');
// " (line 12)", or nothing without a line.
const lineNote = (line) => (line ? t('narration.lineNote', { line: id(line) }) : '');

function sentence(model, i, replay) {
  const e = model.fieldsOf(i);
  const task = Number.isInteger(e.task) ? who(model, e.task) : '';
  switch (e.kind) {
    case 'runtime_start':
      return t('narration.runtimeStart', { clock: e.clock ?? 'virtual' });
    case 'runtime_end':
      if (e.outcome === 'memory_exhausted') {
        const bytes = memoryLimitOf(model.header);
        const limit =
          bytes === null
            ? t('narration.memoryLimit')
            : t('narration.memoryLimitOf', { size: formatBytes(bytes) });
        return t('narration.runEnd.memory', { limit, count: e.events ?? model.count });
      }
      return t('narration.runEnd', {
        outcome: word('narration.outcome', e.outcome),
        count: e.events ?? model.count,
      });
    case 'task_spawn':
      return e.parent
        ? t('narration.spawn', { parent: who(model, e.parent), task, at: atLine(e.line) })
        : t('narration.spawn.root', { task });
    case 'task_enqueue': {
      const why = reason(e.reason);
      if (e.queue === 'block_on' && model.workers.size > 1) {
        return t('narration.enqueue.blockOnThread', { task, why });
      }
      if (e.queue === 'block_on') {
        return t('narration.enqueue.blockOn', { task, why });
      }
      if (e.queue === 'deferred') {
        return t('narration.enqueue.deferred', { task });
      }
      if (e.queue === 'lifo') {
        return t('narration.enqueue.lifo', { task, place: place(model, e), why });
      }
      if (e.queue === 'pool') return t('narration.enqueue.pool', { task, why });
      if (e.queue === 'inject' || e.queue === 'global') {
        return t('narration.enqueue.shared', {
          task,
          place: place(model, e),
          why,
          ahead: ahead(e.depth),
        });
      }
      return t('narration.enqueue', { task, place: place(model, e), why, ahead: ahead(e.depth) });
    }
    case 'poll_begin': {
      const n = replay ? replay.polls[model.tasks.get(e.task)?.index] : 0;
      const nth = n ? t('narration.pollNumber', { n: id(n) }) : '';
      if (model.workers.size > 1) {
        // Where the task came from: its enqueue (or the steal that took it straight to this worker).
        const from = model.causeOf(i);
        const fromKind = from === -1 ? '' : model.kindOf(from);
        const by = workerName(model, e.worker);
        if (fromKind === 'steal') {
          const victim = model.field(from, 'victim');
          const source = Number.isInteger(victim)
            ? t('narration.stealSource', { owner: workerOwner(model, victim) })
            : namedQueue(model.field(from, 'from'));
          return t('narration.poll.stolen', { by, task, source, nth });
        }
        if (fromKind === 'task_enqueue') {
          const q = model.fieldsOf(from);
          if (q.queue === 'block_on') return t('narration.poll.blockOn', { by, task, nth });
          const source =
            q.queue === 'local' || q.queue === 'lifo'
              ? q.worker === e.worker
                ? t(q.queue === 'lifo' ? 'narration.source.ownLifo' : 'narration.source.ownLocal')
                : place(model, q)
              : place(model, q);
          return t('narration.poll.taken', { by, task, source, nth });
        }
        return t('narration.poll.by', { by, task, nth });
      }
      const left =
        e.depth === 0 ? t('narration.queueEmpty') : t('narration.stillQueued', { count: e.depth });
      return t('narration.poll', {
        task,
        nth: n ? t('narration.pollNumberInline', { n: id(n) }) : '',
        left,
      });
    }
    case 'poll_end': {
      const at = atLine(e.line);
      if (e.result === 'pending' && losesItsWaker(model, i)) {
        return t('narration.pollEnd.lost', { task, at });
      }
      if (e.result === 'pending') {
        return t('narration.pollEnd.pending', { task, at });
      }
      if (e.result === 'ready') return t('narration.pollEnd.ready', { task });
      return e.result === 'failed'
        ? t('narration.pollEnd.failed', { task })
        : t('narration.pollEnd.other', { task, result: String(e.result) });
    }
    case 'task_end': {
      const outcome = word('narration.outcome', e.outcome);
      return e.message
        ? t('narration.taskEnd.message', { task, outcome, message: String(e.message) })
        : t('narration.taskEnd', { task, outcome });
    }
    case 'waker_clone':
      if (e.by === 'task' && e.by_id === e.task) return t('narration.wakerClone.own', { task });
      return t('narration.wakerClone', { waker: waker(model, i, e), task });
    case 'waker_drop':
      if (e.by === 'task' && e.by_id === e.task) return t('narration.wakerDrop.own', { task });
      return t('narration.wakerDrop', { waker: waker(model, i, e), task });
    case 'waker_wake':
    case 'waker_wake_by_ref': {
      const said = { task, waiting: waitingAt(model, replay, e.task), call: wakeCall(e.kind) };
      const base =
        e.by === 'timer'
          ? t('narration.wake.timer', { ...said, id: id(e.by_id) })
          : e.by === 'task' && e.by_id === e.task
            ? t('narration.wake.own', said)
            : t('narration.wake', { ...said, waker: waker(model, i, e) });
      if (e.effect === 'already_scheduled') return t('narration.wake.alreadyQueued', { base });
      if (e.effect === 'ended') return t('narration.wake.ended', { base });
      const enqueue = enqueueCausedBy(model, i);
      if (enqueue === -1) return t('narration.wake.only', { base });
      const name = model.taskName(e.task);
      const later = enqueue === i + 1 ? '' : t('narration.wake.later');
      const q = model.fieldsOf(enqueue);
      if (q.queue === 'block_on') return t('narration.wake.blockOn', { base, name, later });
      if (q.queue === 'lifo')
        return t('narration.wake.lifo', { base, name, place: place(model, q), later });
      if (q.queue === 'pool') return t('narration.wake.pool', { base, name, later });
      return t('narration.wake.queued', {
        base,
        name,
        place: place(model, q),
        later,
        ahead: ahead(q.depth ?? 1),
      });
    }
    case 'timer_arm':
      return t('narration.timerArm', {
        who: task || t('narration.waker.runtime'),
        timer: id(e.timer),
        deadline: formatTime(e.deadline),
        line: lineNote(e.line),
      });
    case 'timer_fire':
      return task
        ? t('narration.timerFire.wakes', { timer: id(e.timer), task })
        : t('narration.timerFire', { timer: id(e.timer) });
    case 'timer_cancel':
      return t('narration.timerCancel', { timer: id(e.timer) });
    case 'io_register':
      return t('narration.ioRegister', {
        who: task || t('narration.aTask'),
        io: id(e.io),
        op: word('narration.op', e.op),
      });
    case 'io_ready':
      return t('narration.ioReady', {
        io: id(e.io),
        op: word('narration.op', e.op),
        bytes: e.bytes ? t('narration.bytesNote', { count: e.bytes }) : '',
        for: task ? t('narration.forTask', { task }) : '',
      });
    case 'park': {
      const until =
        e.until !== undefined ? t('narration.until', { time: formatTime(e.until) }) : '';
      if (model.workers.size > 1)
        return t('narration.park.thread', { thread: workerName(model, e.worker), until });
      return t('narration.park', { until });
    }
    case 'unpark':
      if (model.workers.size > 1)
        return t('narration.unpark.thread', { thread: workerName(model, e.worker) });
      return t('narration.unpark');
    case 'steal': {
      const thief = workerName(model, e.worker);
      if (e.from === 'local' && Number.isInteger(e.victim)) {
        return t('narration.steal', {
          thief,
          count: e.count,
          owner: workerOwner(model, e.victim),
        });
      }
      return t('narration.steal.shared', { thief, count: e.count, queue: namedQueue(e.from) });
    }
    case 'queue_overflow': {
      const next = nextEnqueue(model, i, 'overflow');
      const target = next === -1 ? t('narration.sharedQueue') : place(model, model.fieldsOf(next));
      return t('narration.overflow', {
        owner: workerOwner(model, e.worker),
        count: e.count,
        target,
      });
    }
    case 'search_begin':
      return t('narration.searchBegin', { thread: workerName(model, e.worker) });
    case 'search_end':
      return t('narration.searchEnd', { thread: workerName(model, e.worker) });
    case 'batch_begin':
      return t('narration.batchBegin', { count: e.count });
    case 'batch_end':
      return t('narration.batchEnd');
    case 'pend':
      return t('narration.pend', { task });
    case 'spawn_failed':
      return t('narration.spawnFailed', {
        parent: Number.isInteger(e.parent) ? who(model, e.parent) : t('narration.waker.runtime'),
        what: typeof e.name === 'string' ? e.name : t('narration.aTask'),
        at: atLine(e.line),
        count: e.pool,
      });
    case 'select_drop':
      return t('narration.selectDrop', { task, branch: id(e.branch), line: lineNote(e.line) });
    case 'coop_exhausted':
      return t('narration.coopExhausted', { task, budget: e.budget });
    case 'deadlock': {
      const stuck = Array.isArray(e.stuck) ? e.stuck : [];
      const names = stuck
        .slice(0, 3)
        .map((s) => model.taskName(s.task))
        .join(', ');
      return t('narration.deadlock', {
        count: stuck.length,
        names: names ? ` (${names}${stuck.length > 3 ? ', …' : ''})` : '',
      });
    }
    case 'budget_exhausted':
      return t('narration.budgetExhausted', { count: e.budget });
    default:
      return task
        ? t('narration.other.task', { kind: String(e.kind), task })
        : t('narration.other', { kind: String(e.kind) });
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
