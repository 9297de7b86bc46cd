// The hover tooltip: an event's fields as text nodes, never markup, whatever the trace holds.
import { formatTime } from './time-format.js';

/** Rows [key, value text] describing `hit` (from Timeline.hitTest) in `model`. */
export function describeHit(model, hit) {
  const fields = model.fieldsOf(hit.event);
  const rows = [];
  let title;
  if (hit.poll !== -1 && hit.poll !== undefined) {
    const begin = model.fieldsOf(hit.begin);
    const name = hit.lane?.label ?? `task ${hit.task}`;
    const result = fields.kind === 'poll_end' ? fields.result : 'running';
    title = `poll of ${name}: ${result}`;
    rows.push(['t', formatTime(begin.t)]);
    rows.push([
      'seq',
      fields.kind === 'poll_end' ? `${begin.seq} – ${fields.seq}` : String(begin.seq),
    ]);
    for (const [key, value] of Object.entries(fields)) {
      if (['seq', 't', 'kind', 'cause'].includes(key)) continue;
      rows.push([key, valueText(value)]);
    }
    if ('depth' in begin) rows.push(['queue after', valueText(begin.depth)]);
    if ('cause' in begin) rows.push(['caused by', `#${begin.cause}`]);
  } else {
    title = String(fields.kind);
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'kind') continue;
      rows.push([
        key === 'cause' ? 'caused by' : key,
        key === 't' ? formatTime(value) : key === 'cause' ? `#${value}` : valueText(value),
      ]);
    }
  }
  return { title, rows };
}

function valueText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
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
