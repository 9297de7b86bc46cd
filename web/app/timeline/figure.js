// A figure of the timeline for slides and posts (issue 19, item 8): the visible window or the whole
// run as SVG (or PNG), with a title, the time axis, the lanes, the wake and steal arrows and the
// playhead as the canvas draws them, and a legend, in the page's theme or in light or dark.
// Everything is built with createElementNS and text is set with textContent, so nothing from the
// trace (task names, an imported file's example name) ever becomes markup; colours and sizes are
// presentation attributes, never a style attribute (the page's policy forbids inline styles).
import { axisHeight, labelWidth } from './lanes.js';
import { laneSearches, laneSpans, lanePoints } from './lane-items.js';
import { legendEntries } from './legend.js';
import { pollResult } from './model.js';
import { readThemePalette } from './palette.js';
import {
  axisTicks,
  drawAxisBreaks,
  drawAxisFlags,
  drawDeadlocks,
  drawDepth,
  drawMarker,
  drawMarkers,
  forEachStretchedInstant,
  maxArrows,
  minSpanPx,
  playheadPx,
  stealArrows,
  stillAlpha,
  stretchedPollPx,
  taskLaneRows,
  resultColour,
  wakeArrows,
} from './render.js';
import { forEachTimeGap } from './stretch.js';
import { TimeScale } from './time-scale.js';
import { t } from '../i18n/i18n.js';
import { formatTime } from './time-format.js';
import { forEachVisiblePoint, forEachVisibleSpan } from './visible.js';

// What a figure says: its title and failure in the reader's words (the narration part of the
// catalogue); the option errors are for the developer calling figure(), in English as seek's are.
const text = {
  title: (example, strategy, seed, from, to) =>
    t('narration.figure.title', { example, strategy, seed: String(seed), from, to }),
  get notDrawn() {
    return t('narration.figure.notDrawn');
  },
  badFormat: (value) => `figure: format ${value} is not svg or png`,
  badTheme: (value) => `figure: theme ${value} is not light or dark`,
  badScale: (value) => `figure: scale ${value} is not a number from 0.25 to ${maxFigureScale}`,
  badWidth: (value) =>
    `figure: width ${value} is not a number of pixels from ${minFigureWidth} to ${maxFigureWidth}`,
};

/** Themes a figure can be drawn in, whatever the page shows. */
export const figureThemes = ['light', 'dark'];

/** Narrowest and widest figure, in CSS pixels. */
export const minFigureWidth = 320;
export const maxFigureWidth = 4000;

/** Largest scale of a figure's PNG (4: a 4000 px figure is 16,000 pixels wide). */
export const maxFigureScale = 4;

const svgNs = 'http://www.w3.org/2000/svg';
const titleHeight = 34;
const legendRow = 22;
const swatchWidth = 22;
const swatchHeight = 14;
const font = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** An SVG element `name` with `attributes` (numbers rounded to 0.01), appended to `parent`. */
function node(parent, name, attributes = {}, text) {
  const el = parent.ownerDocument.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    el.setAttribute(key, typeof value === 'number' ? String(Math.round(value * 100) / 100) : value);
  }
  if (text !== undefined) el.textContent = text;
  parent.append(el);
  return el;
}

/** Rectangles of one colour side by side merge into one, so a zoomed-out lane stays small. */
function rectRuns(parent, y, h) {
  let colour = null;
  let x0 = 0;
  let x1 = 0;
  const flush = () => {
    if (colour !== null)
      node(parent, 'rect', { x: x0, y, width: x1 - x0, height: h, fill: colour });
    colour = null;
  };
  return {
    add(px, w, fill) {
      if (fill === colour && px <= x1 + 0.01) {
        x1 = Math.max(x1, px + w);
        return;
      }
      flush();
      colour = fill;
      x0 = px;
      x1 = px + w;
    },
    flush,
  };
}

