// The reader's edits, kept in the browser's storage per program (an example's id, or `new` for
// the blank program), so a reload loses nothing; Reset forgets them. Storage may be missing or
// full (a private window, a quota): then edits live as long as the page, and nothing fails.

const prefix = 'wakeline.program.';

/** Edits of programs by id, in `storage` (localStorage by default). */
export class ProgramStore {
  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
    this.memory = new Map();
  }

  /** The kept text of program `id`, or null when the reader has not edited it. */
  get(id) {
    if (this.memory.has(id)) return this.memory.get(id);
    try {
      return this.storage?.getItem(prefix + id) ?? null;
    } catch {
      return null;
    }
  }

  /** Keeps `text` as program `id`'s edits. */
  set(id, text) {
    this.memory.set(id, text);
    try {
      this.storage?.setItem(prefix + id, text);
    } catch {
      // Quota or no storage: the page still has it.
    }
  }

  /** Forgets program `id`'s edits. */
  remove(id) {
    this.memory.delete(id);
    try {
      this.storage?.removeItem(prefix + id);
    } catch {
      // Nothing was kept.
    }
  }
}
