// narration: English messages. Placeholders are {name}; plural forms are { one, other }.
// The caption's sentences (web/app/narration.js), and the timeline's own words: its lanes, axis,
// tooltip and legend (narration.timeline.*). A sentence starts in lower case after "t = 10 ms: ";
// a tooltip's title gets its capital from the code. Placeholders such as {at}, {nth} or {line}
// hold an optional piece ("narration.atLine", " at line 12") or nothing.
export default {
  // Who and where.
  'narration.task': 'task {name}',
  'narration.aTask': 'a task',
  'narration.thread': 'thread {n}',
  'narration.blockOnThread': 'the block_on thread',
  // A thread as the owner of a queue: "{owner}'s local queue".
  'narration.threadOwner': 'thread {n}',
  'narration.blockOnThreadOwner': 'the block_on thread',
  'narration.place.local': "{owner}'s local queue",
  'narration.place.lifo': "{owner}'s LIFO slot",
  'narration.place.inject': 'the inject queue',
  'narration.place.global': 'the global queue',
  'narration.place.blockOn': 'the block_on flag',
  'narration.place.deferred': 'the deferred list',
  'narration.place.run': 'the run queue',
  'narration.queueNamed': 'the {name} queue',
  'narration.queueName.global': 'global',
  'narration.queueName.inject': 'inject',
  'narration.queueName.local': 'local',
  'narration.sharedQueue': 'the shared queue',
  'narration.stealSource': "{owner}'s queue",
  'narration.source.ownLifo': 'its LIFO slot',
  'narration.source.ownLocal': 'its local queue',
  'narration.ahead.none': 'first in line',
  'narration.ahead': { one: '{count} ahead', other: '{count} ahead' },
  'narration.waker.timer': 'timer {id}',
  'narration.waker.io': 'I/O resource {id}',
  'narration.waker.self': 'the task itself',
  'narration.waker.runtime': 'the runtime',
  'narration.atLine': ' at line {line}',
  'narration.lineNote': ' (line {line})',
  'narration.waitingAt': ' (waiting at line {line})',
  'narration.pollNumber': ' (poll #{n})',
  'narration.pollNumberInline': ', poll #{n}',
  'narration.until': ' until t = {time}',
  'narration.forTask': ', for {task}',
  'narration.bytesNote': { one: ' ({count} byte)', other: ' ({count} bytes)' },
  'narration.memoryLimit': 'its memory limit',
  'narration.memoryLimitOf': 'its memory limit of {size}',
  'narration.queueEmpty': 'the queue is now empty',
  'narration.stillQueued': { one: '{count} still queued', other: '{count} still queued' },

  // Why a task was queued.
  'narration.reason.spawn': 'as it was spawned',
  'narration.reason.wake': 'because it was woken',
  'narration.reason.yield': 'after yielding',
  'narration.reason.abort': 'to be dropped after abort',
  'narration.reason.steal': 'as one of the tasks its thread stole',
  'narration.reason.overflow': 'because a full local queue overflowed',
  'narration.reason.lifoDisplaced': 'pushed out of the LIFO slot by a task woken after it',
  'narration.reason.lifoLimit': "out of the LIFO slot, its thread's coop budget spent",
  'narration.reason.other': '({reason})',

  // The trace's values, in words.
  'narration.outcome.completed': 'completed',
  'narration.outcome.deadlock': 'deadlock',
  'narration.outcome.budget_exhausted': 'budget_exhausted',
  'narration.outcome.failed': 'failed',
  'narration.outcome.cancelled': 'cancelled',
  'narration.outcome.aborted': 'aborted',
  'narration.outcome.memory_exhausted': 'memory_exhausted',
  'narration.op.accept': 'accept',
  'narration.op.connect': 'connect',
  'narration.op.read': 'read',
  'narration.op.write': 'write',

  // One sentence per event.
  'narration.runtimeStart': 'the runtime starts on the {clock} clock.',
  'narration.runEnd': {
    one: 'the run ends: {outcome}, {count} event.',
    other: 'the run ends: {outcome}, {count} events.',
  },
  'narration.runEnd.memory': {
    one: 'the program holds more than {limit} and the run stops: {count} event; the tasks cancelled just before held the memory.',
    other:
      'the program holds more than {limit} and the run stops: {count} events; the tasks cancelled just before held the memory.',
  },
  'narration.spawn': '{parent} spawns {task}{at}.',
  'narration.spawn.root': 'the root {task} is spawned: block_on will poll its Future.',
  'narration.enqueue.blockOnThread':
    '{task} is marked woken {why}: the block_on thread polls it, apart from the workers and their queues.',
  'narration.enqueue.blockOn':
    '{task} is marked woken {why}: tokio polls its block_on future outside the run queue, once the queue runs dry or every 61 polls.',
  'narration.enqueue.deferred':
    '{task} yields: tokio defers its wake until after the next driver poll, so everything already queued runs first.',
  'narration.enqueue.lifo':
    '{task} goes into {place} {why}: that thread polls it next, before its queue.',
  'narration.enqueue.pool':
    "{task} joins the executor's run queue {why}; it runs in the next batch.",
  'narration.enqueue.shared': '{task} joins {place}, shared by every thread, {why}, {ahead}.',
  'narration.enqueue': '{task} joins {place} {why}, {ahead}.',
  'narration.poll.stolen': '{by} polls {task}, which it just stole from {source}{nth}.',
  'narration.poll.blockOn': '{by} polls the root {task}, the block_on future{nth}.',
  'narration.poll.taken': '{by} takes {task} from {source} and polls it{nth}.',
  'narration.poll.by': '{by} polls {task}{nth}.',
  'narration.poll':
    'the executor takes {task} from the run queue and polls it (Future::poll{nth}); {left}.',
  'narration.pollEnd.lost':
    '{task} returned Poll::Pending{at} without keeping cx.waker(): no waker of it is alive, so nothing can ever wake it (a lost wakeup).',
  'narration.pollEnd.pending':
    '{task} returned Poll::Pending{at}: it waits until its Waker is woken (Waker::wake).',
  'narration.pollEnd.ready': '{task} returned Poll::Ready: its future is complete.',
  'narration.pollEnd.failed': "{task}'s poll threw: the task failed.",
  'narration.pollEnd.other': "{task}'s poll ended ({result}).",
  'narration.taskEnd': '{task} ends ({outcome}).',
  'narration.taskEnd.message': '{task} ends ({outcome}): {message}.',
  'narration.wakerClone.own': '{task} clones cx.waker() and hands the Waker on, to be woken later.',
  'narration.wakerClone': "{waker} clones {task}'s Waker, to wake it later.",
  'narration.wakerDrop': '{waker} drops a Waker of {task} without waking it.',
  'narration.wakerDrop.own': 'the task itself drops a Waker of {task} without waking it.',
  'narration.wake.timer': 'timer {id} fired and woke {task}{waiting} through {call}',
  'narration.wake': '{waker} woke {task}{waiting} through {call}',
  'narration.wake.own': 'the task itself woke {task}{waiting} through {call}',
  'narration.wake.alreadyQueued': '{base}; it is already in the run queue, so nothing changes.',
  'narration.wake.ended': '{base}; it has ended, so nothing happens.',
  'narration.wake.only': '{base}.',
  'narration.wake.later': ' when its poll returns',
  'narration.wake.blockOn': '{base}; {name} is marked woken for block_on{later}.',
  'narration.wake.lifo': '{base}; {name} goes into {place}{later}, to run next there.',
  'narration.wake.pool':
    "{base}; {name} joins the executor's run queue{later}, for the next batch.",
  'narration.wake.queued': '{base}; {name} joins {place}{later}, {ahead}.',
  'narration.timerArm': '{who} arms timer {timer} for t = {deadline}{line}.',
  'narration.timerFire': 'timer {timer} fires: its deadline is reached.',
  'narration.timerFire.wakes':
    'timer {timer} fires: its deadline is reached and it will wake {task}.',
  'narration.timerCancel':
    'timer {timer} is cancelled: its future was dropped before the deadline.',
  'narration.ioRegister': '{who} waits for I/O resource {io} to be ready to {op}.',
  'narration.ioReady': 'I/O resource {io} is ready to {op}{bytes}{for}.',
  'narration.park.thread': '{thread} found nothing to run: it parks{until}.',
  'narration.park': 'nothing is queued: the executor parks{until}.',
  'narration.unpark.thread': '{thread} wakes up.',
  'narration.unpark': 'the executor wakes up to deliver what is due.',
  'narration.steal': {
    one: "{thief} stole {count} task from {owner}'s queue.",
    other: "{thief} stole {count} tasks from {owner}'s queue.",
  },
  'narration.steal.shared': {
    one: '{thief} took {count} task from {queue} for itself.',
    other: '{thief} took {count} tasks from {queue} for itself.',
  },
  'narration.overflow': {
    one: 'the local queue of {owner} was full: {count} task moved to {target}.',
    other: 'the local queue of {owner} was full: {count} tasks moved to {target}.',
  },
  'narration.searchBegin':
    "{thread} has nothing queued and searches the other threads' queues for work to steal.",
  'narration.searchEnd': '{thread} stops searching.',
  'narration.batchBegin': {
    one: 'the executor takes the {count} queued task as one batch and polls it.',
    other:
      'the executor takes the {count} queued tasks as one batch and polls them, last enqueued first.',
  },
  'narration.batchEnd': 'the batch is done; tasks woken during it wait for the next batch.',
  'narration.pend':
    '{task} was queued into an empty run queue, so the pender tells the executor not to sleep.',
  'narration.spawnFailed': {
    one: '{parent} could not spawn {what}{at}: its static pool of {count} task is full (SpawnError::Busy).',
    other:
      '{parent} could not spawn {what}{at}: its static pool of {count} tasks is full (SpawnError::Busy).',
  },
  'narration.selectDrop': "{task}'s select drops its losing branch {branch}{line}.",
  'narration.coopExhausted':
    '{task} has used its coop budget of {budget} for this poll: the resource it polls says Pending and wakes it, so it goes to the back of the queue.',
  'narration.deadlock': {
    one: 'deadlock: nothing is queued and nothing can wake the {count} stuck task{names}.',
    other: 'deadlock: nothing is queued and nothing can wake the {count} stuck tasks{names}.',
  },
  'narration.budgetExhausted': {
    one: 'the run reaches its budget of {count} event and stops.',
    other: 'the run reaches its budget of {count} events and stops.',
  },
  'narration.other': '{kind}.',
  'narration.other.task': '{kind} for {task}.',

  // The timeline's own words: its label, lanes, axis and canvas, tooltip and legend.
  'narration.timeline.label': 'Timeline of the run: one lane per task, polls as spans',
  'narration.figure.title': 'Wakeline: {example} · {strategy} · seed {seed} · t = {from} – {to}',
  'narration.figure.notDrawn': 'the figure could not be drawn',
  'narration.timeline.lane.timers': 'timers',
  'narration.timeline.lane.io': 'I/O',
  'narration.timeline.lane.runQueue': 'run queue',
  'narration.timeline.lane.runQueues': 'run queues',
  'narration.timeline.lane.executor': 'executor',
  'narration.timeline.lane.blockOnThread': 'block_on thread',
  'narration.timeline.lane.thread': 'thread {n}',
  'narration.timeline.maxDepth': 'max {count}',
  'narration.timeline.parked': 'parked',
  'narration.timeline.standsStill': 't = {time} (time stands still)',
  'narration.timeline.instantAt': 'at {time}',
  'narration.timeline.deadlockFlag': 'deadlock',
  'narration.timeline.pollTitle': 'Poll #{n} of {task}: {result}',
  'narration.timeline.result.pending': 'returned Poll::Pending',
  'narration.timeline.result.ready': 'returned Poll::Ready',
  'narration.timeline.result.failed': 'threw: the task failed',
  'narration.timeline.result.running': 'still running',
  'narration.timeline.result.other': 'ended ({result})',
  'narration.timeline.row.when': 'when',
  'narration.timeline.row.took': 'took',
  'narration.timeline.row.thread': 'thread',
  'narration.timeline.row.wokenBy': 'woken by',
  'narration.timeline.row.waitsAt': 'waits at',
  'narration.timeline.row.then': 'then',
  'narration.timeline.row.runQueue': 'run queue',
  'narration.timeline.row.task': 'task',
  'narration.timeline.row.where': 'where',
  'narration.timeline.line': 'line {line}{file}',
  'narration.timeline.inFile': ' of {file}',
  'narration.timeline.took': {
    one: '{time} of virtual time ({count} event)',
    other: '{time} of virtual time ({count} events)',
  },
  'narration.timeline.took.stretched': {
    one: 'no time: it began and ended at one instant; drawn as wide as its {count} event',
    other: 'no time: it began and ended at one instant; drawn as wide as its {count} events',
  },
  'narration.timeline.took.none': 'no time: it began and ended at one instant',
  'narration.timeline.wokenBy.spawn': 'nobody: its first poll, after spawn at {at}',
  'narration.timeline.wokenBy.queued': 'queued: {reason}',
  'narration.timeline.wokenBy': '{who}, at {at}',
  'narration.timeline.timer': 'timer {id}',
  'narration.timeline.io': 'I/O resource {id}',
  'narration.timeline.itself': 'itself',
  'narration.timeline.then.lost': 'no waker kept: nothing can wake it again',
  'narration.timeline.then.waits': 'waits for Waker::wake',
  'narration.timeline.queueEmptied': 'empty after it was taken',
  // An event's other fields, by the trace's name.
  'narration.timeline.field.branch': 'branch',
  'narration.timeline.field.budget': 'budget',
  'narration.timeline.field.bytes': 'bytes',
  'narration.timeline.field.clock': 'clock',
  'narration.timeline.field.count': 'count',
  'narration.timeline.field.deadline': 'deadline',
  'narration.timeline.field.duration_ns': 'duration ns',
  'narration.timeline.field.events': 'events',
  'narration.timeline.field.from': 'from',
  'narration.timeline.field.io': 'io',
  'narration.timeline.field.message': 'message',
  'narration.timeline.field.op': 'op',
  'narration.timeline.field.outcome': 'outcome',
  'narration.timeline.field.pool': 'pool',
  'narration.timeline.field.queue': 'queue',
  'narration.timeline.field.reason': 'reason',
  'narration.timeline.field.state': 'state',
  'narration.timeline.field.stuck': 'stuck',
  'narration.timeline.field.timer': 'timer',
  'narration.timeline.field.until': 'until',
  'narration.timeline.field.victim': 'victim',
  'narration.timeline.legend': 'Legend',
  'narration.timeline.legend.all': 'All marks',
  'narration.timeline.legend.every': 'Every mark',
  'narration.timeline.legend.pending.label': 'Poll::Pending',
  'narration.timeline.legend.pending.title':
    'A poll whose Future::poll returned Poll::Pending: the task waits for a wake.',
  'narration.timeline.legend.ready.label': 'Poll::Ready',
  'narration.timeline.legend.ready.title':
    'A poll whose Future::poll returned Poll::Ready: the task’s future is complete.',
  'narration.timeline.legend.failed.label': 'failed poll',
  'narration.timeline.legend.failed.title': 'A poll that threw: the task failed.',
  'narration.timeline.legend.noTime.label': 'took no time',
  'narration.timeline.legend.noTime.title':
    'A poll drawn as an outline took no virtual time: its width is the number of events it made, not a duration. Solid parts are time that really passed.',
  'narration.timeline.legend.stretched.label': 'time stands still',
  'narration.timeline.legend.stretched.title':
    'Hatched: several events at one virtual instant, given room side by side (Stretch instants). No time passes across the hatching; the axis breaks (//) around it.',
  'narration.timeline.legend.waiting.label': 'waiting',
  'narration.timeline.legend.waiting.title':
    'Dashed: the task returned Poll::Pending and waits until its Waker is woken.',
  'narration.timeline.legend.wake.label': 'wake → poll',
  'narration.timeline.legend.wake.title':
    'An arrow from whoever called Waker::wake (a timer, I/O, another task, the runtime) to the poll that wake caused.',
  'narration.timeline.legend.taskTicks.label': 'task events',
  'narration.timeline.legend.taskTicks.title':
    'Ticks under a task’s lane: tall for spawn, Waker::wake and end; short for cx.waker() clones, waker drops and joining a run queue.',
  'narration.timeline.legend.timer.label': 'timer armed, fired, cancelled',
  'narration.timeline.legend.timer.title':
    'On the timers lane: a tick where a timer is armed (a sleep starts), a diamond where it fires and wakes its task, a cross where it is dropped before its deadline.',
  'narration.timeline.legend.io.label': 'I/O registered, ready',
  'narration.timeline.legend.io.title':
    'On the I/O lane: a tick where a task waits for a resource, a diamond where it is ready.',
  'narration.timeline.legend.parked.label': 'parked',
  'narration.timeline.legend.parked.title':
    'The executor thread sleeps: nothing is queued until the next timer or I/O event.',
  'narration.timeline.legend.depth.label': 'run queue length',
  'narration.timeline.legend.depth.title':
    'The number of tasks waiting in the run queue(s), as a step line.',
  'narration.timeline.legend.playhead.label': 'playhead',
  'narration.timeline.legend.playhead.title':
    'The event the caption tells, the run queue and the task table show.',
  'narration.timeline.legend.steal.label': 'steal',
  'narration.timeline.legend.steal.title':
    'A triangle on a thread’s lane where it steals tasks, with an arrow from the thread it stole from.',
  'narration.timeline.legend.overflow.label': 'queue overflow',
  'narration.timeline.legend.overflow.title':
    'A downward triangle where a thread’s full local queue moves half of it to a shared queue.',
  'narration.timeline.legend.search.label': 'searching',
  'narration.timeline.legend.search.title':
    'A thin band where a thread with nothing queued searches the others for work to steal.',
  'narration.timeline.legend.batch.label': 'batch, pender',
  'narration.timeline.legend.batch.title':
    'Embassy: ticks where the executor takes a batch of queued tasks and ends it; a dot where a wake into an empty queue calls the pender.',
  'narration.timeline.legend.deadlock.label': 'deadlock, stuck task',
  'narration.timeline.legend.deadlock.title':
    'Red: the run found nothing runnable and no waker that could change that. Each stuck task’s wait is red, ending in a cross.',
  'narration.timeline.legend.difference.label': 'first difference',
  'narration.timeline.legend.difference.title':
    'Compare mode: the first event where the two runs differ.',
};
