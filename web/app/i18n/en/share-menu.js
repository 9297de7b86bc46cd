// share: the Share, Export and Import menus and the figure options (share/share-menu.js and what
// it imports), loaded with the menus after the first timeline (en/later.js). Same part as
// share.js (keys share.*). Placeholders are {name}; plural forms are { one, other }.
export default {
  // share-menu.js: the Share menu.
  'share.menu': 'Share',
  'share.copy': 'Copy',
  'share.link.label': 'Link to this run and view',
  'share.iframe.label': 'Embed as an iframe',
  'share.player.label': 'Embed as <wakeline-player>',
  'share.theme.label': 'Theme of the embeds',
  'share.theme.auto': 'Auto (each reader’s setting)',
  'share.theme.light': 'Light',
  'share.theme.dark': 'Dark',
  'share.language.label': 'Language of the embeds',
  'share.language.auto': 'Auto (the post’s or each reader’s)',
  'share.copied.link': 'Copied: link to this run and view.',
  'share.copied.iframe': 'Copied: embed as an iframe.',
  'share.copied.player': 'Copied: embed as <wakeline-player>.',
  'share.pressCopy.link': 'Press Ctrl+C to copy: link to this run and view.',
  'share.pressCopy.iframe': 'Press Ctrl+C to copy: embed as an iframe.',
  'share.pressCopy.player': 'Press Ctrl+C to copy: embed as <wakeline-player>.',
  'share.longLink':
    'This link is {size} KB long: some sites and chat programs cut links longer than {limit} KB. Save the program as a .rs file to be sure it arrives whole.',
  // share-menu.js: Export.
  'share.export.menu': 'Export',
  'share.export.ndjson': 'Trace as NDJSON',
  'share.export.chrome': 'Chrome trace JSON (Perfetto)',
  'share.export.png': 'Timeline as PNG',
  'share.export.none': 'There is no trace to export yet.',
  'share.export.done': 'Exported {name}.',
  'share.export.failed': 'The export failed: {message}',
  // share-menu.js: Import.
  'share.import.button': 'Import…',
  'share.import.title': 'Show an NDJSON trace file (from Export or `wakeline run`) without running',
  'share.import.problem': '{file}: {problem}',
  'share.import.reading': 'Reading {file}…',
  'share.import.progress': 'Reading {file}: line {read} of {total}…',
  'share.import.unreadable': 'could not be read ({message})',
  'share.import.done': {
    one: 'Imported {file}: {count} event.',
    other: 'Imported {file}: {count} events.',
  },
  'share.import.doneIncomplete': {
    one: 'Imported {file}: {count} event (the trace ends before the run did).',
    other: 'Imported {file}: {count} events (the trace ends before the run did).',
  },
  // figure-menu.js: Export's figure options.
  'share.figure.heading': 'Figure',
  'share.figure.view': 'Figure shows',
  'share.figure.window': 'the visible window',
  'share.figure.whole': 'the whole run',
  'share.figure.width': 'Width',
  'share.figure.widthTitle': 'Figure width in pixels (empty: as on screen)',
  'share.figure.widthPlaceholder': 'as shown',
  'share.figure.scale': 'PNG scale',
  'share.figure.theme': 'Figure theme',
  'share.figure.pageTheme': 'page’s theme',
  'share.figure.light': 'light',
  'share.figure.dark': 'dark',
  'share.figure.playhead': 'playhead',
  'share.figure.playheadTitle':
    'Draw the playhead where it is (on by default for the visible window)',
  'share.figure.svg': 'Figure as SVG',
  'share.figure.png': 'Figure as PNG (at the scale chosen)',
  // ndjson-import.js: a trace file's first problem ({value}: the value found, described).
  'share.trace.line': 'Line {line}: {problem}',
  'share.trace.notText': 'The file could not be read as text.',
  'share.trace.tooLarge': 'The file is too large ({size} MB; at most {max} MB).',
  'share.trace.empty': 'The file is empty.',
  'share.trace.noEvents': 'The trace has a header but no events.',
  'share.trace.emptyLine': 'the line is empty (NDJSON has one JSON object on every line).',
  'share.trace.lineTooLong':
    'the line is {length} characters long, more than any event (at most {max}).',
  'share.trace.cutShort':
    'the line is cut short: the file ends in the middle of an event (was the trace still being written?).',
  'share.trace.notJson': 'not valid JSON ({message}).',
  'share.trace.notObject': 'expected a JSON object, found {value}.',
  'share.trace.tooDeep':
    'the line nests arrays or objects more than {max} levels deep; no event does.',
  'share.trace.noSchema':
    'this is not a Wakeline trace: the first line has no "schema" (expected "wakeline-trace").',
  'share.trace.otherSchema':
    'this is not a Wakeline trace: the schema is {value}, not "wakeline-trace".',
  'share.trace.badVersion': 'the schema version {value} is not a version number.',
  'share.trace.newerVersion':
    'the trace is schema version {version}, newer than this page reads (up to {newest}); open it in a newer Wakeline.',
  'share.trace.noHeaderField': 'the header has no "{field}".',
  'share.trace.headerType': 'the header\'s "{field}" should be {type}, not {value}.',
  'share.trace.badUnit': 'the time unit is {value}; Wakeline traces use "ns".',
  'share.trace.noEventField': 'the event has no "{field}".',
  'share.trace.notWhole': '"{field}" should be a whole number, not {value}.',
  'share.trace.seqOrder': 'seq out of order: expected {expected}, found {found}.',
  'share.trace.badTime': '"t" should be a time in ns (a number from 0), not {value}.',
  'share.trace.timeBackwards': 'time goes backwards: t = {t} after {last}.',
  'share.trace.badKind': '"kind" should be an event kind such as "poll_begin", not {value}.',
  'share.trace.badCause': '"cause" should be the seq of an earlier event, not {value}.',
  // What a value is, where it is not shown itself.
  'share.trace.anArray': 'an array',
  'share.trace.anObject': 'an object',
  'share.trace.aString': 'a string',
  'share.trace.aNumber': 'a number',
};
