// The source panel: an example's C++ (or a program, with rust-tokens.js) with highlighting, one row per line, and a way to light up
// and scroll to a line. Token texts become text nodes; no source text is ever parsed as markup.
import { tokenizeCpp } from './cpp-tokens.js';
import { splitLines } from './tokenizer.js';
import { horizontalTarget, verticalTarget } from './inspect/scroll-within.js';

/** Shows one source file; `highlight(line)` marks a line and scrolls the panel to it. */
export class SourceView {
  constructor(container, tokenize = tokenizeCpp) {
    this.container = container;
    this.tokenize = tokenize;
    this.fileName = '';
    this.source = null;
    this.rows = [];
    this.current = null;
    this.reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  }

  /** Replaces the shown file; the same file with the same text keeps its rows. */
  show(fileName, source) {
    if (fileName === this.fileName && source === this.source) {
      this.highlight(null, null);
      return;
    }
    this.fileName = fileName;
    this.source = source;
    this.current = null;
    const lines = splitLines(this.tokenize(source.replace(/\n$/, '')));
    this.rows = lines.map((tokens, index) => {
      const row = document.createElement('div');
      row.className = 'source-line';
      row.dataset.line = String(index + 1);
      const number = document.createElement('span');
      number.className = 'source-line-number';
      number.textContent = String(index + 1);
      const code = document.createElement('code');
      for (const token of tokens) {
        if (token.type === 'plain') {
          code.append(token.text);
        } else {
          const span = document.createElement('span');
          span.className = `tok-${token.type}`;
          span.textContent = token.text;
          code.append(span);
        }
      }
      row.append(number, code);
      return row;
    });
    const title = document.createElement('div');
    title.className = 'source-file-name';
    title.textContent = fileName;
    this.container.replaceChildren(title, ...this.rows);
  }

  /** Marks `line` (1-based) of `file` and scrolls the panel (not the page) to it; another file or null clears the mark. */
  highlight(file, line) {
    this.current?.classList.remove('is-current');
    this.current = null;
    if (file !== this.fileName || !Number.isInteger(line)) return false;
    const row = this.rows[line - 1];
    if (!row) return false;
    row.classList.add('is-current');
    this.current = row;
    // Only the panel's own scroller moves (see scroll-within.js): the page never jumps. A long
    // line is scrolled into view sideways too, beside the line numbers, which stay put; both in
    // one scrollTo, as a second smooth scroll would stop the first.
    const code = row.lastElementChild;
    const text = code.textContent;
    const indent = text.length - text.trimStart().length;
    const charWidth = text.length > 0 ? code.getBoundingClientRect().width / text.length : 0;
    const top = verticalTarget(this.container, row, { center: true });
    const left = horizontalTarget(this.container, code, {
      gutter: row.firstElementChild.getBoundingClientRect().width,
      indent: indent * charWidth,
    });
    const view = this.container;
    if (Math.abs(top - view.scrollTop) >= 1 || Math.abs(left - view.scrollLeft) >= 1) {
      view.scrollTo({ top, left, behavior: this.reduceMotion.matches ? 'auto' : 'smooth' });
    }
    return true;
  }
}
