// The rows of the timeline, top to bottom: the timers lane, the I/O lane when the trace has I/O,
// the run-queue depth track, then one executor lane per worker (park and search spans, steals)
// followed by the tasks that worker polled most, in spawn order (with one worker: executor, then
// every task). A worker's lane is labelled "thread N": examples name tasks "worker N", and the
// two must not be confused. Under tokio-multi-thread and smol the block_on thread (the worker after the last,
// which polls only the root task) has a lane of its own, labelled as such.
import { t } from '../i18n/i18n.js';
import { lowerBound } from './visible.js';

/** Height of the time axis above the lanes, in CSS pixels. */
export const axisHeight = 30;
/** Width of the label column on the left, in CSS pixels. */
export const labelWidth = 112;

const heights = { executor: 24, timers: 24, io: 24, depth: 36, task: 28 };
/** Lane heights when two timelines share the column (compare mode), so both fit. */
const compactHeights = { executor: 16, timers: 16, io: 16, depth: 20, task: 18 };

/**
 * The lanes of `model`, each { type, label, y, h, ... } with y relative to the first lane;
 * `byTask` maps a task id to its lane, for the wake arrows. `compact` lanes are lower.
 */
export function buildLanes(model, { compact = false } = {}) {
  const lanes = [];
  let y = 0;
  const sizes = compact ? compactHeights : heights;
  const add = (lane) => {
    lane.y = y;
    lane.h = sizes[lane.type];
    y += lane.h;
    lanes.push(lane);
  };
  add({ type: 'timers', label: t('narration.timeline.lane.timers'), marks: model.timerMarks });
  if (model.ioMarks.length > 0)
    add({ type: 'io', label: t('narration.timeline.lane.io'), marks: model.ioMarks });
  if (model.depthEvents.length > 0)
    add({
      type: 'depth',
      label: t(
        model.multiQueue ? 'narration.timeline.lane.runQueues' : 'narration.timeline.lane.runQueue',
      ),
    });
  const byTask = new Map();
  const addTask = (task, indent) => {
    const lane = { type: 'task', label: indent ? `  ${task.name}` : task.name, task };
    byTask.set(task.id, lane);
    add(lane);
  };
  const workers = [...model.workers.values()].sort((a, b) => a.id - b.id);
  const executor = t('narration.timeline.lane.executor');
  if (workers.length === 0) add({ type: 'executor', label: executor, worker: null });
  if (workers.length <= 1) {
    for (const worker of workers) add({ type: 'executor', label: executor, worker });
    for (const task of model.taskLanes) addTask(task, false);
  } else {
    // Tasks move between workers (stealing): each is listed under the worker that polled it most,
    // which is where most of its work shows (a tie goes to the worker that got there first).
    const grouped = new Set(workers.map((worker) => worker.id));
    for (const worker of workers) {
      const blockOn = worker.id === model.blockOnWorker;
      add({
        type: 'executor',
        label: blockOn
          ? t('narration.timeline.lane.blockOnThread')
          : t('narration.timeline.lane.thread', { n: String(worker.id) }),
        worker,
        blockOn,
      });
      for (const task of model.taskLanes) if (task.worker === worker.id) addTask(task, true);
    }
    for (const task of model.taskLanes) if (!grouped.has(task.worker)) addTask(task, false);
  }
  return { lanes, height: y, byTask };
}

/** The lane at `y` (relative to the first lane), or null. */
export function laneAt(lanes, y) {
  // Lanes are stacked top to bottom: the first one that ends below y holds it, unless y is above
  // its top.
  const lane = lanes[lowerBound(0, lanes.length, (i) => lanes[i].y + lanes[i].h > y)];
  return lane && y >= lane.y ? lane : null;
}
