// Compare mode: the page's run and a second run of the same example, parameters and seed under
// another strategy, as two timelines stacked on one time axis, with one zoom and one playhead
// (the page's), a line of totals above each and a caption under the second. Where the two runs
// first differ is marked on both timelines and told in a sentence above them. The second run
// goes through its own RunController on the page's engine handle, so it runs after the first
// one in the same worker.
import { element } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { narrate } from '../narration.js';
import { RunController } from '../run-controller.js';
import { outcomeName } from '../run-status.js';
import { decodeLink, quote } from '../share/link-codec.js';
import { attachInteraction } from '../timeline/interaction.js';
import { Timeline } from '../timeline/timeline.js';
import { lowerBound } from '../timeline/visible.js';
import { strategyOptionText } from '../strategies.js';
import { describeDifference, firstDifference } from './divergence.js';
import { formatTotals, runTotals } from './totals.js';
import { ViewSync } from './view-sync.js';

/** The last event of `model` at or before virtual time `t` (0 when none is). */
function lastEventAtOrBefore(model, t) {
  const after = lowerBound(0, model.count, (i) => model.t.data[i] > t);
  return Math.max(0, after - 1);
}

/**
 * The event of `b` that happens where event `i` of `a` does: at the same time, the one with the
 * same place among the events of that instant (clamped to b's), else the last one before it.
 */
export function matchingEvent(a, i, b) {
  const t = a.t.data[i];
  const firstA = lowerBound(0, a.count, (j) => a.t.data[j] >= t);
  const firstB = lowerBound(0, b.count, (j) => b.t.data[j] >= t);
  const endB = lowerBound(firstB, b.count, (j) => b.t.data[j] > t);
  if (endB > firstB) return Math.min(firstB + (i - firstA), endB - 1);
  return Math.max(0, firstB - 1);
}

/**
 * The compare control and the second timeline. `page`: { engine, examples (the catalogue),
 * fallback (the example a link without one shows),
 * timeline (the page's), playback (its PlaybackSession), picker (the "Compare with…" select),
 * examplePicker, spread (the "Spread events of one instant" checkbox), rerun() (runs the form's
 * request again) }.
 */
export class ComparePanel {
  constructor(page) {
    this.page = page;
    this.picker = page.picker;
    this.example = null;
    this.modelA = null;
    this.strategyA = null;
    this.active = false;
    this.savedSpread = null;

    // What was wrong with the link's `compare`, under the header like the link's other problems.
    this.messages = element('ul', 'link-messages', undefined, {
      id: 'compare-messages',
      role: 'status',
      'aria-label': t('page.compare.problems'),
    });
    this.messages.hidden = true;
    document.getElementById('error-banner')?.after(this.messages);
    // Before the share code's own listener when main.js makes the panel first (a link that
    // compares); else after it, still before the run the share code starts (an async one).
    window.addEventListener('hashchange', () => this.applyLink(location.hash));

    const primary = page.timeline.container;
    this.totalsA = element('p', 'compare-totals', undefined, {
      id: 'compare-totals-a',
      'aria-live': 'polite',
    });
    this.totalsB = element('p', 'compare-totals', undefined, {
      id: 'compare-totals-b',
      'aria-live': 'polite',
    });
    this.container = element('div', 'timeline compare-timeline', undefined, {
      id: 'compare-timeline',
    });
    // The first event where the runs differ, in words; a click puts the playhead there.
    this.difference = element('button', 'compare-difference', undefined, {
      id: 'compare-difference',
      type: 'button',
      title: t('page.compare.differenceTitle'),
    });
    this.difference.addEventListener('click', () => {
      if (this.differenceAt === -1 || !this.modelA) return;
      const clock = this.page.playback.clock;
      clock.pause();
      clock.seek(Math.min(this.differenceAt, this.modelA.count - 1));
    });
    this.differenceAt = -1;
    // The compared run at the playhead's time, told like the page's caption.
    this.caption = element('p', 'narration compare-narration', undefined, {
      id: 'compare-narration',
      'aria-live': 'off',
    });
    primary.before(this.difference, this.totalsA);
    primary.after(this.totalsB, this.container, this.caption);
    // Which run the inspect panel follows, when there are two.
    this.inspectNote = element('p', 'compare-inspect-note', undefined, {
      id: 'compare-inspect-note',
    });
    document.querySelector('.inspect-panel')?.prepend(this.inspectNote);
    this.#show(false);
    // The second Timeline (its canvas, tooltip and key handlers) is made when compare mode is
    // first turned on, so a page that never compares has one of each.
    this.timeline = null;
    this.sync = null;

    this.runs = new RunController(page.engine, {
      start: (model) => {
        model.spread = false;
        this.timeline.setModel(model);
      },
      progress: () => this.timeline.modelChanged(),
      end: (model, summary) => {
        this.timeline.modelChanged();
        const outcome = summary.outcome === 'completed' ? '' : ` · ${outcomeName(summary.outcome)}`;
        this.totalsB.textContent = `${formatTotals(this.strategyB, runTotals(model))}${outcome}`;
        this.totalsB.dataset.done = 'true';
        this.#compareRuns();
      },
      error: (error) => {
        this.totalsB.textContent = t('page.compare.failed', {
          strategy: this.strategyB,
          message: String(error?.message ?? error),
        });
        this.totalsB.dataset.done = 'true';
      },
    });

    this.picker.addEventListener('change', () => page.rerun());
    // A new example may not have the chosen strategy (embassy-blinky has only embassy).
    page.examplePicker.addEventListener('change', () => {
      const example = page.examples.find((candidate) => candidate.id === page.examplePicker.value);
      if (example) this.setExample(example);
    });
  }

