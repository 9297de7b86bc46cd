// The timeline component: owns the canvas and the visible window, and draws at most once a frame
// (frames come from ../frame-scheduler.js); drawing is render.js, input is interaction.js,
// geometry comes from the model.
import { requestFrame } from '../frame-scheduler.js';
import { currentLanguage, inLanguage, t } from '../i18n/i18n.js';
import { axisHeight, buildLanes, labelWidth, laneAt } from './lanes.js';
import { laneSpans, lanePoints } from './lane-items.js';
import { readPalette } from './palette.js';
import { minSpanPx, renderTimeline, stuckTasks } from './render.js';
import { TimeScale } from './time-scale.js';
import { lowerBound, nearestPoint } from './visible.js';

/** What the pointer is on: { event, poll (-1 if none), task (0 if none) }. */
export class Timeline {
  /**
   * @param {HTMLElement} container where the canvas goes
   * @param {{ onSelect?: (hit: object | null) => void, onView?: (view: object) => void }} callbacks
   *   onView hears the visible window after each frame: { x0, x1, t0, t1, count }.
   */
  constructor(container, { onSelect, onView } = {}) {
    this.container = container;
    // The language in use when it is made: its words stay in it, drawn in later frames too.
    this.language = currentLanguage();
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'timeline-canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', t('narration.timeline.label'));
    container.append(this.canvas);
    this.onSelect = onSelect ?? (() => {});
    this.onView = onView ?? (() => {});
    this.model = null;
    this.lanes = [];
    this.lanesHeight = 0;
    this.x0 = 0;
    this.x1 = 1;
    this.scrollY = 0;
    this.autoFit = true;
    this.selection = null;
    /** The playhead's layout position, or null when there is none. */
    this.playhead = null;
    /** Lines the page puts across the lanes, each { x (layout), label }: see setMarkers. */
    this.markers = [];
    /** Lower lanes, when two timelines share the column (compare mode). */
    this.compact = false;
    this.byTask = new Map();
    this.width = 0;
    this.height = 0;
    this.frame = 0;
    this.palette = readPalette(container);
    this.drawCount = 0;
    /** True once a frame with events was drawn (see draw). */
    this.drewEvents = false;

