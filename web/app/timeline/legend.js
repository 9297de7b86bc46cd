// The timeline's legend: every mark the timeline draws, each with a small picture drawn by the
// same code and colours as the timeline, and a sentence in the words the captions use. The most
// common ones are always shown; "All marks" opens every one with its sentence, leaving out marks
// the run cannot have (steals in a one-thread run).
import { element } from '../dom.js';
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
 * whether a run can show it (absent: always); `common` ones stay visible.
 */
export const legendEntries = [
  {
    id: 'pending',
    common: true,
    label: 'Poll::Pending',
    title: 'A poll whose Future::poll returned Poll::Pending: the task waits for a wake.',
    draw: (ctx, p) => box(ctx, p.pending),
  },
  {
    id: 'ready',
    common: true,
    label: 'Poll::Ready',
    title: 'A poll whose Future::poll returned Poll::Ready: the task’s future is complete.',
    draw: (ctx, p) => box(ctx, p.ready),
  },
  {
    id: 'failed',
    label: 'failed poll',
    title: 'A poll that threw: the task failed.',
    draw: (ctx, p) => box(ctx, p.failed),
    when: (model) => model.polls.result.data.subarray(0, model.polls.result.length).includes(2),
  },
  {
    id: 'no-time',
    common: true,
    label: 'took no time',
    title:
      'A poll drawn as an outline took no virtual time: its width is the number of events it made, not a duration. Solid parts are time that really passed.',
    draw: (ctx, p) => outlined(ctx, p.ready),
  },
  {
    id: 'stretched',
    common: true,
    label: 'time stands still',
    title:
      'Hatched: several events at one virtual instant, given room side by side (Stretch instants). No time passes across the hatching; the axis breaks (//) around it.',
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
    label: 'waiting',
    title: 'Dashed: the task returned Poll::Pending and waits until its Waker is woken.',
    draw: (ctx, p) => line(ctx, p.waiting, [3, 3]),
  },
  {
    id: 'wake',
    common: true,
    label: 'wake → poll',
    title:
      'An arrow from whoever called Waker::wake (a timer, I/O, another task, the runtime) to the poll that wake caused.',
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
    label: 'task events',
    title:
      'Ticks under a task’s lane: tall for spawn, Waker::wake and end; short for cx.waker() clones, waker drops and joining a run queue.',
    draw: (ctx, p) => {
      ctx.fillStyle = p.mark;
      ctx.fillRect(5, 3, 1.5, 9);
      ctx.fillRect(11, 7, 1.5, 5);
      ctx.fillRect(16, 3, 1.5, 9);
    },
  },
  {
    id: 'timer',
    label: 'timer armed, fired, cancelled',
    title:
      'On the timers lane: a tick where a timer is armed (a sleep starts), a diamond where it fires and wakes its task, a cross where it is dropped before its deadline.',
    draw: (ctx, p) => {
      drawMarker(ctx, 'timer_arm', 3, iconHeight / 2, p.timer);
      drawMarker(ctx, 'timer_fire', 11, iconHeight / 2, p.timer);
      drawMarker(ctx, 'timer_cancel', 18, iconHeight / 2, p.timer);
    },
  },
  {
    id: 'io',
    label: 'I/O registered, ready',
    title:
      'On the I/O lane: a tick where a task waits for a resource, a diamond where it is ready.',
    draw: (ctx, p) => {
      drawMarker(ctx, 'io_register', 6, iconHeight / 2, p.io);
      drawMarker(ctx, 'io_ready', 15, iconHeight / 2, p.io);
    },
    when: (model) => model.ioMarks.length > 0,
  },
  {
    id: 'parked',
    label: 'parked',
    title: 'The executor thread sleeps: nothing is queued until the next timer or I/O event.',
    draw: (ctx, p) => box(ctx, p.park),
  },
  {
    id: 'depth',
    label: 'run queue length',
    title: 'The number of tasks waiting in the run queue(s), as a step line.',
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
    label: 'playhead',
    title: 'The event the caption tells, the run queue and the task table show.',
    draw: (ctx, p) => {
      ctx.fillStyle = p.playhead;
      ctx.fillRect(10, 0, 2, iconHeight);
    },
  },
  {
    id: 'steal',
    label: 'steal',
    title:
      'A triangle on a thread’s lane where it steals tasks, with an arrow from the thread it stole from.',
    draw: (ctx, p) => {
      line(ctx, p.steal, [], 1.25);
      drawMarker(ctx, 'steal', 16, iconHeight / 2, p.steal);
    },
    when: has('steal'),
  },
  {
    id: 'overflow',
    label: 'queue overflow',
    title:
      'A downward triangle where a thread’s full local queue moves half of it to a shared queue.',
    draw: (ctx, p) => drawMarker(ctx, 'queue_overflow', 11, iconHeight / 2, p.steal),
    when: has('queue_overflow'),
  },
  {
    id: 'search',
    label: 'searching',
    title: 'A thin band where a thread with nothing queued searches the others for work to steal.',
    draw: (ctx, p) => {
      ctx.fillStyle = p.search;
      ctx.fillRect(1, iconHeight / 2 - 3, iconWidth - 2, 6);
    },
    when: (model) => multiWorker(model) && has('search_begin')(model),
  },
  {
    id: 'batch',
    label: 'batch, pender',
    title:
      'Embassy: ticks where the executor takes a batch of queued tasks and ends it; a dot where a wake into an empty queue calls the pender.',
    draw: (ctx, p) => {
      drawMarker(ctx, 'batch_begin', 4, iconHeight / 2, p.steal);
      drawMarker(ctx, 'pend', 11, iconHeight / 2, p.steal);
      drawMarker(ctx, 'batch_end', 18, iconHeight / 2, p.steal);
    },
    when: (model) => has('batch_begin')(model) || has('pend')(model),
  },
  {
    id: 'deadlock',
    label: 'deadlock, stuck task',
    title:
      'Red: the run found nothing runnable and no waker that could change that. Each stuck task’s wait is red, ending in a cross.',
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
    label: 'first difference',
    title: 'Compare mode: the first event where the two runs differ.',
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
    this.model = null;
    this.common = element('ul', 'legend', undefined, { 'aria-label': 'Legend' });
    this.more = element('details', 'legend-more');
    const summary = element('summary', 'button button-small', 'All marks');
    this.rest = element('ul', 'legend legend-rest', undefined, { 'aria-label': 'Every mark' });
    this.more.append(summary, this.rest);
    container.replaceChildren(this.common, this.more);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.update());
    this.update();
  }

  /** Shows the entries `model` can have (all common ones, and the rest it has). */
  update(model = this.model) {
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
