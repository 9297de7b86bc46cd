// An example's C++ and its program tell the same story (tests/examples/programs_test.cpp): the
// same spawns, poll results, wakes, timer fires and task ends, on the same tasks at the same
// virtual times; only the lines differ, and each side has events of its own between them (waker
// clones, outputs). The page draws its first timeline from the C++ run and then shows the
// program's: mapEvent finds the program's event that stands where the C++ one stood, so the
// playhead and the selection stay on the same moment of the story.
import { lowerBound } from '../timeline/visible.js';

/** The kinds both sides have, one for one (programs_test.cpp's `story`). */
export const storyKinds = new Set([
  'task_spawn',
  'poll_end',
  'waker_wake',
  'timer_fire',
  'task_end',
]);

const stories = new WeakMap();

/** The indices of `model`'s story events, in order (kept per model once it has ended). */
function storyOf(model) {
  let story = stories.get(model);
  if (story && story.count === model.count) return story.events;
  const events = [];
  for (let i = 0; i < model.count; ++i) if (storyKinds.has(model.kindOf(i))) events.push(i);
  story = { count: model.count, events };
  stories.set(model, story);
  return events;
}

/**
 * The event of `to` that stands where event `i` of `from` stands: the same story event, or,
 * between two, the event of the same kind and task that comes as many times after the same
 * story event; else the story event before it. -1 for -1.
 */
export function mapEvent(from, to, i) {
  if (i < 0 || to.count === 0) return -1;
  const a = storyOf(from);
  const b = storyOf(to);
  // The last story event at or before i.
  const o = lowerBound(0, a.length, (k) => a[k] > i) - 1;
  if (o >= b.length) return to.count - 1;
  if (o >= 0 && a[o] === i) return b[o];
  const kind = from.kindOf(i);
  const task = from.task.data[i];
  let nth = 0;
  for (let j = o >= 0 ? a[o] + 1 : 0; j < i; ++j)
    if (from.task.data[j] === task && from.kindOf(j) === kind) ++nth;
  const end = o + 1 < b.length ? b[o + 1] : to.count;
  for (let j = o >= 0 ? b[o] + 1 : 0; j < end; ++j) {
    if (to.task.data[j] !== task || to.kindOf(j) !== kind) continue;
    if (nth === 0) return j;
    --nth;
  }
  return o >= 0 ? b[o] : 0;
}
