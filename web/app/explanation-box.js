// The example's explanation under its title: a long one shows its first lines and a "Read more"
// button that opens it fully (and closes it again), so it is never cut off mid-sentence with
// nothing to say so. The text is set as text; the button speaks the page's language.
import { t } from './i18n/i18n.js';

/** The explanation in `paragraph`, with `more` (a button) to open or close a long one. */
export class ExplanationBox {
  constructor(paragraph, more) {
    this.paragraph = paragraph;
    this.more = more;
    this.open = false;
    more.addEventListener('click', () => this.#setOpen(!this.open));
    // Whether the text overflows depends on the panel's width, which the reader may change.
    new ResizeObserver(() => this.#measure()).observe(paragraph);
  }

  /** Shows `text`, closed. */
  show(text) {
    this.paragraph.textContent = text;
    this.#setOpen(false);
  }

  #setOpen(open) {
    this.open = open;
    this.paragraph.classList.toggle('is-clamped', !open);
    this.more.textContent = open ? t('form.explanation.less') : t('form.explanation.more');
    this.more.setAttribute('aria-expanded', String(open));
    this.#measure();
  }

  #measure() {
    if (this.open) {
      this.more.hidden = false;
      return;
    }
    // A clamped paragraph scrolls inside its box when its text is longer than the lines shown.
    this.more.hidden = this.paragraph.scrollHeight <= this.paragraph.clientHeight + 1;
  }
}
