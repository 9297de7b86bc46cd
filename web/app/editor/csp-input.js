// Typing over a selection, done by the editor rather than by the browser. With a selection that
// spans lines, Chromium's own editing merges the lines and keeps the look of the moved text in
// a `style` attribute, which the page's Content-Security-Policy (no inline style) refuses: a
// violation report each time, though CodeMirror redraws the text anyway. Doing the replacement
// as a transaction leaves the DOM to CodeMirror alone. Composition (IME) input is left as it is.
import { EditorView } from '@codemirror/view';

export const replaceSelectionInput = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const range = view.state.selection.main;
    if (range.empty || event.isComposing) return false;
    let text = null;
    if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText')
      text = event.data ?? event.dataTransfer?.getData('text/plain') ?? null;
    else if (event.inputType.startsWith('delete')) text = '';
    if (text === null) return false;
    event.preventDefault();
    view.dispatch(
      view.state.update(view.state.replaceSelection(text), {
        userEvent: text === '' ? 'delete.selection' : 'input.type',
        scrollIntoView: true,
      }),
    );
    return true;
  },
});
