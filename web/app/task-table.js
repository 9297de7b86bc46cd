// The task table, in the spirit of tokio-console: per task at the playhead its state, polls,
// wakes, and the virtual time it spent running (busy), queued (scheduled) and waiting (idle).
// Every task has a row, in spawn order, in a scroller of its own; only the rows on screen (and a
// few around them) exist in the document, so 10,000 tasks cost as much as 30. The playhead's task
// is pinned above the rows while its own row is out of view; a newly selected task's row is
// scrolled into view inside the table.
import { requestFrame } from './frame-scheduler.js';
import { t } from './i18n/i18n.js';
import { taskStateNames } from './playback/replay.js';
import { formatTime } from './timeline/time-format.js';

/** Rows kept beyond each edge of the scroller, so a fast wheel does not show blank space. */
export const overscanRows = 8;

/** Row height in CSS pixels until one is measured (inspect.css sets rows to this height). */
const defaultRowHeight = 21;

// The columns, by key (the headers' words are page.tasks.column.<key>).
const columns = ['task', 'state', 'polls', 'wakes', 'busy', 'scheduled', 'idle'];

// A state's words, by taskStateNames' name (data-state keeps the name).
const stateKeys = {
  'not spawned': 'page.tasks.state.notSpawned',
  idle: 'page.tasks.state.idle',
  scheduled: 'page.tasks.state.scheduled',
  running: 'page.tasks.state.running',
  done: 'page.tasks.state.done',
};

function makeTable(className, head) {
  const table = document.createElement('table');
  table.className = className;
  const colgroup = document.createElement('colgroup');
  for (const key of columns) {
    const col = document.createElement('col');
    col.className = `task-col-${key}`;
    colgroup.append(col);
  }
  table.append(colgroup);
  if (head) {
    const thead = document.createElement('thead');
    const row = document.createElement('tr');
    for (const key of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.col = key;
      th.textContent = t(`page.tasks.column.${key}`);
      row.append(th);
    }
    thead.append(row);
    table.append(thead);
  }
  return table;
}

/** The table in `container`; clicking a row calls `onPick(taskId)`. */
export class TaskTable {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    /** Each state's words, by its index in taskStateNames (made once: rows are filled often). */
    this.stateWords = taskStateNames.map((name) => t(stateKeys[name]));
    // Header and pinned row stay put; the body scrolls. Both tables share column widths
    // (table-layout: fixed and the same <colgroup>), so the columns line up.
    this.head = makeTable('task-table-head', true);
    this.pinnedBody = document.createElement('tbody');
    this.pinnedBody.className = 'task-table-pinned';
    this.head.append(this.pinnedBody);
    this.pinnedRow = this.#row();
    this.scroller = document.createElement('div');
    this.scroller.className = 'task-table-scroller';
    this.scroller.tabIndex = -1;
    this.sizer = document.createElement('div');
    this.sizer.className = 'task-table-sizer';
    this.table = makeTable('task-table', false);
    this.body = document.createElement('tbody');
    this.table.append(this.body);
    this.sizer.append(this.table);
    this.scroller.append(this.sizer);
    this.note = document.createElement('p');
    this.note.className = 'task-table-note';
    container.replaceChildren(this.head, this.scroller, this.note);
    this.rows = [];
    this.rowHeight = defaultRowHeight;
    this.last = null;
    this.lastSelected = 0;
    this.frame = 0;
    this.scroller.addEventListener(
      'scroll',
      () => {
        if (this.frame) return;
        this.frame = requestFrame(() => {
          this.frame = 0;
          this.#render();
        });
      },
      { passive: true },
    );
    new ResizeObserver(() => this.#render()).observe(this.scroller);
  }

  #row() {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    for (const key of columns) {
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

