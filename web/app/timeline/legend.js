// The timeline's legend: every mark the timeline draws, each with a small picture drawn by the
// same code and colours as the timeline, and a sentence in the words the captions use. The most
// common ones are always shown; "All marks" opens every one with its sentence, leaving out marks
// the run cannot have (steals in a one-thread run).
import { element } from '../dom.js';
import { currentLanguage, inLanguage, t } from '../i18n/i18n.js';
import { drawMarker, hatch, stillAlpha } from './render.js';
import { readPalette } from './palette.js';

const iconWidth = 22;
const iconHeight = 14;

function box(ctx, colour, alpha = 1) {
  ctx.globalAlpha = alpha;
  ctx.fillStyle = colour;
  ctx.fillRect(2, 2, iconWidth - 4, iconHeight - 4);
  ctx.globalAlpha = 1;
}

function outlined(ctx, colour) {
  box(ctx, colour, stillAlpha);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(2.75, 2.75, iconWidth - 5.5, iconHeight - 5.5);
}

function line(ctx, colour, dash = [], width = 1.25) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(1, iconHeight / 2);
  ctx.lineTo(iconWidth - 1, iconHeight / 2);
  ctx.stroke();
  ctx.setLineDash([]);
}

const has = (kind) => (model) => model.kindNames.includes(kind);
const multiWorker = (model) => model.workers.size > 1;

/**
 * Every mark: { id, label, title, draw(ctx, palette), when?(model), common? }. `when` says
 * whether a run can show it (absent: always); `common` ones stay visible. `label` and `title`
 * are read in the language in use when asked for.
 */
export const legendEntries = [
  {
    id: 'pending',
    common: true,
    get label() {
      return t('narration.timeline.legend.pending.label');
    },
    get title() {
      return t('narration.timeline.legend.pending.title');
    },
    draw: (ctx, p) => box(ctx, p.pending),
  },
  {
    id: 'ready',
    common: true,
    get label() {
      return t('narration.timeline.legend.ready.label');
    },
    get title() {
      return t('narration.timeline.legend.ready.title');
    },
    draw: (ctx, p) => box(ctx, p.ready),
  },
  {
    id: 'failed',
    get label() {
      return t('narration.timeline.legend.failed.label');
    },
    get title() {
      return t('narration.timeline.legend.failed.title');
    },
    draw: (ctx, p) => box(ctx, p.failed),
    when: (model) => model.polls.result.data.subarray(0, model.polls.result.length).includes(2),
  },
  {
    id: 'no-time',
    common: true,
    get label() {
      return t('narration.timeline.legend.noTime.label');
    },
    get title() {
      return t('narration.timeline.legend.noTime.title');
    },
    draw: (ctx, p) => outlined(ctx, p.ready),
  },
  {
    id: 'stretched',
    common: true,
    get label() {
      return t('narration.timeline.legend.stretched.label');
    },
    get title() {
      return t('narration.timeline.legend.stretched.title');
    },
    draw: (ctx, p) => {
      ctx.fillStyle = p.instant;
      ctx.fillRect(0, 0, iconWidth, iconHeight);
      ctx.fillStyle = hatch(ctx, p.stretch);
      ctx.fillRect(0, 0, iconWidth, iconHeight);
    },
  },
  {
    id: 'waiting',
    common: true,
    get label() {
      return t('narration.timeline.legend.waiting.label');
    },
    get title() {
      return t('narration.timeline.legend.waiting.title');
    },
    draw: (ctx, p) => line(ctx, p.waiting, [3, 3]),
  },
  {
    id: 'wake',
    common: true,
    get label() {
      return t('narration.timeline.legend.wake.label');
    },
    get title() {
      return t('narration.timeline.legend.wake.title');
    },
    draw: (ctx, p) => {
      ctx.strokeStyle = p.wake;
      ctx.fillStyle = p.wake;
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      ctx.moveTo(2, 2);
      ctx.bezierCurveTo(2, 10, 16, 2, 16, 10);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(16, 13);
      ctx.lineTo(13, 8);
      ctx.lineTo(19, 8);
      ctx.closePath();
      ctx.fill();
    },
  },
  {
    id: 'task-ticks',
    get label() {
      return t('narration.timeline.legend.taskTicks.label');
    },
    get title() {
      return t('narration.timeline.legend.taskTicks.title');
    },
    draw: (ctx, p) => {
      ctx.fillStyle = p.mark;
      ctx.fillRect(5, 3, 1.5, 9);
      ctx.fillRect(11, 7, 1.5, 5);
      ctx.fillRect(16, 3, 1.5, 9);
    },
  },
  {
    id: 'timer',
    get label() {
      return t('narration.timeline.legend.timer.label');
    },
    get title() {
      return t('narration.timeline.legend.timer.title');
    },
    draw: (ctx, p) => {
      drawMarker(ctx, 'timer_arm', 3, iconHeight / 2, p.timer);
      drawMarker(ctx, 'timer_fire', 11, iconHeight / 2, p.timer);
      drawMarker(ctx, 'timer_cancel', 18, iconHeight / 2, p.timer);
    },
  },
  {
    id: 'io',
    get label() {
      return t('narration.timeline.legend.io.label');
    },
    get title() {
      return t('narration.timeline.legend.io.title');
    },
    draw: (ctx, p) => {
      drawMarker(ctx, 'io_register', 6, iconHeight / 2, p.io);
      drawMarker(ctx, 'io_ready', 15, iconHeight / 2, p.io);
    },
    when: (model) => model.ioMarks.length > 0,
  },
  {
    id: 'parked',
    get label() {
      return t('narration.timeline.legend.parked.label');
    },
    get title() {
      return t('narration.timeline.legend.parked.title');
    },
    draw: (ctx, p) => box(ctx, p.park),
  },
  {
    id: 'depth',
    get label() {
      return t('narration.timeline.legend.depth.label');
    },
    get title() {
      return t('narration.timeline.legend.depth.title');
    },
    draw: (ctx, p) => {
      ctx.strokeStyle = p.depth;
      ctx.beginPath();
      ctx.moveTo(1, 11);
      ctx.lineTo(7, 11);
      ctx.lineTo(7, 4);
      ctx.lineTo(14, 4);
      ctx.lineTo(14, 8);
      ctx.lineTo(21, 8);
      ctx.stroke();
    },
  },
  {
    id: 'playhead',
    get label() {
      return t('narration.timeline.legend.playhead.label');
    },
    get title() {
      return t('narration.timeline.legend.playhead.title');
    },
    draw: (ctx, p) => {
      ctx.fillStyle = p.playhead;
      ctx.fillRect(10, 0, 2, iconHeight);
    },
  },
  {
    id: 'steal',
    get label() {
      return t('narration.timeline.legend.steal.label');
    },
    get title() {
      return t('narration.timeline.legend.steal.title');
    },
    draw: (ctx, p) => {
      line(ctx, p.steal, [], 1.25);
      drawMarker(ctx, 'steal', 16, iconHeight / 2, p.steal);
    },
    when: has('steal'),
  },
  {
    id: 'overflow',
    get label() {
      return t('narration.timeline.legend.overflow.label');
    },
    get title() {
      return t('narration.timeline.legend.overflow.title');
    },
    draw: (ctx, p) => drawMarker(ctx, 'queue_overflow', 11, iconHeight / 2, p.steal),
    when: has('queue_overflow'),
  },
  {
    id: 'search',
    get label() {
      return t('narration.timeline.legend.search.label');
    },
    get title() {
      return t('narration.timeline.legend.search.title');
    },
    draw: (ctx, p) => {
      ctx.fillStyle = p.search;
      ctx.fillRect(1, iconHeight / 2 - 3, iconWidth - 2, 6);
    },
    when: (model) => multiWorker(model) && has('search_begin')(model),
  },
  {
    id: 'batch',
    get label() {
      return t('narration.timeline.legend.batch.label');
    },
    get title() {
      return t('narration.timeline.legend.batch.title');
    },
    draw: (ctx, p) => {
      drawMarker(ctx, 'batch_begin', 4, iconHeight / 2, p.steal);
      drawMarker(ctx, 'pend', 11, iconHeight / 2, p.steal);
      drawMarker(ctx, 'batch_end', 18, iconHeight / 2, p.steal);
    },
    when: (model) => has('batch_begin')(model) || has('pend')(model),
  },
  {
    id: 'deadlock',
    get label() {
      return t('narration.timeline.legend.deadlock.label');
    },
    get title() {
      return t('narration.timeline.legend.deadlock.title');
    },
    draw: (ctx, p) => {
      line(ctx, p.danger, [4, 3], 2);
      ctx.beginPath();
      ctx.moveTo(15, 3);
      ctx.lineTo(21, 11);
      ctx.moveTo(21, 3);
      ctx.lineTo(15, 11);
      ctx.stroke();
    },
    when: (model) => model.deadlocks.length > 0,
  },
  {
    id: 'difference',
    get label() {
      return t('narration.timeline.legend.difference.label');
    },
    get title() {
      return t('narration.timeline.legend.difference.title');
    },
    draw: (ctx, p) => {
      ctx.strokeStyle = p.marker;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(11, 0);
      ctx.lineTo(11, iconHeight);
      ctx.stroke();
      ctx.setLineDash([]);
    },
    when: () => document.body.dataset.compare === 'on',
  },
];