function drawTaskLane(g, rc, lane, y) {
  const { model, scale, palette } = rc;
  const k = model.k;
  const spans = laneSpans(model, lane, k);
  const { spanTop, spanHeight, shortMark } = taskLaneRows(lane.h);
  const top = y + spanTop;
  const runs = rectRuns(g, top, spanHeight);
  let lastEnd = null;
  let lastPending = false;
  forEachVisibleSpan(spans.n, spans.beginX, spans.endX, scale, (i, px0, px1) => {
    const r = model.polls.result.data[spans.poll(i)];
    if (lastPending && lastEnd !== null && px0 - lastEnd > 2) {
      runs.flush();
      const mid = top + spanHeight / 2 + 0.5;
      node(g, 'line', {
        x1: lastEnd,
        y1: mid,
        x2: px0,
        y2: mid,
        stroke: palette.waiting,
        'stroke-dasharray': '3 3',
      });
    }
    const w = Math.max(minSpanPx, px1 - px0);
    const colour = resultColour(palette, r);
    if (w >= stretchedPollPx) {
      runs.flush();
      stretchedPoll(g, rc, spans.poll(i), colour, px0, w, top, spanHeight);
    } else runs.add(px0, w, colour);
    lastEnd = px0 + w;
    lastPending = r === pollResult.pending;
  });
  runs.flush();
  drawPoints(g, rc, lane, y + lane.h - shortMark - 1, shortMark, palette.mark);
}

/** A wide poll as the canvas draws it: a tint with an outline, solid where virtual time ran. */
function stretchedPoll(g, rc, poll, colour, px0, w, y, h) {
  const { model, scale } = rc;
  const k = model.k;
  node(g, 'rect', { x: px0, y, width: w, height: h, fill: colour, 'fill-opacity': stillAlpha });
  const begin = model.polls.begin.data[poll];
  const endEvent = model.polls.end.data[poll];
  const end = endEvent === -1 ? model.count - 1 : endEvent;
  forEachTimeGap(model, begin, end, k, scale, (x0, x1) => {
    const a = Math.max(px0, scale.toPx(x0));
    const b = Math.min(px0 + w, scale.toPx(x1));
    if (b > a) node(g, 'rect', { x: a, y, width: Math.max(1, b - a), height: h, fill: colour });
  });
  node(g, 'rect', {
    x: px0 + 0.75,
    y: y + 0.75,
    width: w - 1.5,
    height: h - 1.5,
    fill: 'none',
    stroke: colour,
    'stroke-width': 1.5,
  });
}

function drawPoints(g, rc, lane, y, h, colour) {
  const points = lanePoints(rc.model, lane, rc.model.k);
  if (!points) return;
  const runs = rectRuns(g, y, h);
  forEachVisiblePoint(points.n, points.pointX, rc.scale, (i, px) => {
    runs.add(Math.round(px) - 1, 2, colour);
  });
  runs.flush();
}

function drawExecutorLane(g, rc, lane, y) {
  const { model, scale, palette } = rc;
  const k = model.k;
  const searches = laneSearches(model, lane, k);
  if (searches && searches.n > 0) {
    const runs = rectRuns(g, y + lane.h / 2 - 3, 6);
    forEachVisibleSpan(searches.n, searches.beginX, searches.endX, scale, (i, px0, px1) =>
      runs.add(px0, Math.max(1, px1 - px0), palette.search),
    );
    runs.flush();
  }
  const spans = laneSpans(model, lane, k);
  if (spans) {
    const runs = rectRuns(g, y + 5, lane.h - 10);
    // A park wide enough for it says "parked" over it, as on the canvas (render.js's drawLane).
    const words = [];
    forEachVisibleSpan(spans.n, spans.beginX, spans.endX, scale, (i, px0, px1) => {
      runs.add(px0, Math.max(1, px1 - px0), palette.park);
      if (px1 - px0 > 60) words.push(Math.max(px0, labelWidth) + 6);
    });
    runs.flush();
    for (const x of words)
      node(
        g,
        'text',
        { x, y: y + lane.h / 2, 'dominant-baseline': 'middle', fill: palette.textMuted },
        t('narration.timeline.parked'),
      );
  }
  drawMarks(g, rc, lane, y);
}

