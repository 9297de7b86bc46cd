// program: English messages. Placeholders are {name}; plural forms are { one, other }.
// The program panel and its editor (program/program-panel.js, editor/), the link's program
// (program/program-link.js), the console (program/console-view.js), the state machine view
// (program/state-view.js) and guided tours (tours/: program.tour.*, the player's bar too).
// The compiler's own diagnostics stay as the language's checker writes them, in English, as
// rustc's do; line numbers are written as in code ({line}: digits, no thousands separator).
export default {
  // The panel.
  'program.cppOnly':
    '{title} is written in C++ only: the language cannot express it yet, so it is read-only here.',
  'program.nearest': 'Edit a program instead: {title}',
  'program.loadFailed': 'The program of {title} could not be loaded: {error}',
  'program.reset.title': 'Forget your edits and show {name} as the example has it',
  'program.reset.unchanged': 'The program is as the example has it',
  'program.reset.done': '{name} is back to the example’s text.',
  'program.saved': 'Saved {name}.',
  'program.imported': 'Imported {file} into {name}; Run (or Ctrl/Cmd+Enter) runs it.',
  'program.file.tooLarge': '{file} is {size} KiB; a program may have at most 512 KiB.',
  'program.file.notUtf8': '{file} is not UTF-8 text, so it is not a program.',

  // Diagnostics under the editor, and why Run is disabled.
  'program.check.failed': 'The program could not be checked: {error}',
  'program.diagnostics.none': '{name}: no errors.',
  'program.diagnostics.summary': '{name}: {counts}.',
  'program.diagnostics.both': '{errors}, {warnings}',
  'program.diagnostics.errors': { one: '{count} error', other: '{count} errors' },
  'program.diagnostics.warnings': { one: '{count} warning', other: '{count} warnings' },
  'program.diagnostics.blocked': 'Run is disabled: {name} has {errors} (listed under the program).',

  // The editor (editor/, given its words by the panel) and CodeMirror's own phrases.
  'program.editor.failed': 'The editor could not be loaded: {error}',
  'program.editor.label':
    'Program {name}: Ctrl or Cmd+Enter runs it; Escape then Tab leaves the editor',
  'program.editor.labelUnnamed': 'Program',
  'program.editor.eventMark': {
    one: '{count} event at this line: click to select them on the timeline',
    other: '{count} events at this line: click to select them on the timeline',
  },
  'program.editor.phrase.diagnostics': 'Diagnostics',
  'program.editor.phrase.noDiagnostics': 'No diagnostics',
  'program.editor.phrase.close': 'close',
  'program.editor.phrase.controlCharacter': 'Control character',
  'program.editor.phrase.selectionDeleted': 'Selection deleted',

  // A program in a link.
  'program.link.empty': 'The link’s program is empty.',
  'program.link.tooLong':
    'The link’s program is too long ({length} characters; a program of at most 512 KiB takes fewer than {max}).',
  'program.link.alphabet':
    'The link’s program holds characters that base64url does not use; the link was changed or mangled.',
  'program.link.cut':
    'The link’s program is cut short: the link was probably cut by the site it was pasted into.',
  'program.link.damaged':
    'The link’s program is damaged or cut short (its compressed data does not end where it should): the link was probably cut by the site it was pasted into.',
  'program.link.tooLarge': 'The link’s program would be larger than 512 KiB, the language’s limit.',
  'program.link.notUtf8': 'The link’s program is not UTF-8 text.',

  // A tour as a link or a list (tours/tour.js): what is wrong with it.
  'program.tour.notEvent': '{value} is not an event',
  'program.tour.badView': 'the view {value} is not two positions such as 10ms..14.5ms',
  'program.tour.badSelect': 'the selection {value} is not seq:N or task:N',
  'program.tour.badPlayhead': 'Tour stop {number}: the playhead {error}; the stop was left out.',
  'program.tour.ignored': 'Tour stop {number}: {error}; it was ignored.',
  'program.tour.tooMany': 'The tour has {count} stops; only the first {max} are shown.',
  // A tour's bar in a player (tours/tour-bar.js).
  'program.tour.previous': 'Previous stop of the tour',
  'program.tour.next': 'Next stop of the tour',
  'program.tour.count': '{index} / {total}',
  'program.tour.countTitle': 'stop {index} of {total}',
  'program.tour.tooLong':
    'The tour is too long ({length} characters, at most {max}); it was ignored.',
  'program.tour.badStop':
    'Tour stop {number} is not playhead,view,selection,caption in percent-encoding; the stop was left out.',
};
