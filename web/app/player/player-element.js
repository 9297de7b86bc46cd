// <wakeline-player>: an embeddable timeline of one example run, usable on any page from one script
// tag. Everything it draws lives in its shadow root; it never reads or writes the host page (no
// document listeners, no global styles), and it loads the JavaScript API from beside its own
// script, so it works wherever the site is hosted.
//   <script src="https://host/wakeline-player.js"></script>
//   <wakeline-player example="concurrent" strategy="local" params="tasks=5 steps=2" seed="7"
//                    start="12ms" height="360" autoplay></wakeline-player>
// `autoplay` plays the run once it has ended (from `start` if given), unless the reader asked for
// reduced motion; a Play button is there either way.
import { decodeLink, encodeLink, parseLinkTime, quote, resolveLink } from '../share/link-codec.js';
import { Player } from '../playback/player.js';
import { restoreView } from '../share/link-state.js';
import { TraceModel } from '../timeline/model.js';
import { Timeline } from '../timeline/timeline.js';
import { describeHit, Tooltip } from '../timeline/tooltip.js';
import playerCss from './player.css';
import timelineCss from '../../styles/timeline.css';

// Captured while this script runs: afterwards document.currentScript is someone else's.
const scriptUrl = document.currentScript?.src || location.href;
const defaultHeight = 320;

let handle = null;

/** One API handle for every player on the page, in a Web Worker where the page allows it. */
function engine() {
  handle ??= import(new URL('wakeline.mjs', scriptUrl).href).then(async (api) => {
    try {
      return await api.createWakeline();
    } catch {
      // A worker must come from the page's own origin: on another site, run in this thread.
      return api.createWakeline({ worker: false });
    }
  });
  return handle;
}

let sheet = null;

function styles() {
  if (!sheet) {
    // A constructed sheet, adopted by each shadow root: no <style> in the host page.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${timelineCss}\n${playerCss}`);
  }
  return sheet;
}

/** The `params` attribute ("tasks=5 steps=2", also with `&` or `,`) as link text. */
function paramsFragment(text) {
  return String(text ?? '').trim().split(/[\s,&]+/).filter(Boolean).join('&');
}

/** Wheel zoom, drag pan, hover tooltip, click select and keys, on the canvas only. */
function attachInput(timeline, onSelect) {
  const canvas = timeline.canvas;
  const tooltip = new Tooltip(timeline.container);
  let drag = null;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };
  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    tooltip.hide();
    const [px] = local(event);
    timeline.zoomAt(px, Math.exp(-event.deltaY * 0.002));
  }, { passive: false });
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    const [px, py] = local(event);
    if (drag) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (drag.moved || Math.hypot(dx, dy) > 4) {
        drag.moved = true;
        timeline.panBy(dx, dy);
        drag.x = event.clientX;
        drag.y = event.clientY;
      }
      return;
    }
    const hit = timeline.hitTest(px, py);
    if (hit) tooltip.show(describeHit(timeline.model, hit), px, py);
    else tooltip.hide();
  });
  canvas.addEventListener('pointerup', (event) => {
    if (drag && !drag.moved) onSelect(timeline.hitTest(...local(event)));
    drag = null;
  });
  canvas.addEventListener('pointerleave', () => tooltip.hide());
  canvas.addEventListener('keydown', (event) => {
    const keys = { '+': 1.5, '=': 1.5, '-': 1 / 1.5 };
    if (keys[event.key]) timeline.zoomAt(timeline.width / 2, keys[event.key]);
    else if (event.key === 'f') timeline.fit();
    else if (event.key === 'Escape') onSelect(null);
    else return;
    event.preventDefault();
  });
}

/** The first event at or after virtual time `t` (the last event if none is). */
function eventAtTime(model, t) {
  let lo = 0;
  let hi = model.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.t.data[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, model.count - 1);
}

/** The element. Attributes: example, strategy, params, seed, autoplay, start, height. */
export class WakelinePlayer extends HTMLElement {
  static get observedAttributes() {
    return ['example', 'strategy', 'params', 'seed', 'autoplay', 'start', 'height'];
  }

