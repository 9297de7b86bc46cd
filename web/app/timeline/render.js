// Draws one frame of the timeline from a render context: axis, instants, lanes, labels.
// Everything is in CSS pixels; the caller has scaled the context by devicePixelRatio.
import { t } from '../i18n/i18n.js';
import { pollResult } from './model.js';
import { axisHeight, labelWidth } from './lanes.js';
import { laneSearches, laneSpans, lanePoints } from './lane-items.js';
import { forEachTimeGap } from './stretch.js';
import { forEachVisibleSpan, forEachVisiblePoint, lowerBound } from './visible.js';
import { formatTime, niceStep } from './time-format.js';

/** Narrowest a span is drawn, in CSS pixels, so zero-length polls stay visible. */
export const minSpanPx = 2;

/**
 * A poll at least this wide is drawn in two fills: solid where virtual time ran, a light tint
 * with an outline across the slots of instants, where time stood still (see stretch.js).
 */
export const stretchedPollPx = 5;

/** Opacity of a poll's fill where time stood still. */
export const stillAlpha = 0.3;

/** Axis labels in running time are at least this far apart, in CSS pixels. */
const tickSpacingPx = 64;

/** A stretched instant this wide or wider gets break marks on the axis. */
const breakMarkPx = 16;

// Diagonal hatching for instants where time stands still, one pattern per colour and context.
const hatches = new WeakMap();

/** A repeating pattern of diagonal lines in `colour`: the fill of stretched instants. */
export function hatch(ctx, colour) {
  let byColour = hatches.get(ctx);
  if (!byColour) {
    byColour = new Map();
    hatches.set(ctx, byColour);
  }
  let pattern = byColour.get(colour);
  if (!pattern) {
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const g = tile.getContext('2d');
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    g.beginPath();
    for (const offset of [-8, 0, 8]) {
      g.moveTo(offset, 8);
      g.lineTo(offset + 8, 0);
    }
    g.stroke();
    pattern = ctx.createPattern(tile, 'repeat');
    byColour.set(colour, pattern);
  }
  return pattern;
}

const wakeKinds = new Set(['waker_wake', 'waker_wake_by_ref']);

/** The colour of a poll by its result: the canvas's, and the figure's (figure.js). */
export function resultColour(palette, result) {
  switch (result) {
    case pollResult.pending:
      return palette.pending;
    case pollResult.ready:
      return palette.ready;
    case pollResult.failed:
      return palette.failed;
    default:
      return palette.other;
  }
}

/** Wake arrows are drawn only while at most this many polls are on screen, or they hide the polls. */
export const maxArrows = 400;

/**
 * Renders the frame described by `rc`: { ctx, width, height, model, lanes, byTask, scale,
 * scrollY, palette, selection: { event, poll, task }, playhead: layout x or null }.
 */
