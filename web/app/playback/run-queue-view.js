// The run queue at the playhead, as a row of task chips, oldest (next to run) first, with the
// task being polled beside it. With several queues (multi-worker strategies) there is one row per
// queue: the shared one (inject or global) first, then each worker's own queue, its LIFO slot's
// task first (it runs next on that worker). Chips that enter slide in and chips that leave fade
// out, unless the reader prefers reduced motion (then they simply appear and disappear).

import { t } from '../i18n/i18n.js';

/** At most this many chips per row; a longer queue ends with "+N more". */
export const maxChips = 24;

// How long a leaving chip stays (web/styles/inspect.css animates it for as long).
const leaveMs = 220;

// The shared queues' names, by key; another is "{name} queue".
const sharedNames = {
  run: 'page.queue.run',
  inject: 'page.queue.inject',
  global: 'page.queue.global',
  pool: 'page.queue.run',
};

function sharedName(key) {
  return Object.hasOwn(sharedNames, key)
    ? t(sharedNames[key])
    : t('page.queue.other', { name: key });
}

/** A worker's name: its thread, or the block_on thread. */
function threadName(worker, blockOnWorker) {
  return worker === blockOnWorker
    ? t('page.queue.blockOnThread')
    : t('page.queue.thread', { id: String(worker) });
}

/**
 * The rows to show for `queues` (replay.queues): [{ key, label, ids, lifo }], shared first.
 * `workerIds` are workers that get a row of their own even before anything was queued on them.
 */
export function queueRows(queues, blockOnWorker = -1, workerIds = []) {
  const shared = [];
  const workers = new Map();
  const workerRow = (worker) => {
    if (!workers.has(worker)) {
      workers.set(worker, {
        key: `worker:${worker}`,
        label: threadName(worker, blockOnWorker),
        ids: [],
        lifo: 0,
        local: [],
      });
    }
    return workers.get(worker);
  };
  for (const [key, set] of queues) {
    const colon = key.indexOf(':');
    if (colon === -1) {
      // The 'run' Set always exists; a trace that never uses it does not show it.
      if (key === 'run' && set.size === 0 && queues.size > 1) continue;
      shared.push({ key, label: sharedName(key), ids: [...set], lifo: 0 });
      continue;
    }
    const row = workerRow(Number(key.slice(colon + 1)));
    if (key.startsWith('lifo:')) row.lifo = set.size > 0 ? [...set][0] : 0;
    else row.local = [...set];
  }
  if (workers.size > 0) for (const worker of workerIds) workerRow(worker);
  const rows = [...shared];
  for (const worker of [...workers.keys()].sort((a, b) => a - b)) {
    const row = workers.get(worker);
    row.ids = row.lifo ? [row.lifo, ...row.local.filter((id) => id !== row.lifo)] : row.local;
    rows.push(row);
  }
  return rows;
}

// One queue's chips: keeps a chip per task so entering and leaving can be animated.
class QueueRow {
  constructor(view, label) {
    this.view = view;
    this.element = document.createElement('div');
    this.element.className = 'run-queue-group';
    this.label = document.createElement('span');
    this.label.className = 'run-queue-label';
    this.label.textContent = label ?? '';
    this.label.hidden = label === null;
    this.row = document.createElement('ol');
    this.row.className = 'run-queue-row';
    this.row.setAttribute(
      'aria-label',
      t('page.queue.rowLabel', { queue: label ?? t('page.inspect.runQueue') }),
    );
    this.more = document.createElement('span');
    this.more.className = 'run-queue-more';
    this.element.append(this.label, this.row, this.more);
    this.chips = new Map();
  }

