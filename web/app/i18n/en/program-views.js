// program: the console, the state machine view and the tours' bar and menu, in English: the
// playground loads them with their code after the first timeline (en/later.js). Same part as
// program.js (keys program.*). Placeholders are {name}; plural forms are { one, other }.
export default {
  // The console.
  'program.console.label': 'Program output',
  'program.console.empty': 'Nothing printed yet.',
  'program.console.nothing': 'The program printed nothing.',
  'program.console.more': {
    one: '… and {count} more line, not shown.',
    other: '… and {count} more lines, not shown.',
  },
  'program.console.panic': 'panicked: {text}',
  'program.console.panicAt': 'panicked at line {line}: {text}',
  'program.console.goOutput': 'Move the playhead to this output',
  'program.console.goPanic': 'Move the playhead to this panic',

  // The state machine view. rustc's names of the states stay in parentheses.
  'program.state.unresumed': 'start (unresumed): made, not polled yet',
  'program.state.returned': 'returned: Poll::Ready given, done',
  'program.state.poisoned': 'panicked (poisoned): polling it again panics',
  'program.state.suspendedAt': 'suspended at line {line}',
  'program.state.suspended': 'suspended',
  'program.state.pick': 'Async fn or block',
  'program.state.list': 'States',
  'program.state.hint': 'Run or type a program to see its state machines.',
  'program.state.noMachines': 'This program has no async fn or block.',
  'program.state.kind.asyncBlock': 'async block',
  'program.state.option': '{kind} {name} (line {line})',
  'program.state.head': {
    one: '{kind} {name}, line {line}: {count} state.',
    other: '{kind} {name}, line {line}: {count} states.',
  },
  'program.state.size': 'Its future takes {size}.',
  'program.state.showLine': 'Show line {line} in the editor',
  'program.state.keepsArguments': 'keeps its arguments: {names}',
  'program.state.keeps': 'keeps {names}',
  'program.state.temporary.iterator': "the `for` loop's iterator",
  'program.state.temporary.scrutinee': 'the value being matched',
  'program.state.temporary.selected': 'the `select!` result',
  'program.state.temporary.operand': 'the left operand',
  'program.state.temporary.pieces': "the format string's pieces",
  'program.state.temporary.argument': 'a reference to a format argument',
  'program.state.temporary.joinFutures': "the `join!`'s futures",
  'program.state.temporary.selectFutures': "the `select!`'s futures",
  'program.state.temporary.selectReference': "a reference to the `select!`'s futures",
  'program.state.temporary.selectMask': "the `select!`'s disabled branches",
  'program.state.temporary.other': 'a temporary ({slot})',
  'program.state.keepsNothing': 'keeps nothing across this await',

  // The playground's Tour menu (tours/tour-editor.js).
  'program.tour.menu': 'Tour',
  'program.tour.menuCount': 'Tour ({count})',
  'program.tour.about':
    'Guided tour: each stop is a playhead, a selection and a window, with your caption.',
  'program.tour.add': 'Add stop',
  'program.tour.addTitle': 'Add the view on screen as the next stop',
  'program.tour.stops': 'Stops of the tour',
  'program.tour.copy': 'Copy',
  'program.tour.copyTitle': 'Copy to the clipboard',
  'program.tour.embedLink': 'Embed link with the tour',
  'program.tour.snippet': 'Player with the tour (readable without JavaScript)',
  'program.tour.show': 'Show stop {number}',
  'program.tour.caption': 'Caption of stop {number}',
  'program.tour.up': 'Move stop {number} up',
  'program.tour.down': 'Move stop {number} down',
  'program.tour.remove': 'Remove stop {number}',
};
