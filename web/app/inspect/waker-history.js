// The selected task's waker history: every clone, wake and drop of its wakers in trace order, who
// did it (a task, a timer, an I/O resource or the runtime) and how many of its wakers were alive
// after it. 0 alive is normal after a wake (the wake used the waker up and queued the task); it is
// a problem only while the task waits: pending, with no waker alive, nothing can wake it again.
// Those rows are marked, and so is the pending return that left a task so (a lost wakeup).
import { t } from '../i18n/i18n.js';
import { formatTime } from '../timeline/time-format.js';
import { scrollWithin } from './scroll-within.js';

/** Waker kinds and how each changes the count of live wakers (a consuming wake uses one up). */
export const wakerKinds = new Map([
  ['waker_clone', { label: 'clone', delta: 1 }],
  ['waker_wake', { label: 'Waker::wake', delta: -1 }],
  ['waker_wake_by_ref', { label: 'Waker::wake_by_ref', delta: 0 }],
  ['waker_drop', { label: 'drop', delta: -1 }],
]);

/** Rows shown at most; a longer history shows a window around the selected event. */
export const maxHistoryRows = 200;

/**
 * The waker events of task `id` in `model`, in order: [{ event, kind, t, by, live, effect,
 * stuck }], where `by` reads "task 3", "timer 1", "io 2" or "outside", `live` counts its wakers
 * after the event, and `stuck` says the task was left waiting with none (nothing can wake it).
 * A pending poll_end that leaves the task so is a row too (kind 'poll_end'). What happens after a
 * deadlock is the runtime's shutdown, never stuck.
 */
export function wakerHistory(model, id) {
  const lane = model.tasks.get(id);
  if (!lane) return [];
  const rows = [];
  const end = model.deadlocks.length > 0 ? model.deadlocks[0] : model.count;
  let live = 0;
  let waiting = false;
  let wokenInPoll = false;
  // A row after which the task waits with no waker: stuck, unless its next event ends it.
  let candidate = null;
  const settle = (event, kind) => {
    if (!candidate) return;
    const ends = kind === 'task_end' || model.field(event, 'reason') === 'abort';
    candidate.stuck = event >= end || !ends;
    candidate = null;
  };
  const row = (event, kind) => {
    const source = model.field(event, 'by');
    const sourceId = model.field(event, 'by_id');
    const by =
      typeof source !== 'string'
        ? 'unknown'
        : source === 'outside' || sourceId === undefined
          ? source
          : `${source} ${sourceId}`;
    const entry = {
      event,
      kind,
      t: model.t.data[event],
      by: kind === 'poll_end' ? 'itself' : by,
      live,
      effect: model.field(event, 'effect'),
      stuck: false,
    };
    rows.push(entry);
    return entry;
  };
  // The task's events in order: its marks (everything but polls) merged with its polls' ends.
  const marks = lane.marks;
  const polls = lane.polls;
  const { begin: begins, end: ends } = model.polls;
  let m = 0;
  let p = 0;
  let inPoll = false;
  for (;;) {
    const pollEvent =
      p >= polls.length ? Infinity : inPoll ? ends.data[polls.data[p]] : begins.data[polls.data[p]];
    const markEvent = m < marks.length ? marks.data[m] : Infinity;
    const event = Math.min(pollEvent === -1 ? Infinity : pollEvent, markEvent);
    if (event === Infinity) break;
    const kind = model.kindOf(event);
    if (event === pollEvent) {
      if (inPoll) ++p;
      inPoll = !inPoll;
    } else {
      ++m;
    }
    settle(event, kind);
    if (kind === 'poll_begin') {
      waiting = false;
      wokenInPoll = false;
      continue;
    }
    if (kind === 'poll_end') {
      waiting = model.field(event, 'result') === 'pending';
      if (waiting && live <= 0 && !wokenInPoll && event < end) candidate = row(event, kind);
      continue;
    }
    if (kind === 'task_enqueue' || kind === 'task_end') waiting = false;
    const info = wakerKinds.get(kind);
    if (!info) continue;
    live += info.delta;
    // A wake that schedules the task: it is queued (now, or when its poll returns), not waiting.
    if (kind !== 'waker_clone' && model.field(event, 'effect') === 'scheduled') {
      wokenInPoll = true;
      waiting = false;
    }
    const entry = row(event, kind);
    if (waiting && live <= 0 && event < end) candidate = entry;
  }
  if (candidate) candidate.stuck = true;
  return rows;
}

