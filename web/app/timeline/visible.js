// Walking only what is on screen. Items of a lane are ordered and do not overlap, so the first
// visible one is a binary search away, and once items get thinner than a pixel the walk jumps
// to the first item of the next pixel: a frame costs O(width x log n), not O(n).

/** The first index in [lo, hi) for which `test(i)` is true, given that it is monotone. */
export function lowerBound(lo, hi, test) {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Calls `visit(i, px0, px1)` for the spans of a lane that meet the visible window, at most about
 * one per pixel. `beginX(i)` and `endX(i)` give span i's layout extent; both grow with i.
 */
export function forEachVisibleSpan(n, beginX, endX, scale, visit) {
  let i = lowerBound(0, n, (j) => endX(j) >= scale.x0);
  while (i < n) {
    const b = beginX(i);
    if (b > scale.x1) break;
    const px0 = scale.toPx(b);
    const px1 = scale.toPx(endX(i));
    visit(i, px0, px1);
    if (px1 - px0 < 1) {
      const next = scale.fromPx(Math.floor(px0) + 1);
      i = Math.max(
        i + 1,
        lowerBound(i + 1, n, (j) => beginX(j) >= next),
      );
    } else {
      ++i;
    }
  }
}

/** Calls `visit(i, px)` for the points of a lane in the visible window, at most one per pixel. */
export function forEachVisiblePoint(n, pointX, scale, visit) {
  let i = lowerBound(0, n, (j) => pointX(j) >= scale.x0);
  while (i < n) {
    const x = pointX(i);
    if (x > scale.x1) break;
    const px = scale.toPx(x);
    visit(i, px);
    const next = scale.fromPx(Math.floor(px) + 1);
    i = Math.max(
      i + 1,
      lowerBound(i + 1, n, (j) => pointX(j) >= next),
    );
  }
}

/** The index of the point nearest to layout position `x` within `tolerance`, or -1. */
export function nearestPoint(n, pointX, x, tolerance) {
  const i = lowerBound(0, n, (j) => pointX(j) >= x);
  let best = -1;
  let bestDistance = tolerance;
  for (const j of [i - 1, i]) {
    if (j < 0 || j >= n) continue;
    const d = Math.abs(pointX(j) - x);
    if (d <= bestDistance) {
      best = j;
      bestDistance = d;
    }
  }
  return best;
}
