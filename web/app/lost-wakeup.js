// The lost wakeup, at one event: a poll that returned Poll::Pending while its task had no waker
// alive (clones minus drops minus consuming wakes) and was not woken during that poll. Nothing
// can wake that task again. The caption and the tooltip say so at that poll; warnings.js finds
// every such poll in one pass over a finished run.
import { lowerBound } from './timeline/visible.js';

// How each waker event changes the count of a task's live wakers (a consuming wake uses one up).
const deltas = new Map([
  ['waker_clone', 1],
  ['waker_wake', -1],
  ['waker_wake_by_ref', 0],
  ['waker_drop', -1],
]);

/**
 * Whether event `i` of `model` is a pending poll_end after which its task cannot be woken: no
 * waker of it alive, and no wake during the poll that queues it again when the poll returns.
 */
export function losesItsWaker(model, i) {
  if (model.kindOf(i) !== 'poll_end' || model.field(i, 'result') !== 'pending') return false;
  const lane = model.tasks.get(model.task.data[i]);
  if (!lane) return false;
  const polls = lane.polls;
  const p = lowerBound(0, polls.length, (m) => model.polls.begin.data[polls.data[m]] > i) - 1;
  const begin = p >= 0 ? model.polls.begin.data[polls.data[p]] : -1;
  let live = 0;
  let wokenInPoll = false;
  const marks = lane.marks;
  for (let m = 0; m < marks.length && marks.data[m] < i; ++m) {
    const event = marks.data[m];
    const kind = model.kindOf(event);
    const delta = deltas.get(kind);
    if (delta === undefined) continue;
    live += delta;
    if (event > begin && kind !== 'waker_clone' && kind !== 'waker_drop')
      wokenInPoll ||= model.field(event, 'effect') === 'scheduled';
  }
  return live <= 0 && !wokenInPoll;
}
