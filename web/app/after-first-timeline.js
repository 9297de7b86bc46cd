// Work that can wait until the first timeline is on screen (the playback session's first update,
// the end of a run, the address bar): queued until the timeline has drawn a frame with events,
// then run in order just after that frame, once the code that waits for it (`load`: main.js
// gives later.js, with the caption's sentences) is in; from then on, work runs at once. A first
// load shows its timeline sooner this way (docs/benchmarks.md, "The page", start-up).
export class AfterFirstTimeline {
  /** Work waiting for the first timeline; null once it has run. */
  #queue = [];
  #flushing = false;
  #load;
  /** What `load` resolved to (later.js's module), handed to each work. */
  #loaded = null;

  /** `load` (optional): starts loading what the queued work needs; returns a promise. */
  constructor(load = null) {
    this.#load = load;
  }

  /**
   * Runs `work` now if the first timeline is on screen, else right after it is; `work` gets what
   * `load` resolved to (undefined if it failed).
   */
  schedule(work) {
    if (this.#queue) this.#queue.push(work);
    else work(this.#loaded);
  }

  /** `timeline` drew a frame (its onView): the first one with events releases the queue. */
  frameDrawn(timeline) {
    if (timeline.drewEvents) this.release();
  }

  /**
   * Releases the queue (if it waits): the first timeline is drawn, or will not be (the first run
   * failed or had no events), so the menus and views it held back load all the same.
   */
  release() {
    if (!this.#queue || this.#flushing) return;
    this.#flushing = true;
    // Loading starts now; the queue waits for it (a failed load is the queued work's to report).
    const loaded = Promise.resolve(this.#load?.()).catch(() => undefined);
    setTimeout(() => {
      loaded.then((module) => {
        this.#loaded = module;
        // Work queued by the work below joins the end of the queue and runs in this turn too.
        const queue = this.#queue;
        for (let i = 0; i < queue.length; ++i) queue[i](module);
        this.#queue = null;
      });
    }, 0);
  }
}
