// The sizes of the page's panels: the example column, the inspect column and the timeline's
// height. Splitters resize them (drag, or arrow keys once focused; a double click gives the
// default back) and the reader's sizes are remembered for the next visit. Until the reader sets
// it, the timeline is as tall as its lanes, so the source under it gets the room they leave.
// Sizes are CSS custom properties on the page's grid, set through the CSSOM (the page's CSP
// allows no style attributes); web/styles/layout.css uses them.

/** Where the sizes are remembered. */
export const storageKey = 'wakeline.panels';

const limits = {
  side: { min: 200, share: 0.45 },
  inspect: { min: 240, share: 0.4 },
  timeline: { min: 120, share: 0.85 },
};

// Room left under the lanes of a timeline sized to them: a little air above the playback bar.
const lanesPad = 8;
// A timeline sized to its lanes takes at most this share of the column, the rest is the source's.
const maxAutoShare = 0.62;
// The least height the source keeps when one timeline is sized to its lanes; with two (compare
// mode) the timelines come first, and the reader can drag the source back.
const sourceMin = 100;
const keyStep = 16;

/** The sizes remembered from an earlier visit: { side?, inspect?, timeline? } in CSS pixels. */
export function readSizes(storage) {
  try {
    const parsed = JSON.parse(storage?.getItem(storageKey) ?? '{}');
    const sizes = {};
    for (const name of Object.keys(limits)) {
      const value = parsed?.[name];
      if (Number.isFinite(value) && value >= limits[name].min && value < 10000)
        sizes[name] = Math.round(value);
    }
    return sizes;
  } catch {
    return {};
  }
}

/**
 * Heights for timelines that want `wants` pixels each, sharing `room`: each gets what it wants
 * when that fits, and the ones that want less leave the rest to the others; never under the
 * least height.
 */
export function shareRoom(wants, room) {
  const heights = new Array(wants.length);
  const order = wants.map((want, i) => i).sort((a, b) => wants[a] - wants[b]);
  let left = room;
  order.forEach((i, n) => {
    const fair = left / (wants.length - n);
    const height = Math.max(limits.timeline.min, Math.floor(Math.min(wants[i], fair)));
    heights[i] = height;
    left -= height;
  });
  return heights;
}

/**
 * The panels of the page in `main` (the .app-main grid). `panel` is the timeline column, whose
 * height the timelines share with the source.
 */
export class PanelSizes {
  constructor(main, panel, storage = safeStorage()) {
    this.main = main;
    this.panel = panel;
    this.storage = storage;
    this.sizes = readSizes(storage);
    this.panelHeight = panel.clientHeight;
    /** What the timelines asked for at their last frame, to size them to their lanes. */
    this.wanted = [];
    this.lastKey = '';
    for (const [name, value] of Object.entries(this.sizes)) {
      if (name !== 'timeline') this.#set(name, value);
    }
    new ResizeObserver(() => {
      this.panelHeight = this.panel.clientHeight;
      this.#sizeTimelines();
    }).observe(panel);
    for (const splitter of main.querySelectorAll('.splitter[data-panel]')) this.#attach(splitter);
  }

  /**
   * The timelines in the column drew a frame: `heights` holds, for each one shown, the height of
   * its axis and lanes in CSS pixels. Without a height of the reader's, they get that much.
   */
  fit(heights) {
    this.wanted = heights;
    this.#sizeTimelines();
  }

