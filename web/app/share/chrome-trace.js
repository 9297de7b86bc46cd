// Chrome trace JSON (Perfetto, chrome://tracing) from a trace's header and events, in the page.
// The same mapping as the native writer, core/trace/chrome_writer.cpp, event for event, so the
// page's export and `wakeline run EXAMPLE --format chrome` parse to the same JSON; the mapping
// itself is documented in docs/trace-format.md ("Chrome trace export"). Pure: no DOM.

const runtimePid = 1;

// Virtual time stands still while a task runs, so each event is drawn at least this many ns
// after the one before it (see the native writer for why).
const nudgeNs = 2;

const toUs = (ns) => ns / 1000;

/** The header as `metadata`: the NDJSON header without `unit` (Chrome times are always µs). */
function headerObject(header) {
  const { unit, ...rest } = header;
  void unit;
  return rest;
}

/** The header flattened to strings, as chrome://tracing shows `otherData`. */
function otherData(header) {
  const flat = {};
  for (const [key, value] of Object.entries(header)) {
    if (typeof value === 'string') {
      flat[key] = value;
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flat[key] = Object.entries(value)
        .map(([name, v]) => `${name}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
    } else {
      flat[key] = JSON.stringify(value);
    }
  }
  return flat;
}

/** An event's NDJSON fields with the true time moved to `t_ns` (last, like the native writer). */
function eventArgs(event) {
  const { t, ...rest } = event;
  return { ...rest, t_ns: t };
}

/**
 * Converts a trace to Chrome trace JSON text. `header` is the NDJSON header object; `events`
 * are the events in `seq` order as parsed from their NDJSON lines (or the API's event objects).
 */
export function chromeTrace(header, events) {
  const bySeq = (seq) => {
    const event = Number.isInteger(seq) && seq >= 1 ? events[seq - 1] : undefined;
    return event && event.seq === seq ? event : null;
  };
  const taskNames = new Map();
  const taskName = (task) => taskNames.get(task) ?? `task ${task}`;

  // The drawing time of every event, the end of every poll, the flows, the task names.
  const display = new Array(events.length);
  const pollEndOf = new Map();
  const flowTarget = new Map();
  const flowOfPoll = new Map();
  let maxWorker = 0;
  let last = 0;
  events.forEach((e, i) => {
    display[i] = i === 0 ? e.t : Math.max(e.t, last + nudgeNs);
    last = display[i];
    maxWorker = Math.max(maxWorker, e.worker ?? 0);
    if (e.kind === 'task_spawn') taskNames.set(e.task, e.name ?? `task ${e.task}`);
    if (e.kind === 'poll_end' && e.cause) pollEndOf.set(e.cause, i);
    if (e.kind === 'poll_begin') {
      // poll_begin <- task_enqueue <- waker_wake | waker_wake_by_ref | task_spawn
      const enqueue = bySeq(e.cause);
      if (!enqueue || enqueue.kind !== 'task_enqueue') return;
      const source = bySeq(enqueue.cause);
      if (!source) return;
      // A spawn draws an arrow only from inside its parent's poll: the root has none.
      const spawnedByTask = source.kind === 'task_spawn' && source.parent !== undefined;
      if (source.kind === 'waker_wake' || source.kind === 'waker_wake_by_ref' || spawnedByTask) {
        flowTarget.set(source.seq, e.seq);
        flowOfPoll.set(e.seq, source.seq);
      }
    }
  });
  const driverTid = maxWorker + 2;

  const output = [];
  const base = (ph, name, cat, ns) => ({ ph, name, cat, ts: toUs(ns), pid: runtimePid });
  const meta = (name, tid, args) => {
    const event = { ph: 'M', name, pid: runtimePid };
    if (tid !== 0) event.tid = tid;
    event.args = args;
    output.push(event);
  };
  meta('process_name', 0, { name: `wakeline runtime: ${header.example}` });
  meta('process_sort_index', 0, { sort_index: 0 });
  for (let w = 0; w <= maxWorker; ++w) {
    meta('thread_name', w + 1, { name: `worker ${w}` });
    meta('thread_sort_index', w + 1, { sort_index: w + 1 });
  }
  meta('thread_name', driverTid, { name: 'driver (timers, I/O, outside wakes)' });
  meta('thread_sort_index', driverTid, { sort_index: driverTid });

  let openPollTid = 0;
  const track = () => (openPollTid !== 0 ? openPollTid : driverTid);
  const instant = (e, i, name, cat, scope = 't') => {
    const event = base('i', name, cat, display[i]);
    if (scope === 't') event.tid = track();
    event.s = scope;
    event.args = eventArgs(e);
    output.push(event);
  };
  // A scheduler's own step, on the track of the worker that took it.
  const workerInstant = (e, i, name) => {
    const event = base('i', name, 'scheduler', display[i]);
    event.tid = (e.worker ?? 0) + 1;
    event.s = 't';
    event.args = eventArgs(e);
    output.push(event);
  };
  const counter = (e, at) => {
    const event = base('C', 'run queue', 'queue', at);
    event.args = { depth: e.depth };
    output.push(event);
  };
  const flowStart = (e, at, cat) => {
    const event = base('s', cat, cat, at);
    event.tid = track();
    event.id = e.seq;
    output.push(event);
  };
  const openTasks = [];
  const parkAt = new Map();

  events.forEach((e, i) => {
    const at = display[i];
    switch (e.kind) {
      case 'runtime_start':
        return instant(e, i, 'runtime start', 'runtime', 'g');
      case 'runtime_end':
        return instant(e, i, `runtime end: ${e.outcome}`, 'runtime', 'g');
      case 'task_spawn': {
        output.push({ ...base('b', taskName(e.task), 'task', at), id: e.task, args: eventArgs(e) });
        openTasks.push(e.task);
        if (flowTarget.has(e.seq)) flowStart(e, at, 'spawn');
        return;
      }
      case 'task_end': {
        output.push({ ...base('e', taskName(e.task), 'task', at), id: e.task, args: eventArgs(e) });
        const open = openTasks.indexOf(e.task);
        if (open !== -1) openTasks.splice(open, 1);
        return;
      }
      case 'task_enqueue':
        // The run queue's depth; the root's woken flag and deferred yields are no queue.
        if ((e.queue ?? 'run') === 'run') counter(e, at);
        return;
      case 'poll_begin': {
        counter(e, at);
        const tid = (e.worker ?? 0) + 1;
        const end = pollEndOf.get(e.seq);
        const endAt = end !== undefined ? display[end] : at;
        const slice = base('X', `poll ${taskName(e.task)}`, 'poll', at);
        slice.dur = toUs(endAt - at);
        slice.tid = tid;
        const args = eventArgs(e);
        if (end !== undefined) {
          const pe = events[end];
          args.result = pe.result;
          if (pe.file !== undefined) {
            args.file = pe.file;
            args.line = pe.line;
          }
          args.end_seq = pe.seq;
        }
        slice.args = args;
        output.push(slice);
        const flow = flowOfPoll.get(e.seq);
        if (flow !== undefined) {
          // Bound to the enclosing slice: drawn one nudge inside the poll it points at.
          const kind = bySeq(flow).kind === 'task_spawn' ? 'spawn' : 'wake';
          output.push({ ...base('f', kind, kind, at + 1), tid, id: flow, bp: 'e' });
        }
        openPollTid = end !== undefined ? tid : 0;
        return;
      }
      case 'poll_end':
        openPollTid = 0;
        return;
      case 'waker_wake':
      case 'waker_wake_by_ref': {
        let name = `wake ${taskName(e.task)}`;
        if (e.effect !== undefined && e.effect !== 'scheduled') name += ` (${e.effect})`;
        if (openPollTid === 0) {
          // Outside a poll there is no slice for an arrow to start from: give the wake its own.
          output.push({ ...base('X', name, 'wake', at - 1), dur: toUs(2), tid: driverTid, args: eventArgs(e) });
        } else {
          instant(e, i, name, 'wake');
        }
        if (flowTarget.has(e.seq)) flowStart(e, at, 'wake');
        return;
      }
      case 'timer_arm':
        return instant(e, i, `arm timer ${e.timer}`, 'timer');
      case 'timer_fire':
        return instant(e, i, `timer ${e.timer} fires`, 'timer');
      case 'timer_cancel':
        return instant(e, i, `cancel timer ${e.timer}`, 'timer');
      case 'io_register':
        return instant(e, i, `register ${e.op}`, 'io');
      case 'io_ready':
        return instant(e, i, `ready ${e.op}`, 'io');
      case 'park':
        parkAt.set(e.worker ?? 0, i);
        return;
      case 'unpark': {
        const park = bySeq(e.cause);
        if (!park) return;
        const parkedAt = parkAt.get(park.worker ?? 0);
        if (parkedAt === undefined) return;
        const slice = base('X', 'park', 'park', display[parkedAt]);
        slice.dur = toUs(at - display[parkedAt]);
        slice.tid = (park.worker ?? 0) + 1;
        slice.args = eventArgs(park);
        output.push(slice);
        parkAt.delete(park.worker ?? 0);
        return;
      }
      case 'select_drop':
        return instant(e, i, `select drops branch ${e.branch}`, 'select');
      case 'deadlock':
        return instant(e, i, 'deadlock', 'runtime', 'g');
      case 'budget_exhausted':
        return instant(e, i, 'event budget exhausted', 'runtime', 'g');
      case 'coop_exhausted':
        return instant(e, i, 'coop budget exhausted', 'task');
      case 'steal':
        return workerInstant(e, i, `steal ${e.count} from ${e.from}`);
      case 'queue_overflow':
        return workerInstant(e, i, `overflow of ${e.count} to inject`);
      case 'search_begin':
        return workerInstant(e, i, 'search begins');
      case 'search_end':
        return workerInstant(e, i, 'search ends');
      case 'batch_begin':
        return workerInstant(e, i, `batch of ${e.count}`);
      case 'batch_end':
        return workerInstant(e, i, 'batch end');
      case 'pend':
        return workerInstant(e, i, 'pend');
      case 'spawn_failed':
        return instant(e, i, 'spawn failed: pool full', 'task');
      default:
        // waker_clone and waker_drop are reference counting only (too dense to draw; the NDJSON
        // trace keeps them); kinds newer than this page are skipped the same way.
    }
  });

  // A trace cut short (budget) may leave tasks without task_end; close them at the last event.
  if (events.length > 0) {
    for (const task of openTasks) {
      output.push({ ...base('e', taskName(task), 'task', display[events.length - 1]), id: task });
    }
  }

  const lines = output.map((event) => JSON.stringify(event));
  const metadata = headerObject(header);
  return `{"traceEvents":[\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}],\n` +
    `"displayTimeUnit":"ns",\n"otherData":${JSON.stringify(otherData(metadata))},\n` +
    `"metadata":${JSON.stringify(metadata)}}\n`;
}