  /**
   * Made after the page's first run started (main.js loads this module after the first
   * timeline): fills the picker for the example shown and, should the link ask for a comparison
   * by now, applies it and runs the page again.
   */
  caughtUp() {
    if (/(?:^#|&)compare=/.test(location.hash)) {
      this.applyLink(location.hash);
      if (this.strategy) this.page.rerun();
      return;
    }
    const shown = this.page.examplePicker.value;
    const example = this.page.examples.find((candidate) => candidate.id === shown);
    if (example) this.setExample(example);
  }

  /** The strategy chosen to compare with, or null. */
  get strategy() {
    return this.picker.value || null;
  }

  /** Fills the picker with `example`'s strategies, keeping the choice when it still applies. */
  setExample(example) {
    this.example = example;
    const keep = this.strategy;
    const none = new Option(t('page.compare.none'), '');
    this.picker.replaceChildren(none, ...example.strategies.map((name) => new Option(name, name)));
    for (const option of this.picker.options)
      if (option.value) option.title = strategyOptionText(option.value);
    this.picker.value = keep && example.strategies.includes(keep) ? keep : '';
    this.picker.disabled = example.strategies.length < 2 && !this.picker.value;
  }

  /**
   * Reads `compare=` from the link `hash` (the page reads the rest): selects that strategy, or
   * says under the header why it cannot, and the page shows one timeline.
   */
  applyLink(hash) {
    const { state } = decodeLink(hash);
    const find = (id) => this.page.examples.find((example) => example.id === id);
    const example = find(state.example) ?? find(this.page.fallback) ?? this.page.examples[0];
    if (!example) return;
    this.setExample(example);
    const wanted = state.compare ?? null;
    this.picker.value = '';
    const problems = [];
    if (wanted !== null && example.strategies.includes(wanted)) {
      this.picker.value = wanted;
    } else if (wanted !== null) {
      problems.push(
        t('page.compare.noStrategy', {
          example: example.id,
          strategy: quote(wanted),
          list: example.strategies.join(', '),
        }),
      );
    }
    this.messages.replaceChildren(...problems.map((problem) => element('li', '', problem)));
    this.messages.hidden = problems.length === 0;
  }

  /**
   * The page's run of `request` starts in `model`. Adds `compare` to the request (so the link
   * carries it) and, in compare mode, starts the second run; call before the page reads the
   * spread checkbox.
   */
  runStarted(model, request) {
    this.runs.cancel();
    this.modelA = model;
    this.strategyA = request.strategy;
    if (this.example?.id !== request.example) {
      const example = this.page.examples.find((candidate) => candidate.id === request.example);
      if (example) this.setExample(example);
    }
    const strategy = this.strategy;
    if (strategy) request.compare = strategy;
    else delete request.compare;
    this.#setActive(Boolean(strategy));
    if (!strategy) return;
    this.strategyB = strategy;
    this.totalsA.textContent = t('page.compare.running', { strategy: request.strategy });
    this.totalsB.textContent = t('page.compare.waiting', { strategy });
    delete this.totalsA.dataset.done;
    delete this.totalsB.dataset.done;
    this.modelAEnded = false;
    this.#showDifference(-1, '');
    this.caption.textContent = '';
    this.inspectNote.textContent = t('page.compare.inspectNote', {
      first: request.strategy,
      second: strategy,
    });
    // Only the example's own parameters: the first strategy's settings may not exist in this one.
    const own = new Set((this.example?.params ?? []).map((param) => param.name));
    const params = Object.fromEntries(
      Object.entries(request.params).filter(([name]) => own.has(name)),
    );
    this.runs.start({
      example: request.example,
      strategy,
      params,
      seed: request.seed,
      source: request.source,
      name: request.name,
    });
  }

  /** The page's run ended (`summary` as RunController gives it). */
  runEnded(model, summary) {
    if (!this.active || model !== this.modelA) return;
    if (summary?.outcome === 'cancelled') this.runs.cancel();
    const outcome =
      summary && summary.outcome !== 'completed' ? ` · ${outcomeName(summary.outcome)}` : '';
    this.totalsA.textContent = `${formatTotals(this.strategyA, runTotals(model))}${outcome}`;
    this.totalsA.dataset.done = 'true';
    this.modelAEnded = true;
    this.sync?.from(this.page.timeline);
    this.#compareRuns();
  }

  /** The page's timeline drew a frame (its onView). */
  viewChanged() {
    this.sync?.from(this.page.timeline);
    this.#tellPlayhead();
  }

  /** The second timeline while compare mode is on, else null (for the column's layout). */
  get shownTimeline() {
    return this.active ? this.timeline : null;
  }

  // Both runs have ended: where do they first differ?
  #compareRuns() {
    const a = this.modelA;
    const b = this.timeline?.model;
    if (!this.active || !this.modelAEnded || !a || !b || this.totalsB.dataset.done !== 'true')
      return;
    const i = firstDifference(a, b);
    if (i === -1) {
      this.#showDifference(-1, t('page.compare.same'));
      return;
    }
    this.#showDifference(i, describeDifference(a, this.strategyA, b, this.strategyB, i));
    const label = t('page.compare.marker');
    const at = (model, timeline) =>
      i < model.count ? [{ x: model.x(i) + model.k / 2, label }] : [];
    this.page.timeline.setMarkers(at(a, this.page.timeline));
    this.timeline.setMarkers(at(b, this.timeline));
  }

