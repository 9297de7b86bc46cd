// The selected task's waker history: every clone, wake and drop of its wakers in trace order, who
// did it (a task, a timer, an I/O resource or the runtime) and how many of its wakers were alive
// after it. A task whose count falls to 0 while it waits can never be woken again, which is the
// story of a lost wakeup; the list makes that count visible step by step.
import { formatTime } from '../timeline/time-format.js';
import { scrollWithin } from './scroll-within.js';

/** Waker kinds and how each changes the count of live wakers (a consuming wake uses one up). */
export const wakerKinds = new Map([
  ['waker_clone', { label: 'clone', delta: 1 }],
  ['waker_wake', { label: 'wake', delta: -1 }],
  ['waker_wake_by_ref', { label: 'wake by ref', delta: 0 }],
  ['waker_drop', { label: 'drop', delta: -1 }],
]);

/** Rows shown at most; a longer history shows a window around the selected event. */
export const maxHistoryRows = 200;

/**
 * The waker events of task `id` in `model`, in order: [{ event, kind, t, by, live }], where `by`
 * reads "task 3", "timer 1", "io 2" or "outside" and `live` counts its wakers after the event.
 */
export function wakerHistory(model, id) {
  const lane = model.tasks.get(id);
  if (!lane) return [];
  const rows = [];
  let live = 0;
  // Waker events of a task are among its lane's marks (everything but its polls), in event order.
  const marks = lane.marks;
  for (let m = 0; m < marks.length; ++m) {
    const event = marks.data[m];
    const kind = model.kindOf(event);
    const info = wakerKinds.get(kind);
    if (!info) continue;
    live += info.delta;
    const source = model.field(event, 'by');
    const sourceId = model.field(event, 'by_id');
    const by =
      typeof source !== 'string'
        ? 'unknown'
        : source === 'outside' || sourceId === undefined
          ? source
          : `${source} ${sourceId}`;
    rows.push({
      event,
      kind,
      t: model.t.data[event],
      by,
      live,
      effect: model.field(event, 'effect'),
    });
  }
  return rows;
}

/** The waker history panel in `container`; clicking a row calls `onPick(eventIndex)`. */
export class WakerHistoryView {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.clear();
  }

  /** Shows the hint for when no task is selected. */
  clear(text = 'Select a task to see its wakers: every clone, wake and drop.') {
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
    title.textContent =
      rows.length === 0
        ? `${model.taskName(id)} (task ${id}): no waker was cloned, woken or dropped.`
        : `${model.taskName(id)} (task ${id}): ${rows.length.toLocaleString('en')} waker events.`;
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
      if (from > 0) parts.push(this.#note(`${from.toLocaleString('en')} earlier not shown`));
      const list = document.createElement('ol');
      list.className = 'waker-history-list';
      for (let r = from; r < to; ++r) list.append(this.#row(model, rows[r], selected));
      parts.push(list);
      if (to < rows.length)
        parts.push(this.#note(`${(rows.length - to).toLocaleString('en')} later not shown`));
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
    if (row.live <= 0) button.classList.add('is-none-alive');
    const cell = (name, text) => {
      const span = document.createElement('span');
      span.className = `waker-event-${name}`;
      span.textContent = text;
      return span;
    };
    const what = wakerKinds.get(row.kind).label;
    const effect =
      typeof row.effect === 'string' && row.effect !== 'scheduled'
        ? ` (${row.effect.replaceAll('_', ' ')})`
        : '';
    button.append(
      cell('time', formatTime(row.t)),
      cell('kind', what + effect),
      cell('by', `by ${row.by}`),
      cell('live', `${row.live} alive`),
    );
    button.title = `#${model.store.seqOf(row.event)}: ${row.kind}; select it and move the playhead there`;
    button.addEventListener('click', () => this.onPick(row.event));
    item.append(button);
    return item;
  }
}
