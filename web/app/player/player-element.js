// <wakeline-player>: an embeddable timeline of one example run, usable on any page from one script
// tag. Everything it draws lives in its shadow root; it never reads or writes the host page (no
// document listeners, no global styles), and it loads the JavaScript API from beside its own
// script (player-engine.js), so it works wherever the site is hosted.
//   <script src="https://host/wakeline-player.js"></script>
//   <wakeline-player example="concurrent" strategy="local" params="tasks=5 steps=2" seed="7"
//                    start="12ms" height="360" autoplay></wakeline-player>
// A program of the language instead of an example: inline, as the text of a child <template>
// or <pre> (readable on the host page without JavaScript), or in a `program` attribute as a
// share link carries it (compressed, base64url: program/program-link.js); `name` is its file
// name (main.rs by default). The program shows under the timeline, read-only, its current line
// highlighted.
// `autoplay` plays the run once it has ended (from `start` if given), unless the reader asked for
// reduced motion; a Play button is there either way. Runs go through the playground's
// RunController and playback through its PlaybackClock: one run path, one clock.
import { element } from '../dom.js';
import { narrate } from '../narration.js';
import { PlaybackClock } from '../playback/clock.js';
import { Replay } from '../playback/replay.js';
import { RunController } from '../run-controller.js';
import {
  emptyLinkState,
  encodeLink,
  formatLinkTime,
  isParamName,
  nearestId,
  parseLinkTime,
  parseParamValue,
  parseSelection,
  parseWhole,
  quote,
  resolveLink,
} from '../share/link-codec.js';
import { restoreView, selectionHit } from '../share/link-state.js';
import { makeFigure } from '../timeline/figure.js';
import { Legend } from '../timeline/legend.js';
import { readPalette } from '../timeline/palette.js';
import { Timeline } from '../timeline/timeline.js';
import { TraceModel } from '../timeline/model.js';
import { axisHeight } from '../timeline/lanes.js';
import { lowerBound } from '../timeline/visible.js';
import { decodeProgram, encodeProgram } from '../program/program-link.js';
import { tokenizeRust } from '../program/rust-tokens.js';
import { SourceView } from '../source-view.js';
import { TourBar } from '../tours/tour-bar.js';
import { parseTourLink, readTourElement } from '../tours/tour.js';
import { loadPlayerEngine, siteUrl } from './player-engine.js';
import { PlayerControls, attachFigureButtons, speedFor } from './player-controls.js';
import { attachPlayerInput } from './player-input.js';
import playerCss from './player.css';
import timelineCss from '../../styles/timeline.css';

const defaultHeight = 320;

/**
 * The least height of the timeline, in CSS pixels: the axis and four lanes.
 * A player whose other parts (tour, narration, legend, controls: taller on a narrow phone) would
 * leave it less grows.
 */
const minTimelineHeight = 150;

/** The most height `height="auto"` gives the timeline; lanes below it scroll. */
const maxAutoTimelineHeight = 560;

/** Values of `theme`: `auto` follows the reader's setting (prefers-color-scheme). */
const themes = ['light', 'dark', 'auto'];

const darkScheme = matchMedia('(prefers-color-scheme: dark)');

/** How near the viewport a player starts its run. */
const nearMargin = '400px 0px';

/**
 * What the player says about the values it was given, in one place. `where` is the value's
 * name as the author wrote it: `attribute example="concurent"` on a host page, `link part
 * example=concurent` in embed.html (whose attributes come from its link; see `fromLink`).
 */
const say = {
  attribute: (name, value) =>
    value == null ? `attribute ${name}` : `attribute ${name}=${quote(value)}`,
  // As a link writes it, unquoted (quote() still cuts it short and escapes control characters).
  linkPart: (name, value) =>
    value == null ? `link part ${name}` : `link part ${name}=${quote(value).slice(1, -1)}`,
  noExample: (fromLink, shown) =>
    fromLink
      ? `The link names no example; showing ${shown}.`
      : `No example attribute; showing ${shown}.`,
  unknownExample: (where, near, ids) =>
    near
      ? `${where}: Wakeline has no example of that name. Did you mean ${near}? Nothing was run.`
      : `${where}: Wakeline has no example of that name; the examples are ${ids.join(', ')}. Nothing was run.`,
  unknownStrategy: (where, near, names) =>
    near
      ? `${where}: Wakeline has no strategy of that name. Did you mean ${near}? Nothing was run.`
      : `${where}: Wakeline has no strategy of that name; the strategies are ${names.join(', ')}. Nothing was run.`,
  unsupportedStrategy: (where, example, names) =>
    `${where}: the example ${example} runs under ${names.join(', ')} only. Nothing was run.`,
  notParamPair: (where, pair) => `${where}: ${quote(pair)} is not name=value; it was ignored.`,
  notParamName: (where, name) =>
    `${where}: ${quote(name)} is not a parameter name; it was ignored.`,
  paramTwice: (where, name) =>
    `${where}: the parameter ${quote(name)} is given more than once; the first one counts.`,
  paramValue: (where, name, error) =>
    `${where}: the parameter ${quote(name)}: ${error}; its default is used.`,
  catalogue: (where, sentence) => `${where}: ${sentence}`,
  seed: (where) => `${where}: the seed is not a whole number from 0 to 2^53; 0 is used.`,
  start: (where, error) => `${where}: ${error}; the run starts at its first event.`,
  startAfterEnd: (where, end) =>
    `${where}: the run ends before that, at ${end}; the playhead is at its last event.`,
  select: (where, error) => `${where}: ${error}; nothing is selected.`,
  selectMissing: (where, select, model) =>
    select.kind === 'seq'
      ? `${where}: this run has no event ${select.id} (it has ${model.count.toLocaleString('en')} events); nothing is selected.`
      : `${where}: this run has no task ${select.id} (it has ${model.taskLanes.length.toLocaleString('en')} tasks); nothing is selected.`,
  height: (where, px) =>
    `${where}: not auto or a number of pixels from 120 to 4000; ${px} is used.`,
  speed: (where) =>
    `${where}: not a speed from 0.25 to 64 (times 4 events a second); the run's own is used.`,
  theme: (where, theme) =>
    `${where}: not light, dark or auto; the reader's setting (${theme}) is used.`,
  program: (where, error) => `${where}: ${error}`,
  nothingRun: 'Nothing was run: the message above says why.',
  programUnread: 'The program could not be read; nothing was run.',
};

