// The console: what a program printed (`println!`, `print!`, `eprintln!`: the trace's `output`
// events) with its virtual time and task, and each task's panic with its line. A row is a
// button: it moves the playhead to its event. Rows after the playhead are dimmed, so the console
// reads as the run goes. Texts become text nodes.
import { element } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { formatTime } from '../timeline/time-format.js';
import { panicLocation } from './spans.js';

/** Rows shown at most; a program printing in a long loop says how many more there were. */
export const maxConsoleRows = 2000;

/**
 * The console's lines of `model` from event `from` on: [{ event, t, task, text, stream, panic,
 * line }]. A panic is a task_end whose outcome is `failed`.
 */
export function consoleLines(model, from = 0) {
  const lines = [];
  const output = model.kindNames.indexOf('output');
  const taskEnd = model.kindNames.indexOf('task_end');
  for (let i = from; i < model.count; ++i) {
    const code = model.kind.data[i];
    if (code === output && output !== -1) {
      lines.push({
        event: i,
        t: model.t.data[i],
        task: model.task.data[i],
        text: String(model.field(i, 'text') ?? ''),
        stream: model.field(i, 'stream') ?? 'stdout',
        panic: false,
        line: model.field(i, 'line') ?? null,
      });
    } else if (code === taskEnd && taskEnd !== -1 && model.field(i, 'outcome') === 'failed') {
      const message = String(model.field(i, 'message') ?? 'panicked');
      const at = panicLocation(message);
      lines.push({
        event: i,
        t: model.t.data[i],
        task: model.task.data[i],
        text: message,
        stream: 'stderr',
        panic: true,
        line: at?.line ?? null,
      });
    }
  }
  return lines;
}

/** A panic's row: "panicked at line 5: …" (the line as code writes it: digits only). */
function panicText(line) {
  return line.line
    ? t('program.console.panicAt', {
        line: formatNumber(line.line, { useGrouping: false }),
        text: line.text,
      })
    : t('program.console.panic', { text: line.text });
}

/** The console panel in `container`; `pick(event)` moves the playhead to an event. */
export class ConsoleView {
  constructor(container, pick) {
    this.container = container;
    this.pick = pick;
    this.model = null;
    this.scanned = 0;
    this.rows = [];
    this.more = 0;
    this.list = element('ol', 'console-lines');
    this.list.setAttribute('aria-label', t('program.console.label'));
    this.empty = element('p', 'console-empty', t('program.console.empty'));
    this.moreNote = element('p', 'console-more');
    this.moreNote.hidden = true;
    container.replaceChildren(this.empty, this.list, this.moreNote);
  }

  /** Starts over for `model` (a new run). */
  setModel(model) {
    this.model = model;
    this.scanned = 0;
    this.rows = [];
    this.more = 0;
    this.list.replaceChildren();
    this.moreNote.hidden = true;
    this.empty.textContent = t('program.console.empty');
    this.empty.hidden = false;
  }

  /** Reads the events that arrived since the last call. */
  update() {
    const model = this.model;
    if (!model) return;
    const lines = consoleLines(model, this.scanned);
    this.scanned = model.count;
    const rows = [];
    for (const line of lines) {
      if (this.rows.length + rows.length >= maxConsoleRows) {
        ++this.more;
        continue;
      }
      rows.push(this.#row(model, line));
    }
    this.rows.push(...rows);
    this.list.append(...rows);
    this.empty.hidden = this.rows.length > 0;
    this.moreNote.hidden = this.more === 0;
    this.moreNote.textContent = t('program.console.more', { count: this.more });
  }

  /** The run ended: says so when it printed nothing. */
  ended() {
    this.update();
    if (this.rows.length === 0) this.empty.textContent = t('program.console.nothing');
  }

  #row(model, line) {
    const item = element(
      'li',
      `console-line${line.panic ? ' is-panic' : ''}${line.stream === 'stderr' ? ' is-stderr' : ''}`,
    );
    item.dataset.event = String(line.event);
    const button = element('button', 'console-go');
    button.type = 'button';
    const task = line.task ? model.taskName(line.task) : '';
    const time = element('span', 'console-time', formatTime(line.t));
    const who = element('span', 'console-task', task);
    const text = element(
      'span',
      'console-text',
      line.panic ? panicText(line) : line.text.replace(/\n$/, ''),
    );
    button.append(time, who, text);
    button.title = line.panic ? t('program.console.goPanic') : t('program.console.goOutput');
    button.addEventListener('click', () => this.pick(line.event));
    item.append(button);
    return item;
  }

  /** The playhead is on event `i`: lines after it are dimmed. */
  playheadMoved(i) {
    for (const row of this.rows) row.classList.toggle('is-future', Number(row.dataset.event) > i);
  }
}
