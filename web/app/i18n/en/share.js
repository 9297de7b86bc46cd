// share: the Share, Export and Import menus, the figure options, the link's problems (share/*).
// Placeholders are {name}; plural forms are { one, other }. The link's problems (share.codec.*)
// are the player's too, and read in English exactly as they always have.
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
  'share.export.pngFailed': 'the timeline could not be drawn to a PNG',

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

  // page-share.js and link-state.js: the link's problems on the page.
  'share.link.problems': 'Problems with the link',
  'share.view.selectMissing': {
    one: 'The link selects {kind} {id}, which this run does not have (it has {count} event).',
    other: 'The link selects {kind} {id}, which this run does not have (it has {count} events).',
  },
  'share.view.playheadMissing': {
    one: "The link's playhead is on event {seq}, which this run does not have (it has {count} event).",
    other:
      "The link's playhead is on event {seq}, which this run does not have (it has {count} events).",
  },
  'share.view.playheadAfterEnd':
    "The link's playhead ({at} ns) is after the end of this run ({last} ns); showing the end.",

  // link-codec.js: a link's parts that cannot be read ({value}: the text, quoted).
  'share.codec.notTime': '{value} is not a time such as 12ms, 1.5s, 40us or 7ns',
  'share.codec.tooFar': '{value} is too far in time',
  'share.codec.notPosition': '{value} is not a position such as 12ms or -1.5ms',
  'share.codec.notSelection': '{value} is not seq:N or task:N',
  'share.codec.notValue': '{value} is not a whole number, true or false',
  'share.codec.tooLong':
    'The link is too long ({length} characters, at most {max}); it was ignored.',
  'share.codec.programTooLong':
    "The link's program is too long ({length} characters, at most {max}); it was ignored.",
  'share.codec.tooManyParts': 'The link has {count} parts; only the first {max} were read.',
  'share.codec.badEncoding': 'The link part {part} is not valid percent-encoding; it was ignored.',
  'share.codec.noValue': 'The link part {name} has no value (expected {name}=…); it was ignored.',
  'share.codec.twice': 'The link gives {name} more than once; the first one counts.',
  'share.codec.badVersion':
    'The link version {value} is not a version number; it was read as version {version}.',
  'share.codec.newerVersion':
    'The link was made by a newer Wakeline (version {newer}); it was read as version {version}, and parts may be missing.',
  'share.codec.badId.example': 'The example {value} is not a valid id; it was ignored.',
  'share.codec.badId.strategy': 'The strategy {value} is not a valid id; it was ignored.',
  'share.codec.badId.compare': 'The compare {value} is not a valid id; it was ignored.',
  'share.codec.badSeed': 'The seed {value} is not a whole number from 0 to 2^53; it was ignored.',
  'share.codec.badPlayhead': 'The playhead: {error}, or seq:N for an event; it was ignored.',
  'share.codec.badView':
    'The view {value} is not two positions such as 10ms..14.5ms, the first before the second; the whole run is shown.',
  'share.codec.badProgram':
    'The link’s program holds characters that base64url does not use (the link was changed or mangled); it was ignored.',
  'share.codec.badSpread': 'The spread {value} is not true or false; it was ignored.',
  'share.codec.badSelect': 'The selection {error}; it was ignored.',
  'share.codec.notParamName': 'The link part {name} is not a parameter name; it was ignored.',
  'share.codec.paramTwice':
    'The link gives the parameter {name} more than once; the first one counts.',
  'share.codec.badParam': 'The parameter {name}: {error}; its default is used.',

  // link-codec.js: what a link says, checked against the catalogue.
  'share.codec.unknownExample':
    'The link names an example that does not exist: {value}. Showing {fallback}.',
  'share.codec.unknownStrategy':
    'The example {example} has no strategy {value} (it has {list}); using {strategy}.',
  'share.codec.unknownParam': 'The example {example} has no parameter {name}; it was ignored.',
  'share.codec.unknownParamOrSetting':
    'The example {example} has no parameter {name} and the strategy {strategy} has no such setting; it was ignored.',
  'share.codec.what.param': 'The parameter {name}',
  'share.codec.what.setting': 'The setting {name} of {strategy}',
  'share.codec.notBoolean':
    '{what} must be true or false, not {value}; its default {default} is used.',
  'share.codec.notWhole':
    '{what} must be a whole number, not {value}; its default {default} is used.',
  'share.codec.outOfRange':
    '{what} must be between {min} and {max}, not {value}; its default {default} is used.',

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
