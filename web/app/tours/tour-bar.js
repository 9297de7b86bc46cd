// A tour in a player: previous and next, "2 / 5", and the stop's caption (text only). Going to
// a stop puts its view on the timeline (share/link-state.js restoreView: selection, window,
// playhead), pauses, and moves the playhead there. Its words are the catalogue's (program.tour.*),
// in the language of the player it is in.
import { element } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { restoreView } from '../share/link-state.js';

export class TourBar {
  /**
   * @param {HTMLElement} container where the bar goes (hidden while there is no tour)
   * @param {(stop: object, index: number) => void} onGo hears each stop gone to, after it is shown
   * @param {{ speak?: (make: () => any) => any }} options `speak(make)` runs `make` in the
   *   player's language (i18n.js inLanguage), for a player that speaks another than its page;
   *   by default the bar speaks the language in use.
   */
  constructor(container, onGo, { speak = (make) => make() } = {}) {
    this.container = container;
    this.onGo = onGo;
    this.speak = speak;
    this.stops = [];
    this.index = -1;
    this.prev = element('button', 'player-button tour-prev', '‹', { type: 'button' });
    this.next = element('button', 'player-button tour-next', '›', { type: 'button' });
    this.#label();
    this.count = element('span', 'tour-count');
    this.caption = element('p', 'tour-caption', undefined, { 'aria-live': 'polite' });
    const nav = element('div', 'tour-nav');
    nav.append(this.prev, this.count, this.next);
    container.replaceChildren(nav, this.caption);
    container.hidden = true;
    this.prev.addEventListener('click', () => this.go(this.index - 1));
    this.next.addEventListener('click', () => this.go(this.index + 1));
    this.timeline = null;
    this.model = null;
  }

  /** Shows `stops` for a run drawn on `timeline` (hidden without stops). */
  show(stops, timeline, model) {
    this.stops = stops;
    this.timeline = timeline;
    this.model = model;
    this.index = -1;
    this.container.hidden = stops.length === 0;
    // The player knows its language by now: the buttons say it in that one.
    this.#label();
  }

  /** The buttons' names. */
  #label() {
    this.speak(() => {
      const previous = t('program.tour.previous');
      const next = t('program.tour.next');
      this.prev.title = previous;
      this.prev.setAttribute('aria-label', previous);
      this.next.title = next;
      this.next.setAttribute('aria-label', next);
    });
  }

  hide() {
    this.stops = [];
    this.container.hidden = true;
  }

  /**
   * Goes to stop `k` (clamped); returns { playhead (event index or null), problems } of the
   * view it put on the timeline, or null without stops.
   */
  go(k) {
    if (this.stops.length === 0 || !this.model) return null;
    const index = Math.min(Math.max(0, k), this.stops.length - 1);
    const stop = this.stops[index];
    this.index = index;
    // A stop without a selection clears the previous stop's.
    if (!stop.select) this.timeline.select(null);
    const restored = restoreView(this.timeline, this.model, stop);
    this.speak(() => {
      const numbers = {
        index: formatNumber(index + 1, { useGrouping: false }),
        total: formatNumber(this.stops.length, { useGrouping: false }),
      };
      this.count.textContent = t('program.tour.count', numbers);
      this.count.title = t('program.tour.countTitle', numbers);
    });
    this.caption.textContent = stop.caption;
    this.prev.disabled = index === 0;
    this.next.disabled = index === this.stops.length - 1;
    this.onGo(stop, index, restored);
    return restored;
  }
}
