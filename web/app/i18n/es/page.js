// page: Spanish messages, with the same keys and {placeholders} as en/page.js.
export default {
  'page.language.label': 'Idioma',

  // index.html: the header.
  'page.title': 'Wakeline — mira cómo trabaja un runtime async',
  'page.header.example': 'Ejemplo',
  'page.header.strategy': 'Estrategia',
  'page.header.compare': 'Comparar con…',
  'page.header.compareTitle':
    'Ejecutar una segunda estrategia con el mismo ejemplo, los mismos parámetros y la misma semilla, en una línea de tiempo bajo la primera',
  'page.run': 'Ejecutar',
  'page.cancel': 'Cancelar',
  'page.status.progress': 'Ejecución en curso',
  'page.status.loading': 'cargando el runtime…',

  // index.html: the introduction under the header (`backquoted` runs are code).
  'page.intro.long':
    'Programas async sobre un runtime hecho desde cero como los de Rust: el ejecutor sondea (poll) cada `Future`, que devuelve `Poll::Pending` o `Poll::Ready`, y un `Waker` avisa de cuándo volver a sondearlo. Elige un ejemplo: se ejecuta, y luego reproduces su traza evento a evento.',
  'page.intro.short':
    'Un runtime hecho como los de Rust: mira cada poll a un `Future`, `Poll::Pending`, `Poll::Ready` y `Waker::wake`, evento a evento.',
  'page.intro.hide': 'Ocultar esta introducción',
  'page.intro.hideTitle': 'Ocultar',

  // index.html: the panels.
  'page.params.heading': 'Parámetros',
  'page.splitter.side': 'Cambiar el ancho del panel del ejemplo',
  'page.splitter.timeline': 'Cambiar la altura de la línea de tiempo',
  'page.splitter.inspect': 'Cambiar el ancho del panel de inspección',
  'page.timeline.label': 'Línea de tiempo',
  'page.stretch.label': 'Estirar instantes',
  'page.stretch.title':
    'Dar a cada evento de un mismo instante virtual un hueco propio. Dentro de las zonas rayadas el tiempo no avanza: su anchura no es una duración.',
  'page.fit': 'Ajustar',
  'page.fit.title': 'Mostrar toda la ejecución (f)',
  'page.playback.label': 'Reproducción',
  'page.help.pointer':
    'Rueda o +/−: zoom; arrastrar: mover; mayús+rueda: carriles; f: ajustar; clic: seleccionar; ←/→ eventos, ↑/↓ polls, espacio reproduce.',
  'page.help.touch':
    'Arrastra para desplazarte, toca un poll para seleccionarlo, Ajustar para ver toda la ejecución; ◀ ▶ avanzan por eventos.',
  'page.source.label': 'Código fuente',
  'page.source.show': 'Mostrar',
  'page.source.rustTitle': 'El programa del ejemplo en el lenguaje: edítalo y ejecútalo',
  'page.source.cppTitle': 'El ejemplo en C++, como están escritos los ejemplos del propio runtime',
  'page.program.new': 'Nuevo',
  'page.program.newTitle': 'Empezar un programa propio',
  'page.program.reset': 'Restablecer',
  'page.program.save': 'Guardar .rs',
  'page.program.saveTitle': 'Guardar el programa como archivo .rs',
  'page.program.open': 'Abrir .rs…',
  'page.program.openTitle': 'Abrir un archivo .rs como programa (o soltarlo aquí)',
  'page.program.playground': 'Rust Playground ↗',
  'page.program.playgroundTitle':
    'Abrir el programa en el Rust Playground, con Tokio, en una pestaña nueva',
  'page.inspect.label': 'Inspección',
  'page.inspect.console': 'Consola',
  'page.inspect.states': 'Máquina de estados',
  'page.inspect.runQueue': 'Cola de ejecución',
  'page.inspect.warnings': 'Avisos',
  'page.inspect.wakerHistory': 'Historial de wakers',
  'page.inspect.tasks': 'Tareas en el cabezal',

  // main.js: the selection, the range readout, the program's run and the page's failures.
  'page.selection.none': 'Haz clic en un poll o en un evento para seleccionarlo.',
  'page.selection.event': 'Evento {seq} seleccionado: {title}',
  'page.range': 'mostrando {from} – {to}',
  'page.program.preview':
    'Por ahora la línea de tiempo es la ejecución en C++ de {example} (la misma historia, con otros números de línea); {program} se ejecuta en cuanto cargue el lenguaje.',
  'page.program.previewFailed':
    '{program} no pudo ejecutarse ({message}); la línea de tiempo muestra la ejecución en C++, que cuenta la misma historia.',
  'page.program.noStates': 'No hay máquinas de estados: {message}',
  'page.program.lineEvent':
    'Línea {line}: evento {event} seleccionado; otra vez para el siguiente.',
  'page.program.lineNone': 'La línea {line} no tiene eventos en esta ejecución.',
  'page.link.programNotOpened': '{error} El programa no se abrió.',
  'page.error.runtime': 'No se pudo cargar el runtime: {message}',
  'page.error.start': 'La página no pudo arrancar: {message}',

  // run-status.js: the status line beside Run.
  'page.status.running': 'ejecutando…',
  'page.status.receiving': { one: '{count} evento…', other: '{count} eventos…' },
  'page.status.events': { one: '{count} evento', other: '{count} eventos' },
  'page.status.notRun': 'sin ejecutar',
  'page.status.endedWith': 'La ejecución terminó ({outcome}): {message}',
  // How a run ended, by its name in the trace (the status line writes its _ as spaces).
  'page.outcome.completed': 'completada',
  'page.outcome.deadlock': 'interbloqueo',
  'page.outcome.budget_exhausted': 'presupuesto agotado',
  'page.outcome.failed': 'fallida',
  'page.outcome.cancelled': 'cancelada',
  'page.outcome.memory_exhausted': 'memoria agotada',

  // stale-run.js: the note above a timeline that shows an older run.
  'page.stale.invalid':
    'La línea de tiempo muestra la ejecución anterior: corrige los parámetros marcados en rojo y pulsa Ejecutar.',
  'page.stale.changed':
    'La línea de tiempo muestra la ejecución anterior: pulsa Ejecutar (o Intro) para ejecutar con lo que cambiaste: {names}.',
  'page.stale.name.example': 'ejemplo',
  'page.stale.name.seed': 'semilla',
  'page.stale.program':
    'Editaste el programa después de esta ejecución: pulsa Ejecutar (o Ctrl/Cmd+Intro) para ejecutarlo.',

  // task-table.js: the tasks at the playhead.
  'page.tasks.column.task': 'tarea',
  'page.tasks.column.state': 'estado',
  'page.tasks.column.polls': 'polls',
  'page.tasks.column.wakes': 'wakes',
  'page.tasks.column.busy': 'ocupada',
  'page.tasks.column.scheduled': 'en cola',
  'page.tasks.column.idle': 'inactiva',
  'page.tasks.state.notSpawned': 'sin lanzar',
  'page.tasks.state.idle': 'inactiva',
  'page.tasks.state.scheduled': 'en cola',
  'page.tasks.state.running': 'en ejecución',
  'page.tasks.state.done': 'terminada',
  'page.tasks.more': {
    one: '{count} tarea en orden de lanzamiento; desplázate para ver más.',
    other: '{count} tareas en orden de lanzamiento; desplázate para ver más.',
  },

  // inspect/waker-history.js: the selected task's wakers. Who did it is a column of its own,
  // narrow: the doer alone ("temporizador 12"), without "por".
  'page.waker.hint': 'Selecciona una tarea para ver sus wakers: cada clone, wake y drop.',
  'page.waker.title': '{task} (tarea {id}): {what}.',
  'page.waker.titleStuck':
    '{task} (tarea {id}): {what}; quedó esperando sin ningún waker vivo y nada puede despertarla (en rojo).',
  'page.waker.none': 'ningún clone, wake ni drop de sus wakers',
  'page.waker.events': { one: '{count} evento de waker', other: '{count} eventos de waker' },
  'page.waker.earlier': '{count} anteriores sin mostrar',
  'page.waker.later': '{count} posteriores sin mostrar',
  'page.waker.effect.already_scheduled': 'ya estaba en cola',
  'page.waker.effect.ended': 'ya terminada',
  'page.waker.by.task': 'tarea {id}',
  'page.waker.by.timer': 'temporizador {id}',
  'page.waker.by.io': 'E/S {id}',
  'page.waker.by.outside': 'desde fuera',
  'page.waker.by.unknown': 'origen desconocido',
  'page.waker.by.other': '{who}',
  'page.waker.kept': 'sin waker guardado',
  'page.waker.alive': { one: '{count} vivo', other: '{count} vivos' },
  'page.waker.eventTitle': 'Evento {seq}: {why}. Selecciónalo para llevar el cabezal allí.',
  'page.waker.why.stuck': 'la tarea espera sin ningún waker vivo: nada puede despertarla',
  'page.waker.why.none':
    'no queda ningún waker, ni hace falta: la tarea fue despertada o no está esperando',
  'page.waker.why.alive': { one: '{count} waker vivo', other: '{count} wakers vivos' },

  // compare/*: a second strategy's run under the first.
  'page.compare.problems': 'Problemas con la comparación del enlace',
  'page.compare.differenceTitle':
    'Llevar el cabezal al primer evento en el que difieren las dos ejecuciones',
  'page.compare.failed': '{strategy}: la ejecución falló: {message}',
  'page.compare.none': 'ninguna',
  'page.compare.noStrategy':
    'El ejemplo {example} no tiene la estrategia {strategy} para comparar (tiene {list}); se muestra una sola línea de tiempo.',
  'page.compare.running': '{strategy} · ejecutando…',
  'page.compare.waiting': '{strategy} · esperando a la primera ejecución…',
  'page.compare.inspectNote':
    'La cola de ejecución, los avisos y las tareas siguen a la ejecución de arriba ({first}); el texto bajo la segunda línea de tiempo narra {second}.',
  'page.compare.same': 'Las dos ejecuciones cuentan la misma historia, evento a evento.',
  'page.compare.marker': 'primera diferencia',
  'page.compare.canvas': 'Línea de tiempo de la ejecución comparada, en el mismo eje de tiempo',
  'page.compare.differ':
    'Las ejecuciones difieren por primera vez en el evento {event} (t = {time}): {a}; {b}.',
  'page.compare.under': 'con {strategy}, {what}',
  'page.compare.ended': 'la ejecución de {strategy} ya terminó',
  'page.compare.makespan': 'duración {time}',
  'page.compare.polls': { one: '{count} poll', other: '{count} polls' },
  'page.compare.steals': { one: '{count} robo', other: '{count} robos' },
  'page.compare.wakes': { one: '{count} wake', other: '{count} wakes' },

  // playback/*: the playback bar, the run queue and the warnings' place.
  'page.playback.prevPoll': '« poll',
  'page.playback.prevPollTitle': 'Poll anterior (↑)',
  'page.playback.prevTitle': 'Evento anterior (←)',
  'page.playback.playTitle': 'Reproducir (espacio)',
  'page.playback.pauseTitle': 'Pausa (espacio)',
  'page.playback.nextTitle': 'Evento siguiente (→)',
  'page.playback.nextPoll': 'poll »',
  'page.playback.nextPollTitle': 'Poll siguiente (↓)',
  'page.playback.speed': 'Velocidad de reproducción',
  'page.playback.scrub': 'Cabezal: arrastra para recorrer la ejecución',
  'page.playback.noEvents': 'sin eventos',
  'page.playback.counter': 'evento {at} / {count}',
  'page.queue.run': 'cola de ejecución',
  'page.queue.inject': 'cola de inyección',
  'page.queue.global': 'cola global',
  'page.queue.other': 'cola {name}',
  'page.queue.blockOnThread': 'hilo de block_on',
  'page.queue.thread': 'hilo {id}',
  'page.queue.rowLabel': '{queue}, la siguiente primero',
  'page.queue.more': '+{count} más',
  'page.queue.empty': 'vacía',
  'page.queue.chipTitle': '{task}: haz clic para seleccionarla',
  'page.queue.polling': 'en poll: {what}',
  'page.queue.pollingNothing': 'en poll: nada',
  'page.warnings.pending': 'Los avisos aparecen cuando termina la ejecución.',
};
