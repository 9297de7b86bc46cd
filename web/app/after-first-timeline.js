// Work that can wait until the first timeline is on screen (the playback session's first update,
// the end of a run, the address bar): queued until the timeline has drawn a frame with events,
// then run in order in a task just after that frame; from then on, work runs at once. A first
// load shows its timeline sooner this way (docs/benchmarks.md, "The page", start-up).
export class AfterFirstTimeline {
  /** Work waiting for the first timeline; null once it has run. */
  #queue = [];
  #flushing = false;

  /** Runs `work` now if the first timeline is on screen, else right after it is. */
  schedule(work) {
    if (this.#queue) this.#queue.push(work);
    else work();
  }

  /** `timeline` drew a frame (its onView): the first one with events releases the queue. */
  frameDrawn(timeline) {
    if (!this.#queue || this.#flushing || !timeline.drewEvents) return;
    this.#flushing = true;
    setTimeout(() => {
      // Work queued by the work below joins the end of the queue and runs in this task too.
      const queue = this.#queue;
      for (let i = 0; i < queue.length; ++i) queue[i]();
      this.#queue = null;
    }, 0);
  }
}
