// Whether the timeline still shows what the form asks for. Picking an example or a strategy
// runs it at once; a parameter or setting typed into the form waits for Run (or Enter), and until
// then the timeline is marked as the previous run's, with a note that says what would change.
// The link keeps describing the run on screen until the new one starts.
import { t } from './i18n/i18n.js';

/** The names whose values differ between requests `a` and `b` (parameters and seed). */
export function changedNames(a, b) {
  const names = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  const changed = [...names].filter((name) => a.params[name] !== b.params[name]);
  if (a.seed !== b.seed) changed.push('seed');
  return changed;
}

/** The note above the timeline, and `timeline`'s container dimmed while it shows an older run. */
export class StaleRunNote {
  constructor(note, containers) {
    this.note = note;
    this.containers = containers;
    this.shown = null;
    /** The form's verdict (a note, or null) and whether the program differs from the run's. */
    this.formNote = null;
    this.programEdited = false;
  }

  /** A run of `request` started: the timeline shows the form's request again. */
  ran(request) {
    this.shown = request;
    this.formNote = null;
    this.programEdited = false;
    this.#mark(null);
  }

  /**
   * The program's text is now `text`: when the run shown is of a program (or of its C++ twin)
   * and the text differs from what ran, the timeline is marked as the previous run's.
   */
  programChanged(text) {
    const ran = this.shown?.source ?? this.shown?.preview?.source;
    if (ran == null) return;
    this.programEdited = text !== ran;
    this.#refresh();
  }

  /**
   * The form changed: `request` is what Run would run now, or null while a field is invalid.
   * The timeline is marked stale when that differs from the run it shows.
   */
  formChanged(request) {
    if (!this.shown) return;
    if (!request) {
      this.formNote = t('page.stale.invalid');
    } else {
      const changed =
        request.example !== this.shown.example || request.strategy !== this.shown.strategy
          ? ['example']
          : changedNames(request, this.shown);
      // The parameters' names are the program's; the example and the seed are words.
      const names = changed.map((name) =>
        name === 'example' || name === 'seed' ? t(`page.stale.name.${name}`) : name,
      );
      this.formNote =
        changed.length === 0 ? null : t('page.stale.changed', { names: names.join(', ') });
    }
    this.#refresh();
  }

  #refresh() {
    this.#mark(this.formNote ?? (this.programEdited ? t('page.stale.program') : null));
  }

  #mark(text) {
    this.note.textContent = text ?? '';
    this.note.hidden = text === null;
    for (const container of this.containers())
      container.classList.toggle('is-stale', text !== null);
    document.body.dataset.stale = text === null ? 'false' : 'true';
  }
}
