// The source panel's program side: for an example with a program in the language (its `.rs`) or
// the blank program (`new`), the program in an editor; for a C++-only example, its C++ read-only
// with a note and a button to the nearest program. Two buttons switch between an example's
// program and its C++; the page runs what the panel shows.
//
// The program is shown highlighted at once (SourceView with rust-tokens.js); the editor
// (../editor/editor.js, CodeMirror, its own chunk) takes over when it has loaded, which the page
// asks for after its first timeline. Diagnostics come from the engine's `check` (in its worker),
// listed under the editor with a live region, so screen readers hear them; Run says why it is
// disabled while the program has errors. Edits are kept per program (program-store.js).
import { element } from '../dom.js';
import { currentLanguage, formatNumber, inLanguage, localizeExample, t } from '../i18n/i18n.js';
import { SourceView } from '../source-view.js';
import { ProgramStore } from './program-store.js';
import { exampleProgramText } from './program-text.js';
import { tokenizeRust } from './rust-tokens.js';
import { offsetOf } from './spans.js';

/** The id of the blank program, an entry of the example picker of its own. */
export const newProgramId = 'new';

/** What "New" starts from: the smallest program that runs and shows a poll, a timer and a wake. */
export const blankProgram = `use std::time::Duration;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    println!("hello from main");
    sleep(Duration::from_millis(10)).await;
    println!("and again, 10 ms later");
}
`;

/** The catalogue entry of the blank program, beside the examples in the picker. */
export function newProgramEntry(strategies) {
  return {
    id: newProgramId,
    title: 'New program',
    topic: 'your program',
    explanation:
      'Your own program in the language: a subset of async Rust with Tokio’s API (async fn, .await, tokio::spawn, select!, join!, channels, Mutex, hand-written futures). Type, and the errors show as you type; Ctrl or Cmd+Enter runs it.',
    params: [],
    strategies: strategies.map((strategy) => strategy.name),
    source_file: 'main.rs',
    source: '',
    program: 'main.rs',
  };
}

/**
 * The example whose program a C++-only `example` should start from: the first of its topic
 * with a program, else the first with one at all.
 */
export function nearestProgram(example, examples) {
  const withProgram = examples.filter((entry) => entry.program && entry.id !== newProgramId);
  return withProgram.find((entry) => entry.topic === example.topic) ?? withProgram[0] ?? null;
}

/** Largest program file read (the language's own limit). */
const maxImportBytes = 512 * 1024;

/** The panel. `elements` are index.html's nodes; `hooks` the page's answers (see main.js). */
export class ProgramPanel {
  constructor(
    elements,
    {
      engine,
      examples,
      sourceView,
      hooks,
      store = new ProgramStore(),
      language = null,
      plainView = null,
    },
  ) {
    this.el = elements;
    this.engine = engine;
    this.examples = examples;
    this.cppView = sourceView;
    this.hooks = hooks;
    this.store = store;
    /**
     * 'rust' (the program, shown first: the readers come from Rust) or 'cpp' (the example's
     * C++); the reader's choice is kept across examples.
     */
    this.preferred = 'rust';
    this.mode = 'cpp';
    this.example = null;
    /** The program shown: { id, name, text, original } or null. */
    this.program = null;
    this.editor = null;
    this.editorLoading = null;
    this.loading = Promise.resolve();
    this.loads = 0;
    this.diagnostics = [];
    this.checks = 0;
    this.checkedText = null;
    /**
     * Resolves when the page lets the language load (after its first timeline): checks wait
     * for it, as they need the full module.
     */
    this.language = language ?? Promise.resolve();
    this.languageOpen = false;
    this.language.then(() => (this.languageOpen = true));
    // The page may have drawn the example's program into it already (main.js, before the
    // engine is there): showing the same text again keeps those rows.
    this.plainView = plainView ?? new SourceView(elements.plain, tokenizeRust);
    this.#wire();
  }