/** What a wake did besides scheduling the task ("already_scheduled"), in words. */
function effectWords(effect) {
  const key = `page.waker.effect.${effect}`;
  const words = t(key);
  return words === key ? effect.replaceAll('_', ' ') : words;
}

/** Who did it, from a row's `by` ("task 3", "timer 1", "io 2", "outside", "unknown"), in words. */
function byWords(by) {
  const numbered = /^(task|timer|io) (\d+)$/.exec(by);
  if (numbered) return t(`page.waker.by.${numbered[1]}`, { id: numbered[2] });
  if (by === 'outside' || by === 'unknown') return t(`page.waker.by.${by}`);
  return t('page.waker.by.other', { who: by });
}

/** The waker history panel in `container`; clicking a row calls `onPick(eventIndex)`. */
export class WakerHistoryView {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.clear();
  }

  /** Shows the hint for when no task is selected. */
  clear(text = t('page.waker.hint')) {
    this.task = 0;
    this.container.dataset.task = '';
    const hint = document.createElement('p');
    hint.className = 'waker-history-none';
    hint.textContent = text;
    this.container.replaceChildren(hint);
  }

  /** Shows the history of task `id` in `model`, marking event `selected` (an index, or -1). */
  show(model, id, selected = -1) {
    if (!model || !id || !model.tasks.has(id)) {
      this.clear();
      return;
    }
    this.task = id;
    this.container.dataset.task = String(id);
    const rows = wakerHistory(model, id);
    const title = document.createElement('p');
    title.className = 'waker-history-title';
    const wakerEvents = rows.filter((row) => row.kind !== 'poll_end').length;
    const stuck = rows.some((row) => row.stuck);
    title.textContent = t(stuck ? 'page.waker.titleStuck' : 'page.waker.title', {
      task: model.taskName(id),
      id: String(id),
      what:
        wakerEvents === 0 ? t('page.waker.none') : t('page.waker.events', { count: wakerEvents }),
    });
    const parts = [title];
    if (rows.length > 0) {
      let from = 0;
      let to = rows.length;
      if (rows.length > maxHistoryRows) {
        const at = Math.max(
          0,
          rows.findIndex((row) => row.event >= selected),
        );
        from = Math.min(Math.max(0, at - (maxHistoryRows >> 1)), rows.length - maxHistoryRows);
        to = from + maxHistoryRows;
      }
      if (from > 0) parts.push(this.#note(t('page.waker.earlier', { count: from })));
      const list = document.createElement('ol');
      list.className = 'waker-history-list';
      for (let r = from; r < to; ++r) list.append(this.#row(model, rows[r], selected));
      parts.push(list);
      if (to < rows.length)
        parts.push(this.#note(t('page.waker.later', { count: rows.length - to })));
    }
    this.container.replaceChildren(...parts);
    const chosen = this.container.querySelector('.waker-event.is-selected');
    if (chosen) scrollWithin(this.container, chosen);
  }

  #note(text) {
    const note = document.createElement('p');
    note.className = 'waker-history-more';
    note.textContent = text;
    return note;
  }

  #row(model, row, selected) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'waker-event';
    button.dataset.event = String(row.event);
    button.dataset.kind = row.kind;
    button.dataset.live = String(row.live);
    if (row.event === selected) button.classList.add('is-selected');
    // Red only where it is a problem: waiting with no waker alive. 0 after a wake is normal.
    if (row.stuck) button.classList.add('is-stuck');
    const cell = (name, text) => {
      const span = document.createElement('span');
      span.className = `waker-event-${name}`;
      span.textContent = text;
      return span;
    };
    const what = row.kind === 'poll_end' ? 'Poll::Pending' : wakerKinds.get(row.kind).label;
    const effect =
      row.kind !== 'poll_end' && typeof row.effect === 'string' && row.effect !== 'scheduled'
        ? ` (${effectWords(row.effect)})`
        : '';
    button.append(
      cell('time', formatTime(row.t)),
      cell('kind', what + effect),
      cell('by', row.kind === 'poll_end' ? t('page.waker.kept') : byWords(row.by)),
      cell('live', t('page.waker.alive', { count: row.live })),
    );
    const why = row.stuck
      ? t('page.waker.why.stuck')
      : row.live <= 0
        ? t('page.waker.why.none')
        : t('page.waker.why.alive', { count: row.live });
    button.title = t('page.waker.eventTitle', { seq: String(model.store.seqOf(row.event)), why });
    button.addEventListener('click', () => this.onPick(row.event));
    item.append(button);
    return item;
  }
}
