// The run queue at the playhead, as a row of task chips, oldest (next to run) first, with the
// task being polled beside it. Chips that enter slide in and chips that leave fade out, unless
// the reader prefers reduced motion (then they simply appear and disappear).

/** At most this many chips; a longer queue ends with "+N more". */
export const maxChips = 24;

// How long a leaving chip stays (web/styles/inspect.css animates it for as long).
const leaveMs = 220;

/** Shows the run queue in `container`. */
export class RunQueueView {
  constructor(container, onPick) {
    this.container = container;
    this.onPick = onPick;
    this.running = document.createElement('div');
    this.running.className = 'run-queue-running';
    this.row = document.createElement('ol');
    this.row.className = 'run-queue-row';
    this.row.setAttribute('aria-label', 'Run queue, next first');
    this.more = document.createElement('span');
    this.more.className = 'run-queue-more';
    container.replaceChildren(this.running, this.row, this.more);
    this.chips = new Map();
    this.reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  }

  #chip(id, name) {
    const chip = document.createElement('li');
    chip.className = 'run-queue-chip';
    chip.dataset.task = String(id);
    chip.textContent = name;
    chip.title = `${name}: click to select`;
    chip.addEventListener('click', () => this.onPick(id));
    return chip;
  }

  /** Shows `queue` (task ids in order) and `runningId` (0 if none), with names from `model`. */
  update(model, queue, runningId) {
    const animate = !this.reduceMotion.matches;
    const shown = [];
    for (const id of queue) {
      if (shown.length === maxChips) break;
      shown.push(id);
    }
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
        chip = this.#chip(id, model.taskName(id));
        if (animate) chip.classList.add('is-entering');
        this.chips.set(id, chip);
      }
      if (chip.nextSibling !== before || chip.parentNode !== this.row) this.row.insertBefore(chip, before);
      before = chip;
    }
    const hidden = queue.size - shown.length;
    this.more.textContent = hidden > 0 ? `+${hidden.toLocaleString('en')} more` : queue.size === 0 ? 'empty' : '';
    this.running.textContent = runningId ? `polling: ${model.taskName(runningId)}` : 'polling: nothing';
    this.running.dataset.task = String(runningId || 0);
  }

  /** Empties the view (a new run). */
  clear() {
    this.chips.clear();
    this.row.replaceChildren();
    this.more.textContent = '';
    this.running.textContent = '';
  }
}
