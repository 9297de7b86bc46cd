// How the page's run is going, for the reader: the status line beside Run and Cancel, the
// progress indicator, the Cancel button, the error banner, and body[data-run-state] (loading,
// running, done, error), which the stylesheet and the tests read.
import { byId } from './dom.js';
import { t } from './i18n/i18n.js';
import { formatTime } from './timeline/time-format.js';

/**
 * How a run ended (summary.outcome, e.g. "budget_exhausted"), in the page's language, as the
 * trace names it: the status line writes its underscores as spaces.
 */
export function outcomeName(outcome) {
  const key = `page.outcome.${outcome}`;
  const name = t(key);
  return name === key ? String(outcome) : name;
}

/** Sets body[data-run-state]. */
export function setRunState(state) {
  document.body.dataset.runState = state;
}

/** Shows `message` in the error banner under the header. */
export function showError(message) {
  const banner = byId('error-banner');
  banner.textContent = message;
  banner.hidden = false;
}

/** The status of the page's run, in the header's controls. */
export class RunStatus {
  constructor() {
    this.text = byId('run-status-text');
    this.progress = byId('run-progress');
    this.cancelButton = byId('cancel-button');
    setRunState('loading');
  }

  /** A run (or an import) has started. */
  started() {
    byId('error-banner').hidden = true;
    this.text.textContent = t('page.status.running');
    this.progress.hidden = false;
    this.cancelButton.disabled = false;
    setRunState('running');
  }

  /** `count` events have arrived so far. */
  received(count) {
    this.text.textContent = t('page.status.receiving', { count });
  }

  /** The run of `model` ended as `summary` says; the page is done with it once `done()` is called. */
  ended(model, summary) {
    this.progress.hidden = true;
    this.cancelButton.disabled = true;
    const outcome =
      summary.outcome === 'completed'
        ? ''
        : ` · ${outcomeName(summary.outcome).replaceAll('_', ' ')}`;
    const events = t('page.status.events', { count: model.count });
    this.text.textContent = `${events} · ${formatTime(model.duration)}${outcome}`;
    this.text.title = this.text.textContent;
    if (summary.message)
      showError(
        t('page.status.endedWith', {
          outcome: outcomeName(summary.outcome),
          message: String(summary.message),
        }),
      );
  }

  /** Everything the ended run shows (warnings, the link's view) is on the page. */
  done() {
    setRunState('done');
  }

  /** The run could not start or failed on the way. */
  failed(error) {
    this.progress.hidden = true;
    this.cancelButton.disabled = true;
    this.text.textContent = t('page.status.notRun');
    showError(error?.message ?? String(error));
    setRunState('error');
  }
}
