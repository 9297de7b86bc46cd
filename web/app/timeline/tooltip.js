// The hover tooltip: what is under the pointer in words, the captions' words (Future::poll,
// Poll::Pending, cx.waker(), Waker::wake), with times formatted, never raw kinds or sequence
// numbers. Text nodes only, never markup, whatever the trace holds.
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

const resultWords = {
  pending: 'returned Poll::Pending',
  ready: 'returned Poll::Ready',
  failed: 'threw: the task failed',
};

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
    return `nobody: its first poll, after spawn at ${at(model.t.data[enqueue])}`;
  const wake = model.causeOf(enqueue);
  if (wake === -1) return reason ? `queued: ${String(reason).replaceAll('_', ' ')}` : null;
  const by = model.field(wake, 'by');
  const id = model.field(wake, 'by_id');
  const who =
    by === 'timer'
      ? `timer ${id}`
      : by === 'io'
        ? `I/O resource ${id}`
        : by === 'task'
          ? id === model.task.data[begin]
            ? 'itself'
            : model.taskName(id)
          : 'the runtime';
  return `${who}, at ${at(model.t.data[wake])}`;
}

// How long a poll took, and why it may be drawn wider than that.
function took(model, begin, end) {
  const ns = elapsed(model, begin, end);
  const events = end - begin + 1;
  if (ns > 0) return `${formatTime(ns)} of virtual time (${events} events)`;
  return model.k > 0
    ? `no time: it began and ended at one instant; drawn as wide as its ${events} events`
    : 'no time: it began and ended at one instant';
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
    const result =
      endEvent === -1
        ? 'still running'
        : (resultWords[model.field(endEvent, 'result')] ??
          `ended (${String(model.field(endEvent, 'result'))})`);
    const title = `Poll #${n} of ${model.taskName(hit.task)}: ${result}`;
    rows.push(['when', at(model.t.data[begin])]);
    rows.push(['took', took(model, begin, end)]);
    if (model.workers.size > 1)
      rows.push(['thread', workerName(model, model.field(begin, 'worker'))]);
    const woken = wokenBy(model, begin);
    if (woken) rows.push(['woken by', woken]);
    if (endEvent !== -1 && model.field(endEvent, 'result') === 'pending') {
      const line = model.field(endEvent, 'line');
      const file = model.field(endEvent, 'file');
      if (line !== undefined) rows.push(['waits at', `line ${line}${file ? ` of ${file}` : ''}`]);
      rows.push([
        'then',
        losesItsWaker(model, endEvent)
          ? 'no waker kept: nothing can wake it again'
          : 'waits for Waker::wake',
      ]);
    }
    const depth = model.field(begin, 'depth');
    if (Number.isInteger(depth))
      rows.push(['run queue', depth === 0 ? 'empty after it was taken' : `${depth} still queued`]);
    return { title, rows };
  }
  const i = hit.event;
  const fields = model.fieldsOf(i);
  rows.push(['when', at(model.t.data[i])]);
  if (Number.isInteger(fields.task) && fields.task !== 0)
    rows.push(['task', model.taskName(fields.task)]);
  if (fields.line !== undefined)
    rows.push(['where', `line ${fields.line}${fields.file ? ` of ${fields.file}` : ''}`]);
  for (const [key, value] of Object.entries(fields)) {
    if (toldFields.has(key)) continue;
    rows.push([key.replaceAll('_', ' '), valueText(key, value)]);
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