export function renderTimeline(rc) {
  const { ctx, width, height, palette } = rc;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  const top = axisHeight - rc.scrollY;
  drawLaneBackgrounds(rc, top);
  drawInstants(rc);
  const ticks = axisTicks(rc);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  for (const tick of ticks) {
    ctx.beginPath();
    ctx.moveTo(Math.round(tick.px) + 0.5, axisHeight);
    ctx.lineTo(Math.round(tick.px) + 0.5, height);
    ctx.stroke();
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(labelWidth, axisHeight, width - labelWidth, height - axisHeight);
  ctx.clip();
  for (const lane of rc.lanes) {
    const y = top + lane.y;
    if (y + lane.h < axisHeight || y > height) continue;
    drawLane(rc, lane, y);
  }
  drawWakeArrows(rc, top);
  drawStealArrows(rc, top);
  drawDeadlocks(rc, top);
  drawMarkers(rc);
  drawPlayhead(rc);
  ctx.restore();

  drawAxis(rc, ticks);
  drawLabels(rc, top);
  drawPlayheadHandle(rc);
  return ticks;
}

/**
 * A deadlock: a line across the lanes (from `lineTop`, the axis's foot, to `rc.height`) where the
 * run found nothing runnable and nothing that could wake anything, and on each stuck task's lane
 * (lanes start at `top`) its wait since its last poll, in red, ending in a cross. The canvas
 * draws these, and a figure (figure.js) the same, through a context that records SVG paths.
 */
export function drawDeadlocks(rc, top, lineTop = axisHeight) {
  const { ctx, model, scale, palette, height } = rc;
  const k = model.k;
  for (const d of model.deadlocks) {
    const px = Math.round(scale.toPx(model.x(d, k) + k / 2)) + 0.5;
    if (px < scale.left - 200 || px > scale.left + scale.width + 200) continue;
    ctx.strokeStyle = palette.danger;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(px, lineTop);
    ctx.lineTo(px, height);
    ctx.stroke();
    for (const id of stuckTasks(model, d)) {
      const lane = rc.byTask?.get(id);
      if (!lane) continue;
      const y = top + lane.y + lane.h / 2 - 1;
      const polls = lane.task.polls;
      const last = polls.length > 0 ? polls.data[polls.length - 1] : -1;
      const end = last === -1 ? -1 : model.polls.end.data[last];
      const from = end === -1 ? scale.left : scale.toPx(model.x(end, k) + k);
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(Math.max(from, scale.left), y);
      ctx.lineTo(px, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(px - 5, y - 5);
      ctx.lineTo(px + 5, y + 5);
      ctx.moveTo(px + 5, y - 5);
      ctx.lineTo(px - 5, y + 5);
      ctx.stroke();
    }
    ctx.lineWidth = 1;
  }
}

/** The ids of the tasks deadlock event `d` of `model` lists as stuck. */
export function stuckTasks(model, d) {
  const stuck = model.field(d, 'stuck');
  return Array.isArray(stuck) ? stuck.map((s) => s?.task).filter((id) => Number.isInteger(id)) : [];
}

// Marks the page puts on the timeline (compare mode's first difference): a dashed line, from
// `lineTop` (under the axis) down. A figure draws them too (figure.js).
export function drawMarkers(rc, lineTop = axisHeight) {
  const { ctx, scale, palette, height } = rc;
  for (const marker of rc.markers ?? []) {
    const px = Math.round(scale.toPx(marker.x)) + 0.5;
    if (px < scale.left || px > scale.left + scale.width) continue;
    ctx.strokeStyle = palette.marker;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(px, lineTop);
    ctx.lineTo(px, height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
  }
}

/** Where the playhead of `rc` is drawn, in CSS pixels, or null when it is none or off screen. */
export function playheadPx(rc) {
  if (rc.playhead === null || rc.playhead === undefined) return null;
  const { scale } = rc;
  const px = Math.round(scale.toPx(rc.playhead)) + 0.5;
  return px < scale.left || px > scale.left + scale.width ? null : px;
}

function drawPlayhead(rc) {
  const px = playheadPx(rc);
  if (px === null) return;
  const { ctx, height, palette } = rc;
  ctx.strokeStyle = palette.playhead;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(px, axisHeight);
  ctx.lineTo(px, height);
  ctx.stroke();
  ctx.lineWidth = 1;
}

function drawPlayheadHandle(rc) {
  const px = playheadPx(rc);
  if (px === null) return;
  const { ctx, palette } = rc;
  ctx.fillStyle = palette.playhead;
  ctx.beginPath();
  ctx.moveTo(px - 6, axisHeight - 9);
  ctx.lineTo(px + 6, axisHeight - 9);
  ctx.lineTo(px, axisHeight);
  ctx.closePath();
  ctx.fill();
}

// The lane and event a poll's wake came from: poll_begin -> task_enqueue -> waker_wake, then the
// waker's caller: a timer, an I/O resource, a task or the runtime (the first executor lane).
function wakeSource(rc, begin) {
  const { model, lanes, byTask } = rc;
  const enqueue = model.causeOf(begin);
  if (enqueue === -1 || model.kindOf(enqueue) !== 'task_enqueue') return null;
  const wake = model.causeOf(enqueue);
  if (wake === -1 || !wakeKinds.has(model.kindOf(wake))) return null;
  const by = model.field(wake, 'by');
  let lane;
  if (by === 'timer') lane = lanes.find((l) => l.type === 'timers');
  else if (by === 'io') lane = lanes.find((l) => l.type === 'io');
  else if (by === 'task') lane = byTask?.get(model.field(wake, 'by_id'));
  else lane = lanes.find((l) => l.type === 'executor');
  return lane ? { lane, event: wake } : null;
}

/**
 * The wake arrows of the frame `rc` whose lanes start at `top`, for the lanes between the axis and
 * `rc.height`: from each wake (on its caller's lane) to the poll it caused, as
 * [{ from, c1, c2, to, head }] (points as [x, y]: a cubic curve and the head's three corners).
 * None when more than `limit` polls are in view, where they would hide the polls. The canvas
 * draws these, and a figure (figure.js) the same.
 */
export function wakeArrows(rc, top, limit = maxArrows) {
  const { model, scale, height } = rc;
  const k = model.k;
  const polls = [];
  for (const lane of rc.lanes) {
    if (lane.type !== 'task') continue;
    const y = top + lane.y;
    if (y + lane.h < axisHeight || y > height) continue;
    const spans = laneSpans(model, lane, k);
    forEachVisibleSpan(spans.n, spans.beginX, spans.endX, scale, (i, px0) => {
      if (polls.length <= limit)
        polls.push([model.polls.begin.data[spans.poll(i)], px0, y, lane.h]);
    });
    if (polls.length > limit) return [];
  }
  const arrows = [];
  for (const [begin, px, y, h] of polls) {
    const source = wakeSource(rc, begin);
    if (!source) continue;
    const sx = scale.toPx(model.x(source.event, k) + k / 2);
    const sy = top + source.lane.y + source.lane.h / 2;
    const ty = source.lane.y + top < y ? y + 5 : y + h - 7;
    const tx = px + 1;
    const down = ty > sy ? 1 : -1;
    arrows.push({
      from: [sx, sy],
      c1: [sx, (sy + ty) / 2],
      c2: [tx, (sy + ty) / 2],
      to: [tx, ty],
      head: [
        [tx, ty],
        [tx - 3.5, ty - 6 * down],
        [tx + 3.5, ty - 6 * down],
      ],
    });
  }
  return arrows;
}

// Wake arrows, from the wake (on its caller's lane) to the poll it caused.
function drawWakeArrows(rc, top) {
  const { ctx, palette } = rc;
  ctx.strokeStyle = palette.wake;
  ctx.fillStyle = palette.wake;
  ctx.lineWidth = 1.25;
  for (const { from, c1, c2, to, head } of wakeArrows(rc, top)) {
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.bezierCurveTo(...c1, ...c2, ...to);
    ctx.stroke();
    fillHead(ctx, head);
  }
  ctx.lineWidth = 1;
}

function fillHead(ctx, [a, b, c]) {
  ctx.beginPath();
  ctx.moveTo(...a);
  ctx.lineTo(...b);
  ctx.lineTo(...c);
  ctx.closePath();
  ctx.fill();
}

/**
 * The steal arrows of the frame `rc` whose lanes start at `top`: from the victim's executor lane
 * to each steal mark in view on the thief's, as [{ from, c, to, head }] (a quadratic curve and
 * the head's three corners), at most `limit` + 1. Drawn by the canvas and by a figure.
 */
export function stealArrows(rc, top, limit = maxArrows) {
  const { model, scale } = rc;
  const k = model.k;
  const byWorker = new Map();
  for (const lane of rc.lanes)
    if (lane.type === 'executor' && lane.worker) byWorker.set(lane.worker.id, lane);
  const arrows = [];
  if (byWorker.size < 2) return arrows;
  for (const thief of byWorker.values()) {
    const points = lanePoints(model, thief, k);
    if (!points) continue;
    forEachVisiblePoint(points.n, points.pointX, scale, (i, px) => {
      const event = points.event(i);
      if (arrows.length > limit || model.kindOf(event) !== 'steal') return;
      const victim = byWorker.get(model.field(event, 'victim'));
      if (!victim) return;
      const sy = top + victim.y + victim.h / 2;
      const thiefY = top + thief.y;
      const ty = sy < thiefY ? thiefY + 4 : thiefY + thief.h - 4;
      const down = ty > sy ? 1 : -1;
      arrows.push({
        from: [px - 8, sy],
        c: [px - 8, ty],
        to: [px, ty],
        head: [
          [px, ty],
          [px - 6, ty - 3.5 * down],
          [px - 6, ty + 3.5 * down],
        ],
      });
    });
  }
  return arrows;
}

// Steals with a victim: an arrow from the victim's executor lane to the thief's steal mark.
function drawStealArrows(rc, top) {
  const { ctx, palette } = rc;
  ctx.strokeStyle = palette.steal;
  ctx.fillStyle = palette.steal;
  ctx.lineWidth = 1.25;
  for (const { from, c, to, head } of stealArrows(rc, top)) {
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.quadraticCurveTo(...c, ...to);
    ctx.stroke();
    fillHead(ctx, head);
  }
  ctx.lineWidth = 1;
}

/**
 * The run-queue depth after each enqueue and poll_begin, as a step line scaled to the deepest,
 * with the deepest written at the right ("max 4") of the depth lane at `y`, `h` high. Drawn by
 * the canvas and by a figure.
 */
export function drawDepth(rc, y, h) {
  const { ctx, model, scale, palette } = rc;
  const k = model.k;
  const events = model.depthEvents.data;
  const values = model.depthValues.data;
  const n = model.depthEvents.length;
  const max = Math.max(1, model.maxDepth);
  const bottom = y + h - 3;
  const yOf = (depth) => bottom - (depth / max) * (h - 8);
  const pointX = (j) => model.x(events[j], k) + k / 2;
  const first = lowerBound(0, n, (j) => pointX(j) >= scale.x0);
  ctx.strokeStyle = palette.depth;
  ctx.beginPath();
  let last = first > 0 ? values[first - 1] : 0;
  ctx.moveTo(scale.left, yOf(last));
  forEachVisiblePoint(n, pointX, scale, (j, px) => {
    // Within one pixel, rise to the deepest value it holds, then settle on its last.
    const next = scale.fromPx(Math.floor(px) + 1);
    let m = j;
    let deepest = values[j];
    while (m + 1 < n && m - j < 256 && pointX(m + 1) < next)
      deepest = Math.max(deepest, values[++m]);
    ctx.lineTo(px, yOf(last));
    ctx.lineTo(px, yOf(deepest));
    last = values[m];
    ctx.lineTo(px, yOf(last));
  });
  ctx.lineTo(scale.left + scale.width, yOf(last));
  ctx.stroke();
  ctx.fillStyle = palette.textMuted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(
    t('narration.timeline.maxDepth', { count: model.maxDepth }),
    scale.left + scale.width - 48,
    y + 8,
  );
  ctx.font = '12px system-ui, sans-serif';
}

function drawLaneBackgrounds(rc, top) {
  const { ctx, width, height, palette, selection } = rc;
  rc.lanes.forEach((lane, index) => {
    const y = top + lane.y;
    if (y + lane.h < axisHeight || y > height) return;
    const selected = lane.type === 'task' && selection && lane.task.id === selection.task;
    ctx.fillStyle = selected ? palette.laneSelected : index % 2 ? palette.laneAlt : palette.lane;
    ctx.fillRect(0, y, width, lane.h);
  });
}

/**
 * Calls `visit(j, px0, px1)` for the instants of `rc` wide enough to see (3 px) on the spread
 * layout: stretches of the axis where several events share one virtual time.
 */
export function forEachStretchedInstant(rc, visit) {
  const { model, scale } = rc;
  const k = model.k;
  if (k === 0) return;
  const first = model.instants.data;
  const n = model.instants.length;
  const endOf = (j) => (j + 1 < n ? first[j + 1] : model.count);
  forEachVisibleSpan(
    n,
    (j) => model.x(first[j], k),
    (j) => model.x(endOf(j) - 1, k) + k,
    scale,
    (j, px0, px1) => {
      if (endOf(j) - first[j] < 2 || px1 - px0 < 3) return;
      visit(j, px0, px1);
    },
  );
}

// Instants where time stands still and several events happen: a hatched band, so the reader
// sees that these polls all share one virtual time and that the band's width is not time.
function drawInstants(rc) {
  const { ctx, palette, height } = rc;
  const pattern = hatch(ctx, palette.stretch);
  forEachStretchedInstant(rc, (j, px0, px1) => {
    const left = Math.max(px0, labelWidth);
    const w = Math.max(0, px1 - left);
    ctx.fillStyle = palette.instant;
    ctx.fillRect(left, axisHeight, w, height - axisHeight);
    ctx.fillStyle = pattern;
    ctx.fillRect(left, axisHeight, w, height - axisHeight);
  });
}

/**
 * Where things go in a task lane `h` pixels high: the poll spans' top and height, and the
 * heights of the ticks under them (spawn, wake and end tall; other events short).
 */
export function taskLaneRows(h) {
  return h >= 28
    ? { spanTop: 5, spanHeight: h - 12, tallMark: 8, shortMark: 5 }
    : { spanTop: 3, spanHeight: h - 10, tallMark: 6, shortMark: 4 };
}

function drawLane(rc, lane, y) {
  const { ctx, model, scale, palette, selection } = rc;
  const k = model.k;
  if (lane.type === 'depth') {
    drawDepth(rc, y, lane.h);
    return;
  }
  const spans = laneSpans(model, lane, k);
  if (spans && lane.type === 'task') {
    const { result } = model.polls;
    let lastEndPx = null;
    let lastPending = false;
    const { spanTop: top0, spanHeight } = taskLaneRows(lane.h);
    const spanTop = y + top0;
    // Spans thinner than a pixel come one per pixel; neighbours of one colour are filled as one
    // rectangle, so a zoomed-out lane costs a few rectangles rather than one per pixel.
    let runColour = null;
    let runX0 = 0;
    let runX1 = 0;
    const flush = () => {
      if (runColour === null) return;
      ctx.fillStyle = runColour;
      ctx.fillRect(runX0, spanTop, runX1 - runX0, spanHeight);
      runColour = null;
    };
    forEachVisibleSpan(spans.n, spans.beginX, spans.endX, scale, (i, px0, px1) => {
      const poll = spans.poll(i);
      const r = result.data[poll];
      if (lastPending && lastEndPx !== null && px0 - lastEndPx > 2) {
        flush();
        ctx.strokeStyle = palette.waiting;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(lastEndPx, spanTop + spanHeight / 2 + 0.5);
        ctx.lineTo(px0, spanTop + spanHeight / 2 + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      const w = Math.max(minSpanPx, px1 - px0);
      const colour = resultColour(palette, r);
      if (w >= stretchedPollPx) {
        flush();
        drawStretchedPoll(rc, poll, colour, px0, w, spanTop, spanHeight);
      } else if (colour === runColour && px0 <= runX1 + 0.01) {
        runX1 = Math.max(runX1, px0 + w);
      } else {
        flush();
        runColour = colour;
        runX0 = px0;
        runX1 = px0 + w;
      }
      if (selection && selection.poll === poll) {
        flush();
        ctx.strokeStyle = palette.selection;
        ctx.lineWidth = 2;
        ctx.strokeRect(px0 - 1, spanTop - 1, w + 2, spanHeight + 2);
        ctx.lineWidth = 1;
      }
      lastEndPx = px0 + w;
      lastPending = r === pollResult.pending;
    });
    flush();
    // A wait that started left of the window and ends beyond it still shows as a line.
    if (spans.n > 0 && lastEndPx === null) {
      const before = lowerBound(0, spans.n, (j) => spans.beginX(j) > scale.x1) - 1;
      if (
        before >= 0 &&
        result.data[spans.poll(before)] === pollResult.pending &&
        before + 1 < spans.n
      ) {
        ctx.strokeStyle = palette.waiting;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(scale.left, spanTop + spanHeight / 2 + 0.5);
        ctx.lineTo(scale.left + scale.width, spanTop + spanHeight / 2 + 0.5);
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
  } else if (spans) {
    // A worker looking for work (search_begin .. search_end): a thin band across the lane's middle.
    const searches = laneSearches(model, lane, k);
    if (searches && searches.n > 0) {
      ctx.fillStyle = palette.search;
      forEachVisibleSpan(searches.n, searches.beginX, searches.endX, scale, (i, px0, px1) => {
        ctx.fillRect(px0, y + lane.h / 2 - 3, Math.max(1, px1 - px0), 6);
      });
    }
    ctx.fillStyle = palette.park;
    forEachVisibleSpan(spans.n, spans.beginX, spans.endX, scale, (i, px0, px1) => {
      const w = Math.max(1, px1 - px0);
      ctx.fillRect(px0, y + 5, w, lane.h - 10);
      if (w > 60) {
        ctx.fillStyle = palette.textMuted;
        ctx.fillText(t('narration.timeline.parked'), Math.max(px0, labelWidth) + 6, y + lane.h / 2);
        ctx.fillStyle = palette.park;
      }
    });
  }

  const points = lanePoints(model, lane, k);
  if (!points) return;
  // Marks of a task lane touch once there is one per pixel: touching marks of one height are
  // filled as one rectangle (the same pixels, far fewer calls).
  let markTall = null;
  let markX0 = 0;
  let markX1 = 0;
  const { tallMark, shortMark } = taskLaneRows(lane.h);
  const flushMarks = () => {
    if (markTall === null) return;
    ctx.fillStyle = palette.mark;
    const h = markTall ? tallMark : shortMark;
    ctx.fillRect(markX0, y + lane.h - h - 1, markX1 - markX0, h);
    markTall = null;
  };
  forEachVisiblePoint(points.n, points.pointX, scale, (i, px) => {
    const event = points.event(i);
    const kind = model.kindOf(event);
    const selected = selection && selection.event === event && selection.poll === -1;
    if (lane.type === 'task') {
      const tall = wakeKinds.has(kind) || kind === 'task_spawn' || kind === 'task_end';
      const x0 = Math.round(px) - 0.5;
      if (selected) {
        flushMarks();
        ctx.fillStyle = palette.selection;
        const h = tall ? tallMark : shortMark;
        ctx.fillRect(x0, y + lane.h - h - 1, 3, h);
      } else if (tall === markTall && x0 <= markX1) {
        markX1 = x0 + 1.5;
      } else {
        flushMarks();
        markTall = tall;
        markX0 = x0;
        markX1 = x0 + 1.5;
      }
    } else {
      const colour =
        lane.type === 'io' ? palette.io : lane.type === 'executor' ? palette.steal : palette.timer;
      drawMarker(ctx, kind, px, y + lane.h / 2, colour);
      if (selected) {
        ctx.strokeStyle = palette.selection;
        ctx.lineWidth = 2;
        ctx.strokeRect(px - 6, y + 3, 12, lane.h - 6);
        ctx.lineWidth = 1;
      }
    }
  });
  flushMarks();
}

// A poll wide enough to show its inside: a light tint with an outline across its whole span, and
// solid only where virtual time ran (the gaps between instants). A poll that took no time at all
// is an outline: its width is the number of events it made, not a duration.
function drawStretchedPoll(rc, poll, colour, px0, w, y, h) {
  const { ctx, model, scale } = rc;
  const k = model.k;
  ctx.fillStyle = colour;
  ctx.globalAlpha = stillAlpha;
  ctx.fillRect(px0, y, w, h);
  ctx.globalAlpha = 1;
  const begin = model.polls.begin.data[poll];
  const endEvent = model.polls.end.data[poll];
  const end = endEvent === -1 ? model.count - 1 : endEvent;
  forEachTimeGap(model, begin, end, k, scale, (x0, x1) => {
    const a = Math.max(px0, scale.toPx(x0));
    const b = Math.min(px0 + w, scale.toPx(x1));
    if (b > a) ctx.fillRect(a, y, Math.max(1, b - a), h);
  });
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(px0 + 0.75, y + 0.75, w - 1.5, h - 1.5);
  ctx.lineWidth = 1;
}

// Fires and readiness are diamonds, arms and registrations ticks, cancels crosses: shapes as well
// as colours, for readers who cannot tell the colours apart.
export function drawMarker(ctx, kind, px, cy, colour) {
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  if (kind === 'timer_fire' || kind === 'io_ready') {
    ctx.beginPath();
    ctx.moveTo(px, cy - 6);
    ctx.lineTo(px + 5, cy);
    ctx.lineTo(px, cy + 6);
    ctx.lineTo(px - 5, cy);
    ctx.closePath();
    ctx.fill();
  } else if (kind === 'steal' || kind === 'queue_overflow') {
    // A steal points right (into the thief), an overflow points down (out of the local queue).
    ctx.beginPath();
    if (kind === 'steal') {
      ctx.moveTo(px + 5, cy);
      ctx.lineTo(px - 4, cy - 5);
      ctx.lineTo(px - 4, cy + 5);
    } else {
      ctx.moveTo(px, cy + 5);
      ctx.lineTo(px - 5, cy - 4);
      ctx.lineTo(px + 5, cy - 4);
    }
    ctx.closePath();
    ctx.fill();
  } else if (kind === 'pend') {
    ctx.beginPath();
    ctx.arc(px, cy, 3, 0, Math.PI * 2);
    ctx.fill();
  } else if (kind === 'timer_cancel') {
    ctx.beginPath();
    ctx.moveTo(px - 4, cy - 4);
    ctx.lineTo(px + 4, cy + 4);
    ctx.moveTo(px + 4, cy - 4);
    ctx.lineTo(px - 4, cy + 4);
    ctx.stroke();
  } else {
    ctx.fillRect(Math.round(px) - 1, cy - 5, 2, 10);
  }
}

/**
 * Tick marks in virtual time over the visible window: [{ px, label }]. The step comes from how
 * many pixels a nanosecond takes where time runs (one layout unit is one ns there), so labels are
 * evenly spaced in time, never closer than tickSpacingPx; an instant stretched between two ticks
 * only moves the later ones right. Nothing before t = 0 is labelled.
 */
export function axisTicks(rc) {
  const { model, scale } = rc;
  const k = model.k;
  const t0 = Math.max(0, model.timeAt(scale.x0, k));
  const t1 = model.timeAt(scale.x1, k);
  if (!Number.isFinite(t0) || !Number.isFinite(t1)) return [];
  const ticks = [];
  if (t1 <= t0) return ticks;
  const step = niceStep(tickSpacingPx / scale.pxPerUnit, 1);
  let lastPx = -Infinity;
  for (let T = Math.ceil(t0 / step) * step; T <= t1; T += step) {
    // Never a label below 0 ("-20 ns" when panned before the run's start): skip and clamp.
    if (!(T >= 0)) continue;
    const px = scale.toPx(model.xOfTime(T, k));
    if (px < scale.left || px - lastPx < 56) continue;
    const t = T < step * 1e-6 ? 0 : T;
    ticks.push({ px, label: formatTime(t, step), t });
    lastPx = px;
  }
  return ticks;
}

function drawAxis(rc, ticks) {
  const { ctx, width, palette, model, scale } = rc;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, axisHeight);
  drawAxisBreaks(rc);
  ctx.fillStyle = palette.text;
  ctx.textAlign = 'left';
  for (const tick of ticks) ctx.fillText(tick.label, tick.px + 3, axisHeight / 2);
  if (ticks.length === 0 && model.count > 0) {
    // The whole window lies inside one instant: say which, rather than showing no time at all.
    const instant = Math.max(0, model.timeAt((scale.x0 + scale.x1) / 2));
    ctx.fillText(
      t('narration.timeline.standsStill', { time: formatTime(instant) }),
      scale.left + 6,
      axisHeight / 2,
    );
  }
  drawAxisFlags(rc);
  ctx.strokeStyle = palette.grid;
  ctx.beginPath();
  ctx.moveTo(0, axisHeight - 0.5);
  ctx.lineTo(width, axisHeight - 0.5);
  ctx.stroke();
}

/**
 * Where the axis stops measuring time: each stretched instant is hatched along the axis's foot,
 * between two break marks (//), with its time written small on the hatching when it fits. The
 * axis is the top `axisHeight` pixels of `rc.ctx` (a figure moves it under its title).
 */
export function drawAxisBreaks(rc) {
  const { ctx, palette, model, scale } = rc;
  const pattern = hatch(ctx, palette.stretch);
  const foot = axisHeight - 9;
  const right = scale.left + scale.width;
  forEachStretchedInstant(rc, (j, px0, px1) => {
    const left = Math.max(px0, scale.left);
    const w = Math.min(px1, right) - left;
    if (w <= 0) return;
    ctx.fillStyle = pattern;
    ctx.fillRect(left, foot, w, 8);
    if (px1 - px0 < breakMarkPx) return;
    ctx.strokeStyle = palette.textMuted;
    ctx.lineWidth = 1.25;
    for (const px of [px0, px1]) {
      if (px < scale.left || px > right) continue;
      ctx.beginPath();
      ctx.moveTo(px - 4, axisHeight - 1);
      ctx.lineTo(px - 1, foot - 2);
      ctx.moveTo(px + 1, axisHeight - 1);
      ctx.lineTo(px + 4, foot - 2);
      ctx.stroke();
    }
    ctx.lineWidth = 1;
    // The instant's time, small, on its hatched strip ("at 3 ms"): an annotation, not a tick.
    const text = t('narration.timeline.instantAt', {
      time: formatTime(model.t.data[model.instants.data[j]]),
    });
    ctx.font = '10px system-ui, sans-serif';
    const textLeft = left + 6;
    const textWidth = ctx.measureText(text).width;
    if (textWidth <= Math.min(px1, right) - 6 - textLeft) {
      ctx.fillStyle = palette.background;
      ctx.fillRect(textLeft - 2, foot, textWidth + 4, 8);
      ctx.fillStyle = palette.textMuted;
      ctx.fillText(text, textLeft, foot + 4);
    }
    ctx.font = '12px system-ui, sans-serif';
  });
}

/**
 * Flags on the axis over lines drawn across the lanes: the deadlock ("deadlock", in the reader's
 * language), and the page's markers. On the axis at the top of `rc.ctx`, as drawAxisBreaks.
 */
export function drawAxisFlags(rc) {
  const { ctx, palette, model, scale } = rc;
  const k = model.k;
  const flag = (x, text, colour) => {
    const px = scale.toPx(x);
    if (px < scale.left || px > scale.left + scale.width) return;
    ctx.font = 'bold 11px system-ui, sans-serif';
    const w = ctx.measureText(text).width + 8;
    const left = Math.min(px - w / 2, scale.left + scale.width - w);
    ctx.fillStyle = colour;
    ctx.fillRect(Math.max(scale.left, left), axisHeight - 16, w, 15);
    ctx.fillStyle = palette.background;
    ctx.fillText(text, Math.max(scale.left, left) + 4, axisHeight - 8);
    ctx.font = '12px system-ui, sans-serif';
  };
  const deadlock = t('narration.timeline.deadlockFlag');
  for (const d of model.deadlocks) flag(model.x(d, k) + k / 2, deadlock, palette.danger);
  for (const marker of rc.markers ?? []) flag(marker.x, marker.label, palette.marker);
}

function drawLabels(rc, top) {
  const { ctx, height, palette, selection } = rc;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, axisHeight, labelWidth, height - axisHeight);
  ctx.clip();
  rc.lanes.forEach((lane, index) => {
    const y = top + lane.y;
    if (y + lane.h < axisHeight || y > height) return;
    const selected = lane.type === 'task' && selection && lane.task.id === selection.task;
    ctx.fillStyle = selected ? palette.laneSelected : index % 2 ? palette.laneAlt : palette.lane;
    ctx.fillRect(0, y, labelWidth, lane.h);
    ctx.fillStyle = lane.type === 'task' ? palette.text : palette.textMuted;
    ctx.font = selected ? 'bold 12px system-ui, sans-serif' : '12px system-ui, sans-serif';
    ctx.fillText(fitText(ctx, lane.label, labelWidth - 12), 8, y + lane.h / 2);
  });
  ctx.restore();
  ctx.strokeStyle = palette.grid;
  ctx.beginPath();
  ctx.moveTo(labelWidth - 0.5, 0);
  ctx.lineTo(labelWidth - 0.5, height);
  ctx.stroke();
}

function fitText(ctx, text, width) {
  if (ctx.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > width) --end;
  return `${text.slice(0, end)}…`;
}
