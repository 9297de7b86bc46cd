// The one place that converts between layout units (see model.js) and canvas pixels.

/** A visible window [x0, x1) of the layout axis drawn over `width` CSS pixels from `left`. */
export class TimeScale {
  constructor(x0, x1, left, width) {
    this.x0 = x0;
    this.x1 = x1;
    this.left = left;
    this.width = Math.max(1, width);
    this.pxPerUnit = this.width / Math.max(1e-9, x1 - x0);
  }

  /** CSS pixel of layout position `x`. */
  toPx(x) {
    return this.left + (x - this.x0) * this.pxPerUnit;
  }

  /** Layout position at CSS pixel `px`. */
  fromPx(px) {
    return this.x0 + (px - this.left) / this.pxPerUnit;
  }
}
