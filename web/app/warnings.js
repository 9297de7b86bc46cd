// Lints over a whole trace, each pointing at the event that proves it: a deadlock and its stuck
// tasks, a future that returned Pending with no waker of its task left alive (nothing can ever
// wake it: a lost wakeup), a poll that holds the executor while others wait, a busy loop (a task
// that wakes itself from polls that do no work), a spawn refused because its static pool was
// full (embassy), and a run stopped by its memory limit (a leak: tasks spawned and never ended).
// findWarnings is plain data (tested under node); WarningsView shows them as buttons.
import { formatBytes } from './bytes.js';
import { formatNumber, t } from './i18n/i18n.js';
import { panicLocation } from './program/spans.js';
import { memoryLimitOf } from './runtime-defaults.js';
import { formatTime } from './timeline/time-format.js';

// " at line 12", or nothing without a line. Lines are names, not quantities: never "1,234".
const atLine = (line) => (line ? t('warnings.atLine', { line: String(line) }) : '');

/** A poll holding the executor at least this long (virtual or real ns) is reported. */
export const longPollNs = 1e6;
/** ... or one that records at least this many events while other tasks wait in the queue. */
export const longPollEvents = 256;

/**
 * The time a poll takes doing nothing in `model`'s run: the strategy's poll cost on a virtual
 * clock (0 when it has none), or null on a real clock, where no poll takes no time.
 */
function idlePollNs(model) {
  const header = model.header ?? {};
  if (header.clock === 'real') return null;
  const cost = Number(header.strategy_params?.poll_cost_ns ?? 0);
  return Number.isFinite(cost) ? cost : 0;
}

/**
 * The warnings of `model`, in trace order: [{ kind, event, task, text }]. `event` is the index of
 * the event that proves it; a task that does the same thing many times is reported once, with
 * its first occurrence and the count.
 */