/** The legend in `container`, drawn with the palette of `paletteSource` (the timeline). */
export class Legend {
  constructor(container, paletteSource) {
    this.container = container;
    this.paletteSource = paletteSource;
    // The language in use when it is made, kept for updates that come later (a theme change).
    this.language = currentLanguage();
    this.model = null;
    this.common = element('ul', 'legend', undefined, {
      'aria-label': t('narration.timeline.legend'),
    });
    this.more = element('details', 'legend-more');
    const summary = element('summary', 'button button-small', t('narration.timeline.legend.all'));
    this.rest = element('ul', 'legend legend-rest', undefined, {
      'aria-label': t('narration.timeline.legend.every'),
    });
    this.more.append(summary, this.rest);
    container.replaceChildren(this.common, this.more);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.update());
    this.update();
  }

  /** Shows the entries `model` can have (all common ones, and the rest it has). */
  update(model = this.model) {
    inLanguage(this.language, () => this.#fill(model));
  }

  #fill(model) {
    this.model = model;
    const palette = readPalette(this.paletteSource);
    const shown = legendEntries.filter((entry) => !model || !entry.when || entry.when(model));
    const item = (entry) => {
      const li = element('li', 'legend-item', undefined, {
        'data-mark': entry.id,
        title: entry.title,
      });
      const icon = element('canvas', 'legend-icon', undefined, { 'aria-hidden': 'true' });
      const dpr = window.devicePixelRatio || 1;
      icon.width = Math.round(iconWidth * dpr);
      icon.height = Math.round(iconHeight * dpr);
      const ctx = icon.getContext('2d');
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      entry.draw(ctx, palette);
      li.append(icon, element('span', '', entry.label));
      // The sentence, for a reader who cannot hover (touch) or cannot see the icon.
      li.append(element('span', 'legend-text', entry.title));
      return li;
    };
    this.common.replaceChildren(...shown.filter((entry) => entry.common).map(item));
    this.rest.replaceChildren(...shown.map(item));
  }
}
