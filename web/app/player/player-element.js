// <wakeline-player>: an embeddable timeline of one example run, usable on any page from one script
// tag. Everything it draws lives in its shadow root; it never writes the host page (no document
// listeners, no global styles) and reads of it only the `lang` it sits in, and it loads the
// JavaScript API from beside its own script (player-engine.js), so it works wherever the site is
// hosted. It speaks English or Spanish, the words coming from the catalogues' `player` part.
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
import { formatNumber, inLanguage, languageOf, t } from '../i18n/i18n.js';
import { narrate } from '../narration.js';
import { PlaybackClock } from '../playback/clock.js';
import { Replay } from '../playback/replay.js';
import { RunController } from '../run-controller.js';
import {
  encodeLink,
  formatLinkTime,
  parseLinkTime,
  parseSelection,
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
import {
  languageFailure,
  languageLoaded,
  languageUnloaded,
  loadForPlayers,
  wantedLanguage,
} from './player-language.js';
import { readPlayerLink } from './player-link.js';
import { pickRun, readScenario } from './player-scenario.js';
import { loadFailure, outcomeWords, programProblem, programSentence, say } from './player-words.js';
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

/** How near the viewport (above or below it, in CSS pixels) a player starts its run. */
const nearPx = 400;
const nearMargin = `${nearPx}px 0px`;

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
 * `auto`), speed, theme (light, dark, auto), select (`seq:N` or `task:N`), lang. An example or a
 * strategy that Wakeline does not have runs nothing: the player says so, and what was meant.
 * It speaks its `lang` (en or es, "es-AR" for Spanish with Argentine numbers), else its nearest
 * ancestor's (the post's <html lang>), else the browser's, else English; a language Wakeline
 * does not speak falls through to the next (HTML's `lang` says what the post is written in, and a
 * French post is no mistake). Two players on one page may speak two languages: everything a
 * player says, draws and narrates is made in its own (#speak).
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
      'lang',
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
  // Problems are kept as makers, functions giving their sentences (one or a list), so that they
  // are said again in a new language (#showProblems).
  #tourProblems = null;
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
  #langProblem = null;
  #languageFailure = null;
  // Whether the timeline pans to keep the playhead in view as it moves (not onto a link's window).
  #follow = true;
  // What embed.html's link says beyond the attributes (see linkView).
  #linkView = { view: null, playhead: null, spread: null, compare: null };
  // The language the player speaks: { lang, locale, source } (source: 'attribute', 'page' or
  // 'browser'; `wanted`, the language asked for, when its catalogue could not be loaded and the
  // player speaks English instead), and a promise that settles once its catalogue is loaded.
  #language = { lang: 'en', locale: 'en', source: 'browser' };
  #languageReady = Promise.resolve();
  // Hears changes of the ancestors' `lang` (a page that switches its language).
  #ancestorLang = null;
  // The status line's and the link out's makers, said again in a new language.
  #statusSays = () => '';
  #openSays = () => ({ href: null, text: '', title: '' });
  #input = null;
  #figureButtons = null;
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
    this.#status = element('span', 'player-status');
    this.#open = element('a', 'player-open');
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
    this.#tour = new TourBar(
      this.#tourBox,
      (stop, index, restored) => {
        this.#clock.pause();
        if (restored.playhead != null) this.#clock.seek(restored.playhead);
        this.dispatchEvent(
          new CustomEvent('stop', { detail: { index, count: this.#tour.stops.length } }),
        );
      },
      { speak: (make) => this.#speak(make) },
    );
    const footer = element('div', 'player-footer');
    footer.append(this.#controlsBox, this.#status, this.#open);
    this.#programBox = element('div', 'player-program source-view');
    this.#programBox.hidden = true;
    this.#programBox.tabIndex = 0;
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
      if (this.#speak(() => this.#controls?.key(event))) event.preventDefault();
    });
    // In English until it is connected and reads where it is (#chooseLanguage).
    this.#setStatus(() => t('player.status.loading'));
    this.#setOpen(() => ({ href: null, text: t('player.open.example'), title: '' }));
    this.#sayStatic();
  }

  /**
   * Runs `make` in the player's language and returns what it returns: every word the player
   * says, its narration, controls, messages, timeline, tooltips, legend, figures and tour bar, is
   * made inside (the page around it may speak another language, and so may another player).
   */
  #speak(make) {
    return inLanguage(this.#language, make);
  }

  /** The language the player should speak, from where it is: { lang, locale, source }. */
  #wantedLanguage() {
    return wantedLanguage(this, this.#fromLink);
  }

  /**
   * Chooses the player's language again (its `lang`, an ancestor's or the browser's changed, or
   * it moved): loads the catalogue if need be (Spanish: wakeline-player-es.mjs, fetched once for
   * the page), and says everything again when the language is another. A catalogue that cannot
   * be loaded leaves the player in English, saying above the timeline what failed.
   */
  #chooseLanguage() {
    let wanted = this.#wantedLanguage();
    const own = this.getAttribute('lang');
    // In a link, `lang` is Wakeline's own part: one it does not speak is a mistake to name.
    const langProblem =
      this.#fromLink && own !== null && !languageOf(own)
        ? () => say.lang(this.#where('lang', own))
        : null;
    this.#langProblem = langProblem;
    const failed = languageUnloaded(wanted.lang);
    this.#languageFailure = failed ? () => languageFailure(failed) : null;
    this.#showProblems();
    if (failed) wanted = { lang: 'en', locale: 'en', source: wanted.source, wanted: wanted.lang };
    else if (!languageLoaded(wanted.lang)) {
      this.#languageReady = loadForPlayers(wanted.lang).then(() => this.#chooseLanguage());
      return;
    }
    const before = this.#language;
    this.#language = wanted;
    if (before.lang !== wanted.lang || before.locale !== wanted.locale) this.#sayAgain();
  }

  /** The words set once, not with each run: said in the player's language. */
  #sayStatic() {
    // For screen readers (and hyphenation), the player's text is in its language.
    this.#themeBox.lang = this.#language.locale;
    this.#speak(() => this.#programBox.setAttribute('aria-label', t('player.program.label')));
  }

  /** Says everything shown again, in the language just chosen; the run and the view stay. */
  #sayAgain() {
    this.#sayStatic();
    this.#speak(() => {
      this.#status.textContent = this.#statusSays();
      this.#showOpen();
      const timeline = this.#timeline;
      if (timeline) {
        // The timeline and the legend keep the language they were made in: this one now.
        timeline.language = { lang: this.#language.lang, locale: this.#language.locale };
        timeline.canvas.setAttribute('aria-label', t('narration.timeline.label'));
        timeline.modelChanged();
        timeline.requestDraw();
        this.#input.relabel();
        this.#controls.relabel();
        this.#figureButtons.relabel();
        this.#legend = new Legend(this.#legendBox, this.#timelineContainer);
        if (this.state === 'done') this.#legend.update(timeline.model);
        this.#sayTour();
        this.#narrate(this.#clock.event);
      }
      this.#showProblems();
      this.#showHiddenLanes();
    });
  }

  /**
   * The tour bar's words in the new language: its buttons (TourBar.show labels them), and the
   * count of the stop shown, as TourBar.go writes it, without going to the stop again (the
   * reader may have stepped away from it).
   */
  #sayTour() {
    const tour = this.#tour;
    if (tour.stops.length === 0 || !tour.model) return;
    const { index } = tour;
    tour.show(tour.stops, tour.timeline, tour.model);
    tour.index = index;
    if (index < 0) return;
    const numbers = {
      index: formatNumber(index + 1, { useGrouping: false }),
      total: formatNumber(tour.stops.length, { useGrouping: false }),
    };
    tour.count.textContent = t('program.tour.count', numbers);
    tour.count.title = t('program.tour.countTitle', numbers);
  }

  /** Shows the status line `make()` says, and says it again in a new language. */
  #setStatus(make) {
    this.#statusSays = make;
    this.#status.textContent = this.#speak(make);
  }

  /**
   * Sets the link out to the playground as `make()` says it: { href (none when null), text,
   * title }, said again in a new language (the link names the player's language).
   */
  #setOpen(make) {
    this.#openSays = make;
    this.#speak(() => this.#showOpen());
  }

  #showOpen() {
    const { href, text, title } = this.#openSays();
    if (href) this.#open.href = href;
    else this.#open.removeAttribute('href');
    this.#open.textContent = text;
    if (title) this.#open.title = title;
    else this.#open.removeAttribute('title');
  }

  /** The language the player speaks: { lang, locale } ("es", "es-AR"). */
  get language() {
    return { lang: this.#language.lang, locale: this.#language.locale };
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
    // Where it is says which language it speaks; a page that changes an ancestor's `lang` (or
    // the browser's languages) changes it too.
    this.#chooseLanguage();
    this.#ancestorLang ??= new MutationObserver(() => this.#chooseLanguage());
    for (let at = this.parentNode; at; at = at instanceof ShadowRoot ? at.host : at.parentNode)
      if (at instanceof Element)
        this.#ancestorLang.observe(at, { attributes: true, attributeFilter: ['lang'] });
    window.addEventListener('languagechange', this.#languagesChanged);
    this.#applyHeight();
    this.#applyTheme();
    darkScheme.addEventListener('change', this.#schemeChanged);
    // A player already near the viewport as it connects starts now: the observer's first word
    // comes only with the next rendering, which during a page's load is 40 ms or more later.
    if (this.getAttribute('loading') === 'eager' || this.#nearNow()) this.#near(true);
    // The fallback stays until then; the status says the player waits for the reader.
    if (!this.#started) this.#setStatus(() => t('player.status.waiting'));
  }

  disconnectedCallback() {
    // A removed player stops asking for animation frames.
    this.#clock?.pause();
    for (const observer of this.#observers ?? []) observer.disconnect();
    this.#ancestorLang?.disconnect();
    window.removeEventListener('languagechange', this.#languagesChanged);
    darkScheme.removeEventListener('change', this.#schemeChanged);
  }

  #schemeChanged = () => this.#applyTheme();

  #languagesChanged = () => this.#chooseLanguage();

  /** The `theme` attribute (light, dark, auto: the reader's setting) on the player's palette. */
  #applyTheme() {
    const text = this.getAttribute('theme');
    const asked = text?.trim().toLowerCase();
    const valid = text === null || themes.includes(asked);
    const theme =
      valid && asked && asked !== 'auto' ? asked : darkScheme.matches ? 'dark' : 'light';
    this.#themeProblem = valid ? null : () => say.theme(this.#where('theme', text), theme);
    this.#showProblems();
    if (this.#themeBox.dataset.theme === theme) return;
    this.#themeBox.dataset.theme = theme;
    // The canvas and the legend's swatches read the palette from the stylesheet: read it again.
    if (this.#timeline) {
      this.#timeline.palette = readPalette(this.#timelineContainer);
      this.#timeline.requestDraw();
      this.#legend.update();
    }
  }

  /**
   * Whether the player is within nearPx of the viewport now, as the near observer would say. A
   * player not laid out (in a closed <details>, display: none) is not: the observer decides.
   */
  #nearNow() {
    // checkVisibility: false under display: none and inside a closed <details> (whose content
    // Chromium hides with content-visibility, keeping its boxes).
    if (this.checkVisibility && !this.checkVisibility()) return false;
    const box = this.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const { clientWidth, clientHeight } = document.documentElement;
    const across = box.right >= 0 && box.left <= (clientWidth || innerWidth);
    return across && box.bottom >= -nearPx && box.top <= (clientHeight || innerHeight) + nearPx;
  }

  #near(near) {
    if (!near || this.#started) return;
    this.#started = true;
    this.#setStatus(() => t('player.status.loading'));
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
    // Another language says the same run again in it: no new run.
    if (name === 'lang') return this.#chooseLanguage();
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
    this.#speedProblem =
      text !== null && !valid ? () => say.speed(this.#where('speed', text)) : null;
    this.#showProblems();
    if (!this.#controls) return;
    this.#controls.setSpeed(valid ? speed : speedFor(this.#clock.model?.count ?? 0));
  }

  #clockMoved() {
    this.#speak(() => this.#playheadMoved());
  }

  #playheadMoved() {
    const clock = this.#clock;
    this.#timeline?.setPlayhead(clock.layoutX(), this.#follow);
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
      this.#narrate(i);
    }
    this.dispatchEvent(
      new CustomEvent('playhead', {
        detail: { event: i, t: i >= 0 ? clock.model.t.data[i] : null, playing: clock.playing },
      }),
    );
    if (ended) this.dispatchEvent(new CustomEvent('ended'));
  }

  /** Says what event `i` does, in the playground's words (narration.js), in the language in use. */
  #narrate(i) {
    const model = this.#clock?.model;
    if (!model || i < 0 || i >= model.count || this.state !== 'done') return;
    this.#replay.seek(i);
    this.#narration.textContent = narrate(model, i, this.#replay);
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
   * The program the element carries, if any: { source, name }, { error } (a maker of the
   * sentence, worded for the attribute or the link's part it came from), or null (an example).
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
    // decodeProgram's sentences are in the language in use when it is called: the player's.
    const decoded = await this.#speak(() => decodeProgram(encoded));
    if (!decoded.error) return { source: decoded.text, name };
    const kind = this.#speak(() => programProblem(encoded, decoded.error));
    const sentence = () =>
      kind === null ? decoded.error : programSentence(kind, this.#fromLink, encoded);
    return { error: () => say.problem(this.#where('program'), sentence()) };
  }

  /** The `height` attribute: pixels (at least that; see #fitHeight) or `auto`, to the lanes. */
  #applyHeight() {
    const text = this.getAttribute('height');
    const auto = text?.trim().toLowerCase() === 'auto';
    const height = Number.parseInt(text ?? '', 10);
    const px = Number.isFinite(height) ? Math.min(Math.max(height, 120), 4000) : defaultHeight;
    this.#height = auto ? { auto: true } : { px };
    this.#frame.dataset.height = auto ? 'auto' : 'fixed';
    this.#heightProblem =
      text !== null && !auto && px !== height
        ? () => say.height(this.#where('height', text), px)
        : null;
    this.#showProblems();
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
    const hidden = above + below;
    const text = hidden
      ? this.#speak(() => {
          const parts = [];
          if (above > 0) parts.push(t('player.lanes.above', { count: above }));
          if (below > 0) parts.push(t('player.lanes.below', { count: below }));
          return t('player.lanes.hidden', { count: hidden, where: parts.join(', ') });
        })
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

  /** The scenario the attributes describe, with the problems found reading them (player-scenario.js). */
  #scenario() {
    return readScenario((name) => this.getAttribute(name), {
      where: (name, value) => this.#where(name, value),
      eachParam: this.#fromLink,
    });
  }

  /** Shows the problems (every maker's sentences, in the player's language) above the timeline. */
  #showProblems() {
    const makers = [
      ...this.#linkProblems,
      ...this.#runProblems,
      this.#tourProblems,
      this.#selectProblem,
      this.#heightProblem,
      this.#speedProblem,
      this.#themeProblem,
      this.#langProblem,
      this.#languageFailure,
    ].filter(Boolean);
    const problems = this.#speak(() => makers.flatMap((make) => make()));
    const shown = [...this.#messages.children].map((item) => item.textContent);
    if (shown.length === problems.length && shown.every((text, k) => text === problems[k])) return;
    // Text, never markup: a value from the host page or a link is shown as written.
    this.#messages.replaceChildren(...problems.map((text) => element('li', '', text)));
    this.#messages.hidden = problems.length === 0;
    // The list takes room of its own, not the timeline's.
    this.#fitHeight();
  }

  /** The language a link out should name: the player's, unless it is only the browser's. */
  #linkLanguage() {
    if (this.#language.source === 'browser') return null;
    // The playground loads its own Spanish, even when this player could not.
    return this.#language.wanted ?? this.#language.lang;
  }

  /**
   * Runs nothing, and shows nothing of an earlier run: `problems` (makers) say why (an unknown
   * example or strategy, a program that cannot be read), and the element's own children show
   * again; `status` makes the status line.
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
    this.#setOpen(() => {
      const lang = this.#linkLanguage();
      return {
        href: siteUrl(lang ? `index.html#lang=${lang}` : 'index.html'),
        text: t('player.open.example'),
        title: t('player.open.playgroundTitle'),
      };
    });
    this.#setStatus(status);
    this.#frame.dataset.state = 'error';
    // The messages take the timeline's place (player.css), in the height the player had.
    this.#frame.dataset.refused = 'true';
    this.#fitHeight();
  }

  /** Resolves the attributes against the catalogue and starts their run. */
  async #run() {
    const id = ++this.#runId;
    // The player's catalogue first (English is bundled; Spanish is its own file, fetched once),
    // so that everything it makes below (the timeline, the controls, the legend) is made in its
    // language. A catalogue that cannot be loaded leaves it in English (#chooseLanguage).
    await this.#languageReady;
    if (id !== this.#runId) return;
    this.#applyHeight();
    this.#build();
    const { state, problems } = this.#scenario();
    const params = this.getAttribute('params');
    const linked = this.#linkView;
    let engine;
    try {
      engine = await loadPlayerEngine();
    } catch (error) {
      const why = String(error?.message ?? error);
      this.#refuse([() => loadFailure(why)], () => t('player.status.unloaded'));
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
    const picked = pickRun(state, {
      examples,
      strategies,
      program,
      where: (name, value) => this.#where(name, value),
    });
    if (picked.refused) {
      this.#refuse([...problems, picked.refused]);
      return;
    }
    this.#program = program;
    const { example } = picked;
    const catalogue = [example, ...examples.filter((e) => e.id !== example.id)];
    // Said again in another language: resolveLink's sentences are made when it is called.
    const resolve = () =>
      resolveLink(
        { ...state, example: example.id, strategy: picked.strategy },
        catalogue,
        example.id,
        strategies,
      );
    const resolved = this.#speak(resolve);
    if (!program && state.example === null)
      problems.push(() => say.noExample(this.#fromLink, resolved.request.example));
    // The parameters' problems (a value out of range, a name the example lacks), named as written.
    if (resolved.issues.length > 0)
      problems.push(() =>
        resolve().issues.map(({ part, text }) =>
          say.problem(state.paramsWritten[part]?.() ?? this.#where('params', params), text),
        ),
      );
    // A player shows one run: a link's second strategy is for the playground (the link out).
    if (linked.compare != null)
      problems.push(() => say.compare(say.linkPart('compare', linked.compare)));
    this.#runProblems = problems;
    this.#selectProblem = null;
    this.#showProblems();
    const request = program
      ? { ...resolved.request, source: program.source, name: program.name }
      : resolved.request;
    const view = {
      at: state.at,
      playhead: linked.playhead,
      view: linked.view,
      spread: linked.spread,
    };
    this.#programBox.hidden = !program;
    if (program) this.#programView.show(program.name, program.source);
    const programLink = program ? await encodeProgram(program.source) : null;
    if (id !== this.#runId) return;
    // The playground opens on what the player shows, in the language it speaks.
    const link = {
      ...request,
      ...view,
      compare: linked.compare,
      select: null,
      program: programLink,
    };
    this.#setOpen(() => ({
      href: siteUrl(`index.html#${encodeLink({ ...link, lang: this.#linkLanguage() })}`),
      text: program ? t('player.open.program') : t('player.open.example'),
      title: program
        ? t('player.open.programTitle', { name: program.name })
        : t('player.open.exampleTitle', { example: quote(request.example) }),
    }));
    this.#shown = { request, view };
    this.#runs.start(request);
  }

  /**
   * What the player does as its run starts, grows, ends or fails (RunController's hooks), each
   * in the player's language.
   */
  #runHooks() {
    const hooks = {
      start: (model, request) => {
        this.#frame.dataset.state = 'running';
        delete this.#frame.dataset.refused;
        const name = request.name ?? request.example;
        this.#setStatus(() => t('player.status.running', { name }));
        // A link's layout: stretched instants (the playground's default) or pure virtual time.
        model.spread = this.#shown?.view.spread ?? true;
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
        // A link's window stays as it was shared, with the playhead on screen or not.
        this.#follow = this.#shown.view.view == null;
        try {
          this.#runEnded(model, summary);
        } finally {
          this.#follow = true;
        }
      },
      error: (error) => {
        if (!this.#shown) return;
        const why = String(error?.message ?? error);
        this.#setStatus(() => t('player.status.failed', { error: why }));
        this.#frame.dataset.state = 'error';
      },
    };
    const spoken = {};
    for (const [name, hook] of Object.entries(hooks))
      spoken[name] = (...args) => this.#speak(() => hook(...args));
    return spoken;
  }

  /**
   * The run `model` has ended: its view (`start`'s or a link's), selection, playhead, tour,
   * controls, legend and status are put on, and `runend` is told.
   */
  #runEnded(model, summary) {
    const { request, view } = this.#shown;
    this.#timeline.modelChanged();
    // `start`'s window around its time, or a link's window.
    restoreView(this.#timeline, model, { at: view.at, view: view.view });
    this.#startProblem(model, view.at);
    this.#applySelect(model);
    this.#frame.dataset.state = 'done';
    this.#fitHeight();
    this.#controlsBox.hidden = model.count === 0;
    this.#narration.hidden = model.count === 0;
    this.#legendBox.hidden = model.count === 0;
    this.#legend.update(model);
    this.#applySpeed();
    const name = request.name ?? request.example;
    const { count } = model;
    const { outcome } = summary;
    this.#setStatus(() => {
      const status = t('player.status.done', { name, count });
      return outcome === 'completed'
        ? status
        : t('player.status.outcome', { status, outcome: outcomeWords(outcome) });
    });
    // The playhead starts at a link's event, else at `start` (the view restoreView put
    // around it), else at the tour's first stop, else at the first event.
    const first = this.#playheadEvent(model, view);
    this.#clock.seek(first ?? (view.at == null ? 0 : eventAtTime(model, view.at)));
    this.#showTour(model, view.at == null && first == null && view.view == null);
    this.dispatchEvent(
      new CustomEvent('runend', {
        detail: { events: model.count, outcome: summary.outcome },
      }),
    );
    this.#autoplay();
  }

  /**
   * The event a link's `at=seq:N` puts the playhead on in `model`, or null (none asked, or one
   * this run does not have: said so, and the playhead starts as if none were asked).
   */
  #playheadEvent(model, { playhead }) {
    if (playhead == null || model.count === 0) return null;
    const i = model.indexOfSeq(playhead);
    if (i >= 0 && i < model.count) return i;
    const where = () => say.linkPart('at', `seq:${playhead}`);
    this.#runProblems = [...this.#runProblems, () => say.playheadMissing(where(), playhead, model)];
    this.#showProblems();
    return null;
  }

  /** Says so when `start` (at `at` ns) is after the end of the run `model`. */
  #startProblem(model, at) {
    const last = model.count > 0 ? model.t.data[model.count - 1] : 0;
    if (at == null || at <= last) return;
    const start = this.getAttribute('start');
    this.#runProblems = [
      ...this.#runProblems,
      () => say.startAfterEnd(this.#where('start', start), formatLinkTime(last)),
    ];
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
      const where = () => this.#where('select', text);
      const selection = parseSelection(text.trim());
      const hit = selection.error ? null : selectionHit(this.#timeline, model, selection.value);
      // Said when shown, in the player's language (the error's words too).
      if (selection.error) problem = () => say.select(where(), parseSelection(text.trim()).error);
      else if (!hit) problem = () => say.selectMissing(where(), selection.value, model);
      this.#timeline.select(hit ? { ...hit, seek: -1 } : null);
    } else if (model) this.#timeline.select(null);
    this.#selectProblem = problem;
    this.#showProblems();
  }

  /** The timeline, its input and the playback clock, made for the first run. */
  #build() {
    if (this.#timeline) return;
    // Made in the player's language: the timeline and the legend keep the one they were made in
    // (for frames, tooltips and theme changes that come later, outside the player's calls).
    this.#speak(() => this.#make());
  }

  #make() {
    // After each frame, the count of lanes out of view (a scroll or a zoom may change it).
    const timeline = new Timeline(this.#timelineContainer, {
      onView: () => this.#showHiddenLanes(),
    });
    this.#input = attachPlayerInput(timeline, (hit) => timeline.select(hit));
    this.#clock = new PlaybackClock(() => this.#clockMoved());
    this.#controls = new PlayerControls(this.#controlsBox, this.#clock);
    // Figures of the view for the post's author, SVG and PNG: title, axis, lanes and legend.
    this.#figureButtons = attachFigureButtons(
      this.#controlsBox,
      (options) => this.figure(options),
      () => this.#timeline.model,
      (make) => this.#setStatus(make),
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
    this.#linkProblems = [...problems].map((problem) => {
      const text = String(problem);
      return () => text;
    });
    this.#showProblems();
  }

  /**
   * What embed.html's link says beyond the attributes, each null when it says nothing: `view`,
   * the window ({ x0, x1 } on the layout axis), `playhead`, an event's seq (`at=seq:N`), `spread`
   * (false: a layout of pure virtual time) and `compare`, a second strategy (a player shows one
   * run: it says so, and its link out opens the comparison). A change runs again.
   */
  set linkView(value) {
    const next = {
      view: value?.view ?? null,
      playhead: value?.playhead ?? null,
      spread: value?.spread ?? null,
      compare: value?.compare ?? null,
    };
    if (JSON.stringify(next) === JSON.stringify(this.#linkView)) return;
    this.#linkView = next;
    if (this.#started) this.#schedule();
  }

  get linkView() {
    return { ...this.#linkView };
  }

  /**
   * embed.html's: shows the run a share link's `fragment` describes, as a player set from a link
   * (fromLink; player-link.js): its parts become the attributes, the rest the linkView, and what
   * was wrong with it the first messages, named as the link's parts and said in the player's
   * language (the link's `lang`, else the browser's). Resolves, once that language is loaded,
   * to what the page around it needs: { locale, title (the page's, in that language), theme
   * ('light' or 'dark' when the link asks for one, else null) }.
   */
  showLink(fragment) {
    const link = readPlayerLink(fragment);
    this.fromLink = true;
    for (const [name, value] of Object.entries(link.attributes)) {
      if (value == null) this.removeAttribute(name);
      else this.setAttribute(name, value);
    }
    this.linkView = link.view;
    this.#linkProblems = [link.problems];
    this.#showProblems();
    return this.#languageReady.then(() => {
      const theme = this.getAttribute('theme')?.trim().toLowerCase();
      return {
        locale: this.#language.locale,
        title: this.#speak(() => t('player.embed.title')),
        theme: theme === 'light' || theme === 'dark' ? theme : null,
      };
    });
  }

  /**
   * Whether the attributes were set from a link (embed.html sets it): the messages then name the
   * link's parts (`link part example=concurent`) instead of attributes (`attribute example="…"`).
   */
  set fromLink(on) {
    if (Boolean(on) === this.#fromLink) return;
    this.#fromLink = Boolean(on);
    this.#chooseLanguage();
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
    const { stops } = model.count > 0 ? this.#readTour() : { stops: [] };
    // Read again when shown: its sentences are made in the language in use.
    this.#tourProblems = model.count > 0 ? () => this.#readTour().problems : null;
    this.#showProblems();
    this.#tour.show(stops, this.#timeline, model);
    if (stops.length > 0 && goToFirst) this.#tour.go(0);
  }

  /** Goes to stop `k` (from 0) of the tour; false without a tour or before the run has ended. */
  goToStop(k) {
    if (this.state !== 'done' || this.#tour.stops.length === 0) return false;
    this.#clock.pause();
    this.#speak(() => this.#tour.go(k));
    return true;
  }

  /** The tour's stop shown (from 0), -1 without one. */
  get stop() {
    return this.#tour.stops.length === 0 ? -1 : this.#tour.index;
  }

  /** Plays from the playhead (from the start if it is at the end), once the run has ended. */
  play() {
    if (this.state === 'done') this.#speak(() => this.#clock.play());
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
    this.#speak(() => this.#clock.seek(Number(i)));
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
    // Its title, axis and legend in the player's language.
    return this.#speak(() => makeFigure(this.#timeline, options));
  }

  /** The timeline's canvas, for a host that wants a picture of it. */
  get canvas() {
    return this.#timeline?.canvas ?? null;
  }
}

if (!customElements.get('wakeline-player'))
  customElements.define('wakeline-player', WakelinePlayer);