export function findWarnings(model) {
  const warnings = [];
  const n = model.taskLanes.length;
  const wakers = new Int32Array(n);
  // Whether the task's current poll scheduled it again (a wake during the poll): then the
  // pending return is fine whatever its wakers, it is queued when the poll returns.
  const wokenInPoll = new Uint8Array(n);
  const pollBegin = new Int32Array(n).fill(-1);
  // The task's own wakes during its current poll (how many, the first), and whether its coop
  // budget ran out in it: they are counted as a busy loop when the poll ends, if it did no work.
  const ownWakes = new Int32Array(n);
  const firstOwnWake = new Int32Array(n).fill(-1);
  const coopSpent = new Uint8Array(n);
  const idleNs = idlePollNs(model);
  const selfWakes = new Map();
  const lost = new Map();
  const long = new Map();
  // Timers armed (id -> { deadline, line, task }) and those that fired after their deadline: what
  // a long poll did to the others is told by how late their timers fired.
  const armed = new Map();
  const lateFires = [];
  const longPolls = [];
  let cancelled = 0;
  const codes = {};
  model.kindNames.forEach((name, code) => (codes[name] = code));
  const name = (id) => model.taskName(id);
  // A poll (from event `begin` to `end`) that woke its own task is a turn of a busy loop when it
  // did no work: it took no time beyond the strategy's cost of a poll (on a real clock, where
  // that cannot be told, every one counts). Not when the task's coop budget ran out in it: then
  // the runtime (tokio's coop) woke it to make it yield, as it should. A poll that computed and
  // then woke itself to let the others run (lifo-slot's background tasks) is a yield, as
  // yield_now() is, and is not reported either.
  const isBusyLoop = (begin, end, coop) => {
    if (coop) return false;
    if (idleNs === null || begin < 0) return true;
    return model.t.data[end] - model.t.data[begin] <= idleNs;
  };

  for (let i = 0; i < model.count; ++i) {
    const code = model.kind.data[i];
    const id = model.task.data[i];
    const lane = model.tasks.get(id);
    const index = lane ? lane.index : -1;
    switch (code) {
      case codes.timer_arm:
        armed.set(model.field(i, 'timer'), {
          deadline: model.field(i, 'deadline'),
          line: model.field(i, 'line'),
          task: id,
        });
        break;
      case codes.timer_fire: {
        const timer = armed.get(model.field(i, 'timer'));
        const t = model.t.data[i];
        if (timer && Number.isFinite(timer.deadline) && t > timer.deadline)
          lateFires.push({ ...timer, fired: t });
        break;
      }
      case codes.waker_clone:
        if (index >= 0) ++wakers[index];
        break;
      case codes.waker_drop:
        if (index >= 0) --wakers[index];
        break;
      case codes.waker_wake:
      case codes.waker_wake_by_ref: {
        if (index < 0) break;
        if (code === codes.waker_wake) --wakers[index];
        if (model.field(i, 'effect') === 'scheduled') wokenInPoll[index] = 1;
        if (model.field(i, 'by') === 'task' && model.field(i, 'by_id') === id) {
          if (ownWakes[index]++ === 0) firstOwnWake[index] = i;
        }
        break;
      }
      case codes.coop_exhausted:
        if (index >= 0) coopSpent[index] = 1;
        break;
      case codes.poll_begin:
        if (index < 0) break;
        wokenInPoll[index] = 0;
        ownWakes[index] = 0;
        coopSpent[index] = 0;
        pollBegin[index] = i;
        break;
      case codes.poll_end: {
        if (index < 0) break;
        if (ownWakes[index] > 0 && isBusyLoop(pollBegin[index], i, coopSpent[index])) {
          const entry = selfWakes.get(id);
          if (entry) entry.count += ownWakes[index];
          else selfWakes.set(id, { event: firstOwnWake[index], count: ownWakes[index] });
        }
        ownWakes[index] = 0;
        if (
          model.field(i, 'result') === 'pending' &&
          wakers[index] <= 0 &&
          !wokenInPoll[index] &&
          !lost.has(id)
        ) {
          lost.set(id, i);
          const line = model.field(i, 'line');
          warnings.push({
            kind: 'lost-waker',
            event: i,
            task: id,
            text: t('warnings.lostWaker', { task: name(id), at: atLine(line) }),
          });
        }
        const begin = pollBegin[index];
        if (begin !== -1 && !long.has(id)) {
          const held = model.t.data[i] - model.t.data[begin];
          const waiting = model.field(begin, 'depth') ?? 0;
          if (held >= longPollNs || (i - begin >= longPollEvents && waiting > 0)) {
            long.set(id, i);
            const what =
              held >= longPollNs
                ? `${formatNumber(+(held / 1e6).toFixed(1), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })} ms`
                : t('warnings.events', { count: i - begin });
            const where = lane?.marks.length ? model.field(lane.marks.data[0], 'line') : undefined;
            // The sentence's parts, kept to add what the poll did to the others (below).
            const said = {
              task: name(id),
              holder: t(
                model.workers.size > 1 ? 'warnings.holder.thread' : 'warnings.holder.executor',
              ),
              what,
              where: where === undefined ? '' : t('warnings.spawnedAt', { line: String(where) }),
              waiting: waiting ? t('warnings.othersWaited', { count: waiting }) : '',
            };
            const warning = {
              kind: 'long-poll',
              event: begin,
              task: id,
              lines: where === undefined ? [] : [where],
              text: t('warnings.longPoll', said),
            };
            warnings.push(warning);
            longPolls.push({ warning, said, from: model.t.data[begin], to: model.t.data[i] });
          }
        }
        break;
      }
      case codes.spawn_failed: {
        // A spawn refused by a full static pool (embassy): the task the program asked for never exists.
        const parent = model.field(i, 'parent');
        const spawned = model.field(i, 'name');
        const pool = model.field(i, 'pool');
        const line = model.field(i, 'line');
        warnings.push({
          kind: 'spawn-failed',
          event: i,
          task: Number.isInteger(parent) ? parent : 0,
          text: t('warnings.spawnFailed', {
            parent: Number.isInteger(parent) ? name(parent) : t('warnings.runtime'),
            what: typeof spawned === 'string' ? spawned : t('warnings.aTask'),
            at: atLine(line),
            count: pool,
          }),
        });
        break;
      }
      case codes.task_end: {
        const outcome = model.field(i, 'outcome');
        if (outcome === 'cancelled') ++cancelled;
        if (outcome !== 'failed') break;
        // A panic: the message ends with rustc's `file:line:col` where the language knows it.
        const message = String(model.field(i, 'message') ?? '');
        const at = panicLocation(message);
        warnings.push({
          kind: 'panic',
          event: i,
          task: id,
          lines: at ? [at.line] : [],
          text: t('warnings.panic', {
            task: name(id),
            at: atLine(at?.line),
            message: message || t('warnings.noMessage'),
          }),
        });
        break;
      }
      case codes.runtime_end: {
        if (model.field(i, 'outcome') !== 'memory_exhausted') break;
        const bytes = memoryLimitOf(model.header);
        const limit = bytes === null ? t('warnings.memoryLimit') : formatBytes(bytes);
        warnings.push({
          kind: 'memory-exhausted',
          event: i,
          task: 0,
          text: t('warnings.memoryExhausted', { limit, count: cancelled }),
        });
        break;
      }
      case codes.deadlock: {
        const stuck = model.field(i, 'stuck');
        const list = Array.isArray(stuck) ? stuck : [];
        const parts = list.map((s) =>
          t('warnings.stuckTask', { task: name(s.task), at: atLine(s.line), count: s.wakers }),
        );
        warnings.push({
          kind: 'deadlock',
          event: i,
          task: list[0]?.task ?? 0,
          stuck: list,
          text: t('warnings.deadlock', { count: list.length, stuck: parts.join('; ') }),
        });
        break;
      }
      default:
        break;
    }
  }
  // What each long poll did to the others: the timer that fired the latest because its deadline
  // fell inside that poll.
  for (const { warning, said, from, to } of longPolls) {
    let worst = null;
    for (const fire of lateFires) {
      if (fire.deadline < from || fire.deadline >= to || fire.task === warning.task) continue;
      if (!worst || fire.fired - fire.deadline > worst.fired - worst.deadline) worst = fire;
    }
    if (!worst) continue;
    const line =
      worst.line === undefined ? '' : t('warnings.lineNote', { line: String(worst.line) });
    if (worst.line !== undefined) warning.lines.push(worst.line);
    warning.text = t('warnings.longPoll.late', {
      ...said,
      other: name(worst.task),
      late: formatTime(worst.fired - worst.deadline),
      due: formatTime(worst.deadline),
      line,
      fired: formatTime(worst.fired),
    });
  }
  for (const [id, { event, count }] of selfWakes) {
    warnings.push({
      kind: 'self-wake',
      event,
      task: id,
      text: t('warnings.selfWake', { task: name(id), count }),
    });
  }
  return warnings.sort((a, b) => a.event - b.event);
}