  #showDifference(i, text) {
    this.differenceAt = i;
    this.difference.textContent = text;
    this.difference.hidden = !this.active || text === '';
    this.difference.disabled = i === -1;
    this.difference.dataset.event = String(i);
  }

  // The caption of the compared run: its event at the playhead's instant.
  #tellPlayhead() {
    const a = this.modelA;
    const b = this.timeline?.model;
    const i = this.page.playback.clock.event;
    if (!this.active || !a || !b || b.count === 0 || i < 0 || i >= a.count) return;
    const j = matchingEvent(a, i, b);
    const text = `${this.strategyB}: ${narrate(b, j)}`;
    if (this.caption.textContent !== text) {
      this.caption.textContent = text;
      this.caption.dataset.event = String(j);
    }
  }

  #ensureTimeline() {
    if (this.timeline) return;
    this.timeline = new Timeline(this.container, {
      onSelect: (hit) => this.#selected(hit),
      onView: () => {
        this.sync.from(this.timeline);
        this.page.layoutChanged?.();
      },
    });
    this.timeline.canvas.setAttribute('aria-label', t('page.compare.canvas'));
    attachInteraction(this.timeline);
    this.sync = new ViewSync(this.page.timeline, this.timeline);
  }

  #setActive(active) {
    const spread = this.page.spread;
    if (active) this.#ensureTimeline();
    if (active && !this.active) {
      // Both traces on pure virtual time: the spread layout gives each trace slots of its own,
      // which would not line up between two runs.
      this.savedSpread = spread.checked;
      spread.checked = false;
      spread.disabled = true;
    } else if (!active && this.active) {
      spread.checked = this.savedSpread ?? true;
      spread.disabled = false;
      this.runs.cancel();
      this.timeline.setModel(null);
      this.page.timeline.setMarkers([]);
    }
    this.active = active;
    if (this.sync) this.sync.enabled = active;
    // Lower lanes, so both timelines fit in the column.
    this.page.timeline.setCompact(active);
    this.timeline?.setCompact(active);
    this.#show(active);
    document.body.dataset.compare = active ? 'on' : 'off';
    this.page.layoutChanged?.();
  }

  #show(visible) {
    this.totalsA.hidden = !visible;
    this.totalsB.hidden = !visible;
    this.container.hidden = !visible;
    this.caption.hidden = !visible;
    this.inspectNote.hidden = !visible;
    if (!visible) this.difference.hidden = true;
  }

  // A click on the second timeline puts the one playhead at that instant: on the page's last
  // event at or before it.
  #selected(hit) {
    const model = this.timeline.model;
    const primary = this.modelA;
    if (!hit || !model || !primary || primary.count === 0) return;
    const clock = this.page.playback.clock;
    clock.pause();
    clock.seek(lastEventAtOrBefore(primary, model.t.data[hit.event]));
  }
}
