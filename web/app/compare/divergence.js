// Where two runs of the same example under two strategies first part ways: the first event at
// which they differ in what happened (its kind, its task, its time, a poll's result), told as
// what each runtime did there. Before it the two traces tell the same story event for event;
// fields that only name a runtime's own machinery (which queue, which worker) do not count,
// the sentence says them.
import { t } from '../i18n/i18n.js';
import { describeEvent } from '../narration.js';
import { formatTime } from '../timeline/time-format.js';

/** What event `i` of `model` did, for comparing: kind, task, time and a poll's result. */
function signature(model, i) {
  const kind = model.kindOf(i);
  const result = kind === 'poll_end' ? model.field(i, 'result') : '';
  return `${kind}|${model.task.data[i]}|${model.t.data[i]}|${result}`;
}

/**
 * The first event index at which `a` and `b` (TraceModels) differ, or -1 when they tell the same
 * story. A run that is a prefix of the other differs where it ends.
 */
export function firstDifference(a, b) {
  const n = Math.min(a.count, b.count);
  for (let i = 0; i < n; ++i) if (signature(a, i) !== signature(b, i)) return i;
  return a.count === b.count ? -1 : n;
}

const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/**
 * One sentence about the first difference `i` of runs `a` (strategy `nameA`) and `b`: what each
 * runtime did at that event, e.g. "The runs first differ at event 12 (t = 0): under local, the
 * executor takes task worker 1 …; under tokio-multi-thread, thread 0 polls task worker 0 …".
 */
export function describeDifference(a, nameA, b, nameB, i) {
  const side = (model, name) =>
    i < model.count
      ? t('page.compare.under', { strategy: name, what: lower(describeEvent(model, i)) })
      : t('page.compare.ended', { strategy: name });
  const at = i < a.count ? a.t.data[i] : b.t.data[i];
  return t('page.compare.differ', {
    event: i + 1,
    time: formatTime(at),
    a: side(a, nameA),
    b: side(b, nameB),
  });
}
