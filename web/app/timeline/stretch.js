// Where virtual time runs inside a span of events. On the spread layout (model.js) every event
// has a slot of its own, and time stands still across the slots of one instant: a span drawn
// from event b to event e covers slots (no time) and the gaps between instants (real time). The
// timeline fills only the gaps solid, so a poll's solid width is the time it really took.
import { lowerBound } from './visible.js';

/**
 * Calls `visit(x0, x1)` with the layout extent of each stretch of real time between events `b`
 * and `e` (b <= e) of `model` on a layout of `k` units per slot, from left to right, skipping
 * those that share a pixel of `scale` with the one before (a frame costs width x log n at most).
 */
export function forEachTimeGap(model, b, e, k, scale, visit) {
  const first = model.instants.data;
  const n = model.instants.length;
  // The instant after the one that holds b: its first event starts the first gap's far side.
  let j = lowerBound(0, n, (m) => first[m] > b);
  // Gaps that end left of the window are not drawn.
  j = Math.max(
    j,
    lowerBound(j, n, (m) => model.x(first[m], k) >= scale.x0),
  );
  while (j < n && first[j] <= e) {
    const x1 = model.x(first[j], k);
    const x0 = model.x(first[j] - 1, k) + k;
    if (x0 > scale.x1) return;
    if (x1 > x0) visit(x0, x1);
    const next = scale.fromPx(Math.floor(scale.toPx(x1)) + 1);
    j = Math.max(
      j + 1,
      lowerBound(j + 1, n, (m) => model.x(first[m], k) >= next),
    );
  }
}

/** Virtual ns between events `b` and `e`: what a poll from b to e really took. */
export function elapsed(model, b, e) {
  return model.t.data[e] - model.t.data[b];
}