  #root;
  #frame;
  #timeline = null;
  #status;
  #messages;
  #open;
  #play;
  #player = null;
  #reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  #pending = false;
  #runId = 0;
  // The message list shows these, in this order (#showProblems).
  #linkProblems = [];
  #runProblems = [];
  #heightProblem = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#frame = document.createElement('div');
    this.#frame.className = 'player';
    this.#frame.setAttribute('part', 'frame');
    const timeline = document.createElement('div');
    timeline.className = 'timeline';
    this.#messages = document.createElement('ul');
    this.#messages.className = 'player-messages';
    this.#messages.hidden = true;
    const footer = document.createElement('div');
    footer.className = 'player-footer';
    this.#status = document.createElement('span');
    this.#status.className = 'player-status';
    this.#status.textContent = 'loading the runtime…';
    this.#open = document.createElement('a');
    this.#open.className = 'player-open';
    this.#open.textContent = 'Open in Wakeline';
    this.#open.target = '_blank';
    this.#open.rel = 'noopener';
    this.#play = document.createElement('button');
    this.#play.type = 'button';
    this.#play.className = 'player-play';
    this.#play.textContent = 'Play';
    this.#play.hidden = true;
    this.#play.addEventListener('click', () => this.#player?.toggle());
    footer.append(this.#play, this.#status, this.#open);
    this.#frame.append(this.#messages, timeline, footer);
    this.#root.append(this.#frame);
    this.timelineContainer = timeline;
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    // A removed player stops asking for animation frames.
    this.#player?.pause();
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    // The size and autoplay change how the run is shown, not which run: no new run for them.
    if (name === 'height') this.#applyHeight();
    else if (name === 'autoplay') this.#autoplay();
    else this.#schedule();
  }

  /** Plays a finished run when `autoplay` is set and the reader has not asked for less motion. */
  #autoplay() {
    if (this.state !== 'done' || !this.hasAttribute('autoplay') || this.#reduceMotion.matches) return;
    this.#player?.play();
  }

  #playerMoved() {
    const player = this.#player;
    this.#timeline?.setPlayhead(player.layoutX(), true);
    const label = player.playing ? 'Pause' : 'Play';
    if (this.#play.textContent !== label) this.#play.textContent = label;
    this.#play.setAttribute('aria-pressed', String(player.playing));
    this.#frame.dataset.playing = String(player.playing);
  }

