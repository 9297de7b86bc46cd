// Playback and inspection of one run, wired together: the clock moves the playhead, and every
// move updates the replayed state, the timeline's playhead, the narration, the source line of
// the current await point, the run queue, the task table and the playback bar. Warnings are
// found once the run has ended. main.js creates one and tells it about runs and selections.
import { t } from '../i18n/i18n.js';
import { narrate } from '../narration.js';
import { lowerBound } from '../timeline/visible.js';
import { PlaybackClock } from './clock.js';
import { PlaybackBar } from './playback-bar.js';
import { Replay, taskState } from './replay.js';

// While events stream in, the scrub bar's histogram is recomputed at most this often.
const histogramEveryMs = 400;

/** The poll that event `i` begins or ends (an index into model.polls), or -1. */
export function pollOfEvent(model, i) {
  const kind = model.kindOf(i);
  if (kind !== 'poll_begin' && kind !== 'poll_end') return -1;
  const begins = model.polls.begin;
  // The first poll that begins after event i; the one wanted is among those just before it.
  const lo = lowerBound(0, begins.length, (p) => begins.data[p] > i);
  const task = model.task.data[i];
  for (let p = lo - 1; p >= 0 && p >= lo - 64; --p) {
    if (model.polls.task.data[p] === task) return p;
  }
  return -1;
}

/** Playback and inspection for the page; `elements` are the containers it fills. */
export class PlaybackSession {
  /**
   * @param {import('../timeline/timeline.js').Timeline} timeline
   * @param {import('../source-view.js').SourceView} sourceView
   * @param {{ playback: HTMLElement, narration: HTMLElement, runQueue: HTMLElement,
   *           taskTable: HTMLElement, warnings: HTMLElement }} elements
   */
  constructor(timeline, sourceView, elements) {
    this.timeline = timeline;
    this.sourceView = sourceView;
    this.narration = elements.narration;
    this.model = null;
    this.replay = null;
    this.shown = -2;
    this.selectedTask = 0;
    this.lastHistogram = 0;
    this.clock = new PlaybackClock(() => this.#update());
    this.bar = new PlaybackBar(elements.playback, this.clock);
    this.elements = elements;
    // The run queue, task table and warnings: their code comes after the first timeline
    // (attachViews); until then the playhead moves without them.
    this.runQueue = null;
    this.table = null;
    this.warningsView = null;
    this.findWarnings = null;
    this.warnings = [];
    /** Whether a move of the playhead pans the timeline to keep it in view. */
    this.follow = true;
    /** Hears the playhead's event after every move (the share link follows it). */
    this.onPlayheadMoved = () => {};
    this.#attachKeys();
  }

  /** Puts the playhead on event `i`, paused, leaving the window where it is (a link's view). */
  restore(i) {
    this.clock.pause();
    this.follow = false;
    try {
      this.clock.seek(i);
    } finally {
      this.follow = true;
    }
  }

  /**
   * The inspect views, whose code loads after the first timeline (main.js hands later.js's
   * module): from now on they show the playhead's state, and the warnings once a run has ended.
   */
  attachViews({ RunQueueView, TaskTable, WarningsView, findWarnings }) {
    const { runQueue, taskTable, warnings } = this.elements;
    this.runQueue = new RunQueueView(runQueue, (id) => this.pickTask(id));
    this.table = new TaskTable(taskTable, (id) => this.pickTask(id));
    this.warningsView = new WarningsView(warnings, (event) => this.pick(event));
    this.findWarnings = findWarnings;
    if (this.model) {
      this.warningsView.clear(t('page.warnings.pending'));
      if (this.shown !== -2) this.#update(true);
    }
  }

  /** A run starts: its model will grow. */
  setModel(model) {
    this.model = model;
    this.replay = new Replay(model);
    this.shown = -2;
    this.selectedTask = 0;
    this.warnings = [];
    this.clock.setModel(model);
    this.runQueue?.clear();
    this.warningsView?.clear(t('page.warnings.pending'));
    this.narration.textContent = '';
    this.bar.invalidate();
    this.bar.update();
  }

  /** Events were appended. */
  modelChanged() {
    const now = performance.now();
    if (now - this.lastHistogram > histogramEveryMs) {
      this.lastHistogram = now;
      this.bar.invalidate();
    }
    if (this.shown === -2 && this.model.count > 0) this.clock.seek(0);
    else this.bar.update();
  }

  /** The run ended: warnings are found and everything shows the playhead's event. */
  runEnded() {
    this.warnings = this.findWarnings?.(this.model) ?? [];
    this.warningsView?.show(this.warnings);
    this.bar.invalidate();
    this.shown = -2;
    this.clock.seek(this.clock.event);
  }

  /** The layout changed (spread toggled): playhead and histogram move with it. */
  layoutChanged() {
    this.bar.invalidate();
    this.#update(true);
  }

  /**
   * Selects event `i` on the timeline and moves the playhead to it (a warning's evidence), or
   * leaves the playhead where it is with `seek: false`.
   */
  pick(i, { seek = true } = {}) {
    const model = this.model;
    if (!model || i < 0 || i >= model.count) return;
    const poll = pollOfEvent(model, i);
    const task = model.task.data[i];
    const lane = this.timeline.byTask.get(task) ?? null;
    this.timeline.select({
      lane,
      poll,
      event: i,
      begin: poll === -1 ? i : model.polls.begin.data[poll],
      task,
      seek: seek ? i : -1,
    });
    if (task) this.timeline.revealTask(task);
  }

  /** Selects task `id` (from the table or the queue) without moving the playhead. */
  pickTask(id) {
    const lane = this.timeline.byTask.get(id);
    if (!lane) return;
    const spawn = lane.task.marks.length > 0 ? lane.task.marks.data[0] : -1;
    if (spawn === -1) return;
    this.timeline.select({ lane, poll: -1, event: spawn, task: id, seek: -1 });
    this.timeline.revealTask(id);
  }

  /** The timeline's selection changed (main.js forwards onSelect): the playhead follows it. */
  selected(hit) {
    this.selectedTask = hit?.task ?? 0;
    if (!hit) {
      this.#update(true);
      return;
    }
    // A clicked poll puts the playhead on its poll_end: the result and the await line it shows.
    const target = hit.seek ?? hit.event;
    this.clock.pause();
    if (target >= 0) this.clock.seek(target);
    else this.#update(true);
  }

  #update(force = false) {
    const model = this.model;
    const clock = this.clock;
    if (!model) return;
    const i = clock.event;
    this.timeline.setPlayhead(clock.layoutX(), this.follow);
    this.narration.setAttribute('aria-live', clock.playing ? 'off' : 'polite');
    if (i !== this.shown || force) {
      this.shown = i;
      this.replay.seek(i);
      this.narration.textContent = narrate(model, i, this.replay);
      this.narration.dataset.event = String(i);
      this.#highlightSource(i);
      const current = i >= 0 ? model.task.data[i] : 0;
      let running = 0;
      if (current && this.replay.state[model.tasks.get(current)?.index] === taskState.running)
        running = current;
      this.runQueue?.update(model, this.replay, running);
      this.table?.update(model, this.replay, current, this.selectedTask);
      document.body.dataset.playhead = String(i);
      this.onPlayheadMoved(i);
    }
    this.bar.update();
  }