/** The warnings list: one button per warning that selects its event. */
export class WarningsView {
  /** @param {(event: number) => void} onPick called with the proving event's index */
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
  }

  /** Shows `warnings` (from findWarnings); `limit` keeps a long list short. */
  show(warnings, limit = 50) {
    if (warnings.length === 0) {
      const none = document.createElement('p');
      none.className = 'warnings-none';
      none.textContent = t('warnings.none');
      this.container.replaceChildren(none);
      return;
    }
    const items = warnings.slice(0, limit).map((warning) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `warning warning-${warning.kind}`;
      button.dataset.kind = warning.kind;
      button.dataset.event = String(warning.event);
      if (warning.lines?.length) button.dataset.lines = warning.lines.join(',');
      button.textContent = warning.text;
      button.title = t('warnings.select');
      button.addEventListener('click', () => this.onPick(warning.event));
      item.append(button);
      return item;
    });
    const list = document.createElement('ul');
    list.className = 'warnings-list';
    list.append(...items);
    const nodes = [list];
    if (warnings.length > limit) {
      const more = document.createElement('p');
      more.className = 'warnings-none';
      more.textContent = t('warnings.more', { count: warnings.length - limit });
      nodes.push(more);
    }
    this.container.replaceChildren(...nodes);
  }

  /** Empties the list while a run goes on. */
  clear(text = '') {
    const p = document.createElement('p');
    p.className = 'warnings-none';
    p.textContent = text;
    this.container.replaceChildren(p);
  }
}