  #applyHeight() {
    const text = this.getAttribute('height');
    const height = Number.parseInt(text ?? '', 10);
    const px = Number.isFinite(height) ? Math.min(Math.max(height, 120), 4000) : defaultHeight;
    this.#frame.style.height = `${px}px`;
    const problem = text !== null && px !== height
      ? `height: ${quote(text)} is not a number of pixels from 120 to 4000; ${px} is used.`
      : null;
    if (problem !== this.#heightProblem) {
      this.#heightProblem = problem;
      this.#showProblems();
    }
  }

  /** Several attribute changes in one task start one run. */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#run();
    });
  }

  /** The scenario the attributes describe, as link state, with problems found reading them. */
  #scenario() {
    const parts = [];
    const attr = (name) => this.getAttribute(name);
    if (attr('example') !== null) parts.push(`example=${encodeURIComponent(attr('example'))}`);
    if (attr('strategy') !== null) parts.push(`strategy=${encodeURIComponent(attr('strategy'))}`);
    if (attr('params')) parts.push(paramsFragment(attr('params')));
    if (attr('seed') !== null) parts.push(`seed=${encodeURIComponent(attr('seed'))}`);
    const decoded = decodeLink(parts.join('&'));
    const problems = [...decoded.problems];
    const start = attr('start');
    if (start !== null) {
      const time = parseLinkTime(start);
      if (time.error) problems.push(`start: ${time.error}; it was ignored.`);
      else decoded.state.at = time.value;
    }
    return { state: decoded.state, problems };
  }

  #showProblems() {
    const problems = [...this.#linkProblems, ...this.#runProblems];
    if (this.#heightProblem) problems.push(this.#heightProblem);
    this.#messages.replaceChildren(...problems.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }));
    this.#messages.hidden = problems.length === 0;
  }

  async #run() {
    const id = ++this.#runId;
    this.#applyHeight();
    this.#timeline ??= this.#makeTimeline();
    const { state, problems } = this.#scenario();
    let api;
    try {
      api = await engine();
    } catch (error) {
      this.#status.textContent = `The runtime could not be loaded: ${error?.message ?? error}`;
      return;
    }
    const [examples, strategies] = await Promise.all([api.examples(), api.strategies()]);
    const resolved = resolveLink(state, examples, 'concurrent', strategies);
    if (state.example == null && this.getAttribute('example') === null) {
      problems.push(`No example attribute; showing ${resolved.request.example}.`);
    }
    this.#runProblems = [...problems, ...resolved.problems];
    this.#showProblems();
    const request = resolved.request;
    const view = { at: state.at, select: null };
    this.#open.href = new URL(`index.html#${encodeLink({ ...request, at: view.at, select: null })}`, scriptUrl).href;
    this.#open.title = `Open ${quote(request.example)} in the Wakeline playground`;
    this.#frame.dataset.state = 'running';
    this.#status.textContent = `${request.example} · running…`;
    const model = new TraceModel();
    this.#timeline.setModel(model);
    this.#player.setModel(model);
    this.#play.hidden = true;
    try {
      // Event objects where the model takes them, else NDJSON text (older models).
      const objects = typeof model.appendEvents === 'function';
      const run = await api.run(request.example, {
        strategy: request.strategy, params: request.params, seed: request.seed,
        format: objects ? 'objects' : 'ndjson',
      });
      model.header = run.header;
      for await (const batch of run) {
        if (id !== this.#runId) {
          run.cancel();
          return;
        }
        if (objects) model.appendEvents(batch);
        else model.appendNdjson(batch);
        this.#timeline.modelChanged();
      }
      const summary = await run.done;
      model.finish?.();
      if (id !== this.#runId) return;
      this.#timeline.modelChanged();
      restoreView(this.#timeline, model, view);
      this.#frame.dataset.state = 'done';
      this.#play.hidden = model.count === 0;
      // The playhead starts at `start` (the view restoreView put around it) or the first event.
      this.#player.seek(view.at == null ? 0 : eventAtTime(model, view.at));
      this.#autoplay();
      const outcome = summary.outcome === 'completed' ? '' : ` · ${summary.outcome}`;
      this.#status.textContent = `${request.example} · ${model.count.toLocaleString('en')} events${outcome}`;
    } catch (error) {
      if (id !== this.#runId) return;
      this.#status.textContent = `The run failed: ${error?.message ?? error}`;
      this.#frame.dataset.state = 'error';
    }
  }

  #makeTimeline() {
    const timeline = new Timeline(this.timelineContainer);
    attachInput(timeline, (hit) => timeline.select(hit));
    this.#player = new Player(() => this.#playerMoved());
    timeline.canvas.addEventListener('keydown', (event) => {
      if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      this.#player.toggle();
    });
    return timeline;
  }

  /**
   * Problems with the link the attributes were read from (embed.html sets them from its
   * fragment), listed before the element's own; shown as text, like every message.
   */
  set linkProblems(problems) {
    this.#linkProblems = [...problems].map(String);
    this.#showProblems();
  }

  /** Whether the player is playing. */
  get playing() {
    return this.#player?.playing ?? false;
  }

  /** The event index under the playhead, -1 before a run has events. */
  get playhead() {
    return this.#player?.event ?? -1;
  }

  /** 'running', 'done' or 'error' (kept in the shadow root: the host's attributes stay its own). */
  get state() {
    return this.#frame.dataset.state ?? 'loading';
  }

  /** The timeline's canvas, for a host that wants a picture of it. */
  get canvas() {
    return this.#timeline?.canvas ?? null;
  }
}

if (!customElements.get('wakeline-player')) customElements.define('wakeline-player', WakelinePlayer);