  // The await point of the event's task: the event's own location if it has one, else where the
  // task is suspended (its last poll_end), which is also where a poll_begin resumes it.
  #highlightSource(i) {
    const model = this.model;
    if (i < 0) return;
    let file = model.field(i, 'file');
    let line = model.field(i, 'line');
    if (file === undefined) {
      const lane = model.tasks.get(model.task.data[i]);
      const end = lane ? this.replay.lastPollEnd[lane.index] : -1;
      if (end !== -1) {
        file = model.field(end, 'file');
        line = model.field(end, 'line');
      }
    }
    this.sourceView.highlight(file ?? null, line ?? null);
  }

  #attachKeys() {
    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || !this.model) return;
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        target.closest('input, select, textarea, [contenteditable], [data-own-keys]')
      )
        return;
      switch (event.key) {
        case ' ':
          // A focused button handles space itself (it clicks); do not toggle twice.
          if (target instanceof HTMLElement && target.closest('button, a, [role="button"]')) return;
          this.clock.toggle();
          break;
        case 'ArrowRight':
          this.clock.step(1);
          break;
        case 'ArrowLeft':
          this.clock.step(-1);
          break;
        case 'ArrowDown':
          this.clock.stepPoll(1);
          break;
        case 'ArrowUp':
          this.clock.stepPoll(-1);
          break;
        case 'Home':
          this.clock.step(-this.clock.event);
          break;
        case 'End':
          this.clock.step(this.model.count - 1 - this.clock.event);
          break;
        default:
          return;
      }
      event.preventDefault();
    });
  }
}
