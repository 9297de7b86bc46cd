// program: Spanish messages, with the same keys and {placeholders} as en/program.js.
// Rust's names stay as Rust writes them (Future, Poll::Ready, async fn, .await, println!), and
// rustc's names of the states in parentheses; "poll" is sondear, "playhead" el cabezal, "tour"
// el recorrido and its stops paradas.
export default {
  // The panel.
  'program.cppOnly':
    '{title} está escrito solo en C++: el lenguaje aún no puede expresarlo, así que aquí es de solo lectura.',
  'program.nearest': 'Editar un programa en su lugar: {title}',
  'program.loadFailed': 'No se pudo cargar el programa de {title}: {error}',
  'program.reset.title': 'Olvidar tus cambios y mostrar {name} tal como lo trae el ejemplo',
  'program.reset.unchanged': 'El programa está tal como lo trae el ejemplo',
  'program.reset.done': '{name} vuelve a tener el texto del ejemplo.',
  'program.saved': 'Se guardó {name}.',
  'program.imported': 'Se importó {file} en {name}; Ejecutar (o Ctrl/Cmd+Enter) lo ejecuta.',
  'program.file.tooLarge': '{file} ocupa {size} KiB; un programa puede ocupar como mucho 512 KiB.',
  'program.file.notUtf8': '{file} no es texto UTF-8, así que no es un programa.',

  // Diagnostics under the editor, and why Run is disabled.
  'program.check.failed': 'No se pudo comprobar el programa: {error}',
  'program.diagnostics.none': '{name}: sin errores.',
  'program.diagnostics.summary': '{name}: {counts}.',
  'program.diagnostics.both': '{errors}, {warnings}',
  'program.diagnostics.errors': { one: '{count} error', other: '{count} errores' },
  'program.diagnostics.warnings': { one: '{count} advertencia', other: '{count} advertencias' },
  'program.diagnostics.blocked':
    'No se puede ejecutar: {name} tiene {errors} (en la lista bajo el programa).',

  // The editor (editor/, given its words by the panel) and CodeMirror's own phrases.
  'program.editor.failed': 'No se pudo cargar el editor: {error}',
  'program.editor.label':
    'Programa {name}: Ctrl o Cmd+Enter lo ejecuta; Escape y luego Tab para salir del editor',
  'program.editor.labelUnnamed': 'Programa',
  'program.editor.eventMark': {
    one: '{count} evento en esta línea: haz clic para seleccionarlo en la línea de tiempo',
    other: '{count} eventos en esta línea: haz clic para seleccionarlos en la línea de tiempo',
  },
  'program.editor.phrase.diagnostics': 'Diagnósticos',
  'program.editor.phrase.noDiagnostics': 'Sin diagnósticos',
  'program.editor.phrase.close': 'cerrar',
  'program.editor.phrase.controlCharacter': 'Carácter de control',
  'program.editor.phrase.selectionDeleted': 'Selección borrada',

  // A program in a link.
  'program.link.empty': 'El programa del enlace está vacío.',
  'program.link.tooLong':
    'El programa del enlace es demasiado largo ({length} caracteres; un programa de como mucho 512 KiB ocupa menos de {max}).',
  'program.link.alphabet':
    'El programa del enlace contiene caracteres que base64url no usa; el enlace se modificó o se estropeó.',
  'program.link.cut':
    'El programa del enlace está cortado: probablemente lo cortó el sitio donde se pegó el enlace.',
  'program.link.damaged':
    'El programa del enlace está dañado o cortado (sus datos comprimidos no terminan donde deberían): probablemente lo cortó el sitio donde se pegó el enlace.',
  'program.link.tooLarge':
    'El programa del enlace ocuparía más de 512 KiB, el límite del lenguaje.',
  'program.link.notUtf8': 'El programa del enlace no es texto UTF-8.',

  // A tour's bar in a player (tours/tour-bar.js).
  'program.tour.previous': 'Parada anterior del recorrido',
  'program.tour.next': 'Siguiente parada del recorrido',
  'program.tour.count': '{index} / {total}',
  'program.tour.countTitle': 'parada {index} de {total}',

  // A tour as a link or a list (tours/tour.js): what is wrong with it.
  'program.tour.notEvent': '{value} no es un evento',
  'program.tour.badView': 'la vista {value} no es un par de posiciones como 10ms..14.5ms',
  'program.tour.badSelect': 'la selección {value} no es seq:N ni task:N',
  'program.tour.badPlayhead':
    'Parada {number} del recorrido: el cabezal {error}; la parada se omitió.',
  'program.tour.ignored': 'Parada {number} del recorrido: {error}; se ignoró.',
  'program.tour.tooMany':
    'El recorrido tiene {count} paradas; solo se muestran las {max} primeras.',
  'program.tour.tooLong':
    'El recorrido es demasiado largo ({length} caracteres, como mucho {max}); se ignoró.',
  'program.tour.badStop':
    'La parada {number} del recorrido no es cabezal,vista,selección,comentario en codificación por porcentaje; la parada se omitió.',
};
