// Whether the timeline still shows what the form asks for. Picking an example or a strategy
// runs it at once; a parameter or setting typed into the form waits for Run (or Enter), and until
// then the timeline is marked as the previous run's, with a note that says what would change.
// The link keeps describing the run on screen until the new one starts.

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
  }

  /** A run of `request` started: the timeline shows the form's request again. */
  ran(request) {
    this.shown = request;
    this.#mark(null);
  }

  /**
   * The form changed: `request` is what Run would run now, or null while a field is invalid.
   * The timeline is marked stale when that differs from the run it shows.
   */
  formChanged(request) {
    if (!this.shown) return;
    if (!request) {
      this.#mark(
        'The timeline shows the previous run: fix the parameters marked in red, then Run.',
      );
      return;
    }
    const changed =
      request.example !== this.shown.example || request.strategy !== this.shown.strategy
        ? ['example']
        : changedNames(request, this.shown);
    if (changed.length === 0) this.#mark(null);
    else
      this.#mark(
        `The timeline shows the previous run: press Run (or Enter) to run with the new ${changed.join(', ')}.`,
      );
  }

  #mark(text) {
    this.note.textContent = text ?? '';
    this.note.hidden = text === null;
    for (const container of this.containers())
      container.classList.toggle('is-stale', text !== null);
    document.body.dataset.stale = text === null ? 'false' : 'true';
  }
}
