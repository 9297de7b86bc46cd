// The task table, in the spirit of tokio-console: per task at the playhead its state, polls,
// wakes, and the virtual time it spent running (busy), queued (scheduled) and waiting (idle).
// With many tasks it shows the first `maxRows` in spawn order, with the playhead's task and the
// selected one pinned on top.
import { taskStateNames } from './playback/replay.js';
import { formatTime } from './timeline/time-format.js';

/** Rows shown at most. */
export const maxRows = 100;

const columns = [
  ['task', 'task'], ['state', 'state'], ['polls', 'polls'], ['wakes', 'wakes'],
  ['busy', 'busy'], ['scheduled', 'queued'], ['idle', 'idle'],
];

/** The table in `container`; clicking a row calls `onPick(taskId)`. */
export class TaskTable {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.table = document.createElement('table');
    this.table.className = 'task-table';
    const head = document.createElement('thead');
    const row = document.createElement('tr');
    for (const [key, label] of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.col = key;
      th.textContent = label;
      row.append(th);
    }
    head.append(row);
    this.body = document.createElement('tbody');
    this.table.append(head, this.body);
    this.note = document.createElement('p');
    this.note.className = 'task-table-note';
    container.replaceChildren(this.table, this.note);
    this.rows = [];
  }

  #row() {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    for (const [key] of columns) {
      const td = document.createElement('td');
      td.dataset.col = key;
      tr.append(td);
    }
    const pick = () => this.onPick(Number(tr.dataset.task));
    tr.addEventListener('click', pick);
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') pick();
    });
    return tr;
  }

  /** Shows the tasks of `model` as `replay` has them; `current` and `selected` are task ids. */
  update(model, replay, current = 0, selected = 0) {
    const lanes = model.taskLanes;
    const order = [];
    const pinned = new Set();
    for (const id of [current, selected]) {
      const lane = id ? model.tasks.get(id) : null;
      if (lane && !pinned.has(id)) {
        pinned.add(id);
        order.push(lane);
      }
    }
    for (const lane of lanes) {
      if (order.length >= maxRows) break;
      if (!pinned.has(lane.id)) order.push(lane);
    }
    while (this.rows.length < order.length) this.rows.push(this.#row());
    order.forEach((lane, n) => {
      const tr = this.rows[n];
      const index = lane.index;
      const state = index < replay.state.length ? replay.state[index] : 0;
      const times = index < replay.state.length ? replay.times(index) : { busy: 0, scheduled: 0, idle: 0 };
      const values = [lane.name, taskStateNames[state], String(replay.polls[index] ?? 0),
                      String(replay.wakes[index] ?? 0), formatTime(times.busy),
                      formatTime(times.scheduled), formatTime(times.idle)];
      tr.dataset.task = String(lane.id);
      tr.dataset.state = taskStateNames[state];
      tr.classList.toggle('is-current', lane.id === current);
      tr.classList.toggle('is-selected', lane.id === selected);
      const cells = tr.children;
      for (let c = 0; c < values.length; ++c) {
        if (cells[c].textContent !== values[c]) cells[c].textContent = values[c];
      }
    });
    const wanted = this.rows.slice(0, order.length);
    if (this.body.children.length !== wanted.length || wanted.some((tr, n) => this.body.children[n] !== tr)) {
      this.body.replaceChildren(...wanted);
    }
    this.note.textContent = lanes.length > order.length
      ? `Showing ${order.length} of ${lanes.length.toLocaleString('en')} tasks.`
      : '';
  }
}
