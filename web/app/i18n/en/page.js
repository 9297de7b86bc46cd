// page: the playground page's own words (index.html and the modules that build the page).
// Placeholders are {name}; plural forms are { one, other }.
export default {
  'page.language.label': 'Language',

  // index.html: the header.
  'page.title': 'Wakeline — watch an async runtime work',
  'page.header.example': 'Example',
  'page.header.strategy': 'Strategy',
  'page.header.compare': 'Compare with…',
  'page.header.compareTitle':
    'Run a second strategy on the same example, parameters and seed, on a timeline under the first',
  'page.run': 'Run',
  'page.cancel': 'Cancel',
  'page.status.progress': 'Run in progress',
  'page.status.loading': 'loading the runtime…',

  // index.html: the introduction under the header (`backquoted` runs are code).
  'page.intro.long':
    "Async programs on a runtime built from scratch the way Rust's are: the executor polls each `Future`, which returns `Poll::Pending` or `Poll::Ready`, and a `Waker` says when to poll it again. Pick an example: it runs, then play its trace event by event.",
  'page.intro.short':
    "A runtime built like Rust's: see each `Future` polled, `Poll::Pending`, `Poll::Ready` and `Waker::wake`, event by event.",
  'page.intro.hide': 'Hide this introduction',
  'page.intro.hideTitle': 'Hide',

  // index.html: the panels.
  'page.params.heading': 'Parameters',
  'page.splitter.side': 'Resize the example panel',
  'page.splitter.timeline': 'Resize the timeline',
  'page.splitter.inspect': 'Resize the inspect panel',
  'page.timeline.label': 'Timeline',
  'page.stretch.label': 'Stretch instants',
  'page.stretch.title':
    'Give every event of one virtual instant a slot of its own. Time stands still inside the hatched areas: their width is not a duration.',
  'page.fit': 'Fit',
  'page.fit.title': 'Show the whole run (f)',
  'page.playback.label': 'Playback',
  'page.help.pointer':
    'Wheel or +/− to zoom, drag to pan, shift+wheel to scroll lanes, f to fit, click to select; ←/→ step events, ↑/↓ step polls, space plays.',
  'page.help.touch':
    'Drag to pan, tap a poll to select it, Fit to see the whole run; ◀ ▶ step events.',
  'page.source.label': 'Source',
  'page.source.show': 'Show',
  'page.source.rustTitle': "The example's program in the language: edit it and run it",
  'page.source.cppTitle': "The example in C++, as the runtime's own examples are written",
  'page.program.new': 'New',
  'page.program.newTitle': 'Start a program of your own',
  'page.program.reset': 'Reset',
  'page.program.save': 'Save .rs',
  'page.program.saveTitle': 'Save the program as a .rs file',
  'page.program.open': 'Open .rs…',
  'page.program.openTitle': 'Open a .rs file as the program (or drop one here)',
  'page.program.playground': 'Rust Playground ↗',
  'page.program.playgroundTitle':
    'Open the program on the Rust Playground, with Tokio, in a new tab',
  'page.inspect.label': 'Inspect',
  'page.inspect.console': 'Console',
  'page.inspect.states': 'State machine',
  'page.inspect.runQueue': 'Run queue',
  'page.inspect.warnings': 'Warnings',
  'page.inspect.wakerHistory': 'Waker history',
  'page.inspect.tasks': 'Tasks at the playhead',

  // main.js: the selection, the range readout, the program's run and the page's failures.
  'page.selection.none': 'Click a poll or an event to select it.',
  'page.selection.event': 'Selected event {seq}: {title}',
  'page.range': 'showing {from} – {to}',
  'page.program.preview':
    'The timeline is {example}’s C++ run for now (the same story, other line numbers); {program} runs as soon as the language has loaded.',
  'page.program.previewFailed':
    '{program} could not run ({message}); the timeline shows the C++ run, which tells the same story.',
  'page.program.noStates': 'No state machines: {message}',
  'page.program.lineEvent': 'Line {line}: event {event} selected; again for the next one.',
  'page.program.lineNone': 'Line {line} has no events in this run.',
  'page.link.programNotOpened': '{error} The program was not opened.',
  'page.error.runtime': 'The runtime could not be loaded: {message}',
  'page.error.start': 'The page failed to start: {message}',

  // run-status.js: the status line beside Run.
  'page.status.running': 'running…',
  'page.status.receiving': { one: '{count} event…', other: '{count} events…' },
  'page.status.events': { one: '{count} event', other: '{count} events' },
  'page.status.notRun': 'not run',
  'page.status.endedWith': 'The run ended with {outcome}: {message}',
  // How a run ended, by its name in the trace (the status line writes its _ as spaces).
  'page.outcome.completed': 'completed',
  'page.outcome.deadlock': 'deadlock',
  'page.outcome.budget_exhausted': 'budget_exhausted',
  'page.outcome.failed': 'failed',
  'page.outcome.cancelled': 'cancelled',
  'page.outcome.memory_exhausted': 'memory_exhausted',

  // stale-run.js: the note above a timeline that shows an older run.
  'page.stale.invalid':
    'The timeline shows the previous run: fix the parameters marked in red, then Run.',
  'page.stale.changed':
    'The timeline shows the previous run: press Run (or Enter) to run with the new {names}.',
  'page.stale.name.example': 'example',
  'page.stale.name.seed': 'seed',
  'page.stale.program':
    'The program was edited since this run: press Run (or Ctrl/Cmd+Enter) to run it.',

  // task-table.js: the tasks at the playhead.
  'page.tasks.column.task': 'task',
  'page.tasks.column.state': 'state',
  'page.tasks.column.polls': 'polls',
  'page.tasks.column.wakes': 'wakes',
  'page.tasks.column.busy': 'busy',
  'page.tasks.column.scheduled': 'queued',
  'page.tasks.column.idle': 'idle',
  'page.tasks.state.notSpawned': 'not spawned',
  'page.tasks.state.idle': 'idle',
  'page.tasks.state.scheduled': 'scheduled',
  'page.tasks.state.running': 'running',
  'page.tasks.state.done': 'done',
  'page.tasks.more': {
    one: '{count} task in spawn order; scroll for more.',
    other: '{count} tasks in spawn order; scroll for more.',
  },

  // inspect/waker-history.js: the selected task's wakers.
  'page.waker.hint': 'Select a task to see its wakers: every clone, wake and drop.',
  'page.waker.title': '{task} (task {id}): {what}.',
  'page.waker.titleStuck':
    '{task} (task {id}): {what}; left waiting with no waker alive, nothing can wake it (in red).',
  'page.waker.none': 'no waker was cloned, woken or dropped',
  'page.waker.events': { one: '{count} waker event', other: '{count} waker events' },
  'page.waker.earlier': '{count} earlier not shown',
  'page.waker.later': '{count} later not shown',
  'page.waker.effect.already_scheduled': 'already scheduled',
  'page.waker.effect.ended': 'ended',
  'page.waker.by.task': 'by task {id}',
  'page.waker.by.timer': 'by timer {id}',
  'page.waker.by.io': 'by io {id}',
  'page.waker.by.outside': 'by outside',
  'page.waker.by.unknown': 'by unknown',
  'page.waker.by.other': 'by {who}',
  'page.waker.kept': 'no waker kept',
  'page.waker.alive': { one: '{count} alive', other: '{count} alive' },
  'page.waker.eventTitle': 'Event {seq}: {why}. Select it and move the playhead there.',
  'page.waker.why.stuck': 'the task waits with no waker alive: nothing can wake it',
  'page.waker.why.none': 'no waker left, and none needed: the task was woken or is not waiting',
  'page.waker.why.alive': { one: '{count} waker alive', other: '{count} wakers alive' },

  // compare/*: a second strategy's run under the first.
  'page.compare.problems': "Problems with the link's comparison",
  'page.compare.differenceTitle': 'Put the playhead on the first event where the two runs differ',
  'page.compare.failed': '{strategy}: the run failed: {message}',
  'page.compare.none': 'none',
  'page.compare.noStrategy':
    'The example {example} has no strategy {strategy} to compare with (it has {list}); showing one timeline.',
  'page.compare.running': '{strategy} · running…',
  'page.compare.waiting': '{strategy} · waiting for the first run…',
  'page.compare.inspectNote':
    'Run queue, warnings and tasks follow the top run ({first}); the caption under the second timeline tells {second}.',
  'page.compare.same': 'The two runs tell the same story, event for event.',
  'page.compare.marker': 'first difference',
  'page.compare.canvas': 'Timeline of the compared run, on the same time axis',
  'page.compare.differ': 'The runs first differ at event {event} (t = {time}): {a}; {b}.',
  'page.compare.under': 'under {strategy}, {what}',
  'page.compare.ended': "{strategy}'s run has ended",
  'page.compare.makespan': 'makespan {time}',
  'page.compare.polls': { one: '{count} poll', other: '{count} polls' },
  'page.compare.steals': { one: '{count} steal', other: '{count} steals' },
  'page.compare.wakes': { one: '{count} wake', other: '{count} wakes' },

  // playback/*: the playback bar, the run queue and the warnings' place.
  'page.playback.prevPoll': '« poll',
  'page.playback.prevPollTitle': 'Previous poll (↑)',
  'page.playback.prevTitle': 'Previous event (←)',
  'page.playback.playTitle': 'Play (space)',
  'page.playback.pauseTitle': 'Pause (space)',
  'page.playback.nextTitle': 'Next event (→)',
  'page.playback.nextPoll': 'poll »',
  'page.playback.nextPollTitle': 'Next poll (↓)',
  'page.playback.speed': 'Playback speed',
  'page.playback.scrub': 'Playhead: drag to scrub',
  'page.playback.noEvents': 'no events',
  'page.playback.counter': 'event {at} / {count}',
  'page.queue.run': 'run queue',
  'page.queue.inject': 'inject queue',
  'page.queue.global': 'global queue',
  'page.queue.other': '{name} queue',
  'page.queue.blockOnThread': 'block_on thread',
  'page.queue.thread': 'thread {id}',
  'page.queue.rowLabel': '{queue}, next first',
  'page.queue.more': '+{count} more',
  'page.queue.empty': 'empty',
  'page.queue.chipTitle': '{task}: click to select',
  'page.queue.polling': 'polling: {what}',
  'page.queue.pollingNothing': 'polling: nothing',
  'page.warnings.pending': 'Warnings appear when the run ends.',
};