  #fill(tr, lane, replay) {
    const index = lane.index;
    const known = index < replay.state.length;
    const state = known ? replay.state[index] : 0;
    const times = known ? replay.times(index) : { busy: 0, scheduled: 0, idle: 0 };
    const values = [
      lane.name,
      this.stateWords[state],
      String(replay.polls[index] ?? 0),
      String(replay.wakes[index] ?? 0),
      formatTime(times.busy),
      formatTime(times.scheduled),
      formatTime(times.idle),
    ];
    tr.dataset.task = String(lane.id);
    tr.dataset.state = taskStateNames[state];
    const cells = tr.children;
    for (let c = 0; c < values.length; ++c) {
      if (cells[c].textContent !== values[c]) cells[c].textContent = values[c];
    }
    cells[0].title = lane.name;
  }

  /** Shows the tasks of `model` as `replay` has them; `current` and `selected` are task ids. */
  update(model, replay, current = 0, selected = 0) {
    this.last = { model, replay, current, selected };
    const lanes = model.taskLanes;
    this.sizer.style.height = `${lanes.length * this.rowHeight}px`;
    if (selected !== this.lastSelected) {
      this.lastSelected = selected;
      const lane = selected ? model.tasks.get(selected) : null;
      if (lane) this.#reveal(lane.index);
    }
    this.#render();
    this.note.textContent =
      lanes.length > this.body.children.length ? t('page.tasks.more', { count: lanes.length }) : '';
  }

  /** Scrolls the table's own scroller (never the page) so that row `index` is in view. */
  #reveal(index) {
    const room = this.scroller.clientHeight;
    const top = index * this.rowHeight;
    const current = this.scroller.scrollTop;
    if (top >= current && top + this.rowHeight <= current + room) return;
    // The row may not exist yet: place it a third of the way down, then draw what is there.
    this.scroller.scrollTop = Math.max(0, top - room / 3);
  }

  #render() {
    if (!this.last) return;
    const { model, replay, current, selected } = this.last;
    const lanes = model.taskLanes;
    const h = this.rowHeight;
    const top = this.scroller.scrollTop;
    const room = this.scroller.clientHeight || h * 20;
    const first = Math.max(0, Math.floor(top / h) - overscanRows);
    const end = Math.min(lanes.length, Math.ceil((top + room) / h) + overscanRows);
    while (this.rows.length < end - first) this.rows.push(this.#row());
    for (let n = 0; n < end - first; ++n) {
      const lane = lanes[first + n];
      const tr = this.rows[n];
      this.#fill(tr, lane, replay);
      tr.classList.toggle('is-current', lane.id === current);
      tr.classList.toggle('is-selected', lane.id === selected);
    }
    // Rows are positioned through the CSSOM (the page's CSP allows no style attributes).
    this.table.style.transform = `translateY(${first * h}px)`;
    const wanted = this.rows.slice(0, Math.max(0, end - first));
    const children = this.body.children;
    if (children.length !== wanted.length || wanted.some((tr, n) => children[n] !== tr)) {
      this.body.replaceChildren(...wanted);
    }
    if (wanted.length > 1) {
      // The pitch of the rows as laid out (borders and rounding included), from first to last.
      const pitch =
        (wanted.at(-1).getBoundingClientRect().bottom - wanted[0].getBoundingClientRect().top) /
        wanted.length;
      if (pitch > 0 && Math.abs(pitch - h) > 0.01) {
        this.rowHeight = pitch;
        this.sizer.style.height = `${lanes.length * pitch}px`;
        this.table.style.transform = `translateY(${first * pitch}px)`;
      }
    }
    // The playhead's task is pinned under the header only while its own row is out of view:
    // a task listed twice reads as two tasks.
    const pinned = current ? model.tasks.get(current) : null;
    const rowTop = pinned ? pinned.index * this.rowHeight : 0;
    const inView = pinned && rowTop >= top - 1 && rowTop + this.rowHeight <= top + room + 1;
    if (pinned && !inView) {
      this.#fill(this.pinnedRow, pinned, replay);
      this.pinnedRow.classList.add('is-current');
      if (this.pinnedRow.parentNode !== this.pinnedBody)
        this.pinnedBody.replaceChildren(this.pinnedRow);
    } else if (this.pinnedBody.firstChild) {
      this.pinnedBody.replaceChildren();
    }
  }
}
