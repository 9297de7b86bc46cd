// The playback clock: a playhead that moves through a trace's events, playing at a speed or
// stepping. The position is a fractional event index so the playhead glides between events;
// the whole event it is on is `event`. It asks for frames (../frame-scheduler.js) only while
// playing. The page's playback session and the <wakeline-player> element both run on one.
import { cancelFrame, requestFrame } from '../frame-scheduler.js';
import { lowerBound } from '../timeline/visible.js';

/** Speeds offered, as multiples of `eventsPerSecond`. */
export const speeds = [0.25, 0.5, 1, 2, 4, 8];

/** Events played per second at 1x: slow enough to read the narration of each. */
export const eventsPerSecond = 4;

/** Plays `model` (set with setModel); `onChange(clock)` hears every move. */
export class PlaybackClock {
  constructor(onChange) {
    this.onChange = onChange;
    this.model = null;
    this.position = 0;
    this.playing = false;
    this.speed = 1;
    this.frame = 0;
    this.lastTime = 0;
  }

  /** The event the playhead is on, -1 without events. */
  get event() {
    if (!this.model || this.model.count === 0) return -1;
    return Math.min(Math.floor(this.position), this.model.count - 1);
  }

  /** Shows a new trace from its first event, paused. */
  setModel(model) {
    this.pause();
    this.model = model;
    this.position = 0;
  }

  /** Moves the playhead to event `i` (clamped); playing goes on from there. */
  seek(i) {
    if (!this.model || this.model.count === 0) return;
    this.position = Math.min(Math.max(0, Math.floor(i)), this.model.count - 1);
    this.lastTime = performance.now();
    this.onChange(this);
  }

  /** Steps `delta` events (negative: back), pausing. */
  step(delta) {
    this.pause();
    this.seek(this.event + delta);
  }

  /** Steps to the next (direction 1) or previous (-1) poll_begin, pausing; false if none. */
  stepPoll(direction) {
    const model = this.model;
    if (!model) return false;
    const begins = model.polls.begin;
    const at = this.event;
    // Poll begins are in event order: the first one after the playhead, or the last one before.
    const index =
      direction > 0
        ? lowerBound(0, begins.length, (p) => begins.data[p] > at)
        : lowerBound(0, begins.length, (p) => begins.data[p] >= at) - 1;
    if (index < 0 || index >= begins.length) return false;
    this.step(begins.data[index] - at);
    return true;
  }

  play() {
    if (!this.model || this.model.count === 0 || this.playing) return;
    if (this.event >= this.model.count - 1) this.position = 0;
    this.playing = true;
    this.lastTime = performance.now();
    this.onChange(this);
    this.frame = requestFrame((now) => this.#tick(now));
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    cancelFrame(this.frame);
    this.frame = 0;
    this.position = Math.floor(this.position);
    if (this.model) this.onChange(this);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Sets the speed (one of `speeds`). */
  setSpeed(speed) {
    this.speed = speed;
    this.onChange(this);
  }

  #tick(now) {
    if (!this.playing) return;
    const elapsed = Math.max(0, now - this.lastTime) / 1000;
    this.lastTime = now;
    this.position += elapsed * this.speed * eventsPerSecond;
    const last = this.model.count - 1;
    if (this.position >= last) {
      this.position = last;
      this.playing = false;
      this.frame = 0;
      this.onChange(this);
      return;
    }
    this.onChange(this);
    this.frame = requestFrame((t) => this.#tick(t));
  }

  /** The playhead's layout position: between event slots while gliding. */
  layoutX() {
    const model = this.model;
    const i = this.event;
    if (i < 0) return null;
    const k = model.k;
    const x = model.x(i, k) + k / 2;
    const fraction = this.position - i;
    if (fraction <= 0 || i + 1 >= model.count) return x;
    return x + (model.x(i + 1, k) + k / 2 - x) * fraction;
  }
}