/** The fill of the figure's hatching (hatchPattern), which render.js's hatch gives the canvas. */
const hatchFill = 'url(#wakeline-hatch)';

/**
 * A stand-in for a canvas 2D context that records what render.js's drawing functions draw
 * (drawMarker, drawDepth, drawDeadlocks, drawAxisBreaks, drawAxisFlags; the legend's pictures)
 * under `parent`: paths, whole circles and rectangles, filled or stroked (dashed with
 * setLineDash), become SVG paths, and fillText a <text> set with textContent, in the size and
 * weight of the context's font. The figure's marks are drawn by the canvas's own code. Paths of
 * one kind merge into one element until text is drawn over them, or flush() ends them. Text is
 * placed as the canvas places it (renderTimeline's textBaseline, middle); measureText measures
 * with a real canvas, so a flag is as wide as on screen; the hatch pattern (render.js's hatch)
 * is the figure's.
 */
function pathContext(parent) {
  const paths = new Map();
  const n = (v) => Math.round(v * 100) / 100;
  const add = (key, attributes, d) => {
    const path = paths.get(key);
    if (path) path.d += d;
    else paths.set(key, { attributes, d });
  };
  let d = '';
  let dash = [];
  let measurer = null;
  const flush = () => {
    for (const { attributes, d: path } of paths.values())
      node(parent, 'path', { d: path, ...attributes });
    paths.clear();
  };
  return {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '12px system-ui, sans-serif',
    textBaseline: 'middle',
    textAlign: 'left',
    beginPath() {
      d = '';
    },
    moveTo(x, y) {
      d += `M${n(x)} ${n(y)}`;
    },
    lineTo(x, y) {
      d += `L${n(x)} ${n(y)}`;
    },
    closePath() {
      d += 'Z';
    },
    // Marks use whole circles only: two half arcs.
    arc(x, y, r) {
      d += `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    },
    setLineDash(segments) {
      dash = [...segments];
    },
    getLineDash() {
      return [...dash];
    },
    createPattern() {
      return hatchFill;
    },
    fill() {
      add(`fill ${this.fillStyle}`, { fill: this.fillStyle }, d);
    },
    stroke() {
      const dashes = dash.length > 0 ? dash.join(' ') : undefined;
      add(
        `stroke ${this.lineWidth} ${dashes} ${this.strokeStyle}`,
        {
          fill: 'none',
          stroke: this.strokeStyle,
          'stroke-width': String(this.lineWidth),
          'stroke-dasharray': dashes,
        },
        d,
      );
    },
    fillRect(x, y, w, h) {
      add(
        `fill ${this.fillStyle}`,
        { fill: this.fillStyle },
        `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`,
      );
    },
    measureText(text) {
      measurer ??= parent.ownerDocument.createElement('canvas').getContext('2d');
      measurer.font = this.font;
      return measurer.measureText(text);
    },
    fillText(text, x, y) {
      flush();
      const size = /(\d+(?:\.\d+)?)px/.exec(this.font);
      node(
        parent,
        'text',
        {
          x,
          y,
          fill: this.fillStyle,
          'font-size': size ? Number(size[1]) : undefined,
          'font-weight': /\bbold\b/.test(this.font) ? 'bold' : undefined,
          'dominant-baseline': this.textBaseline === 'middle' ? 'middle' : undefined,
          'text-anchor': { center: 'middle', right: 'end', end: 'end' }[this.textAlign],
        },
        text,
      );
    },
    flush,
  };
}

/**
 * The marks of a timers, I/O or executor lane at `y`, drawn by render.js's drawMarker in the
 * colours the canvas gives them (drawLane): diamonds where timers fire and I/O is ready, ticks
 * where they are armed or registered, triangles where a thread steals.
 */
function drawMarks(g, rc, lane, y) {
  const { model, palette } = rc;
  const points = lanePoints(model, lane, model.k);
  if (!points) return;
  const colour =
    lane.type === 'io' ? palette.io : lane.type === 'executor' ? palette.steal : palette.timer;
  const ctx = pathContext(g);
  forEachVisiblePoint(points.n, points.pointX, rc.scale, (i, px) =>
    drawMarker(ctx, model.kindOf(points.event(i)), px, y + lane.h / 2, colour),
  );
  ctx.flush();
}

/**
 * Draws with render.js's `draw(rc, ...args)` into a new group under `parent` (with `attributes`),
 * through a recording context: the canvas's own drawing, as SVG.
 */
function recorded(parent, attributes, rc, draw, ...args) {
  const g = node(parent, 'g', attributes);
  const ctx = pathContext(g);
  draw({ ...rc, ctx }, ...args);
  ctx.flush();
  return g;
}

/** The diagonal hatching of instants where time stands still, as an SVG pattern. */
function hatchPattern(defs, id, colour) {
  const pattern = node(defs, 'pattern', {
    id,
    width: 8,
    height: 8,
    patternUnits: 'userSpaceOnUse',
  });
  node(pattern, 'path', {
    d: 'M-8 8L0 0M0 8L8 0M8 8L16 0',
    stroke: colour,
    'stroke-width': 1.5,
    fill: 'none',
  });
}

/** The small picture of legend entry `entry`, drawn at (x, y) like the page's legend draws it. */
function swatch(g, entry, x, y, palette) {
  const { id } = entry;
  const box = (fill, extra = {}) =>
    node(g, 'rect', {
      x: x + 2,
      y: y + 2,
      width: swatchWidth - 4,
      height: swatchHeight - 4,
      fill,
      ...extra,
    });
  const mid = y + swatchHeight / 2;
  switch (id) {
    case 'pending':
      return box(palette.pending);
    case 'ready':
      return box(palette.ready);
    case 'failed':
      return box(palette.failed);
    case 'parked':
      return box(palette.park);
    case 'no-time':
      return box(palette.ready, {
        'fill-opacity': stillAlpha,
        stroke: palette.ready,
        'stroke-width': 1.5,
      });
    case 'stretched':
      node(g, 'rect', { x, y, width: swatchWidth, height: swatchHeight, fill: palette.instant });
      return node(g, 'rect', {
        x,
        y,
        width: swatchWidth,
        height: swatchHeight,
        fill: 'url(#wakeline-hatch)',
      });
    case 'waiting':
      return node(g, 'line', {
        x1: x + 1,
        y1: mid,
        x2: x + swatchWidth - 1,
        y2: mid,
        stroke: palette.waiting,
        'stroke-width': 1.25,
        'stroke-dasharray': '3 3',
      });
    case 'wake':
      node(g, 'line', {
        x1: x + 1,
        y1: mid,
        x2: x + swatchWidth - 6,
        y2: mid,
        stroke: palette.wake,
        'stroke-width': 1.25,
      });
      return node(g, 'path', {
        d: `M${x + swatchWidth - 1} ${mid}L${x + swatchWidth - 7} ${mid - 4}L${x + swatchWidth - 7} ${mid + 4}Z`,
        fill: palette.wake,
      });
    case 'steal':
      node(g, 'line', {
        x1: x + 1,
        y1: mid,
        x2: x + swatchWidth - 1,
        y2: mid,
        stroke: palette.steal,
        'stroke-width': 1.25,
      });
      // The legend's: a line, and the steal mark (render.js's drawMarker) at 16 px.
      return node(g, 'path', {
        d: `M${x + 21} ${mid}L${x + 12} ${mid - 5}L${x + 12} ${mid + 5}Z`,
        fill: palette.steal,
      });
    case 'depth':
    case 'deadlock':
      // Drawn by the page legend's own picture.
      return recorded(g, { transform: `translate(${x} ${y})` }, { palette }, ({ ctx }) =>
        entry.draw(ctx, palette),
      );
    case 'playhead':
      return node(g, 'rect', {
        x: x + swatchWidth / 2 - 1,
        y,
        width: 2,
        height: swatchHeight,
        fill: palette.playhead,
      });
    default:
      return node(g, 'rect', {
        x: x + swatchWidth / 2 - 1,
        y: y + 2,
        width: 2,
        height: 10,
        fill: palette.mark,
      });
  }
}

/** `point` ([x, y]) as path data, to 0.01 px. */
const at = (point) => point.map((v) => Math.round(v * 100) / 100).join(' ');

/**
 * Arrows (render.js's wakeArrows or stealArrows), each a group of two paths, the curve and its
 * head, classed `figure-arrow className`, in `colour`.
 */
function drawArrows(parent, arrows, className, colour) {
  for (const { from, c, c1, c2, to, head } of arrows) {
    const g = node(parent, 'g', { class: `figure-arrow ${className}` });
    const curve = c ? `Q${at(c)} ${at(to)}` : `C${at(c1)} ${at(c2)} ${at(to)}`;
    node(g, 'path', {
      d: `M${at(from)}${curve}`,
      fill: 'none',
      stroke: colour,
      'stroke-width': 1.25,
    });
    const [a, b, tip] = head;
    node(g, 'path', { d: `M${at(a)}L${at(b)}L${at(tip)}Z`, fill: colour });
  }
}

/**
 * The legend entries a figure of `model` shows: the page's common ones this run can have, parks,
 * the run queue's line when the run has it, and what the figure draws: steal arrows (`steals`),
 * the playhead (`playhead`) and a deadlock (`deadlock`).
 */
export function figureLegend(model, { steals = false, playhead = false, deadlock = false } = {}) {
  const parks = [...model.workers.values()].some((worker) => worker.parkBegin.length > 0);
  const depth = model.depthEvents.length > 0;
  const shown = { parked: parks, depth, steal: steals, playhead, deadlock };
  return legendEntries.filter(
    (entry) => (entry.common || shown[entry.id]) && (!entry.when || entry.when(model)),
  );
}

/**
 * The palette of a figure of `timeline` in `theme` ('light' or 'dark'; undefined: the theme the
 * timeline shows), read from the stylesheet the canvas reads (palette.js).
 */
export function figurePalette(timeline, theme) {
  return theme ? readThemePalette(timeline.container, theme) : timeline.palette;
}

/**
 * An <svg> element showing `timeline`'s visible window (its model, lanes and scale) under
 * `title` (by default the scenario and the window's times). All lanes are shown, not only the
 * ones scrolled into view, with the wake and steal arrows the canvas draws (none when more than
 * render.js's maxArrows polls a screenful are in the figure, as on screen). `whole` shows the
 * whole run instead of the window, as the timeline fits it; `width` (CSS pixels) is the figure's
 * width, else the timeline's; `theme` ('light' or 'dark') its colours, else the page's (or
 * `palette`); `playhead` draws the playhead where it is in the figure (by default in the window,
 * not in the whole run).
 */
export function timelineFigure(
  timeline,
  {
    title,
    theme,
    palette = figurePalette(timeline, theme),
    doc = document,
    whole = false,
    width: wanted,
    playhead = !whole,
  } = {},
) {
  const model = timeline.model;
  const width = Math.min(
    maxFigureWidth,
    Math.max(minFigureWidth, Math.round(wanted ?? timeline.width)),
  );
  let [x0, x1] = [timeline.x0, timeline.x1];
  if (whole) {
    const [start, end] = model.extent();
    const pad = (end - start) * 0.02;
    [x0, x1] = [start - pad, end + pad];
  }
  const scale = new TimeScale(x0, x1, labelWidth, width - labelWidth);
  title ??= figureTitle(model, scale);
  const lanes = timeline.lanes;
  const lanesHeight = timeline.lanesHeight;
  const rc = {
    model,
    scale,
    palette,
    lanes,
    byTask: timeline.byTask,
    height: titleHeight + axisHeight + lanesHeight,
    playhead: playhead ? timeline.playhead : null,
    // The page's marks (compare mode's first difference), by layout position.
    markers: timeline.markers ?? [],
  };
  const plotTop = titleHeight + axisHeight;
  const plotBottom = plotTop + lanesHeight;
  // What the canvas draws over the lanes, placed as it places them. The figure shows every lane,
  // the canvas a screenful: the limit on arrows grows with the lanes, so that a figure has them
  // wherever the screen would (at most maxArrows polls a screenful, as on screen).
  const screens = lanesHeight / Math.max(1, (timeline.height ?? 0) - axisHeight);
  const limit = Math.floor(maxArrows * Math.max(1, screens));
  const wakes = wakeArrows(rc, plotTop, limit);
  const steals = stealArrows(rc, plotTop, limit);
  const playheadAt = playheadPx(rc);
  const k = model.k;
  const inWindow = (x) => {
    const px = scale.toPx(x);
    return px >= scale.left && px <= scale.left + scale.width;
  };
  const deadlocks = model.deadlocks.filter((d) => inWindow(model.x(d, k) + k / 2));
  const markers = rc.markers.filter((marker) => inWindow(marker.x));

  // The legend's rows: items wrap at the figure's width (text width estimated, 7 px a character).
  const items = [];
  let lx = 12;
  let row = 0;
  for (const entry of figureLegend(model, {
    steals: steals.length > 0,
    playhead: playheadAt !== null,
    deadlock: deadlocks.length > 0,
  })) {
    const w = swatchWidth + 6 + entry.label.length * 7 + 18;
    if (lx + w > width - 12 && lx > 12) {
      lx = 12;
      ++row;
    }
    items.push({ entry, x: lx, row });
    lx += w;
  }
  const legendTop = plotBottom + 12;
  const height = legendTop + (row + 1) * legendRow + 8;

  const svg = doc.createElementNS(svgNs, 'svg');
  for (const [key, value] of Object.entries({
    width: String(width),
    height: String(height),
    viewBox: `0 0 ${width} ${height}`,
    'font-family': font,
    'font-size': '12',
    role: 'img',
  }))
    svg.setAttribute(key, value);
  node(svg, 'title', {}, title);
  const defs = node(svg, 'defs');
  hatchPattern(defs, 'wakeline-hatch', palette.stretch);
  const clip = node(defs, 'clipPath', { id: 'wakeline-plot' });
  node(clip, 'rect', { x: labelWidth, y: plotTop, width: width - labelWidth, height: lanesHeight });

  node(svg, 'rect', { x: 0, y: 0, width, height, fill: palette.background });
  node(
    svg,
    'text',
    {
      x: 12,
      y: titleHeight / 2 + 2,
      'dominant-baseline': 'middle',
      'font-size': 15,
      'font-weight': 600,
      fill: palette.text,
      class: 'figure-title',
    },
    title,
  );

  // Lanes: alternating backgrounds, then the instants, the grid and what each lane holds.
  const lanesGroup = node(svg, 'g', { class: 'figure-lanes' });
  lanes.forEach((lane, index) => {
    node(lanesGroup, 'rect', {
      x: 0,
      y: plotTop + lane.y,
      width,
      height: lane.h,
      fill: index % 2 ? palette.laneAlt : palette.lane,
    });
  });
  const plot = node(svg, 'g', { 'clip-path': 'url(#wakeline-plot)' });
  forEachStretchedInstant(rc, (j, px0, px1) => {
    const x = Math.max(px0, labelWidth);
    const w = Math.max(0, px1 - x);
    node(plot, 'rect', { x, y: plotTop, width: w, height: lanesHeight, fill: palette.instant });
    node(plot, 'rect', {
      x,
      y: plotTop,
      width: w,
      height: lanesHeight,
      fill: 'url(#wakeline-hatch)',
    });
  });
  const ticks = axisTicks(rc);
  for (const tick of ticks) {
    const px = Math.round(tick.px) + 0.5;
    node(plot, 'line', { x1: px, y1: plotTop, x2: px, y2: plotBottom, stroke: palette.grid });
  }
  for (const lane of lanes) {
    const y = plotTop + lane.y;
    const g = node(plot, 'g');
    if (lane.type === 'task') drawTaskLane(g, rc, lane, y);
    else if (lane.type === 'executor') drawExecutorLane(g, rc, lane, y);
    else if (lane.type === 'timers' || lane.type === 'io') drawMarks(g, rc, lane, y);
    else if (lane.type === 'depth')
      recorded(g, { class: 'figure-depth' }, rc, drawDepth, y, lane.h);
  }
  drawArrows(plot, wakes, 'figure-wake-arrow', palette.wake);
  drawArrows(plot, steals, 'figure-steal-arrow', palette.steal);
  if (model.deadlocks.length > 0)
    recorded(plot, { class: 'figure-deadlock' }, rc, drawDeadlocks, plotTop, plotTop);
  if (markers.length > 0) recorded(plot, { class: 'figure-markers' }, rc, drawMarkers, plotTop);
  if (playheadAt !== null)
    node(plot, 'line', {
      x1: playheadAt,
      y1: plotTop,
      x2: playheadAt,
      y2: plotBottom,
      stroke: palette.playhead,
      'stroke-width': 2,
      class: 'figure-playhead',
    });

  // The label column over the lanes' left ends, and the time axis above them.
  const labels = node(svg, 'g', { class: 'figure-lane-labels', fill: palette.text });
  lanes.forEach((lane, index) => {
    const y = plotTop + lane.y;
    node(labels, 'rect', {
      x: 0,
      y,
      width: labelWidth,
      height: lane.h,
      fill: index % 2 ? palette.laneAlt : palette.lane,
    });
    const text = lane.label.trim();
    node(
      labels,
      'text',
      { x: lane.label.startsWith(' ') ? 18 : 8, y: y + lane.h / 2, 'dominant-baseline': 'middle' },
      text.length > 15 ? `${text.slice(0, 14)}…` : text,
    );
  });
  node(svg, 'line', {
    x1: labelWidth - 0.5,
    y1: titleHeight,
    x2: labelWidth - 0.5,
    y2: plotBottom,
    stroke: palette.grid,
  });
  // The axis as the canvas draws it, moved under the title: the break marks of stretched
  // instants, the labels, then the flags over them.
  const onAxis = { transform: `translate(0 ${titleHeight})` };
  recorded(svg, { class: 'figure-axis-breaks', ...onAxis }, rc, drawAxisBreaks);
  const axis = node(svg, 'g', { class: 'figure-axis', fill: palette.text });
  for (const tick of ticks)
    node(
      axis,
      'text',
      { x: tick.px + 3, y: titleHeight + axisHeight / 2, 'dominant-baseline': 'middle' },
      tick.label,
    );
  if (ticks.length === 0 && model.count > 0) {
    // The whole window lies inside one instant: the axis says which, as the canvas's does.
    const instant = Math.max(0, model.timeAt((scale.x0 + scale.x1) / 2));
    node(
      axis,
      'text',
      { x: scale.left + 6, y: titleHeight + axisHeight / 2, 'dominant-baseline': 'middle' },
      t('narration.timeline.standsStill', { time: formatTime(instant) }),
    );
  }
  if (deadlocks.length > 0 || markers.length > 0)
    recorded(svg, { class: 'figure-axis-flags', ...onAxis }, rc, drawAxisFlags);
  node(svg, 'line', {
    x1: 0,
    y1: plotTop - 0.5,
    x2: width,
    y2: plotTop - 0.5,
    stroke: palette.grid,
  });
  if (playheadAt !== null)
    node(svg, 'path', {
      d: `M${playheadAt - 6} ${plotTop - 9}L${playheadAt + 6} ${plotTop - 9}L${playheadAt} ${plotTop}Z`,
      fill: palette.playhead,
      class: 'figure-playhead-handle',
    });

  const legend = node(svg, 'g', { class: 'figure-legend', fill: palette.text });
  for (const { entry, x, row: r } of items) {
    const y = legendTop + r * legendRow;
    swatch(legend, entry, x, y, palette);
    node(
      legend,
      'text',
      {
        x: x + swatchWidth + 6,
        y: y + swatchHeight / 2,
        'dominant-baseline': 'middle',
        'data-mark': entry.id,
      },
      entry.label,
    );
  }
  return svg;
}

/** A figure's title: the scenario of `model` and the times of the window `{ x0, x1 }`. */
export function figureTitle(model, { x0, x1 }) {
  const { example = 'trace', strategy = 'local', seed = 0 } = model.header ?? {};
  const t0 = Math.max(0, model.timeAt(x0));
  const t1 = Math.max(t0, model.timeAt(x1));
  return text.title(example, strategy, seed, formatTime(t0), formatTime(t1));
}

/** `svg` (from timelineFigure) as the text of a standalone .svg file. */
export function figureSvgText(svg) {
  // XMLSerializer writes the SVG namespace (xmlns) itself: the element was made in it.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/**
 * `svg` (from timelineFigure) as a PNG Blob `scale` times its size (2: sharp on slides and on
 * high-density screens). The SVG is drawn from a data: URL, which the page's img-src allows.
 */
export function figurePng(svg, scale = 2) {
  const width = Math.round(Number(svg.getAttribute('width')) * scale);
  const height = Math.round(Number(svg.getAttribute('height')) * scale);
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figureSvgText(svg))}`;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d').drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error(text.notDrawn))),
        'image/png',
      );
    };
    image.onerror = () => reject(new Error(text.notDrawn));
    image.src = url;
  });
}

