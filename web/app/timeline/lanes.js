// The rows of the timeline, top to bottom: one executor lane per worker (park spans), the timers
// lane, the I/O lane when the trace has I/O, then one lane per task in spawn order.

/** Height of the time axis above the lanes, in CSS pixels. */
export const axisHeight = 30;
/** Width of the label column on the left, in CSS pixels. */
export const labelWidth = 112;

const heights = { executor: 24, timers: 24, io: 24, task: 28 };

/** The lanes of `model`, each { type, label, y, h, ... } with y relative to the first lane. */
export function buildLanes(model) {
  const lanes = [];
  let y = 0;
  const add = (lane) => {
    lane.y = y;
    lane.h = heights[lane.type];
    y += lane.h;
    lanes.push(lane);
  };
  const workers = [...model.workers.values()].sort((a, b) => a.id - b.id);
  if (workers.length === 0) add({ type: 'executor', label: 'executor', worker: null });
  for (const worker of workers) {
    add({ type: 'executor', label: workers.length > 1 ? `worker ${worker.id}` : 'executor', worker });
  }
  add({ type: 'timers', label: 'timers', marks: model.timerMarks });
  if (model.ioMarks.length > 0) add({ type: 'io', label: 'I/O', marks: model.ioMarks });
  for (const task of model.taskLanes) add({ type: 'task', label: task.name, task });
  return { lanes, height: y };
}

/** The lane at `y` (relative to the first lane), or null. */
export function laneAt(lanes, y) {
  let lo = 0;
  let hi = lanes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const lane = lanes[mid];
    if (y < lane.y) hi = mid - 1;
    else if (y >= lane.y + lane.h) lo = mid + 1;
    else return lane;
  }
  return null;
}