  #wire() {
    const el = this.el;
    el.rustTab.addEventListener('click', () => this.hooks.switchMode('rust'));
    el.cppTab.addEventListener('click', () => this.hooks.switchMode('cpp'));
    el.newButton.addEventListener('click', () => this.hooks.newProgram());
    el.resetButton.addEventListener('click', () => this.reset());
    el.exportButton.addEventListener('click', () => this.exportFile());
    el.importButton.addEventListener('click', () => el.importFile.click());
    el.importFile.addEventListener('change', () => {
      const file = el.importFile.files?.[0];
      el.importFile.value = '';
      if (file) this.importFile(file);
    });
    el.nearestButton.addEventListener('click', () => {
      const nearest = this.example && nearestProgram(this.example, this.examples);
      if (nearest) this.hooks.openProgramOf(nearest.id);
    });
    // A .rs file dropped anywhere on the source panel is imported.
    el.panel.addEventListener('dragover', (event) => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      el.panel.classList.add('is-drop-target');
    });
    el.panel.addEventListener('dragleave', () => el.panel.classList.remove('is-drop-target'));
    el.panel.addEventListener('drop', (event) => {
      el.panel.classList.remove('is-drop-target');
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      this.importFile(file);
    });
  }

  /** The file name runs and traces give the program: its example's `.rs`, or main.rs. */
  get name() {
    return this.program?.name ?? 'main.rs';
  }

  /**
   * Whether the program shown is its example's own text: its C++ run tells the same story, so
   * the page may draw that first (main.js) while the language loads.
   */
  get previewable() {
    const program = this.program;
    return (
      this.mode === 'rust' &&
      Boolean(program) &&
      program.id !== newProgramId &&
      this.text === program.original
    );
  }

  /** The program's text as shown (the editor's, once it has loaded). */
  get text() {
    return this.editor ? this.editor.text : (this.program?.text ?? '');
  }

  /** The picker chose `example`: shows its program or its C++, as the reader prefers. */
  showExample(example, { mode, text } = {}) {
    this.example = example;
    if (mode) this.preferred = mode;
    const hasProgram = Boolean(example.program);
    const isNew = example.id === newProgramId;
    this.mode = hasProgram && (this.preferred === 'rust' || isNew) ? 'rust' : 'cpp';
    const el = this.el;
    el.rustTab.hidden = !hasProgram;
    el.rustTab.textContent = example.program ?? '';
    el.cppTab.hidden = isNew;
    el.cppTab.textContent = example.source_file;
    el.rustTab.setAttribute('aria-pressed', String(this.mode === 'rust'));
    el.cppTab.setAttribute('aria-pressed', String(this.mode === 'cpp'));
    const rust = this.mode === 'rust';
    // The C++ is drawn only when it is shown: while the program is, nothing reads its rows.
    if (!rust) this.cppView.show(example.source_file, example.source);
    el.cppView.hidden = rust;
    el.programPane.hidden = !rust;
    for (const button of [el.resetButton, el.exportButton, el.importButton, el.playground])
      button.hidden = !rust;
    const nearest = hasProgram ? null : nearestProgram(example, this.examples);
    el.cppOnly.hidden = hasProgram;
    if (!hasProgram) {
      el.cppOnlyText.textContent = t('program.cppOnly', { title: example.title });
      el.nearestButton.hidden = !nearest;
      if (nearest)
        el.nearestButton.textContent = t('program.nearest', {
          title: localizeExample(nearest).title,
        });
    }
    document.body.dataset.source = this.mode;
    if (!rust) {
      this.program = null;
      this.hooks.blocked(null);
      this.loading = Promise.resolve();
      return this.loading;
    }
    this.loading = this.#load(example, text);
    return this.loading;
  }

  async #load(example, linkedText) {
    // A newer showExample (the page shows its first example twice: the link's, then the
    // program's) makes this one stale: only the newest draws its text.
    const mine = ++this.loads;
    const id = example.id;
    const name = example.program;
    let original;
    try {
      original =
        id === newProgramId ? blankProgram : await exampleProgramText(this.engine, example);
    } catch (error) {
      this.hooks.failed(
        t('program.loadFailed', { title: example.title, error: error?.message ?? error }),
      );
      original = blankProgram;
    }
    if (mine !== this.loads || this.example !== example || this.mode !== 'rust') return;
    const kept = this.store.get(id);
    const text = linkedText ?? kept ?? original;
    this.program = { id, name, text, original };
    this.#showText(text);
    this.#updateReset();
    // Before the first timeline the check waits for the language; the run does not wait for it.
    const checked = this.checkNow();
    if (this.languageOpen) await checked;
  }

  #showText(text) {
    if (this.editor) this.editor.setText(text, { name: this.name });
    else this.plainView.show(this.name, text);
    this.el.editorHost.hidden = !this.editor;
    this.el.plain.hidden = Boolean(this.editor);
    this.hooks.textChanged?.(text);
  }

  #updateReset() {
    const program = this.program;
    const edited = Boolean(program) && this.text !== program.original;
    this.el.resetButton.disabled = !edited;
    this.el.resetButton.title = edited
      ? t('program.reset.title', { name: program.name })
      : t('program.reset.unchanged');
  }

  /** Loads the editor chunk (once) and puts the program in it. */
  loadEditor() {
    this.editorLoading ??= import('../editor/editor.js').then(
      ({ createEditor }) => {
        this.editor = createEditor(this.el.editorHost, {
          text: this.program?.text ?? '',
          label: this.name,
          words: editorWords(),
          check: (text) => this.check(text),
          offsetOf,
          onChange: (text) => this.#edited(text),
          onRun: () => this.hooks.runProgram(),
          onLine: (line) => this.hooks.lineEvents(line),
          onCursor: (offset) => this.hooks.cursorMoved?.(offset),
        });
        if (this.program) this.editor.setText(this.program.text, { name: this.name });
        this.el.editorHost.hidden = false;
        this.el.plain.hidden = true;
        this.el.editorHost.dataset.ready = 'true';
        if (this.highlighted) this.editor.highlight(this.highlighted);
        if (this.eventLines) this.editor.setEventLines(this.eventLines);
        return this.editor;
      },
      (error) => {
        this.editorLoading = null;
        this.hooks.failed(t('program.editor.failed', { error: error?.message ?? error }));
        return null;
      },
    );
    return this.editorLoading;
  }

  #edited(text) {
    const program = this.program;
    if (!program) return;
    program.text = text;
    if (text === program.original) this.store.remove(program.id);
    else this.store.set(program.id, text);
    this.#updateReset();
    this.hooks.textChanged?.(text);
  }

  /** Replaces the program's text as if typed (an import): kept, checked, ready to run. */
  replaceText(text) {
    if (!this.program) return;
    this.#showText(text);
    this.#edited(text);
    this.checkNow();
  }

  /** Reset: back to the example's own text, the edits forgotten. */
  reset() {
    const program = this.program;
    if (!program) return;
    this.store.remove(program.id);
    program.text = program.original;
    this.#showText(program.original);
    this.#updateReset();
    this.checkNow();
    this.hooks.said(t('program.reset.done', { name: program.name }));
  }

  /**
   * The engine's diagnostics for `text`, listed under the editor and setting Run; null when a
   * newer check started meanwhile or the engine failed (said in the list).
   */
  async check(text) {
    // The editor's linter may ask while the C++ is shown: there is no program to check.
    if (this.mode !== 'rust') return [];
    const mine = ++this.checks;
    let found;
    try {
      await this.language;
      if (mine !== this.checks) return null;
      // bench/page.mjs times a check from here to its diagnostics on screen.
      performance.mark('wakeline:check');
      found = await this.engine.check(text);
    } catch (error) {
      if (mine !== this.checks) return null;
      this.#showDiagnostics([], t('program.check.failed', { error: error?.message ?? error }));
      return null;
    }
    if (mine !== this.checks) return null;
    this.checkedText = text;
    this.diagnostics = found;
    this.#showDiagnostics(found);
    this.hooks.checked?.(text, found);
    return found;
  }

  /** Checks the text shown now. */
  checkNow() {
    return this.mode === 'rust' ? this.check(this.text) : Promise.resolve(null);
  }

  #showDiagnostics(found, failure = null) {
    const el = this.el;
    const errors = found.filter((d) => d.severity === 'error').length;
    const warnings = found.length - errors;
    el.diagnosticsSummary.textContent = failure ?? diagnosticsSummary(this.name, errors, warnings);
    el.diagnostics.dataset.errors = String(errors);
    el.diagnosticsList.replaceChildren(
      ...found.map((diagnostic) => {
        const item = element('li', `diagnostic diagnostic-${diagnostic.severity}`);
        const button = element('button', 'diagnostic-go link-button');
        button.type = 'button';
        button.textContent = `${diagnostic.severity}: ${diagnostic.message}`;
        const where = element(
          'span',
          'diagnostic-where',
          ` --> ${this.name}:${diagnostic.start.line}:${diagnostic.start.column}${diagnostic.label ? ` · ${diagnostic.label}` : ''}`,
        );
        button.append(where);
        button.addEventListener('click', () => this.goTo(diagnostic.start));
        item.append(button);
        return item;
      }),
    );
    this.hooks.blocked(
      errors > 0
        ? t('program.diagnostics.blocked', {
            name: this.name,
            errors: t('program.diagnostics.errors', { count: digits(errors) }),
          })
        : null,
    );
  }

  /** Puts the editor's cursor at a position ({ line, column }) of the program. */
  goTo(position) {
    const offset = offsetOf(this.text, position);
    if (this.editor) this.editor.goTo(offset);
    else this.highlight(this.name, position.line);
  }

  /** Highlights `line` of `file` (the program's, when it is shown), as SourceView.highlight. */
  highlight(file, line) {
    if (this.mode !== 'rust') return this.cppView.highlight(file, line);
    const valid = file === this.name && Number.isInteger(line);
    this.highlighted = valid ? line : null;
    if (this.editor) return this.editor.highlight(this.highlighted);
    return this.plainView.highlight(valid ? this.name : null, line);
  }

  /** Marks the lines that have events in the run shown (a Map from line to count). */
  setEventLines(lines) {
    this.eventLines = lines;
    this.editor?.setEventLines(lines);
  }

  /** Saves the program as a .rs file. */
  exportFile() {
    const blob = new Blob([this.text], { type: 'text/x-rust;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = element('a');
    link.href = url;
    link.download = this.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.hooks.said(t('program.saved', { name: this.name }));
  }

  /** Reads a dropped or chosen file as the program: UTF-8 text of at most 512 KiB. */
  async importFile(file) {
    const problem = await readProgramFile(file);
    if (problem.error) {
      this.hooks.said(problem.error, true);
      return;
    }
    if (this.mode !== 'rust') await this.hooks.openProgramOf(newProgramId);
    await this.loading;
    this.replaceText(problem.text);
    this.hooks.said(t('program.imported', { file: file.name, name: this.name }));
  }
}

/** A file as a program's text: { text } or { error }, a sentence in the language in use. */
export async function readProgramFile(file) {
  const language = currentLanguage();
  const shown = JSON.stringify(String(file.name).slice(0, 60));
  if (file.size > maxImportBytes)
    return {
      error: t('program.file.tooLarge', {
        file: shown,
        size: digits(Math.round(file.size / 1024)),
      }),
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: inLanguage(language, () => t('program.file.notUtf8', { file: shown })) };
  }
}

