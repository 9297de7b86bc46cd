// The program editor: CodeMirror 6 with Rust highlighting, diagnostics as you type, the current
// await line, a gutter of lines with events, and Ctrl/Cmd+Enter to run. Each feature is one
// extension in a file of its own; this file composes them. Loaded as its own chunk (a dynamic
// import in program/program-panel.js), after the first timeline, so the page's first download
// does not carry it.
//
// The editor lives in a shadow root: CodeMirror's style module adopts a constructed stylesheet
// there, where in the document it would add a <style> element, which the page's
// Content-Security-Policy (style-src 'self') refuses.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { rust } from '@codemirror/lang-rust';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { awaitLine, setAwaitLine } from './await-line.js';
import { replaceSelectionInput } from './csp-input.js';
import { diagnostics } from './diagnostics.js';
import { eventGutter, setEventLines } from './event-gutter.js';
import { editorTheme } from './theme.js';

/**
 * Makes the editor in `host` (an element; the editor goes in its shadow root). Options:
 * `text`, `readOnly`, `label` (the program's name, for its accessible name), `check(text)` (the
 * engine's diagnostics, or null), `offsetOf(text, { line, column })` (program/spans.js),
 * `onChange(text)`, `onRun()`, `onLine(line)` (the events of a line), `onCursor(offset)`, and
 * `words`, its text in the page's language (program-panel.js editorWords: `label(name)`,
 * `eventMark(count)` and CodeMirror's `phrases`); the editor imports no catalogue, so that it
 * stays a chunk of its own. Returns the handle main.js's program panel drives.
 */
export function createEditor(host, options) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const words = options.words;
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const darkness = new Compartment();
  const editable = new Compartment();
  const label = new Compartment();
  const selection = new Compartment();
  // Set while the page replaces the text: that is not an edit of the reader's to keep.
  let replacing = false;
  const lineOfCursor = (view) => view.state.doc.lineAt(view.state.selection.main.head).number;
  const run = () => {
    options.onRun?.();
    return true;
  };
  const extensions = [
    lineNumbers(),
    eventGutter((line) => options.onLine?.(line), words.eventMark),
    lintGutter(),
    highlightActiveLineGutter(),
    history(),
    selection.of(drawSelection({ cursorBlinkRate: reduceMotion.matches ? 0 : 1200 })),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    rust(),
    replaceSelectionInput,
    awaitLine,
    diagnostics((text) => options.check?.(text) ?? Promise.resolve([]), options.offsetOf),
    keymap.of([
      { key: 'Mod-Enter', run, preventDefault: true },
      {
        key: 'Mod-Shift-Enter',
        run: (view) => {
          options.onLine?.(lineOfCursor(view));
          return true;
        },
        preventDefault: true,
      },
      ...defaultKeymap,
      ...historyKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
    editorTheme,
    EditorState.phrases.of(words.phrases ?? {}),
    darkness.of(EditorView.darkTheme.of(dark.matches)),
    editable.of(readOnlyExtensions(options.readOnly)),
    label.of(labelExtension(words.label(options.label))),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !replacing) options.onChange?.(update.state.doc.toString());
      if (update.selectionSet || update.docChanged)
        options.onCursor?.(update.state.selection.main.head);
    }),
  ];
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({ doc: options.text ?? '', extensions }),
  });
  dark.addEventListener('change', () =>
    view.dispatch({ effects: darkness.reconfigure(EditorView.darkTheme.of(dark.matches)) }),
  );
  reduceMotion.addEventListener('change', () =>
    view.dispatch({
      effects: selection.reconfigure(
        drawSelection({ cursorBlinkRate: reduceMotion.matches ? 0 : 1200 }),
      ),
    }),
  );

  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    /** Replaces the text (a new program, Reset, an import): not an edit the reader made. */
    setText(text, { readOnly = false, name } = {}) {
      replacing = true;
      try {
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          effects: [
            editable.reconfigure(readOnlyExtensions(readOnly)),
            label.reconfigure(labelExtension(words.label(name))),
            setAwaitLine.of(null),
            setEventLines.of(new Map()),
          ],
        });
      } finally {
        replacing = false;
      }
    },
    /** Highlights a 1-based line and scrolls it into view; null clears it. */
    highlight(line) {
      const doc = view.state.doc;
      const valid = Number.isInteger(line) && line >= 1 && line <= doc.lines;
      view.dispatch({
        effects: [
          setAwaitLine.of(valid ? line : null),
          ...(valid ? [EditorView.scrollIntoView(doc.line(line).from, { y: 'center' })] : []),
        ],
      });
      return valid;
    },
    /** Marks the lines with events: a Map from 1-based line to its count. */
    setEventLines(lines) {
      view.dispatch({ effects: setEventLines.of(lines) });
    },
    focus() {
      view.focus();
    },
    /** Puts the cursor at UTF-16 offset `offset` and shows it. */
    goTo(offset) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
  };
}

function readOnlyExtensions(readOnly) {
  return [EditorState.readOnly.of(Boolean(readOnly)), EditorView.editable.of(!readOnly)];
}

function labelExtension(text) {
  return EditorView.contentAttributes.of({ 'aria-label': text });
}
