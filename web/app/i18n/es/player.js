// player: Spanish messages, with the same keys and {placeholders} as en/player.js.
export default {
  // Where a value came from, as the author wrote it.
  'player.where.attribute': 'atributo {name}',
  'player.where.attributeValue': 'atributo {name}={value}',
  'player.where.linkPart': 'parte del enlace {name}',
  'player.where.linkPartValue': 'parte del enlace {name}={value}',
  'player.problem': '{where}: {problem}',

  // The example and the strategy.
  'player.noExample.link': 'El enlace no nombra ningún ejemplo; se muestra {example}.',
  'player.noExample.attribute': 'No hay atributo example; se muestra {example}.',
  'player.example.near':
    '{where}: Wakeline no tiene ningún ejemplo con ese nombre. ¿Querías decir {near}? No se ejecutó nada.',
  'player.example.list':
    '{where}: Wakeline no tiene ningún ejemplo con ese nombre; los ejemplos son {ids}. No se ejecutó nada.',
  'player.strategy.near':
    '{where}: Wakeline no tiene ninguna estrategia con ese nombre. ¿Querías decir {near}? No se ejecutó nada.',
  'player.strategy.list':
    '{where}: Wakeline no tiene ninguna estrategia con ese nombre; las estrategias son {names}. No se ejecutó nada.',
  'player.strategy.unsupported':
    '{where}: el ejemplo {example} solo se ejecuta con {names}. No se ejecutó nada.',

  // The parameters, the seed and the start.
  'player.param.notPair': '{where}: {pair} no tiene la forma nombre=valor; se ignoró.',
  'player.param.notName': '{where}: {name} no es un nombre de parámetro; se ignoró.',
  'player.param.twice': '{where}: el parámetro {name} aparece más de una vez; cuenta el primero.',
  'player.param.value': '{where}: el parámetro {name}: {error}; se usa su valor por defecto.',
  'player.seed': '{where}: la semilla no es un número entero de 0 a 2^53; se usa 0.',
  'player.start': '{where}: {error}; la ejecución empieza en su primer evento.',
  'player.start.afterEnd':
    '{where}: la ejecución termina antes, en {end}; el cabezal queda en su último evento.',
  'player.start.noEvent': {
    one: '{where}: esta ejecución no tiene el evento {id} (tiene {count} evento); el cabezal queda en su primer evento.',
    other:
      '{where}: esta ejecución no tiene el evento {id} (tiene {count} eventos); el cabezal queda en su primer evento.',
  },

  // The selection.
  'player.select': '{where}: {error}; no se selecciona nada.',
  'player.select.noEvent': {
    one: '{where}: esta ejecución no tiene el evento {id} (tiene {count} evento); no se selecciona nada.',
    other:
      '{where}: esta ejecución no tiene el evento {id} (tiene {count} eventos); no se selecciona nada.',
  },
  'player.select.noTask': {
    one: '{where}: esta ejecución no tiene la tarea {id} (tiene {count} tarea); no se selecciona nada.',
    other:
      '{where}: esta ejecución no tiene la tarea {id} (tiene {count} tareas); no se selecciona nada.',
  },

  // How the player looks and plays.
  'player.height': '{where}: no es auto ni un número de píxeles de 120 a 4000; se usa {px}.',
  'player.speed':
    '{where}: no es una velocidad de 0,25 a 64 (veces 4 eventos por segundo); se usa la propia de la ejecución.',
  'player.theme':
    '{where}: no es light, dark ni auto; se usa el tema del sistema del lector ({theme}).',
  'player.lang':
    '{where}: Wakeline no habla ese idioma (en para inglés, es para español); se usa el idioma del navegador.',
  'player.compare':
    '{where}: un reproductor insertado muestra una sola ejecución; «Abrir en Wakeline» muestra la comparación.',
  'player.languageUnloaded':
    'No se pudieron cargar las palabras en español del reproductor desde {file} ({why}), así que habla inglés. Ese archivo debe estar junto a wakeline-player.js, y la Content-Security-Policy de esta página debe permitir script-src {site}.',

  // A program in the `program` attribute.
  'player.program.empty': 'El programa está vacío.',
  'player.program.tooLong':
    'El programa es demasiado largo ({length} caracteres; un programa de como mucho 512 KiB ocupa menos de {max}).',
  'player.program.alphabet':
    'El programa contiene caracteres que base64url no usa; el atributo se modificó o se estropeó.',
  'player.program.cut':
    'El programa está cortado: el atributo no contiene todo lo que escribió el menú Compartir.',
  'player.program.damaged':
    'El programa está dañado o cortado (sus datos comprimidos no terminan donde deberían): el atributo no contiene todo lo que escribió el menú Compartir.',
  'player.program.tooLarge': 'El programa ocuparía más de 512 KiB, el límite del lenguaje.',
  'player.program.notUtf8': 'El programa no es texto UTF-8.',
  'player.program.label': 'Programa',

  // The status line.
  'player.status.waiting': 'esperando a que aparezca en pantalla…',
  'player.status.loading': 'cargando el runtime…',
  'player.status.running': '{name} · ejecutándose…',
  'player.status.done': { one: '{name} · {count} evento', other: '{name} · {count} eventos' },
  'player.status.outcome': '{status} · {outcome}',
  'player.status.failed': 'La ejecución falló: {error}',
  'player.status.nothingRun': 'No se ejecutó nada: el mensaje de arriba dice por qué.',
  'player.status.programUnread': 'No se pudo leer el programa; no se ejecutó nada.',
  'player.status.unloaded': 'No se pudo cargar Wakeline.',
  'player.unloaded.crossOrigin':
    "No se pudo cargar Wakeline desde {site} ({why}). El sitio que sirve wakeline-player.js debe enviar Access-Control-Allow-Origin con sus archivos, y la Content-Security-Policy de esta página debe permitir script-src {site} 'wasm-unsafe-eval' y connect-src {site}.",
  'player.unloaded.sameOrigin':
    "No se pudo cargar Wakeline ({why}). wakeline.mjs, wakeline-core.mjs y wakeline-core.wasm deben estar junto a wakeline-player.js, y la Content-Security-Policy de esta página debe permitir 'wasm-unsafe-eval'.",

  // The link out to the playground.
  'player.open.example': 'Abrir en Wakeline',
  'player.open.exampleTitle': 'Abrir {example} en el playground de Wakeline',
  'player.open.program': 'Abrir en el playground',
  'player.open.programTitle':
    'Abrir {name} en el playground de Wakeline, para editarlo y ejecutarlo',
  'player.open.playgroundTitle': 'Abrir el playground de Wakeline',

  // Lanes out of view.
  'player.lanes.hidden': {
    one: '{count} carril oculto: {where}',
    other: '{count} carriles ocultos: {where}',
  },
  'player.lanes.above': '{count} arriba',
  'player.lanes.below': '{count} abajo',
  'player.wheelHint': 'Haz clic en la línea de tiempo para hacer zoom con la rueda, o mantén Ctrl',

  // The playback controls.
  'player.controls.prevPoll': '« poll',
  'player.controls.prevPollTitle': 'Poll anterior (↑)',
  'player.controls.prev': '◀',
  'player.controls.prevTitle': 'Evento anterior (←)',
  'player.controls.play': 'Reproducir',
  'player.controls.playTitle': 'Reproducir (espacio)',
  'player.controls.pause': 'Pausa',
  'player.controls.pauseTitle': 'Pausa (espacio)',
  'player.controls.next': '▶|',
  'player.controls.nextTitle': 'Evento siguiente (→)',
  'player.controls.nextPoll': 'poll »',
  'player.controls.nextPollTitle': 'Poll siguiente (↓)',
  'player.controls.speed': 'Velocidad de reproducción',
  'player.controls.speedValue': '{speed}×',
  'player.controls.counter': '{at} / {count}',
  'player.controls.counterTitle': 'evento {at} de {count}',
  'player.controls.svg': 'SVG',
  'player.controls.svgTitle': 'Descargar esta vista como figura SVG',
  'player.controls.png': 'PNG',
  'player.controls.pngTitle': 'Descargar esta vista como figura PNG (2×, nítida en diapositivas)',
  'player.controls.figureFailed': 'No se pudo crear la figura: {error}',

  // embed.html.
  'player.embed.title': 'Wakeline — línea de tiempo insertada',
};