/** `value` as an error message shows it: a string in quotes. */
const shownValue = (value) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/**
 * Figure options as a script passes them (`player.figure(options)`), checked and completed:
 * { format: 'svg' | 'png' (default svg), theme: 'light' | 'dark' (default: the timeline's),
 * width (CSS pixels, 320 to 4000; default the timeline's), scale (the PNG's, 0.25 to 4;
 * default 2), whole (the whole run; default the view), playhead (default: in the view, not in
 * the whole run), title }. A bad one throws a RangeError that names it.
 */
export function figureOptions(options = {}) {
  if (options === null || typeof options !== 'object')
    throw new TypeError('figure: the options must be an object');
  const { format = 'svg', theme, scale = 2, width, whole = false, playhead, title } = options;
  if (format !== 'svg' && format !== 'png')
    throw new RangeError(text.badFormat(shownValue(format)));
  if (theme !== undefined && !figureThemes.includes(theme))
    throw new RangeError(text.badTheme(shownValue(theme)));
  if (typeof scale !== 'number' || !(scale >= 0.25 && scale <= maxFigureScale))
    throw new RangeError(text.badScale(shownValue(scale)));
  if (
    width !== undefined &&
    (typeof width !== 'number' || !(width >= minFigureWidth && width <= maxFigureWidth))
  )
    throw new RangeError(text.badWidth(shownValue(width)));
  return {
    format,
    theme,
    scale,
    width,
    whole: Boolean(whole),
    playhead: playhead === undefined ? undefined : Boolean(playhead),
    title: title === undefined ? undefined : String(title),
  };
}

/**
 * A figure of `timeline` made from `options` (see figureOptions): an <svg> element, or for
 * format 'png' a Promise of a PNG Blob `width × scale` pixels wide.
 */
export function makeFigure(timeline, options) {
  const checked = figureOptions(options);
  const svg = timelineFigure(timeline, checked);
  return checked.format === 'png' ? figurePng(svg, checked.scale) : svg;
}
