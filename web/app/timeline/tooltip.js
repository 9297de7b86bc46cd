// The hover tooltip: what is under the pointer in words, the captions' words (Future::poll,
// Poll::Pending, cx.waker(), Waker::wake), with times formatted, never raw kinds or sequence
// numbers. Text nodes only, never markup, whatever the trace holds.
import { t } from '../i18n/i18n.js';
import { describeEvent, workerName } from '../narration.js';
import { losesItsWaker } from '../lost-wakeup.js';
import { elapsed } from './stretch.js';
import { formatTime } from './time-format.js';
import { lowerBound } from './visible.js';

// Fields the rows below already say in words; any other field is listed as it is.
const toldFields = new Set([
  'seq',
  't',
  'kind',
  'cause',
  'task',
  'worker',
  'file',
  'line',
  'result',
  'depth',
  'name',
  'parent',
  'by',
  'by_id',
  'effect',
]);
// Fields that hold a virtual time in ns.
const timeFields = new Set(['deadline', 'until', 'duration_ns']);

// A poll's result in words, by the trace's value.
const resultWords = {
  pending: 'narration.timeline.result.pending',
  ready: 'narration.timeline.result.ready',
  failed: 'narration.timeline.result.failed',
};

// A field's name as a row's label, where the catalogue has one ("deadline"), else as the trace
// writes it, its underscores as spaces.
function fieldLabel(key) {
  const message = `narration.timeline.field.${key}`;
  const text = t(message);
  return text === message ? key.replaceAll('_', ' ') : text;
}

// " of basic.rs" after a line, or nothing.
const inFile = (file) => (file ? t('narration.timeline.inFile', { file }) : '');

/** "t = 10 ms", the way captions say a time. */
export const at = (ns) => `t = ${formatTime(ns)}`;

// Which poll of its task poll `p` is (1 for the first).
function pollNumber(model, lane, p) {
  if (!lane) return 0;
  const ids = lane.polls;
  return lowerBound(0, ids.length, (m) => ids.data[m] >= p) + 1;
}

// Who woke the task for the poll that begins at `begin`: poll_begin <- task_enqueue <- wake.
function wokenBy(model, begin) {
  const enqueue = model.causeOf(begin);
  if (enqueue === -1 || model.kindOf(enqueue) !== 'task_enqueue') return null;
  const reason = model.field(enqueue, 'reason');
  if (reason === 'spawn')
    return t('narration.timeline.wokenBy.spawn', { at: at(model.t.data[enqueue]) });
  const wake = model.causeOf(enqueue);
  if (wake === -1)
    return reason
      ? t('narration.timeline.wokenBy.queued', { reason: String(reason).replaceAll('_', ' ') })
      : null;
  const by = model.field(wake, 'by');
  const id = String(model.field(wake, 'by_id'));
  const who =
    by === 'timer'
      ? t('narration.timeline.timer', { id })
      : by === 'io'
        ? t('narration.timeline.io', { id })
        : by === 'task'
          ? model.field(wake, 'by_id') === model.task.data[begin]
            ? t('narration.timeline.itself')
            : model.taskName(model.field(wake, 'by_id'))
          : t('narration.waker.runtime');
  return t('narration.timeline.wokenBy', { who, at: at(model.t.data[wake]) });
}

// How long a poll took, and why it may be drawn wider than that.
function took(model, begin, end) {
  const ns = elapsed(model, begin, end);
  const events = end - begin + 1;
  if (ns > 0) return t('narration.timeline.took', { time: formatTime(ns), count: events });
  return model.k > 0
    ? t('narration.timeline.took.stretched', { count: events })
    : t('narration.timeline.took.none');
}

