// The playback bar: step and play buttons, the speed, a scrub bar drawn as an event-density
// histogram with the playhead on it, and the event counter. Built from code into its container;
// every label is text.
import { formatNumber, t } from '../i18n/i18n.js';
import { speeds } from './clock.js';

function button(label, title, className = '') {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = `button playback-button ${className}`.trim();
  node.textContent = label;
  node.title = title;
  node.setAttribute('aria-label', title);
  return node;
}

/** Event counts per bin of `bins` equal parts of the layout extent. */
export function densityHistogram(model, bins) {
  const counts = new Uint32Array(Math.max(1, bins));
  if (!model || model.count === 0) return counts;
  const k = model.k;
  const [start, end] = model.extent(k);
  const scale = counts.length / (end - start);
  for (let i = 0; i < model.count; ++i) {
    const bin = Math.floor((model.x(i, k) - start) * scale);
    ++counts[Math.min(counts.length - 1, Math.max(0, bin))];
  }
  return counts;
}

/** The bar in `container`, driving `clock` (a PlaybackClock). */
export class PlaybackBar {
  constructor(container, clock) {
    this.clock = clock;
    this.container = container;
    this.prevPoll = button(
      t('page.playback.prevPoll'),
      t('page.playback.prevPollTitle'),
      'playback-prev-poll',
    );
    this.prev = button('◀', t('page.playback.prevTitle'), 'playback-prev');
    this.play = button('▶', t('page.playback.playTitle'), 'button-primary playback-play');
    this.next = button('▶|', t('page.playback.nextTitle'), 'playback-next');
    this.nextPoll = button(
      t('page.playback.nextPoll'),
      t('page.playback.nextPollTitle'),
      'playback-next-poll',
    );
    this.speed = document.createElement('select');
    this.speed.className = 'playback-speed';
    this.speed.setAttribute('aria-label', t('page.playback.speed'));
    for (const value of speeds) {
      const option = document.createElement('option');
      option.value = String(value);
      option.textContent = `${formatNumber(value)}×`;
      this.speed.append(option);
    }
    this.speed.value = '1';
    this.scrub = document.createElement('canvas');
    this.scrub.className = 'playback-scrub';
    this.scrub.setAttribute('role', 'slider');
    this.scrub.setAttribute('aria-label', t('page.playback.scrub'));
    this.scrub.tabIndex = -1;
    this.counter = document.createElement('span');
    this.counter.className = 'playback-counter';
    const buttons = document.createElement('div');
    buttons.className = 'playback-buttons';
    buttons.append(this.prevPoll, this.prev, this.play, this.next, this.nextPoll);
    container.replaceChildren(buttons, this.scrub, this.speed, this.counter);
    this.histogram = null;

    this.prevPoll.addEventListener('click', () => clock.stepPoll(-1));
    this.prev.addEventListener('click', () => clock.step(-1));
    this.play.addEventListener('click', () => clock.toggle());
    this.next.addEventListener('click', () => clock.step(1));
    this.nextPoll.addEventListener('click', () => clock.stepPoll(1));
    this.speed.addEventListener('change', () => clock.setSpeed(Number(this.speed.value)));

    let scrubbing = false;
    const scrubTo = (event) => {
      const model = clock.model;
      if (!model || model.count === 0) return;
      const rect = this.scrub.getBoundingClientRect();
      const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
      const [start, end] = model.extent();
      // The event whose slot holds the pointer: the last one that starts at or before it.
      const at = model.firstEventAtOrAfter(start + fraction * (end - start) + 1e-9) - 1;
      clock.seek(Math.min(Math.max(0, at), model.count - 1));
    };
    this.scrub.addEventListener('pointerdown', (event) => {
      scrubbing = true;
      this.scrub.setPointerCapture(event.pointerId);
      scrubTo(event);
    });
    this.scrub.addEventListener('pointermove', (event) => scrubbing && scrubTo(event));
    this.scrub.addEventListener('pointerup', () => (scrubbing = false));
    // The bar's size comes from here, not from getBoundingClientRect in every frame: reading
    // layout after the counter's text changed forced a layout per frame while playing.
    this.size = { width: 0, height: 0 };
    /** What the canvas shows now, so a frame that would draw the same is skipped. */
    this.drawn = null;
    new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      this.size = {
        width: Math.max(1, Math.floor(box.width)),
        height: Math.max(1, Math.floor(box.height)),
      };
      this.histogram = null;
      this.colours = null;
      this.update();
    }).observe(this.scrub);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.colours = null;
      this.drawn = null;
      this.update();
    });
  }

  /** Call when the model grew or changed: the histogram is recomputed on the next update. */
  invalidate() {
    this.histogram = null;
  }

  /** Redraws the bar for the clock's state. */
  update() {
    const { clock } = this;
    const model = clock.model;
    const count = model ? model.count : 0;
    const at = clock.event;
    // Only what changed is written: while playing this runs every frame.
    const playing = clock.playing;
    if (this.shownPlaying !== playing) {
      this.shownPlaying = playing;
      this.play.textContent = playing ? '❚❚' : '▶';
      this.play.title = playing ? t('page.playback.pauseTitle') : t('page.playback.playTitle');
      this.play.setAttribute('aria-label', this.play.title);
    }
    if (this.shownAt !== at || this.shownCount !== count) {
      this.shownAt = at;
      this.counter.textContent =
        count === 0
          ? t('page.playback.noEvents')
          : t('page.playback.counter', { at: String(at + 1), count: String(count) });
      this.scrub.setAttribute('aria-valuemin', '1');
      this.scrub.setAttribute('aria-valuenow', String(at + 1));
    }
    if (this.shownCount !== count) {
      this.shownCount = count;
      this.scrub.setAttribute('aria-valuemax', String(count));
      for (const control of [this.prevPoll, this.prev, this.play, this.next, this.nextPoll])
        control.disabled = count === 0;
    }
    this.#draw();
  }

  #draw() {
    const canvas = this.scrub;
    const dpr = window.devicePixelRatio || 1;
    const { width, height } = this.size;
    if (width === 0) return;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      this.histogram = null;
      this.drawn = null;
    }
    const model = this.clock.model;
    if (!model || model.count === 0) {
      if (this.drawn !== 'empty')
        canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      this.drawn = 'empty';
      return;
    }
    const [start, end] = model.extent();
    const x = (((this.clock.layoutX() ?? start) - start) / (end - start)) * width;
    // The bar changes when the histogram is recomputed or the playhead moves a device pixel.
    const playheadPx = Math.round(x * dpr);
    if (this.histogram && this.drawn === playheadPx) return;
    this.drawn = playheadPx;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (!this.colours) {
      const style = getComputedStyle(canvas);
      this.colours = {
        bar: style.getPropertyValue('--scrub-bar').trim() || '#9ab',
        track: style.getPropertyValue('--scrub-track').trim() || '#ccd',
        playhead: style.getPropertyValue('--scrub-playhead').trim() || '#d55e00',
      };
    }
    const colours = this.colours;
    ctx.clearRect(0, 0, width, height);
    if (!this.histogram) this.histogram = densityHistogram(model, Math.floor(width / 2));
    const bins = this.histogram;
    let max = 1;
    for (const value of bins) max = Math.max(max, value);
    const barWidth = width / bins.length;
    ctx.fillStyle = colours.bar;
    for (let b = 0; b < bins.length; ++b) {
      if (bins[b] === 0) continue;
      // Square root so a burst of thousands does not flatten every smaller one to nothing.
      const h = Math.max(2, Math.sqrt(bins[b] / max) * (height - 8));
      ctx.fillRect(b * barWidth, height - 4 - h, Math.max(1, barWidth - 0.5), h);
    }
    ctx.fillStyle = colours.track;
    ctx.fillRect(0, height - 3, width, 3);
    ctx.fillStyle = colours.playhead;
    ctx.fillRect(0, height - 3, x, 3);
    ctx.fillRect(Math.round(x) - 1, 0, 2, height);
  }
}
