// The page's side of share links: reads the fragment into a run request and a view (playhead,
// selection) with the codec, shows what was wrong with it, keeps the fragment in step with the
// scenario on screen (history.replaceState, so Back is not flooded), and puts the linked view on
// the timeline once the run is drawn. Everything from a link reaches the page as text nodes.
import { lowerBound } from '../timeline/visible.js';
import { t } from '../i18n/i18n.js';
import { linkLanguage } from '../i18n/page-language.js';
import { decodeLink, encodeLink, resolveLink } from './link-codec.js';

/**
 * The fields of the form set to `request` ({ example, strategy, params, seed }), without running;
 * `params` holds the example's parameters and the strategy's settings, by name.
 */
export function applyRequestToForm(form, request) {
  if (!form.selectExample(request.example)) return false;
  if (typeof form.selectStrategy === 'function') form.selectStrategy(request.strategy);
  else form.el.strategyPicker.value = request.strategy;
  for (const field of form.fields) {
    const value = field.isSeed ? request.seed : request.params[field.param.name];
    if (value === undefined) continue;
    if (field.param.type === 'boolean') field.input.checked = Boolean(value);
    else field.input.value = String(value);
  }
  form.updateValidity();
  return true;
}

/** The timeline hit for the event with `seq`, as Timeline.hitTest would give it, or null. */
function hitForSeq(timeline, model, seq) {
  const i = typeof model.indexOfSeq === 'function' ? model.indexOfSeq(seq) : seq - 1;
  if (!(i >= 0 && i < model.count)) return null;
  const task = model.task.data[i];
  let poll = -1;
  const kind = model.kindOf(i);
  if (kind === 'poll_begin' || kind === 'poll_end') {
    const { begin, end } = model.polls;
    for (let p = 0; p < begin.length; ++p) {
      if (begin.data[p] === i || end.data[p] === i) {
        poll = p;
        break;
      }
    }
  }
  // A worker's own event (a steal, a park) selects on that worker's executor lane.
  const worker = task === 0 ? model.field(i, 'worker') : undefined;
  const lane =
    timeline.lanes.find((l) => l.type === 'task' && l.task.id === task) ??
    (worker !== undefined
      ? timeline.lanes.find((l) => l.type === 'executor' && l.worker?.id === worker)
      : undefined) ??
    timeline.lanes.find((l) => l.type === 'timers');
  const event = poll !== -1 && model.polls.end.data[poll] !== -1 ? model.polls.end.data[poll] : i;
  return { lane, poll, event, task };
}

/** The hit that selects task `id`'s lane (its spawn), or null. */
function hitForTask(timeline, model, id) {
  const lane = timeline.lanes.find((l) => l.type === 'task' && l.task.id === id);
  if (!lane) return null;
  for (let i = 0; i < model.count; ++i) {
    if (model.task.data[i] === id) return { lane, poll: -1, event: i, task: id };
  }
  return null;
}

/** The last event of `model` at or before virtual time `t` (the first event if none is). */
export function eventAtOrBefore(model, t) {
  return Math.max(0, lowerBound(0, model.count, (i) => model.t.data[i] > t) - 1);
}

/**
 * The timeline hit that selects `select` ({ kind: 'seq' or 'task', id }) in `model` as `timeline`
 * lays it out, or null when the run has no such event or task.
 */
export function selectionHit(timeline, model, select) {
  return select.kind === 'seq'
    ? hitForSeq(timeline, model, select.id)
    : hitForTask(timeline, model, select.id);
}

/**
 * Puts a linked view on `timeline` showing `model`: the selection (`{ kind, id }`, selected
 * without moving the playhead), the window (`view`: { x0, x1 } on the layout axis) and the
 * playhead (`playhead`: an event's seq; or `at`, a time: the last event at or before it). A link
 * with a playhead time and no window (the older form) gets a window an eighth of the run wide
 * around it. Returns { problems (sentences for the parts that do not fit this run), playhead
 * (the event index to put the playhead on, or null) }.
 */
