// Compare mode: the page's run and a second run of the same example, parameters and seed under
// another strategy, as two timelines stacked on one time axis, with one zoom and one playhead
// (the page's), and a line of totals above each. The second run goes through its own
// RunController on the page's engine handle, so it runs after the first one in the same worker.
import { element } from '../dom.js';
import { RunController } from '../run-controller.js';
import { decodeLink, quote } from '../share/link-codec.js';
import { attachInteraction } from '../timeline/interaction.js';
import { Timeline } from '../timeline/timeline.js';
import { lowerBound } from '../timeline/visible.js';
import { formatTotals, runTotals } from './totals.js';
import { ViewSync } from './view-sync.js';

/** The last event of `model` at or before virtual time `t` (0 when none is). */
function lastEventAtOrBefore(model, t) {
  const after = lowerBound(0, model.count, (i) => model.t.data[i] > t);
  return Math.max(0, after - 1);
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
      'aria-label': "Problems with the link's comparison",
    });
    this.messages.hidden = true;
    document.getElementById('error-banner')?.after(this.messages);
    // Before the share code's own listener (main.js creates this first), so the run it starts for
    // a pasted link already sees that link's comparison.
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
    primary.before(this.totalsA);
    primary.after(this.totalsB, this.container);
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
        const outcome = summary.outcome === 'completed' ? '' : ` · ${summary.outcome}`;
        this.totalsB.textContent = `${formatTotals(this.strategyB, runTotals(model))}${outcome}`;
        this.totalsB.dataset.done = 'true';
      },
      error: (error) => {
        this.totalsB.textContent = `${this.strategyB}: the run failed: ${error?.message ?? error}`;
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

  /** The strategy chosen to compare with, or null. */
  get strategy() {
    return this.picker.value || null;
  }

  /** Fills the picker with `example`'s strategies, keeping the choice when it still applies. */
  setExample(example) {
    this.example = example;
    const keep = this.strategy;
    const none = new Option('none', '');
    this.picker.replaceChildren(none, ...example.strategies.map((name) => new Option(name, name)));
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
        `The example ${example.id} has no strategy ${quote(wanted)} to compare with (it has ${example.strategies.join(', ')}); showing one timeline.`,
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
    this.totalsA.textContent = `${request.strategy} · running…`;
    this.totalsB.textContent = `${strategy} · waiting for the first run…`;
    delete this.totalsA.dataset.done;
    delete this.totalsB.dataset.done;
    // Only the example's own parameters: the first strategy's settings may not exist in this one.
    const own = new Set((this.example?.params ?? []).map((param) => param.name));
    const params = Object.fromEntries(
      Object.entries(request.params).filter(([name]) => own.has(name)),
    );
    this.runs.start({ example: request.example, strategy, params, seed: request.seed });
  }

  /** The page's run ended (`summary` as RunController gives it). */
  runEnded(model, summary) {
    if (!this.active || model !== this.modelA) return;
    if (summary?.outcome === 'cancelled') this.runs.cancel();
    const outcome = summary && summary.outcome !== 'completed' ? ` · ${summary.outcome}` : '';
    this.totalsA.textContent = `${formatTotals(this.strategyA, runTotals(model))}${outcome}`;
    this.totalsA.dataset.done = 'true';
    this.sync?.from(this.page.timeline);
  }

  /** The page's timeline drew a frame (its onView). */
  viewChanged() {
    this.sync?.from(this.page.timeline);
  }

  #ensureTimeline() {
    if (this.timeline) return;
    this.timeline = new Timeline(this.container, {
      onSelect: (hit) => this.#selected(hit),
      onView: () => this.sync.from(this.timeline),
    });
    this.timeline.canvas.setAttribute(
      'aria-label',
      'Timeline of the compared run, on the same time axis',
    );
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
    }
    this.active = active;
    if (this.sync) this.sync.enabled = active;
    this.#show(active);
    document.body.dataset.compare = active ? 'on' : 'off';
  }

  #show(visible) {
    this.totalsA.hidden = !visible;
    this.totalsB.hidden = !visible;
    this.container.hidden = !visible;
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