  #sizeTimelines() {
    const stored = this.sizes.timeline;
    const key = `${this.wanted.join(',')}|${this.panelHeight}|${stored}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const count = Math.max(1, this.wanted.length);
    let heights;
    if (stored !== undefined) {
      const each = Math.max(limits.timeline.min, Math.floor(stored / count));
      heights = Array.from({ length: count }, () => each);
    } else {
      const wants = this.wanted.length > 0 ? this.wanted : [Infinity];
      heights = shareRoom(
        wants.map((h) => h + lanesPad),
        this.#room(count),
      );
    }
    this.main.style.setProperty('--timeline-height', `${heights[0]}px`);
    this.main.style.setProperty('--compare-height', `${heights[1] ?? heights[0]}px`);
    // What the first timeline's lanes need, for the phone layout's own height (layout.css).
    if (this.wanted.length > 0)
      this.main.style.setProperty('--timeline-lanes', `${Math.ceil(this.wanted[0] + lanesPad)}px`);
  }

  // The height the timelines may take together: the column less everything else in it and the
  // source's least height; one timeline alone leaves the source a good part of the column.
  #room(count) {
    let chrome = 0;
    for (const child of this.panel.children) {
      if (child.classList.contains('timeline') || child.classList.contains('source-panel'))
        continue;
      chrome += child.offsetHeight;
    }
    if (count > 1) return this.panelHeight - chrome;
    return Math.min(this.panelHeight - chrome - sourceMin, this.panelHeight * maxAutoShare);
  }

  #set(name, value) {
    this.sizes[name] = value;
    if (name === 'timeline') {
      this.lastKey = '';
      this.#sizeTimelines();
    } else {
      this.main.style.setProperty(`--${name}-width`, `${value}px`);
    }
  }

  #clamp(name, value) {
    const { min, share } = limits[name];
    const whole = name === 'timeline' ? this.panel.clientHeight : this.main.clientWidth;
    return Math.round(Math.max(min, Math.min(value, Math.max(min, whole * share))));
  }

  // The size `name` would have with the splitter's pointer at (x, y).
  #sizeAt(name, x, y) {
    const box = this.main.getBoundingClientRect();
    if (name === 'side') return x - box.left;
    if (name === 'inspect') return box.right - x;
    const first = this.panel.querySelector('.timeline');
    const top = first ? first.getBoundingClientRect().top : this.panel.getBoundingClientRect().top;
    // Everything between the first timeline's top and the splitter, the compared run included.
    const between = this.#timelinesChrome();
    return y - top - between;
  }

  // Heights inside the timelines' region that are not timelines (the compare mode's totals).
  #timelinesChrome() {
    let sum = 0;
    for (const node of this.panel.querySelectorAll('.compare-totals')) {
      if (!node.hidden) sum += node.getBoundingClientRect().height;
    }
    return sum;
  }

  #current(name) {
    if (name === 'timeline') {
      const shown = [...this.panel.querySelectorAll('.timeline')].filter((node) => !node.hidden);
      return shown.reduce((sum, node) => sum + node.getBoundingClientRect().height, 0);
    }
    const node = this.main.querySelector(name === 'side' ? '.side-panel' : '.inspect-panel');
    return node.getBoundingClientRect().width;
  }

  #remember() {
    try {
      this.storage?.setItem(storageKey, JSON.stringify(this.sizes));
    } catch {
      // A private window may refuse: the sizes then last for this visit only.
    }
  }

  #attach(splitter) {
    const name = splitter.dataset.panel;
    const apply = (value) => {
      this.#set(name, this.#clamp(name, value));
      this.#remember();
    };
    splitter.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      splitter.setPointerCapture(event.pointerId);
      splitter.classList.add('is-dragging');
      // Where on the splitter it was grabbed: the panel keeps that distance to the pointer.
      const grab = this.#sizeAt(name, event.clientX, event.clientY) - this.#current(name);
      const move = (e) => apply(this.#sizeAt(name, e.clientX, e.clientY) - grab);
      const up = () => {
        splitter.classList.remove('is-dragging');
        splitter.removeEventListener('pointermove', move);
        splitter.removeEventListener('pointerup', up);
        splitter.removeEventListener('pointercancel', up);
      };
      splitter.addEventListener('pointermove', move);
      splitter.addEventListener('pointerup', up);
      splitter.addEventListener('pointercancel', up);
    });
    splitter.addEventListener('keydown', (event) => {
      const grow = name === 'inspect' ? -1 : 1;
      const keys =
        name === 'timeline'
          ? { ArrowUp: -keyStep, ArrowDown: keyStep }
          : { ArrowLeft: -keyStep * grow, ArrowRight: keyStep * grow };
      if (!(event.key in keys)) return;
      event.preventDefault();
      event.stopPropagation();
      apply(this.#current(name) + keys[event.key]);
    });
    splitter.addEventListener('dblclick', () => {
      delete this.sizes[name];
      this.#remember();
      if (name === 'timeline') {
        this.lastKey = '';
        this.#sizeTimelines();
      } else {
        this.main.style.removeProperty(`--${name}-width`);
      }
    });
  }
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