  update(model, ids, lifo, animate) {
    const shown = ids.slice(0, maxChips);
    const keep = new Set(shown);
    for (const [id, chip] of this.chips) {
      if (keep.has(id)) continue;
      this.chips.delete(id);
      if (animate) {
        chip.classList.remove('is-entering');
        chip.classList.add('is-leaving');
        setTimeout(() => chip.remove(), leaveMs);
      } else {
        chip.remove();
      }
    }
    let before = null;
    for (let n = shown.length - 1; n >= 0; --n) {
      const id = shown[n];
      let chip = this.chips.get(id);
      if (!chip) {
        chip = this.view.chip(id, model.taskName(id));
        if (animate) chip.classList.add('is-entering');
        this.chips.set(id, chip);
      }
      chip.classList.toggle('is-lifo', id === lifo);
      if (chip.nextSibling !== before || chip.parentNode !== this.row)
        this.row.insertBefore(chip, before);
      before = chip;
    }
    const hidden = ids.length - shown.length;
    this.more.textContent =
      hidden > 0
        ? t('page.queue.more', { count: hidden })
        : ids.length === 0
          ? t('page.queue.empty')
          : '';
  }
}

/** Shows the run queue(s) in `container`. */
export class RunQueueView {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.running = document.createElement('div');
    this.running.className = 'run-queue-running';
    this.groups = new Map();
    this.single = null;
    container.replaceChildren(this.running);
    this.reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  }

  /** A chip for task `id`, which selects the task when clicked. */
  chip(id, name) {
    const chip = document.createElement('li');
    chip.className = 'run-queue-chip';
    chip.dataset.task = String(id);
    chip.textContent = name;
    chip.title = t('page.queue.chipTitle', { task: name });
    chip.addEventListener('click', () => this.onPick(id));
    return chip;
  }

  /**
   * Shows the queues of `replay` (at the playhead) with names from `model`. `runningId` is the
   * task the playhead's event polls (0 if none); with several workers, every worker's poll in
   * flight is listed.
   */
  update(model, replay, runningId) {
    const animate = !this.reduceMotion.matches;
    // Every worker (the block_on thread aside: it has no queue) shows its queue, empty or not.
    const workerIds = [...model.workers.keys()].filter((id) => id !== model.blockOnWorker);
    const rows = queueRows(replay.queues, model.blockOnWorker ?? -1, workerIds);
    if (rows.length <= 1) {
      if (!this.single) {
        this.#clearGroups();
        this.single = new QueueRow(this, null);
        this.container.append(this.single.element);
      }
      this.single.update(model, rows[0]?.ids ?? [], 0, animate);
    } else {
      if (this.single) {
        this.single.element.remove();
        this.single = null;
      }
      const keep = new Set(rows.map((row) => row.key));
      for (const [key, group] of this.groups) {
        if (!keep.has(key)) {
          group.element.remove();
          this.groups.delete(key);
        }
      }
      let previous = this.running;
      for (const row of rows) {
        let group = this.groups.get(row.key);
        if (!group) {
          group = new QueueRow(this, row.label);
          group.element.dataset.queue = row.key;
          this.groups.set(row.key, group);
        }
        if (previous.nextSibling !== group.element) previous.after(group.element);
        group.update(model, row.ids, row.lifo, animate);
        previous = group.element;
      }
    }
    const polling = [...replay.running.entries()].sort((a, b) => a[0] - b[0]);
    if (polling.length > 1) {
      this.running.textContent = t('page.queue.polling', {
        what: polling
          .map(
            ([worker, id]) => `${threadName(worker, model.blockOnWorker)}: ${model.taskName(id)}`,
          )
          .join(' · '),
      });
    } else {
      // An event of the poll without a task of its own (a timer armed, a failed spawn) still has one.
      const id = runningId || (polling.length === 1 ? polling[0][1] : 0);
      this.running.textContent = id
        ? t('page.queue.polling', { what: model.taskName(id) })
        : t('page.queue.pollingNothing');
    }
    this.running.dataset.task = String(runningId || 0);
  }

  #clearGroups() {
    for (const group of this.groups.values()) group.element.remove();
    this.groups.clear();
  }

  /** Empties the view (a new run). */
  clear() {
    this.#clearGroups();
    this.single?.element.remove();
    this.single = null;
    this.running.textContent = '';
  }
}