export function restoreView(timeline, model, { at, playhead, select, view }) {
  const problems = [];
  if (select) {
    const hit = selectionHit(timeline, model, select);
    if (hit) timeline.select({ ...hit, seek: -1 });
    else
      problems.push(
        t('share.view.selectMissing', {
          kind: select.kind,
          id: String(select.id),
          count: model.count,
        }),
      );
  }
  let event = null;
  if (playhead != null && model.count > 0) {
    const i = typeof model.indexOfSeq === 'function' ? model.indexOfSeq(playhead) : playhead - 1;
    if (i >= 0 && i < model.count) event = i;
    else
      problems.push(t('share.view.playheadMissing', { seq: String(playhead), count: model.count }));
  } else if (at != null && model.count > 0) {
    const last = model.t.data[model.count - 1];
    if (at > last) problems.push(t('share.view.playheadAfterEnd', { at, last }));
    event = eventAtOrBefore(model, at);
    if (!view) {
      const x = model.xOfTime(Math.min(at, last));
      const [start, end] = model.extent();
      const span = (end - start) / 8;
      timeline.x0 = x - span / 2;
      timeline.x1 = x + span / 2;
      timeline.autoFit = false;
      timeline.requestDraw();
    }
  }
  if (view && model.count > 0) {
    timeline.x0 = view.x0;
    timeline.x1 = view.x1;
    timeline.autoFit = false;
    timeline.requestDraw();
  }
  return { problems, playhead: event };
}

/** The fragment's state and what the page shows of its problems. */
export class LinkState {
  /** @param {HTMLElement} messages the list where problems with the link are shown */
  constructor(messages) {
    this.messages = messages;
    this.current = null;
  }

  /**
   * Reads location.hash against the catalogue: { request, view: { at, playhead, select, view,
   * spread }, program (the link's program part, still compressed, or null), problems }.
   * `request` is always runnable (defaults wherever the link was silent or wrong); `strategies`
   * (optional) lets the link set strategy settings by name.
   */
  read(examples, fallback, strategies = []) {
    const decoded = decodeLink(location.hash);
    const resolved = resolveLink(decoded.state, examples, fallback, strategies);
    return {
      request: resolved.request,
      view: {
        at: decoded.state.at,
        playhead: decoded.state.playhead,
        select: decoded.state.select,
        view: decoded.state.view,
        spread: decoded.state.spread,
      },
      program: decoded.state.program,
      problems: [...decoded.problems, ...resolved.problems],
    };
  }

  /** Shows `problems` (sentences) as a list of text, or hides the list when there are none. */
  show(problems) {
    this.messages.replaceChildren(
      ...problems.map((problem) => {
        const item = document.createElement('li');
        item.textContent = problem;
        return item;
      }),
    );
    this.messages.hidden = problems.length === 0;
  }

  /** Adds `problems` to those shown. */
  add(problems) {
    if (problems.length === 0) return;
    this.show([...[...this.messages.children].map((item) => item.textContent), ...problems]);
  }

  /** The fragment for `request` and `view`, without `#`. */
  static fragment(request, view = {}) {
    return encodeLink({
      example: request.example,
      strategy: request.strategy,
      compare: request.compare ?? null,
      params: request.params,
      seed: request.seed,
      spread: view.spread ?? null,
      view: view.view ?? null,
      at: view.at ?? null,
      playhead: view.playhead ?? null,
      select: view.select ?? null,
      lang: linkLanguage(),
      program: request.programLink ?? null,
    });
  }

  /** Makes the address bar say `request` and `view`, replacing the entry rather than adding one. */
  write(request, view = {}) {
    this.current = { request, view };
    const fragment = LinkState.fragment(request, view);
    if (location.hash.replace(/^#/, '') !== fragment) {
      history.replaceState(history.state, '', `#${fragment}`);
    }
  }

  /** Updates the view part of the fragment (window, playhead, selection) for the scenario shown. */
  writeView(view) {
    if (!this.current) return;
    this.write(this.current.request, { ...this.current.view, ...view });
  }

  /** The address of the scenario shown: the page's URL with the current fragment. */
  get url() {
    return location.href;
  }
}