    new ResizeObserver(() => this.#resize()).observe(container);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.palette = readPalette(this.container);
      this.requestDraw();
    });
    this.#resize();
  }

  /** Shows `model` (a new run); the view fits it until the user zooms or pans. */
  setModel(model) {
    this.model = model;
    this.selection = null;
    this.playhead = null;
    this.markers = [];
    delete this.canvas.dataset.markers;
    this.scrollY = 0;
    this.autoFit = true;
    this.modelChanged();
  }

  /** Call after events were appended: lanes are rebuilt and a fitted view follows the growth. */
  modelChanged() {
    if (!this.model) return;
    const { lanes, height, byTask } = this.speak(() =>
      buildLanes(this.model, { compact: this.compact }),
    );
    this.lanes = lanes;
    this.lanesHeight = height;
    this.byTask = byTask;
    // The executor lanes' labels, for readers of the page that cannot see the canvas (and tests).
    this.canvas.dataset.executors = lanes
      .filter((lane) => lane.type === 'executor')
      .map((lane) => lane.label)
      .join('|');
    // The first task lanes' names, and the first lanes' rows as `label:top:height` under the
    // axis (a hundred say enough; a run may have thousands).
    this.canvas.dataset.tasks = this.model.taskLanes
      .slice(0, 100)
      .map((task) => task.name)
      .join('|');
    this.canvas.dataset.lanes = lanes
      .slice(0, 100)
      .map((lane) => `${lane.label.trim()}:${axisHeight + lane.y}:${lane.h}`)
      .join('|');
    this.canvas.dataset.stuck = this.model.deadlocks
      .flatMap((d) => stuckTasks(this.model, d).map((id) => this.model.taskName(id)))
      .join('|');
    if (this.autoFit) this.#fitView();
    this.#clampScroll();
    this.requestDraw();
  }

  /** Puts the playhead at layout position `x` (null hides it); `follow` keeps it in view. */
  setPlayhead(x, follow = false) {
    const before = this.playhead === null ? null : Math.round(this.scale.toPx(this.playhead));
    this.playhead = x;
    if (follow && x !== null) this.reveal(x);
    // Playing moves the playhead a little every frame; at a fitted view of a big trace it stays on
    // the same pixel (render.js rounds it) for many frames, and redrawing the whole timeline for that is wasted.
    const after = x === null ? null : Math.round(this.scale.toPx(x));
    if (before !== after) this.requestDraw();
  }

  /** Lowers the lanes (`compact` true) so that two timelines fit in the column, or not. */
  setCompact(compact) {
    if (this.compact === compact) return;
    this.compact = compact;
    this.modelChanged();
  }

  /** Draws `markers` ([{ x: layout position, label }]) as labelled lines across the lanes. */
  setMarkers(markers) {
    this.markers = markers;
    this.canvas.dataset.markers = markers.map((marker) => marker.label).join('|');
    this.requestDraw();
  }

  /** Height of the axis and every lane, in CSS pixels: what the timeline needs to show them all. */
  get contentHeight() {
    return axisHeight + this.lanesHeight;
  }

  /** Pans (never zooms) so that layout position `x` is on screen, with some room after it. */
  reveal(x) {
    const span = this.x1 - this.x0;
    // Anywhere on screen but the right edge will do: a fitted view shows the first event in its
    // left margin, and panning there would undo the fit.
    if (x >= this.x0 && x <= this.x1 - span * 0.05) return;
    this.x0 = x - span * 0.25;
    this.x1 = this.x0 + span;
    this.autoFit = false;
    this.requestDraw();
  }

  /** Scrolls the lanes vertically so that task `id`'s lane is on screen. */
  revealTask(id) {
    const lane = this.byTask.get(id);
    if (!lane) return;
    const room = this.height - axisHeight;
    if (lane.y >= this.scrollY && lane.y + lane.h <= this.scrollY + room) return;
    this.scrollY = lane.y - room / 3;
    this.#clampScroll();
    this.requestDraw();
  }

  /** Shows the whole trace. */
  fit() {
    this.autoFit = true;
    this.#fitView();
    this.requestDraw();
  }

  #fitView() {
    if (!this.model) return;
    const [start, end] = this.model.extent();
    const pad = (end - start) * 0.02;
    this.x0 = start - pad;
    this.x1 = end + pad;
  }

  /** The layout window on screen: { x0, x1 }. */
  get view() {
    return { x0: this.x0, x1: this.x1 };
  }

  /** The pixel scale of the current window. */
  get scale() {
    return new TimeScale(this.x0, this.x1, labelWidth, this.width - labelWidth);
  }

  /** Zooms by `factor` (> 1 zooms in) keeping the layout position under CSS pixel `px` still. */
  zoomAt(px, factor) {
    if (!this.model) return;
    const scale = this.scale;
    const anchor = scale.fromPx(Math.min(Math.max(px, labelWidth), this.width));
    const [start, end] = this.model.extent();
    const total = end - start;
    // Deepest zoom: a few event slots, or 10 ns on a pure time layout; widest: 4x the trace.
    const minSpan = Math.max(this.model.k * 3, 10);
    const span = Math.min(Math.max((this.x1 - this.x0) / factor, minSpan), total * 4 + minSpan);
    const ratio = (anchor - this.x0) / (this.x1 - this.x0);
    this.x0 = anchor - ratio * span;
    this.x1 = this.x0 + span;
    this.autoFit = false;
    this.requestDraw();
  }

  /** Moves the window by CSS pixels: positive dx shows what is further left. */
  panBy(dx, dy) {
    const shift = dx / this.scale.pxPerUnit;
    this.x0 -= shift;
    this.x1 -= shift;
    this.scrollY -= dy;
    this.#clampScroll();
    if (dx !== 0) this.autoFit = false;
    this.requestDraw();
  }

  #clampScroll() {
    const room = Math.max(0, this.lanesHeight - (this.height - axisHeight));
    this.scrollY = Math.min(Math.max(0, this.scrollY), room);
  }

  /** What is under CSS pixel (px, py), or null. */
  hitTest(px, py) {
    const model = this.model;
    if (!model || px < labelWidth || py < axisHeight) return null;
    const lane = laneAt(this.lanes, py - axisHeight + this.scrollY);
    if (!lane) return null;
    const scale = this.scale;
    const x = scale.fromPx(px);
    const k = model.k;
    const tolerance = 4 / scale.pxPerUnit;
    const spans = laneSpans(model, lane, k);
    if (spans && spans.n > 0) {
      const i = lowerBound(0, spans.n, (j) => spans.endX(j) >= x - tolerance);
      if (i < spans.n) {
        const begin = spans.beginX(i);
        const end = Math.max(spans.endX(i), begin + minSpanPx / scale.pxPerUnit);
        if (x >= begin - tolerance && x <= end + tolerance) {
          if (lane.type === 'task') {
            const poll = spans.poll(i);
            const endEvent = model.polls.end.data[poll];
            return {
              lane,
              poll,
              event: endEvent === -1 ? model.polls.begin.data[poll] : endEvent,
              begin: model.polls.begin.data[poll],
              task: lane.task.id,
            };
          }
          return { lane, poll: -1, event: lane.worker.parkBegin.data[i], task: 0 };
        }
      }
    }
    const points = lanePoints(model, lane, k);
    if (points && points.n > 0) {
      const i = nearestPoint(points.n, points.pointX, x, tolerance);
      if (i !== -1) {
        const event = points.event(i);
        return { lane, poll: -1, event, task: model.task.data[event] };
      }
    }
    return null;
  }

  /** Selects `hit` (from hitTest) or clears the selection with null. */
  select(hit) {
    this.selection = hit ? { event: hit.event, poll: hit.poll, task: hit.task } : null;
    this.requestDraw();
    this.onSelect(hit);
  }

  /**
   * Runs `make` in the timeline's language, the one in use when it was made: a player may speak
   * another than its page, and frames and pointer events come outside its calls.
   */
  speak(make) {
    return inLanguage(this.language, make);
  }

  /** Schedules a frame; several requests before it draw once. */
  requestDraw() {
    if (this.frame) return;
    this.frame = requestFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now. */
  draw() {
    const dpr = window.devicePixelRatio || 1;
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!this.model) {
      ctx.fillStyle = this.palette.background;
      ctx.fillRect(0, 0, this.width, this.height);
      return;
    }
    const ticks = this.speak(() =>
      renderTimeline({
        ctx,
        width: this.width,
        height: this.height,
        model: this.model,
        lanes: this.lanes,
        byTask: this.byTask,
        playhead: this.playhead,
        scale: this.scale,
        scrollY: this.scrollY,
        palette: this.palette,
        selection: this.selection,
        markers: this.markers,
      }),
    );
    // The axis's labels, for readers of the page that cannot see the canvas (and tests).
    const axis = ticks.map((tick) => tick.label).join('|');
    if (this.canvas.dataset.axis !== axis) this.canvas.dataset.axis = axis;
    ++this.drawCount;
    if (!this.drewEvents && this.model.count > 0) {
      // The page's first frame with events: a signal for tests and bench/page.mjs (load to timeline).
      this.drewEvents = true;
      performance.mark('wakeline:first-timeline');
      this.canvas.dataset.firstTimeline = String(this.model.count);
    }
    this.onView({
      x0: this.x0,
      x1: this.x1,
      t0: this.model.timeAt(this.x0),
      t1: this.model.timeAt(this.x1),
      count: this.model.count,
    });
  }

  #resize() {
    const rect = this.container.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.width = Math.max(1, Math.floor(rect.width));
    this.height = Math.max(1, Math.floor(rect.height));
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.#clampScroll();
    this.draw();
  }
}
