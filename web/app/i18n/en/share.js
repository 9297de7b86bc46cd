// share: the link's problems (share.codec.*, share.view.*) and where the page lists them: what the
// page needs to read a link before its first timeline, and the player's PNG. The menus' words
// are share-menu.js's.
// Placeholders are {name}; plural forms are { one, other }. The link's problems (share.codec.*)
// are the player's too, and read in English exactly as they always have.
export default {
  // page-share.js and link-state.js: the link's problems on the page.
  'share.link.problems': 'Problems with the link',
  'share.link.language':
    'The language {value} is not one Wakeline speaks (en for English, es for Spanish); it was ignored.',
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
  // trace-export.js (the Export menu's and the player's PNG).
  'share.export.pngFailed': 'the timeline could not be drawn to a PNG',
};
