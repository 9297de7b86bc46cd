// narration: the caption's sentences, one per event (web/app/narration.js's narrate and
// describeEvent), in English: loaded with the code after the first timeline (en/later.js), which
// the page waits for before it narrates (after-first-timeline.js). Same part as narration.js
// (keys narration.*). Placeholders are {name}; plural forms are { one, other }. A sentence starts
// in lower case after "t = 10 ms: "; {at}, {nth} or {line} hold an optional piece or nothing.
export default {
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
};
