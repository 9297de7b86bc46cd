// Two Timeline instances showing one view: the same layout window, the same fit and the same
// playhead. Both traces are laid out on pure virtual time in compare mode (spread off, k = 0), so
// a layout position means the same instant in either, and copying x0/x1 lines them up.
//
// The Timeline component knows nothing of this: each instance reports its window after every
// frame (onView), and the sync copies it to the other and draws that one at once, in the same
// frame, so the two never show different windows on screen.

// The fitted view's margin on each side: a little more than Timeline's own 2%, so a playhead on
// the first event is inside the margin the playback session keeps (it pans within 2% of an edge).
const fitPad = 0.03;

/** The fitted window over both traces: the union of their extents, padded. */
function unionFit(a, b) {
  const [a0, a1] = a.model.extent();
  const [b0, b1] = b.model.count > 0 ? b.model.extent() : [a0, a1];
  const start = Math.min(a0, b0);
  const end = Math.max(a1, b1);
  const pad = (end - start) * fitPad;
  return [start - pad, end + pad];
}

/**
 * Keeps `primary` (the page's timeline, whose playhead the playback session moves) and
 * `secondary` showing the same window and playhead. Call `from(timeline)` from each one's onView.
 */
export class ViewSync {
  constructor(primary, secondary) {
    this.primary = primary;
    this.secondary = secondary;
    this.enabled = false;
    this.busy = false;
  }

  /** `source` drew a frame: the other one follows its window (fitted: over both traces). */
  from(source) {
    if (!this.enabled || this.busy) return;
    const other = source === this.primary ? this.secondary : this.primary;
    if (!source.model || !other.model || source.model.count === 0) return;
    this.busy = true;
    try {
      if (source.autoFit) {
        const [x0, x1] = unionFit(source, other);
        if (x0 !== source.x0 || x1 !== source.x1) {
          source.x0 = x0;
          source.x1 = x1;
          source.draw();
        }
      }
      const playhead = this.primary.playhead;
      if (
        other.x0 !== source.x0 ||
        other.x1 !== source.x1 ||
        other.autoFit !== source.autoFit ||
        this.secondary.playhead !== playhead
      ) {
        other.x0 = source.x0;
        other.x1 = source.x1;
        other.autoFit = source.autoFit;
        this.secondary.playhead = playhead;
        other.draw();
      }
      const mark = playhead === null ? '' : String(playhead);
      this.primary.canvas.dataset.playhead = mark;
      this.secondary.canvas.dataset.playhead = mark;
    } finally {
      this.busy = false;
    }
  }
}
