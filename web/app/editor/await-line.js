// The line of the current await: the editor's side of SourceView.highlight. A state field holds
// one line decoration; setAwaitLine moves it (null clears it).
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';

/** Moves the highlight to a 1-based line, or clears it with null. */
export const setAwaitLine = StateEffect.define();

const lineMark = Decoration.line({ class: 'cm-await-line' });

/** The highlighted line's decoration; edits map it along with the text. */
export const awaitLine = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setAwaitLine)) continue;
      const line = effect.value;
      const doc = transaction.state.doc;
      next =
        Number.isInteger(line) && line >= 1 && line <= doc.lines
          ? Decoration.set([lineMark.range(doc.line(line).from)])
          : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
