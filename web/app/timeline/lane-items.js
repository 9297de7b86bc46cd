// What a lane holds, as ordered spans and points on the layout axis: shared by drawing and by
// hit testing so both see the same geometry.

/** The spans of `lane` (polls of a task, parks of a worker): { n, beginX, endX, event } or null. */
export function laneSpans(model, lane, k) {
  if (lane.type === 'task') {
    const ids = lane.task.polls.data;
    const { begin, end } = model.polls;
    const last = model.count - 1;
    return {
      n: lane.task.polls.length,
      poll: (i) => ids[i],
      beginX: (i) => model.x(begin.data[ids[i]], k),
      endX: (i) => {
        const e = end.data[ids[i]];
        return model.x(e === -1 ? last : e, k) + k;
      },
    };
  }
  if (lane.type === 'executor' && lane.worker) {
    const { parkBegin, parkEnd } = lane.worker;
    const last = model.count - 1;
    return {
      n: parkBegin.length,
      poll: () => -1,
      beginX: (i) => model.x(parkBegin.data[i], k) + k,
      endX: (i) => {
        const e = parkEnd.data[i];
        return Math.max(model.x(parkBegin.data[i], k) + k, model.x(e === -1 ? last : e, k));
      },
    };
  }
  return null;
}

/** The search spans of an executor lane (a worker looking for work to steal), or null. */
export function laneSearches(model, lane, k) {
  if (lane.type !== 'executor' || !lane.worker || !lane.worker.searchBegin) return null;
  const { searchBegin, searchEnd } = lane.worker;
  const last = model.count - 1;
  return {
    n: searchBegin.length,
    beginX: (i) => model.x(searchBegin.data[i], k),
    endX: (i) => {
      const e = searchEnd.data[i];
      return model.x(e === -1 ? last : e, k) + k;
    },
  };
}

/** The point events of `lane` (event indices): { n, event, pointX } or null. */
export function lanePoints(model, lane, k) {
  const marks =
    lane.type === 'task'
      ? lane.task.marks
      : lane.type === 'executor'
        ? lane.worker?.marks
        : lane.marks;
  if (!marks) return null;
  const data = marks.data;
  return {
    n: marks.length,
    event: (i) => data[i],
    pointX: (i) => model.x(data[i], k) + k / 2,
  };
}