function valueText(key, value) {
  if (timeFields.has(key) && typeof value === 'number') return at(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** { title, rows: [label, text][] } describing `hit` (from Timeline.hitTest) in `model`. */
export function describeHit(model, hit) {
  const rows = [];
  if (hit.poll !== -1 && hit.poll !== undefined) {
    const p = hit.poll;
    const begin = hit.begin ?? model.polls.begin.data[p];
    const endEvent = model.polls.end.data[p];
    const end = endEvent === -1 ? model.count - 1 : endEvent;
    const lane = model.tasks.get(hit.task);
    const n = pollNumber(model, lane, p);
    const ended = endEvent === -1 ? undefined : model.field(endEvent, 'result');
    const result =
      endEvent === -1
        ? t('narration.timeline.result.running')
        : Object.hasOwn(resultWords, ended)
          ? t(resultWords[ended])
          : t('narration.timeline.result.other', { result: String(ended) });
    const title = t('narration.timeline.pollTitle', {
      n: String(n),
      task: model.taskName(hit.task),
      result,
    });
    rows.push([t('narration.timeline.row.when'), at(model.t.data[begin])]);
    rows.push([t('narration.timeline.row.took'), took(model, begin, end)]);
    if (model.workers.size > 1)
      rows.push([
        t('narration.timeline.row.thread'),
        workerName(model, model.field(begin, 'worker')),
      ]);
    const woken = wokenBy(model, begin);
    if (woken) rows.push([t('narration.timeline.row.wokenBy'), woken]);
    if (endEvent !== -1 && model.field(endEvent, 'result') === 'pending') {
      const line = model.field(endEvent, 'line');
      const file = model.field(endEvent, 'file');
      if (line !== undefined)
        rows.push([
          t('narration.timeline.row.waitsAt'),
          t('narration.timeline.line', { line: String(line), file: inFile(file) }),
        ]);
      rows.push([
        t('narration.timeline.row.then'),
        losesItsWaker(model, endEvent)
          ? t('narration.timeline.then.lost')
          : t('narration.timeline.then.waits'),
      ]);
    }
    const depth = model.field(begin, 'depth');
    if (Number.isInteger(depth))
      rows.push([
        t('narration.timeline.row.runQueue'),
        depth === 0
          ? t('narration.timeline.queueEmptied')
          : t('narration.stillQueued', { count: depth }),
      ]);
    return { title, rows };
  }
  const i = hit.event;
  const fields = model.fieldsOf(i);
  rows.push([t('narration.timeline.row.when'), at(model.t.data[i])]);
  if (Number.isInteger(fields.task) && fields.task !== 0)
    rows.push([t('narration.timeline.row.task'), model.taskName(fields.task)]);
  if (fields.line !== undefined)
    rows.push([
      t('narration.timeline.row.where'),
      t('narration.timeline.line', { line: String(fields.line), file: inFile(fields.file) }),
    ]);
  for (const [key, value] of Object.entries(fields)) {
    if (toldFields.has(key)) continue;
    rows.push([fieldLabel(key), valueText(key, value)]);
  }
  return { title: describeEvent(model, i), rows };
}

/** A floating box that shows describeHit's rows near the pointer. */
export class Tooltip {
  constructor(container) {
    this.container = container;
    this.element = document.createElement('div');
    this.element.className = 'timeline-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    container.append(this.element);
  }

  /** Shows `content` ({ title, rows }) at CSS pixel (px, py) of the container. */
  show(content, px, py) {
    const title = document.createElement('div');
    title.className = 'timeline-tooltip-title';
    title.textContent = content.title;
    const list = document.createElement('dl');
    for (const [key, value] of content.rows) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    this.element.replaceChildren(title, list);
    this.element.hidden = false;
    const box = this.container.getBoundingClientRect();
    const own = this.element.getBoundingClientRect();
    const left = px + 14 + own.width > box.width ? px - 14 - own.width : px + 14;
    const top = py + 14 + own.height > box.height ? Math.max(0, py - 14 - own.height) : py + 14;
    this.element.style.left = `${Math.max(0, left)}px`;
    this.element.style.top = `${top}px`;
  }

  hide() {
    this.element.hidden = true;
  }
}
