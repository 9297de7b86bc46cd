// share: the Share, Export and Import menus and the figure options, in Spanish, with the same
// keys and {placeholders} as en/share-menu.js. Same part as share.js (keys share.*).
export default {
  // share-menu.js: the Share menu.
  'share.menu': 'Compartir',
  'share.copy': 'Copiar',
  'share.link.label': 'Enlace a esta ejecución y esta vista',
  'share.iframe.label': 'Insertar como iframe',
  'share.player.label': 'Insertar como <wakeline-player>',
  'share.theme.label': 'Tema al insertar',
  'share.theme.auto': 'Automático (el ajuste de cada lector)',
  'share.theme.light': 'Claro',
  'share.theme.dark': 'Oscuro',
  'share.language.label': 'Idioma al insertar',
  'share.language.auto': 'Automático (el de la entrada o el de cada lector)',
  'share.copied.link': 'Copiado: el enlace a esta ejecución y esta vista.',
  'share.copied.iframe': 'Copiado: el fragmento para insertar como iframe.',
  'share.copied.player': 'Copiado: el fragmento para insertar como <wakeline-player>.',
  'share.pressCopy.link': 'Pulsa Ctrl+C para copiar el enlace a esta ejecución y esta vista.',
  'share.pressCopy.iframe': 'Pulsa Ctrl+C para copiar el fragmento para insertar como iframe.',
  'share.pressCopy.player':
    'Pulsa Ctrl+C para copiar el fragmento para insertar como <wakeline-player>.',
  'share.longLink':
    'Este enlace ocupa {size} KB: algunos sitios y programas de chat cortan los enlaces de más de {limit} KB. Guarda el programa como archivo .rs para asegurarte de que llegue entero.',

  // share-menu.js: Export.
  'share.export.menu': 'Exportar',
  'share.export.ndjson': 'Traza como NDJSON',
  'share.export.chrome': 'Traza JSON de Chrome (Perfetto)',
  'share.export.png': 'Línea de tiempo como PNG',
  'share.export.none': 'Todavía no hay ninguna traza que exportar.',
  'share.export.done': 'Se exportó {name}.',
  'share.export.failed': 'La exportación falló: {message}',

  // share-menu.js: Import.
  'share.import.button': 'Importar…',
  'share.import.title':
    'Mostrar un archivo de traza NDJSON (de Exportar o de `wakeline run`) sin ejecutar nada',
  'share.import.problem': '{file}: {problem}',
  'share.import.reading': 'Leyendo {file}…',
  'share.import.progress': 'Leyendo {file}: línea {read} de {total}…',
  'share.import.unreadable': 'no se pudo leer ({message})',
  'share.import.done': {
    one: 'Se importó {file}: {count} evento.',
    other: 'Se importó {file}: {count} eventos.',
  },
  'share.import.doneIncomplete': {
    one: 'Se importó {file}: {count} evento (la traza termina antes que la ejecución).',
    other: 'Se importó {file}: {count} eventos (la traza termina antes que la ejecución).',
  },

  // figure-menu.js: Export's figure options.
  'share.figure.heading': 'Figura',
  'share.figure.view': 'La figura muestra',
  'share.figure.window': 'la ventana visible',
  'share.figure.whole': 'toda la ejecución',
  'share.figure.width': 'Ancho',
  'share.figure.widthTitle': 'Ancho de la figura en píxeles (vacío: como en pantalla)',
  'share.figure.widthPlaceholder': 'como se ve',
  'share.figure.scale': 'Escala del PNG',
  'share.figure.theme': 'Tema de la figura',
  'share.figure.pageTheme': 'tema de la página',
  'share.figure.light': 'claro',
  'share.figure.dark': 'oscuro',
  'share.figure.playhead': 'cabezal',
  'share.figure.playheadTitle':
    'Dibujar el cabezal donde está (activado por defecto para la ventana visible)',
  'share.figure.svg': 'Figura como SVG',
  'share.figure.png': 'Figura como PNG (a la escala elegida)',

  // ndjson-import.js: a trace file's first problem ({value}: the value found, described).
  'share.trace.line': 'Línea {line}: {problem}',
  'share.trace.notText': 'El archivo no se pudo leer como texto.',
  'share.trace.tooLarge': 'El archivo es demasiado grande ({size} MB; como mucho {max} MB).',
  'share.trace.empty': 'El archivo está vacío.',
  'share.trace.noEvents': 'La traza tiene cabecera pero ningún evento.',
  'share.trace.emptyLine': 'la línea está vacía (NDJSON lleva un objeto JSON en cada línea).',
  'share.trace.lineTooLong':
    'la línea tiene {length} caracteres, más que cualquier evento (como mucho {max}).',
  'share.trace.cutShort':
    'la línea está cortada: el archivo termina a mitad de un evento (¿se estaba escribiendo aún la traza?).',
  'share.trace.notJson': 'no es JSON válido ({message}).',
  'share.trace.notObject': 'se esperaba un objeto JSON y hay {value}.',
  'share.trace.tooDeep':
    'la línea anida arrays u objetos a más de {max} niveles de profundidad; ningún evento lo hace.',
  'share.trace.noSchema':
    'esto no es una traza de Wakeline: la primera línea no tiene "schema" (se esperaba "wakeline-trace").',
  'share.trace.otherSchema':
    'esto no es una traza de Wakeline: el schema es {value}, no "wakeline-trace".',
  'share.trace.badVersion': 'la versión del schema {value} no es un número de versión.',
  'share.trace.newerVersion':
    'la traza es de la versión {version} del schema, más reciente de lo que lee esta página (hasta la {newest}); ábrela en un Wakeline más reciente.',
  'share.trace.noHeaderField': 'la cabecera no tiene "{field}".',
  'share.trace.headerType': 'el campo "{field}" de la cabecera debería ser {type}, no {value}.',
  'share.trace.badUnit': 'la unidad de tiempo es {value}; las trazas de Wakeline usan "ns".',
  'share.trace.noEventField': 'el evento no tiene "{field}".',
  'share.trace.notWhole': '"{field}" debería ser un número entero, no {value}.',
  'share.trace.seqOrder': 'seq fuera de orden: se esperaba {expected} y hay {found}.',
  'share.trace.badTime': '"t" debería ser un tiempo en ns (un número desde 0), no {value}.',
  'share.trace.timeBackwards': 'el tiempo va hacia atrás: t = {t} después de {last}.',
  'share.trace.badKind': '"kind" debería ser un tipo de evento como "poll_begin", no {value}.',
  'share.trace.badCause': '"cause" debería ser el seq de un evento anterior, no {value}.',
  // What a value is, where it is not shown itself.
  'share.trace.anArray': 'un array',
  'share.trace.anObject': 'un objeto',
  'share.trace.aString': 'una cadena',
  'share.trace.aNumber': 'un número',
};
