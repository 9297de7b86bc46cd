// player: English messages. Placeholders are {name}; plural forms are { one, other }.
// <wakeline-player> (player/*) and embed.html (embed/embed-main.js): the controls, the status
// line, the links out, and what the player says about the values it was given.
export default {
  // Where a value came from, as the author wrote it: an attribute on a host page, a part of the
  // link in embed.html. {value} comes quoted for an attribute and bare for a link part.
  'player.where.attribute': 'attribute {name}',
  'player.where.attributeValue': 'attribute {name}={value}',
  'player.where.linkPart': 'link part {name}',
  'player.where.linkPartValue': 'link part {name}={value}',
  // A problem with a value: where it came from, then the sentence about it.
  'player.problem': '{where}: {problem}',

  // The example and the strategy.
  'player.noExample.link': 'The link names no example; showing {example}.',
  'player.noExample.attribute': 'No example attribute; showing {example}.',
  'player.example.near':
    '{where}: Wakeline has no example of that name. Did you mean {near}? Nothing was run.',
  'player.example.list':
    '{where}: Wakeline has no example of that name; the examples are {ids}. Nothing was run.',
  'player.strategy.near':
    '{where}: Wakeline has no strategy of that name. Did you mean {near}? Nothing was run.',
  'player.strategy.list':
    '{where}: Wakeline has no strategy of that name; the strategies are {names}. Nothing was run.',
  'player.strategy.unsupported':
    '{where}: the example {example} runs under {names} only. Nothing was run.',

  // The parameters, the seed and the start.
  'player.param.notPair': '{where}: {pair} is not name=value; it was ignored.',
  'player.param.notName': '{where}: {name} is not a parameter name; it was ignored.',
  'player.param.twice':
    '{where}: the parameter {name} is given more than once; the first one counts.',
  'player.param.value': '{where}: the parameter {name}: {error}; its default is used.',
  'player.seed': '{where}: the seed is not a whole number from 0 to 2^53; 0 is used.',
  'player.start': '{where}: {error}; the run starts at its first event.',
  'player.start.afterEnd':
    '{where}: the run ends before that, at {end}; the playhead is at its last event.',
  'player.start.noEvent': {
    one: '{where}: this run has no event {id} (it has {count} event); the playhead is at its first event.',
    other:
      '{where}: this run has no event {id} (it has {count} events); the playhead is at its first event.',
  },

  // The selection.
  'player.select': '{where}: {error}; nothing is selected.',
  'player.select.noEvent': {
    one: '{where}: this run has no event {id} (it has {count} event); nothing is selected.',
    other: '{where}: this run has no event {id} (it has {count} events); nothing is selected.',
  },
  'player.select.noTask': {
    one: '{where}: this run has no task {id} (it has {count} task); nothing is selected.',
    other: '{where}: this run has no task {id} (it has {count} tasks); nothing is selected.',
  },

  // How the player looks and plays.
  'player.height': '{where}: not auto or a number of pixels from 120 to 4000; {px} is used.',
  'player.speed':
    '{where}: not a speed from 0.25 to 64 (times 4 events a second); the run’s own is used.',
  'player.theme': "{where}: not light, dark or auto; the reader's setting ({theme}) is used.",
  'player.lang':
    '{where}: Wakeline does not speak that language (en for English, es for Spanish); the browser’s language is used.',
  'player.compare':
    '{where}: an embedded player shows one run; “Open in Wakeline” shows the comparison.',
  'player.languageUnloaded':
    "The player's Spanish words could not be loaded from {file} ({why}), so it speaks English. That file must be beside wakeline-player.js, and this page's Content-Security-Policy must allow script-src {site}.",

  // A program in the `program` attribute (in a link, the program part's own sentences say
  // "the link's program").
  'player.program.empty': 'The program is empty.',
  'player.program.tooLong':
    'The program is too long ({length} characters; a program of at most 512 KiB takes fewer than {max}).',
  'player.program.alphabet':
    'The program holds characters that base64url does not use; the attribute was changed or mangled.',
  'player.program.cut':
    'The program is cut short: the attribute does not hold all of what the Share menu wrote.',
  'player.program.damaged':
    'The program is damaged or cut short (its compressed data does not end where it should): the attribute does not hold all of what the Share menu wrote.',
  'player.program.tooLarge': 'The program would be larger than 512 KiB, the language’s limit.',
  'player.program.notUtf8': 'The program is not UTF-8 text.',
  'player.program.label': 'Program',

  // The status line.
  'player.status.waiting': 'waiting to be scrolled into view…',
  'player.status.loading': 'loading the runtime…',
  'player.status.running': '{name} · running…',
  'player.status.done': { one: '{name} · {count} event', other: '{name} · {count} events' },
  'player.status.outcome': '{status} · {outcome}',
  'player.status.failed': 'The run failed: {error}',
  'player.status.nothingRun': 'Nothing was run: the message above says why.',
  'player.status.programUnread': 'The program could not be read; nothing was run.',
  'player.status.unloaded': 'Wakeline could not be loaded.',
  'player.unloaded.crossOrigin':
    "Wakeline could not be loaded from {site} ({why}). The site that serves wakeline-player.js must send Access-Control-Allow-Origin for its files, and this page's Content-Security-Policy must allow script-src {site} 'wasm-unsafe-eval' and connect-src {site}.",
  'player.unloaded.sameOrigin':
    "Wakeline could not be loaded ({why}). wakeline.mjs, wakeline-core.mjs and wakeline-core.wasm must be beside wakeline-player.js, and this page's Content-Security-Policy must allow 'wasm-unsafe-eval'.",

  // The link out to the playground.
  'player.open.example': 'Open in Wakeline',
  'player.open.exampleTitle': 'Open {example} in the Wakeline playground',
  'player.open.program': 'Open in playground',
  'player.open.programTitle': 'Open {name} in the Wakeline playground, to edit and run it',
  'player.open.playgroundTitle': 'Open the Wakeline playground',

  // Lanes out of view, said on the timeline: "3 lanes hidden: 1 above, 2 below".
  'player.lanes.hidden': {
    one: '{count} lane hidden: {where}',
    other: '{count} lanes hidden: {where}',
  },
  'player.lanes.above': '{count} above',
  'player.lanes.below': '{count} below',
  'player.wheelHint': 'Click the timeline to zoom with the wheel, or hold Ctrl',

  // The playback controls: each button's text and its title (also its accessible name).
  'player.controls.prevPoll': '« poll',
  'player.controls.prevPollTitle': 'Previous poll (↑)',
  'player.controls.prev': '◀',
  'player.controls.prevTitle': 'Previous event (←)',
  'player.controls.play': 'Play',
  'player.controls.playTitle': 'Play (space)',
  'player.controls.pause': 'Pause',
  'player.controls.pauseTitle': 'Pause (space)',
  'player.controls.next': '▶|',
  'player.controls.nextTitle': 'Next event (→)',
  'player.controls.nextPoll': 'poll »',
  'player.controls.nextPollTitle': 'Next poll (↓)',
  'player.controls.speed': 'Playback speed',
  'player.controls.speedValue': '{speed}×',
  'player.controls.counter': '{at} / {count}',
  'player.controls.counterTitle': 'event {at} of {count}',
  'player.controls.svg': 'SVG',
  'player.controls.svgTitle': 'Download this view as an SVG figure',
  'player.controls.png': 'PNG',
  'player.controls.pngTitle': 'Download this view as a PNG figure (2×, sharp on slides)',
  'player.controls.figureFailed': 'The figure could not be made: {error}',

  // embed.html.
  'player.embed.title': 'Wakeline — embedded timeline',
};
