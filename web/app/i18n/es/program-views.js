// program: the console, the state machine view and the tour menu, in Spanish, with the same keys
// and {placeholders} as en/program-views.js. Same part as program.js (keys program.*).
export default {
  // The console.
  'program.console.label': 'Salida del programa',
  'program.console.empty': 'Aún no se ha impreso nada.',
  'program.console.nothing': 'El programa no imprimió nada.',
  'program.console.more': {
    one: '… y {count} línea más, que no se muestra.',
    other: '… y {count} líneas más, que no se muestran.',
  },
  'program.console.panic': 'entró en pánico: {text}',
  'program.console.panicAt': 'entró en pánico en la línea {line}: {text}',
  'program.console.goOutput': 'Mover el cabezal a esta salida',
  'program.console.goPanic': 'Mover el cabezal a este pánico',

  // The state machine view. rustc's names of the states stay in parentheses.
  'program.state.unresumed': 'inicio (unresumed): creado, aún sin sondear',
  'program.state.returned': 'terminado (returned): devolvió Poll::Ready',
  'program.state.poisoned': 'en pánico (poisoned): sondearlo de nuevo provoca un pánico',
  'program.state.suspendedAt': 'suspendido en la línea {line}',
  'program.state.suspended': 'suspendido',
  'program.state.pick': 'async fn o bloque',
  'program.state.list': 'Estados',
  'program.state.hint': 'Ejecuta o escribe un programa para ver sus máquinas de estados.',
  'program.state.noMachines': 'Este programa no tiene ninguna async fn ni ningún bloque async.',
  'program.state.kind.asyncBlock': 'bloque async',
  'program.state.option': '{kind} {name} (línea {line})',
  'program.state.head': {
    one: '{kind} {name}, línea {line}: {count} estado.',
    other: '{kind} {name}, línea {line}: {count} estados.',
  },
  'program.state.size': 'Su future ocupa {size}.',
  'program.state.showLine': 'Mostrar la línea {line} en el editor',
  'program.state.keepsArguments': 'guarda sus argumentos: {names}',
  'program.state.keeps': 'guarda {names}',
  'program.state.temporary.iterator': 'el iterador del bucle `for`',
  'program.state.temporary.scrutinee': 'el valor que se compara en el match',
  'program.state.temporary.selected': 'el resultado de `select!`',
  'program.state.temporary.other': 'un temporal ({slot})',
  'program.state.keepsNothing': 'no guarda nada mientras espera en este await',

  // The playground's Tour menu (tours/tour-editor.js).
  'program.tour.menu': 'Recorrido',
  'program.tour.menuCount': 'Recorrido ({count})',
  'program.tour.about':
    'Visita guiada: cada parada es una posición del cabezal, una selección y una ventana, con tu comentario.',
  'program.tour.add': 'Añadir parada',
  'program.tour.addTitle': 'Añadir lo que se ve en pantalla como siguiente parada',
  'program.tour.stops': 'Paradas del recorrido',
  'program.tour.copy': 'Copiar',
  'program.tour.copyTitle': 'Copiar al portapapeles',
  'program.tour.embedLink': 'Enlace para insertar, con el recorrido',
  'program.tour.snippet': 'Reproductor con el recorrido (se lee también sin JavaScript)',
  'program.tour.show': 'Mostrar la parada {number}',
  'program.tour.caption': 'Comentario de la parada {number}',
  'program.tour.up': 'Subir la parada {number}',
  'program.tour.down': 'Bajar la parada {number}',
  'program.tour.remove': 'Quitar la parada {number}',
};