let sheet = null;

function styles() {
  if (!sheet) {
    // A constructed sheet, adopted by each shadow root: no <style> in the host page.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${timelineCss}\n${playerCss}`);
    themeByAttribute(sheet);
  }
  return sheet;
}

/**
 * Turns the sheet's `@media (prefers-color-scheme: dark)` rules into rules under
 * `.player-theme[data-theme='dark']`, so that the `theme` attribute, not only the reader's
 * setting, picks the palette: the timeline's and the player's stylesheets keep one dark palette
 * each, written as the playground's are.
 */
function themeByAttribute(sheet) {
  for (let k = sheet.cssRules.length - 1; k >= 0; --k) {
    const rule = sheet.cssRules[k];
    if (!(rule instanceof CSSMediaRule) || !/prefers-color-scheme:\s*dark/.test(rule.conditionText))
      continue;
    const inner = [...rule.cssRules];
    sheet.deleteRule(k);
    for (const style of inner.reverse()) {
      sheet.insertRule(
        `.player-theme[data-theme='dark'] :is(${style.selectorText}) { ${style.style.cssText} }`,
        k,
      );
    }
  }
}

/** The first event at or after virtual time `t` (the last event if none is). */
function eventAtTime(model, t) {
  const first = lowerBound(0, model.count, (i) => model.t.data[i] >= t);
  return Math.min(first, model.count - 1);
}

/**
 * The element. Attributes: example, strategy, params, seed, autoplay, start, height (pixels or
 * `auto`), speed, theme (light, dark, auto), select (`seq:N` or `task:N`). An example or a
 * strategy that Wakeline does not have runs nothing: the player says so, and what was meant.
 * Methods play(), pause(), seek(), goToStop(); events `playhead` (the playhead moved to another
 * event), `runend` (the run finished), `ended` (playback reached the last event) and `stop` (a
 * tour's stop was gone to). A tour comes from the `tour` attribute (a link's `tour` part) or a
 * child <ol data-tour> (tours/tour.js).
 */
export class WakelinePlayer extends HTMLElement {
  static get observedAttributes() {
    return [
      'example',
      'strategy',
      'params',
      'seed',
      'autoplay',
      'start',
      'height',
      'program',
      'name',
      'speed',
      'tour',
      'loading',
      'theme',
      'select',
    ];
  }

