// warnings: English messages, loaded after the first timeline (en/later.js). Placeholders are
// {name}; plural forms are { one, other }. The lints of web/app/warnings.js over a finished run,
// and the list that shows them. A placeholder such as {at}, {where} or {waiting} holds an
// optional piece ("warnings.atLine", " at line 12") or nothing.
export default {
  'warnings.atLine': ' at line {line}',
  'warnings.lineNote': ' (line {line})',
  'warnings.spawnedAt': ' (spawned at line {line})',
  'warnings.events': { one: '{count} event', other: '{count} events' },
  'warnings.holder.thread': 'its thread',
  'warnings.holder.executor': 'the executor',
  'warnings.othersWaited': {
    one: ' while {count} other task waited',
    other: ' while {count} other tasks waited',
  },
  'warnings.runtime': 'The runtime',
  'warnings.aTask': 'a task',
  'warnings.noMessage': 'no message',
  'warnings.memoryLimit': 'its memory limit',

  'warnings.lostWaker':
    '{task} returned Poll::Pending{at} without keeping cx.waker(): no waker of it is alive, so nothing can wake it again (a lost wakeup).',
  'warnings.longPoll': '{task} held {holder} for {what} in one poll{where}{waiting}.',
  'warnings.longPoll.late':
    '{task} held {holder} for {what} in one poll{where}{waiting}: {other} ran {late} late, its timer due at t = {due}{line} firing only at t = {fired}.',
  'warnings.spawnFailed': {
    one: '{parent} could not spawn {what}{at}: its pool of {count} task was full (SpawnError::Busy), so that task never ran.',
    other:
      '{parent} could not spawn {what}{at}: its pool of {count} tasks was full (SpawnError::Busy), so that task never ran.',
  },
  'warnings.panic': '{task} panicked{at}: {message}. Its future is poisoned and the task ended.',
  'warnings.memoryExhausted': {
    one: 'Memory limit: the program held more than {limit} (task frames and the trace), so the run stopped and cancelled the {count} task still alive. Tasks spawned faster than they end, and never ending, are a leak.',
    other:
      'Memory limit: the program held more than {limit} (task frames and the trace), so the run stopped and cancelled the {count} tasks still alive. Tasks spawned faster than they end, and never ending, are a leak.',
  },
  'warnings.stuckTask': {
    one: '{task}{at} ({count} waker alive)',
    other: '{task}{at} ({count} wakers alive)',
  },
  'warnings.deadlock': {
    one: 'Deadlock: {count} task stuck, nothing can wake it: {stuck}.',
    other: 'Deadlock: {count} tasks stuck, nothing can wake them: {stuck}.',
  },
  'warnings.selfWake': {
    one: '{task} called Waker::wake on its own waker (a yield or a busy loop): it goes to the back of the queue instead of waiting for an event.',
    other:
      '{task} called Waker::wake on its own waker {count} times (a yield or a busy loop): it goes to the back of the queue instead of waiting for an event.',
  },

  // The list.
  'warnings.none': 'No warnings in this run.',
  'warnings.select': 'Select the event that shows it',
  'warnings.more': 'and {count} more',
};