/** `n` as the locale writes digits, without thousands separators (as the panel always has). */
function digits(n) {
  return formatNumber(n, { useGrouping: false });
}

/** The summary above the diagnostics: "main.rs: no errors." or "main.rs: 2 errors, 1 warning." */
export function diagnosticsSummary(name, errors, warnings) {
  if (errors === 0 && warnings === 0) return t('program.diagnostics.none', { name });
  const errorText = errors > 0 ? t('program.diagnostics.errors', { count: digits(errors) }) : '';
  const warningText =
    warnings > 0 ? t('program.diagnostics.warnings', { count: digits(warnings) }) : '';
  const counts =
    errorText && warningText
      ? t('program.diagnostics.both', { errors: errorText, warnings: warningText })
      : errorText || warningText;
  return t('program.diagnostics.summary', { name, counts });
}

/**
 * The editor's words in the language in use (editor/editor.js takes them, as it cannot import
 * the catalogues without a chunk of its own): its label, its event marks' titles, and
 * CodeMirror's phrases (EditorState.phrases), by their English text.
 */
export function editorWords() {
  const language = currentLanguage();
  const say = (make) => inLanguage(language, make);
  return {
    label: (name) =>
      say(() => (name ? t('program.editor.label', { name }) : t('program.editor.labelUnnamed'))),
    eventMark: (count) => say(() => t('program.editor.eventMark', { count: digits(count) })),
    phrases: {
      Diagnostics: t('program.editor.phrase.diagnostics'),
      'No diagnostics': t('program.editor.phrase.noDiagnostics'),
      close: t('program.editor.phrase.close'),
      'Control character': t('program.editor.phrase.controlCharacter'),
      'Selection deleted': t('program.editor.phrase.selectionDeleted'),
    },
  };
}