  #root;
  #frame;
  #timelineContainer;
  #timeline = null;
  #clock = null;
  #runs = null;
  #status;
  #messages;
  #open;
  #controls = null;
  #controlsBox;
  #narration;
  #legendBox;
  #legend = null;
  #tourBox;
  #tour;
  #tourProblems = [];
  #replay = null;
  // The event the narration and the `playhead` event last told, and whether it was playing.
  #told = { event: -2, playing: false };
  #reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  #pending = false;
  #observers = null;
  // Whether the run was started (the player came near the viewport), whether some of the player
  // is on screen, whether playback paused because it left, and whether autoplay has played.
  #started = false;
  #visible = false;
  #resume = false;
  #autoplayed = false;
  #runId = 0;
  // The scenario of the run going on: its request, and the view (`at`) to show once it ends.
  #shown = null;
  // The message list shows these, in this order (#showProblems).
  #linkProblems = [];
  #runProblems = [];
  #heightProblem = null;
  #themeProblem = null;
  #selectProblem = null;
  // Whether the attributes come from a link (embed.html): messages then name its parts.
  #fromLink = false;
  // The height asked for: { px } or { auto: true } (#applyHeight), kept by #fitHeight.
  #height = { px: defaultHeight };
  #themeBox;
  #hiddenLanes;
  #speedProblem = null;
  #programBox;
  #programView;
  #fallback;
  // The program run: { source, name } or null for an example.
  #program = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#frame = element('div', 'player', undefined, { part: 'frame' });
    this.#timelineContainer = element('div', 'timeline');
    this.#messages = element('ul', 'player-messages');
    this.#messages.hidden = true;
    this.#status = element('span', 'player-status', 'loading the runtime…');
    this.#open = element('a', 'player-open', 'Open in Wakeline');
    this.#open.target = '_blank';
    this.#open.rel = 'noopener';
    this.#controlsBox = element('div', 'player-controls');
    this.#controlsBox.hidden = true;
    // What the event at the playhead does, in the playground's words (narration.js).
    this.#narration = element('p', 'player-narration', undefined, { 'aria-live': 'polite' });
    this.#narration.hidden = true;
    this.#legendBox = element('div', 'player-legend');
    this.#legendBox.hidden = true;
    this.#tourBox = element('div', 'player-tour');
    this.#tour = new TourBar(this.#tourBox, (stop, index, restored) => {
      this.#clock.pause();
      if (restored.playhead != null) this.#clock.seek(restored.playhead);
      this.dispatchEvent(
        new CustomEvent('stop', { detail: { index, count: this.#tour.stops.length } }),
      );
    });
    const footer = element('div', 'player-footer');
    footer.append(this.#controlsBox, this.#status, this.#open);
    this.#programBox = element('div', 'player-program source-view');
    this.#programBox.hidden = true;
    this.#programBox.tabIndex = 0;
    this.#programBox.setAttribute('aria-label', 'Program');
    this.#programView = new SourceView(this.#programBox, tokenizeRust);
    // The element's own children (a figure's caption, a <pre> program, "Loading…") stay visible
    // until a run draws, and when nothing can run.
    this.#fallback = element('slot', 'player-fallback');
    this.#frame.append(
      this.#messages,
      this.#fallback,
      this.#timelineContainer,
      this.#tourBox,
      this.#narration,
      this.#programBox,
      this.#legendBox,
      footer,
    );
    // The theme the player shows, light or dark, as `data-theme` on a box around it (the host's
    // attributes stay its own); `display: contents`, it draws nothing itself.
    this.#themeBox = element('div', 'player-theme');
    this.#themeBox.append(this.#frame);
    this.#root.append(this.#themeBox);
    // "3 lanes hidden below": said on the timeline when its lanes do not all fit.
    this.#hiddenLanes = element('p', 'player-hidden-lanes');
    this.#hiddenLanes.hidden = true;
    this.#timelineContainer.append(this.#hiddenLanes);
    // The timeline's height moves with what is shown around it (a tour, messages, a narrow
    // screen's wrapped controls): the player grows when the timeline would get too small.
    new ResizeObserver(() => this.#fitHeight()).observe(this.#timelineContainer);
    this.#applyTheme();
    // Keys pressed inside the player step it; the ones it uses do not scroll the host page.
    this.#frame.addEventListener('keydown', (event) => {
      if (this.#controls?.key(event)) event.preventDefault();
    });
  }

  connectedCallback() {
    // The run starts when the player comes near the viewport (`loading="eager"`: at once), and
    // playback goes on only while some of it is on screen.
    this.#observers ??= [
      new IntersectionObserver((entries) => this.#near(entries.at(-1).isIntersecting), {
        rootMargin: nearMargin,
      }),
      new IntersectionObserver((entries) => this.#seen(entries.at(-1).isIntersecting)),
    ];
    for (const observer of this.#observers) observer.observe(this);
    this.#applyHeight();
    this.#applyTheme();
    darkScheme.addEventListener('change', this.#schemeChanged);
    if (this.getAttribute('loading') === 'eager') this.#near(true);
    // The fallback stays until then; the status says the player waits for the reader.
    if (!this.#started) this.#status.textContent = 'waiting to be scrolled into view…';
  }

  disconnectedCallback() {
    // A removed player stops asking for animation frames.
    this.#clock?.pause();
    for (const observer of this.#observers ?? []) observer.disconnect();
    darkScheme.removeEventListener('change', this.#schemeChanged);
  }

  #schemeChanged = () => this.#applyTheme();

  /** The `theme` attribute (light, dark, auto: the reader's setting) on the player's palette. */
  #applyTheme() {
    const text = this.getAttribute('theme');
    const asked = text?.trim().toLowerCase();
    const valid = text === null || themes.includes(asked);
    const theme =
      valid && asked && asked !== 'auto' ? asked : darkScheme.matches ? 'dark' : 'light';
    const problem = valid ? null : say.theme(this.#where('theme', text), theme);
    if (problem !== this.#themeProblem) {
      this.#themeProblem = problem;
      this.#showProblems();
    }
    if (this.#themeBox.dataset.theme === theme) return;
    this.#themeBox.dataset.theme = theme;
    // The canvas and the legend's swatches read the palette from the stylesheet: read it again.
    if (this.#timeline) {
      this.#timeline.palette = readPalette(this.#timelineContainer);
      this.#timeline.requestDraw();
      this.#legend.update();
    }
  }

  #near(near) {
    if (!near || this.#started) return;
    this.#started = true;
    this.#status.textContent = 'loading the runtime…';
    this.#schedule();
  }

  #seen(visible) {
    this.#visible = visible;
    if (!visible && this.#clock?.playing) {
      this.#clock.pause();
      this.#resume = true;
    } else if (visible && this.#resume) {
      this.#resume = false;
      this.#clock?.play();
    } else if (visible) this.#autoplay();
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'loading' && this.getAttribute('loading') === 'eager') this.#near(true);
    // Before the player comes near the viewport, its run waits; it reads the attributes then.
    if (name === 'theme') return this.#applyTheme();
    // A selection is put on the shown run; a new run puts it on when it ends.
    if (name === 'select') {
      if (this.state === 'done') this.#applySelect(this.#timeline.model);
      return;
    }
    if (!this.#started && name !== 'height') return;
    // The size and autoplay change how the run is shown, not which run: no new run for them.
    if (name === 'height') this.#applyHeight();
    else if (name === 'loading') return;
    else if (name === 'autoplay') {
      this.#autoplayed = false;
      this.#autoplay();
    } else if (name === 'speed') this.#applySpeed();
    else if (name === 'tour') {
      if (this.state === 'done') this.#showTour(this.#timeline.model, true);
    } else this.#schedule();
  }

  /** Plays a finished run when `autoplay` is set and the reader has not asked for less motion. */
  #autoplay() {
    if (this.state !== 'done' || !this.hasAttribute('autoplay') || this.#reduceMotion.matches)
      return;
    if (this.#autoplayed) return;
    // Off screen it waits: it plays when the reader gets there.
    if (!this.#visible) return;
    this.#autoplayed = true;
    this.#clock?.play();
  }

  /** The `speed` attribute (a multiple of 4 events a second), else one that plays in a minute. */
  #applySpeed() {
    const text = this.getAttribute('speed');
    const speed = Number(text);
    const valid = text !== null && text.trim() !== '' && speed >= 0.25 && speed <= 64;
    const problem = text !== null && !valid ? say.speed(this.#where('speed', text)) : null;
    if (problem !== this.#speedProblem) {
      this.#speedProblem = problem;
      this.#showProblems();
    }
    if (!this.#controls) return;
    this.#controls.setSpeed(valid ? speed : speedFor(this.#clock.model?.count ?? 0));
  }

  #clockMoved() {
    const clock = this.#clock;
    this.#timeline?.setPlayhead(clock.layoutX(), true);
    this.#controls.update();
    this.#frame.dataset.playing = String(clock.playing);
    const i = clock.event;
    const told = this.#told;
    if (i === told.event && clock.playing === told.playing) return;
    const ended = told.playing && !clock.playing && i === clock.model.count - 1;
    told.playing = clock.playing;
    // Read once per event, not per frame: the sentence is heard when paused, not while playing.
    this.#narration.setAttribute('aria-live', clock.playing ? 'off' : 'polite');
    if (i !== told.event) {
      told.event = i;
      if (this.#program) this.#highlightLine(i);
      const model = clock.model;
      if (model && i >= 0 && this.state === 'done') {
        this.#replay.seek(i);
        this.#narration.textContent = narrate(model, i, this.#replay);
      }
    }
    this.dispatchEvent(
      new CustomEvent('playhead', {
        detail: { event: i, t: i >= 0 ? clock.model.t.data[i] : null, playing: clock.playing },
      }),
    );
    if (ended) this.dispatchEvent(new CustomEvent('ended'));
  }

  /** The line of event `i`'s task: its own, or where the task last returned Pending. */
  #highlightLine(i) {
    const model = this.#timeline?.model;
    if (!model || i < 0 || i >= model.count) return;
    let line = model.field(i, 'line');
    let file = model.field(i, 'file');
    const task = model.task.data[i];
    const pollEnd = model.kindNames.indexOf('poll_end');
    // A short look back is enough for a program's events; a long run keeps the last line.
    for (let k = i - 1; line === undefined && task && k >= 0 && k > i - 20000; --k) {
      if (model.task.data[k] === task && model.kind.data[k] === pollEnd) {
        line = model.field(k, 'line');
        file = model.field(k, 'file');
      }
    }
    this.#programView.highlight(file ?? null, line ?? null);
  }

  /**
   * The program the element carries, if any: { source, name }, { error }, or null (an example).
   * An inline child comes first, then the `program` attribute.
   */
  async #readProgram() {
    // Upgraded while the parser is still inside the element: its children are not there yet.
    if (document.readyState === 'loading')
      await new Promise((resolve) =>
        document.addEventListener('DOMContentLoaded', resolve, { once: true }),
      );
    const name = this.getAttribute('name') || 'main.rs';
    const inline = this.querySelector(':scope > template, :scope > pre');
    if (inline) {
      const text =
        inline instanceof HTMLTemplateElement ? inline.content.textContent : inline.textContent;
      return { source: `${text.replace(/^\n/, '').replace(/\s*$/, '')}\n`, name };
    }
    const encoded = this.getAttribute('program');
    if (encoded === null) return null;
    const decoded = await decodeProgram(encoded);
    return decoded.error
      ? { error: say.program(this.#where('program'), decoded.error) }
      : { source: decoded.text, name };
  }

  /** The `height` attribute: pixels (at least that; see #fitHeight) or `auto`, to the lanes. */
  #applyHeight() {
    const text = this.getAttribute('height');
    const auto = text?.trim().toLowerCase() === 'auto';
    const height = Number.parseInt(text ?? '', 10);
    const px = Number.isFinite(height) ? Math.min(Math.max(height, 120), 4000) : defaultHeight;
    this.#height = auto ? { auto: true } : { px };
    this.#frame.dataset.height = auto ? 'auto' : 'fixed';
    const problem =
      text !== null && !auto && px !== height ? say.height(this.#where('height', text), px) : null;
    if (problem !== this.#heightProblem) {
      this.#heightProblem = problem;
      this.#showProblems();
    }
    this.#frame.style.height = `${auto ? defaultHeight : px}px`;
    this.#fitHeight();
  }

  /**
   * Sizes the frame so that its timeline gets the height it should: with `height="auto"`, the
   * axis and every lane (from minTimelineHeight up to maxAutoTimelineHeight), else what is left of
   * the asked height, but never less than minTimelineHeight. The message list comes on top of
   * that: the player grows by its height, so that a message never takes the timeline's room.
   * Runs when the timeline's box changes size, when a run's lanes grow and when the messages
   * change; it converges, as each call measures the result.
   */
  #fitHeight() {
    // Heights inside the frame's border, as `style.height` sets them.
    const border = this.#frame.offsetHeight - this.#frame.clientHeight;
    const frame = this.#frame.getBoundingClientRect().height - border;
    const timeline = this.#timelineContainer.getBoundingClientRect().height;
    if (frame <= 0) return;
    // Refused, the messages are in the timeline's place: the player keeps the height asked.
    if (this.#frame.dataset.refused) {
      const asked = this.#height.auto ? defaultHeight : this.#height.px;
      if (Math.abs(asked - frame) >= 0.5) this.#frame.style.height = `${asked}px`;
      return;
    }
    const messages = this.#messages.hidden ? 0 : this.#messages.getBoundingClientRect().height;
    const others = frame - timeline;
    const lanes = this.#timeline?.model?.count ? this.#timeline.contentHeight : null;
    let wanted;
    if (this.#height.auto) {
      const room = lanes ?? defaultHeight - (others - messages);
      wanted = others + Math.min(Math.max(room, minTimelineHeight), maxAutoTimelineHeight);
    } else wanted = Math.max(this.#height.px + messages, others + minTimelineHeight);
    if (Math.abs(wanted - frame) >= 0.5) this.#frame.style.height = `${wanted}px`;
    this.#showHiddenLanes();
  }

  /** Says on the timeline how many lanes it does not show, and where ("3 lanes hidden: 3 below"). */
  #showHiddenLanes() {
    const timeline = this.#timeline;
    const lanes = timeline?.model?.count ? timeline.lanes : [];
    const room = timeline ? timeline.height - axisHeight : 0;
    // A lane counts as hidden when less than half of it shows.
    const middle = (lane) => lane.y + lane.h / 2;
    const above = lanes.filter((lane) => middle(lane) < timeline.scrollY).length;
    const below = lanes.filter((lane) => middle(lane) > timeline.scrollY + room).length;
    const parts = [];
    if (above > 0) parts.push(`${above} above`);
    if (below > 0) parts.push(`${below} below`);
    const hidden = above + below;
    const text = hidden
      ? `${hidden} lane${hidden === 1 ? '' : 's'} hidden: ${parts.join(', ')}`
      : '';
    if (this.#hiddenLanes.textContent !== text) this.#hiddenLanes.textContent = text;
    this.#hiddenLanes.hidden = text === '';
    this.#frame.dataset.hiddenLanes = String(above + below);
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

  /**
   * How the message list names a value the player was given: the attribute, or in embed.html
   * the link's part it came from (`start` is the link's `at`, a parameter its own part).
   */
  #where(name, value) {
    if (!this.#fromLink) return say.attribute(name, value);
    if (name === 'start') return say.linkPart('at', value);
    if (name === 'params') {
      const [param, ...rest] = String(value ?? '').split('=');
      return say.linkPart(param, rest.join('='));
    }
    return say.linkPart(name, value);
  }

  /**
   * The scenario the attributes describe, as link state (the example and strategy as written, to
   * be checked against the catalogue), with problems found reading them.
   */
  #scenario() {
    const state = emptyLinkState();
    const problems = [];
    const attr = (name) => this.getAttribute(name);
    state.example = attr('example');
    state.strategy = attr('strategy');
    // Each `name=value` of `params` (separated by spaces, `&` or `,`); `p.NAME` as links write it.
    const params = attr('params');
    const pairs = String(params ?? '')
      .trim()
      .split(/[\s,&]+/)
      .filter(Boolean);
    // Where each parameter was written, so a problem with it names it.
    state.paramsWritten = {};
    for (const pair of pairs) {
      const where = this.#fromLink ? this.#where('params', pair) : this.#where('params', params);
      const at = pair.indexOf('=');
      if (at <= 0) {
        problems.push(say.notParamPair(where, pair));
        continue;
      }
      const name = pair.slice(0, at).replace(/^p\./, '');
      if (!isParamName(name)) {
        problems.push(say.notParamName(where, name));
        continue;
      }
      if (Object.hasOwn(state.params, name)) {
        problems.push(say.paramTwice(where, name));
        continue;
      }
      const value = parseParamValue(pair.slice(at + 1));
      if (value.error) problems.push(say.paramValue(where, name, value.error));
      else {
        state.params[name] = value.value;
        state.paramsWritten[name] = where;
      }
    }
    const seed = attr('seed');
    if (seed !== null) {
      state.seed = parseWhole(seed.trim());
      if (state.seed === null) problems.push(say.seed(this.#where('seed', seed)));
    }
    const start = attr('start');
    if (start !== null) {
      const time = parseLinkTime(start.trim());
      if (time.error) problems.push(say.start(this.#where('start', start), time.error));
      else state.at = time.value;
    }
    return { state, problems };
  }

  /**
   * The example and strategy the attributes name, from the catalogue: { example, strategy } or
   * { refused } (a sentence) when either is not one of Wakeline's: a typo runs nothing rather than
   * another example under the author's caption.
   */
  #pick(state, examples, strategies, program) {
    let example;
    if (program) {
      // A program runs under any strategy.
      example = {
        id: state.example ?? 'new',
        params: [],
        strategies: strategies.map((s) => s.name),
      };
    } else if (state.example === null) {
      example = examples.find((e) => e.id === 'concurrent') ?? examples[0];
    } else {
      example = examples.find((e) => e.id === state.example.trim());
      if (!example) {
        const ids = examples.map((e) => e.id);
        return {
          refused: say.unknownExample(
            this.#where('example', state.example),
            nearestId(state.example, ids),
            ids,
          ),
        };
      }
    }
    if (state.strategy === null) return { example, strategy: example.strategies[0] };
    const strategy = state.strategy.trim();
    if (example.strategies.includes(strategy)) return { example, strategy };
    const where = this.#where('strategy', state.strategy);
    const names = strategies.map((s) => s.name);
    if (names.includes(strategy))
      return { refused: say.unsupportedStrategy(where, example.id, example.strategies) };
    return { refused: say.unknownStrategy(where, nearestId(strategy, names), names) };
  }

  #showProblems() {
    const problems = [...this.#linkProblems, ...this.#runProblems, ...this.#tourProblems];
    for (const problem of [
      this.#selectProblem,
      this.#heightProblem,
      this.#speedProblem,
      this.#themeProblem,
    ])
      if (problem) problems.push(problem);
    const shown = [...this.#messages.children].map((item) => item.textContent);
    if (shown.length === problems.length && shown.every((text, k) => text === problems[k])) return;
    // Text, never markup: a value from the host page or a link is shown as written.
    this.#messages.replaceChildren(...problems.map((text) => element('li', '', text)));
    this.#messages.hidden = problems.length === 0;
    // The list takes room of its own, not the timeline's.
    this.#fitHeight();
  }

  /**
   * Runs nothing, and shows nothing of an earlier run: `problems` say why (an unknown example or
   * strategy, a program that cannot be read), and the element's own children show again.
   */
  #refuse(problems, status = say.nothingRun) {
    this.#shown = null;
    this.#runs?.cancel();
    this.#clock?.pause();
    if (this.#timeline) {
      const empty = new TraceModel();
      this.#timeline.setModel(empty);
      this.#clock.setModel(empty);
      // No model at all: the canvas is blank, not even an axis.
      this.#timeline.model = null;
      this.#timeline.requestDraw();
    }
    this.#program = null;
    this.#programBox.hidden = true;
    this.#controlsBox.hidden = true;
    this.#narration.hidden = true;
    this.#narration.textContent = '';
    this.#legendBox.hidden = true;
    this.#tour.hide();
    this.#selectProblem = null;
    delete this.#frame.dataset.drawn;
    this.#runProblems = problems;
    this.#showProblems();
    this.#open.href = siteUrl('index.html');
    this.#open.textContent = 'Open in Wakeline';
    this.#open.title = 'Open the Wakeline playground';
    this.#status.textContent = status;
    this.#frame.dataset.state = 'error';
    // The messages take the timeline's place (player.css), in the height the player had.
    this.#frame.dataset.refused = 'true';
    this.#fitHeight();
  }

  /** Resolves the attributes against the catalogue and starts their run. */
  async #run() {
    const id = ++this.#runId;
    this.#applyHeight();
    this.#build();
    const { state, problems } = this.#scenario();
    let engine;
    try {
      engine = await loadPlayerEngine();
    } catch (error) {
      this.#refuse([loadFailure(error)], 'Wakeline could not be loaded.');
      return;
    }
    this.#runs ??= new RunController(engine, this.#runHooks());
    const [examples, strategies] = await Promise.all([engine.examples(), engine.strategies()]);
    // Attributes changed again while the catalogue loaded: the newer run has them.
    if (id !== this.#runId) return;
    const program = await this.#readProgram();
    if (id !== this.#runId) return;
    if (program?.error) {
      // A program that cannot be read runs nothing: not the example, not half a program.
      this.#refuse([...problems, program.error], say.programUnread);
      return;
    }
    const picked = this.#pick(state, examples, strategies, program);
    if (picked.refused) {
      this.#refuse([...problems, picked.refused]);
      return;
    }
    this.#program = program;
    const { example } = picked;
    const catalogue = [example, ...examples.filter((e) => e.id !== example.id)];
    const resolved = resolveLink(
      { ...state, example: example.id, strategy: picked.strategy },
      catalogue,
      example.id,
      strategies,
    );
    if (!program && state.example === null)
      problems.push(say.noExample(this.#fromLink, resolved.request.example));
    // The parameters' problems (a value out of range, a name the example lacks), named as written.
    for (const { part, text } of resolved.issues) {
      const where = state.paramsWritten[part] ?? this.#where('params', this.getAttribute('params'));
      problems.push(say.catalogue(where, text));
    }
    this.#runProblems = problems;
    this.#selectProblem = null;
    this.#showProblems();
    const request = program
      ? { ...resolved.request, source: program.source, name: program.name }
      : resolved.request;
    const view = { at: state.at };
    this.#programBox.hidden = !program;
    if (program) this.#programView.show(program.name, program.source);
    const programLink = program ? await encodeProgram(program.source) : null;
    if (id !== this.#runId) return;
    this.#open.href = siteUrl(
      `index.html#${encodeLink({ ...request, at: view.at, select: null, program: programLink })}`,
    );
    this.#open.textContent = program ? 'Open in playground' : 'Open in Wakeline';
    this.#open.title = program
      ? `Open ${program.name} in the Wakeline playground, to edit and run it`
      : `Open ${quote(request.example)} in the Wakeline playground`;
    this.#shown = { request, view };
    this.#runs.start(request);
  }

  /** What the player does as its run starts, grows, ends or fails (RunController's hooks). */
  #runHooks() {
    return {
      start: (model, request) => {
        this.#frame.dataset.state = 'running';
        delete this.#frame.dataset.refused;
        this.#status.textContent = `${request.name ?? request.example} · running…`;
        this.#timeline.setModel(model);
        this.#clock.setModel(model);
        this.#replay = new Replay(model);
        this.#told = { event: -2, playing: false };
        this.#controlsBox.hidden = true;
        this.#narration.hidden = true;
        this.#narration.textContent = '';
        this.#legendBox.hidden = true;
        this.#tour.hide();
        this.#autoplayed = false;
        this.#resume = false;
      },
      progress: () => {
        // A run the player has since refused (#refuse) shows nothing more.
        if (!this.#shown) return;
        this.#timeline.modelChanged();
        this.#frame.dataset.drawn = 'true';
        this.#fitHeight();
      },
      end: (model, summary) => {
        if (!this.#shown) return;
        const { request, view } = this.#shown;
        this.#timeline.modelChanged();
        restoreView(this.#timeline, model, view);
        this.#startProblem(model, view.at);
        this.#applySelect(model);
        this.#frame.dataset.state = 'done';
        this.#fitHeight();
        this.#controlsBox.hidden = model.count === 0;
        this.#narration.hidden = model.count === 0;
        this.#legendBox.hidden = model.count === 0;
        this.#legend.update(model);
        this.#applySpeed();
        const outcome = summary.outcome === 'completed' ? '' : ` · ${summary.outcome}`;
        this.#status.textContent = `${request.name ?? request.example} · ${model.count.toLocaleString('en')} events${outcome}`;
        // The playhead starts at `start` (the view restoreView put around it), else at the tour's
        // first stop, else at the first event.
        this.#clock.seek(view.at == null ? 0 : eventAtTime(model, view.at));
        this.#showTour(model, view.at == null);
        this.dispatchEvent(
          new CustomEvent('runend', {
            detail: { events: model.count, outcome: summary.outcome },
          }),
        );
        this.#autoplay();
      },
      error: (error) => {
        if (!this.#shown) return;
        this.#status.textContent = `The run failed: ${error?.message ?? error}`;
        this.#frame.dataset.state = 'error';
      },
    };
  }

  /** Says so when `start` (at `at` ns) is after the end of the run `model`. */
  #startProblem(model, at) {
    const last = model.count > 0 ? model.t.data[model.count - 1] : 0;
    if (at == null || at <= last) return;
    const where = this.#where('start', this.getAttribute('start'));
    this.#runProblems = [...this.#runProblems, say.startAfterEnd(where, formatLinkTime(last))];
    this.#showProblems();
  }

  /**
   * The `select` attribute (`seq:N`, an event, or `task:N`) on the finished run `model`: selected
   * without moving the playhead, as a link's selection is; one that is not seq:N or task:N, or
   * that this run does not have, is named and nothing is selected.
   */
  #applySelect(model) {
    const text = this.getAttribute('select');
    let problem = null;
    if (text !== null && text.trim() !== '' && model) {
      const where = this.#where('select', text);
      const selection = parseSelection(text.trim());
      const hit = selection.error ? null : selectionHit(this.#timeline, model, selection.value);
      if (selection.error) problem = say.select(where, selection.error);
      else if (!hit) problem = say.selectMissing(where, selection.value, model);
      this.#timeline.select(hit ? { ...hit, seek: -1 } : null);
    } else if (model) this.#timeline.select(null);
    if (problem !== this.#selectProblem) {
      this.#selectProblem = problem;
      this.#showProblems();
    }
  }

  /** The timeline, its input and the playback clock, made for the first run. */
  #build() {
    if (this.#timeline) return;
    // After each frame, the count of lanes out of view (a scroll or a zoom may change it).
    const timeline = new Timeline(this.#timelineContainer, {
      onView: () => this.#showHiddenLanes(),
    });
    attachPlayerInput(timeline, (hit) => timeline.select(hit));
    this.#clock = new PlaybackClock(() => this.#clockMoved());
    this.#controls = new PlayerControls(this.#controlsBox, this.#clock);
    // Figures of the view for the post's author, SVG and PNG: title, axis, lanes and legend.
    attachFigureButtons(
      this.#controlsBox,
      (options) => this.figure(options),
      () => this.#timeline.model,
      (text) => (this.#status.textContent = text),
    );
    // The common marks, drawn as the timeline draws them; "All marks" opens every one.
    this.#legend = new Legend(this.#legendBox, this.#timelineContainer);
    this.#timeline = timeline;
    // Made under the theme already chosen: its palette is that theme's.
    timeline.palette = readPalette(this.#timelineContainer);
  }

  /**
   * Problems with the link the attributes were read from (embed.html sets them from its
   * fragment), listed before the element's own; shown as text, like every message.
   */
  set linkProblems(problems) {
    this.#linkProblems = [...problems].map(String);
    this.#showProblems();
  }

  /**
   * Whether the attributes were set from a link (embed.html sets it): the messages then name the
   * link's parts (`link part example=concurent`) instead of attributes (`attribute example="…"`).
   */
  set fromLink(on) {
    if (Boolean(on) === this.#fromLink) return;
    this.#fromLink = Boolean(on);
    this.#applyHeight();
    this.#applySpeed();
    this.#applyTheme();
  }

  get fromLink() {
    return this.#fromLink;
  }

  /** The tour the element carries: its `tour` attribute, else a child <ol data-tour>. */
  #readTour() {
    const attribute = this.getAttribute('tour');
    if (attribute !== null) return parseTourLink(attribute);
    const list = this.querySelector(':scope > ol[data-tour], :scope > ul[data-tour]');
    return list ? readTourElement(list) : { stops: [], problems: [] };
  }

  #showTour(model, goToFirst) {
    const { stops, problems } = model.count > 0 ? this.#readTour() : { stops: [], problems: [] };
    this.#tourProblems = problems;
    this.#showProblems();
    this.#tour.show(stops, this.#timeline, model);
    if (stops.length > 0 && goToFirst) this.#tour.go(0);
  }

  /** Goes to stop `k` (from 0) of the tour; false without a tour or before the run has ended. */
  goToStop(k) {
    if (this.state !== 'done' || this.#tour.stops.length === 0) return false;
    this.#clock.pause();
    this.#tour.go(k);
    return true;
  }

  /** The tour's stop shown (from 0), -1 without one. */
  get stop() {
    return this.#tour.stops.length === 0 ? -1 : this.#tour.index;
  }

  /** Plays from the playhead (from the start if it is at the end), once the run has ended. */
  play() {
    if (this.state === 'done') this.#clock.play();
  }

  /** Pauses playback. */
  pause() {
    this.#clock?.pause();
  }

  /**
   * Moves the playhead to an event index (a number) or to the first event at or after a time
   * ("12ms", "1.5s", as in links); returns the event it is on, or -1 before the run has ended.
   */
  seek(target) {
    const model = this.#clock?.model;
    if (this.state !== 'done' || !model || model.count === 0) return -1;
    let i = target;
    if (typeof target === 'string') {
      const time = parseLinkTime(target);
      if (time.error) throw new RangeError(`seek: ${time.error}`);
      i = eventAtTime(model, time.value);
    }
    if (!Number.isFinite(Number(i)))
      throw new RangeError(`seek: ${String(target)} is not an event`);
    this.#clock.seek(Number(i));
    return this.#clock.event;
  }

  /** Whether the player is playing. */
  get playing() {
    return this.#clock?.playing ?? false;
  }

  /** The event index under the playhead, -1 before a run has events. */
  get playhead() {
    return this.#clock?.event ?? -1;
  }

  /** 'running', 'done' or 'error' (kept in the shadow root: the host's attributes stay its own). */
  get state() {
    return this.#frame.dataset.state ?? 'loading';
  }

  /**
   * A figure of the view shown (an <svg> element: title, time axis, lanes, arrows, playhead,
   * legend, in the player's theme), or null before a run has drawn; serialize it with
   * XMLSerializer. `options` (timeline/figure.js's figureOptions): theme ('light' or 'dark'),
   * width, whole, playhead, title, and format 'png' for a Promise of a PNG Blob (at `scale`).
   */
  figure(options) {
    const model = this.#timeline?.model;
    if (!model || model.count === 0) return null;
    return makeFigure(this.#timeline, options);
  }

  /** The timeline's canvas, for a host that wants a picture of it. */
  get canvas() {
    return this.#timeline?.canvas ?? null;
  }
}

/**
 * What a reader (and the post's author) is told when the API cannot be loaded: the error, and
 * what the two sites must send when the player comes from another one (docs/embedding.md).
 */
function loadFailure(error) {
  const site = new URL(siteUrl('wakeline.mjs')).origin;
  const why = String(error?.message ?? error);
  const crossOrigin = site !== location.origin;
  return crossOrigin
    ? `Wakeline could not be loaded from ${site} (${why}). The site that serves wakeline-player.js must send Access-Control-Allow-Origin for its files, and this page's Content-Security-Policy must allow script-src ${site} 'wasm-unsafe-eval' and connect-src ${site}.`
    : `Wakeline could not be loaded (${why}). wakeline.mjs, wakeline-core.mjs and wakeline-core.wasm must be beside wakeline-player.js, and this page's Content-Security-Policy must allow 'wasm-unsafe-eval'.`;
}

if (!customElements.get('wakeline-player'))
  customElements.define('wakeline-player', WakelinePlayer);
