// narration: Spanish messages, with the same keys and {placeholders} as en/narration.js.
// A task is "la tarea b" and every place a task waits in is feminine ("la cola", "la ranura
// LIFO", "la marca de block_on"), so "de", "a" and "en" never meet an "el" and the participles
// agree with "tarea" whatever the task is called. A thread that owns a queue comes with its
// "del" ("la cola local del hilo 2").
export default {
  // Who and where.
  'narration.task': 'la tarea {name}',
  'narration.aTask': 'una tarea',
  'narration.thread': 'el hilo {n}',
  'narration.blockOnThread': 'el hilo de block_on',
  'narration.threadOwner': 'del hilo {n}',
  'narration.blockOnThreadOwner': 'del hilo de block_on',
  'narration.place.local': 'la cola local {owner}',
  'narration.place.lifo': 'la ranura LIFO {owner}',
  'narration.place.inject': 'la cola de inyección',
  'narration.place.global': 'la cola global',
  'narration.place.blockOn': 'la marca de block_on',
  'narration.place.deferred': 'la lista de tareas diferidas',
  'narration.place.run': 'la cola de ejecución',
  'narration.queueNamed': 'la cola {name}',
  'narration.queueName.global': 'global',
  'narration.queueName.inject': 'de inyección',
  'narration.queueName.local': 'local',
  'narration.sharedQueue': 'la cola compartida',
  'narration.stealSource': 'la cola {owner}',
  'narration.source.ownLifo': 'su ranura LIFO',
  'narration.source.ownLocal': 'su cola local',
  'narration.ahead.none': 'sin nadie por delante',
  'narration.ahead': { one: 'con {count} por delante', other: 'con {count} por delante' },
  'narration.waker.timer': 'el temporizador {id}',
  'narration.waker.io': 'el recurso de E/S {id}',
  'narration.waker.self': 'la propia tarea',
  'narration.waker.runtime': 'el runtime',
  'narration.atLine': ' en la línea {line}',
  'narration.lineNote': ' (línea {line})',
  'narration.waitingAt': ' (que esperaba en la línea {line})',
  'narration.pollNumber': ' (poll n.º {n})',
  'narration.pollNumberInline': ', poll n.º {n}',
  'narration.until': ' hasta t = {time}',
  'narration.forTask': ', para {task}',
  'narration.bytesNote': { one: ' ({count} byte)', other: ' ({count} bytes)' },
  'narration.memoryLimit': 'su límite de memoria',
  'narration.memoryLimitOf': 'su límite de memoria de {size}',
  'narration.queueEmpty': 'la cola queda vacía',
  'narration.stillQueued': { one: 'queda {count} en cola', other: 'quedan {count} en cola' },

  // Why a task was queued.
  'narration.reason.spawn': 'al ser lanzada',
  'narration.reason.wake': 'porque la despertaron',
  'narration.reason.yield': 'tras ceder el turno (yield)',
  'narration.reason.abort': 'para hacerle drop tras el abort',
  'narration.reason.steal': 'como una de las tareas que robó su hilo',
  'narration.reason.overflow': 'porque una cola local llena se desbordó',
  'narration.reason.lifoDisplaced':
    'desalojada de la ranura LIFO por una tarea despertada después que ella',
  'narration.reason.lifoLimit':
    'fuera de la ranura LIFO, agotado el presupuesto cooperativo (coop) de su hilo',
  'narration.reason.other': '({reason})',

  // The trace's values, in words.
  'narration.outcome.completed': 'completada',
  'narration.outcome.deadlock': 'interbloqueo',
  'narration.outcome.budget_exhausted': 'presupuesto de eventos agotado',
  'narration.outcome.failed': 'fallida',
  'narration.outcome.cancelled': 'cancelada',
  'narration.outcome.aborted': 'abortada',
  'narration.outcome.memory_exhausted': 'memoria agotada',
  'narration.op.accept': 'aceptar',
  'narration.op.connect': 'conectar',
  'narration.op.read': 'leer',
  'narration.op.write': 'escribir',

  // One sentence per event.
  'narration.runtimeStart': 'el runtime arranca con el reloj {clock}.',
  'narration.runEnd': {
    one: 'la ejecución termina: {outcome}, {count} evento.',
    other: 'la ejecución termina: {outcome}, {count} eventos.',
  },
  'narration.runEnd.memory': {
    one: 'el programa ocupa más de {limit} y la ejecución se detiene: {count} evento; la memoria la ocupaban las tareas canceladas justo antes.',
    other:
      'el programa ocupa más de {limit} y la ejecución se detiene: {count} eventos; la memoria la ocupaban las tareas canceladas justo antes.',
  },
  'narration.spawn': '{parent} lanza {task}{at}.',
  'narration.spawn.root': 'se lanza {task}, la tarea raíz: block_on sondeará su Future.',
  'narration.enqueue.blockOnThread':
    '{task} queda marcada como despertada {why}: el hilo de block_on la sondea, aparte de los workers y sus colas.',
  'narration.enqueue.blockOn':
    '{task} queda marcada como despertada {why}: tokio sondea el future de block_on fuera de la cola de ejecución, cuando la cola se vacía o cada 61 polls.',
  'narration.enqueue.deferred':
    '{task} cede el turno (yield): tokio aplaza su despertar hasta después del siguiente poll del driver, así que todo lo que ya estaba en cola se ejecuta antes.',
  'narration.enqueue.lifo':
    '{task} entra en {place} {why}: ese hilo la sondeará justo después, antes de atender su cola.',
  'narration.enqueue.pool':
    '{task} entra en la cola de ejecución del ejecutor {why}; se ejecutará en el siguiente lote.',
  'narration.enqueue.shared':
    '{task} entra en {place}, compartida por todos los hilos, {why}, {ahead}.',
  'narration.enqueue': '{task} entra en {place} {why}, {ahead}.',
  'narration.poll.stolen': '{by} sondea {task}, que acaba de robar de {source}{nth}.',
  'narration.poll.blockOn': '{by} sondea {task}, la tarea raíz: el future de block_on{nth}.',
  'narration.poll.taken': '{by} toma {task} de {source} y la sondea{nth}.',
  'narration.poll.by': '{by} sondea {task}{nth}.',
  'narration.poll':
    'el ejecutor toma {task} de la cola de ejecución y la sondea (Future::poll{nth}); {left}.',
  'narration.pollEnd.lost':
    '{task} devolvió Poll::Pending{at} sin guardar cx.waker(): no le queda ningún waker vivo, así que nada podrá despertarla nunca (un despertar perdido).',
  'narration.pollEnd.pending':
    '{task} devolvió Poll::Pending{at}: espera a que alguien despierte su Waker (Waker::wake).',
  'narration.pollEnd.ready': '{task} devolvió Poll::Ready: su future ha terminado.',
  'narration.pollEnd.failed': 'el poll de {task} lanzó una excepción: la tarea falló.',
  'narration.pollEnd.other': 'el poll de {task} terminó ({result}).',
  'narration.taskEnd': '{task} termina ({outcome}).',
  'narration.taskEnd.message': '{task} termina ({outcome}): {message}.',
  'narration.wakerClone.own':
    '{task} clona cx.waker() y entrega el Waker, para que la despierten más tarde.',
  'narration.wakerClone': '{waker} clona el Waker de {task}, para despertarla más tarde.',
  'narration.wakerDrop': '{waker} hace drop de un Waker de {task} sin despertarla.',
  'narration.wakerDrop.own': '{task} hace drop de uno de sus propios Wakers sin despertarse.',
  'narration.wake.timer':
    'el temporizador {id} se disparó y despertó a {task}{waiting} mediante {call}',
  'narration.wake': '{waker} despertó a {task}{waiting} mediante {call}',
  'narration.wake.own': '{task} se despertó a sí misma{waiting} mediante {call}',
  'narration.wake.alreadyQueued':
    '{base}; ya estaba en la cola de ejecución, así que no cambia nada.',
  'narration.wake.ended': '{base}; ya había terminado, así que no pasa nada.',
  'narration.wake.only': '{base}.',
  'narration.wake.later': ' cuando termine su poll',
  'narration.wake.blockOn': '{base}; {name} queda marcada como despertada para block_on{later}.',
  'narration.wake.lifo':
    '{base}; {name} entra en {place}{later}, para ejecutarse la siguiente en ese hilo.',
  'narration.wake.pool':
    '{base}; {name} entra en la cola de ejecución del ejecutor{later}, para el siguiente lote.',
  'narration.wake.queued': '{base}; {name} entra en {place}{later}, {ahead}.',
  'narration.timerArm': '{who} arma el temporizador {timer} para t = {deadline}{line}.',
  'narration.timerFire': 'el temporizador {timer} se dispara: ha llegado su plazo.',
  'narration.timerFire.wakes':
    'el temporizador {timer} se dispara: ha llegado su plazo y despertará a {task}.',
  'narration.timerCancel':
    'el temporizador {timer} se cancela: su future recibió drop antes del plazo.',
  'narration.ioRegister': '{who} espera a que el recurso de E/S {io} esté listo para {op}.',
  'narration.ioReady': 'el recurso de E/S {io} está listo para {op}{bytes}{for}.',
  'narration.park.thread': '{thread} no encontró nada que ejecutar: se aparca (park){until}.',
  'narration.park': 'no hay nada en cola: el ejecutor se aparca (park){until}.',
  'narration.unpark.thread': '{thread} se despierta.',
  'narration.unpark': 'el ejecutor se despierta para entregar lo que ya ha vencido.',
  'narration.steal': {
    one: '{thief} robó {count} tarea de la cola {owner}.',
    other: '{thief} robó {count} tareas de la cola {owner}.',
  },
  'narration.steal.shared': {
    one: '{thief} tomó {count} tarea de {queue} para sí.',
    other: '{thief} tomó {count} tareas de {queue} para sí.',
  },
  'narration.overflow': {
    one: 'la cola local {owner} estaba llena: {count} tarea pasó a {target}.',
    other: 'la cola local {owner} estaba llena: {count} tareas pasaron a {target}.',
  },
  'narration.searchBegin':
    '{thread} no tiene nada en cola y busca trabajo que robar en las colas de los demás hilos.',
  'narration.searchEnd': '{thread} deja de buscar.',
  'narration.batchBegin': {
    one: 'el ejecutor toma la única tarea en cola como un lote y la sondea.',
    other:
      'el ejecutor toma las {count} tareas en cola como un lote y las sondea, empezando por la última encolada.',
  },
  'narration.batchEnd':
    'el lote ha terminado; las tareas despertadas durante él esperan al siguiente lote.',
  'narration.pend':
    '{task} entró en una cola de ejecución vacía, así que el pender avisa al ejecutor para que no se duerma.',
  'narration.spawnFailed': {
    one: '{parent} no pudo lanzar {what}{at}: su pool estático de {count} tarea está lleno (SpawnError::Busy).',
    other:
      '{parent} no pudo lanzar {what}{at}: su pool estático de {count} tareas está lleno (SpawnError::Busy).',
  },
  'narration.selectDrop': 'el select de {task} hace drop de su rama perdedora {branch}{line}.',
  'narration.coopExhausted':
    '{task} ha gastado en este poll su presupuesto cooperativo (coop) de {budget}: el recurso que sondea responde Pending y la despierta, así que pasa al final de la cola.',
  'narration.deadlock': {
    one: 'interbloqueo: no hay nada en cola y nada puede despertar a la tarea atascada{names}.',
    other:
      'interbloqueo: no hay nada en cola y nada puede despertar a las {count} tareas atascadas{names}.',
  },
  'narration.budgetExhausted': {
    one: 'la ejecución alcanza su presupuesto de {count} evento y se detiene.',
    other: 'la ejecución alcanza su presupuesto de {count} eventos y se detiene.',
  },
  'narration.other': '{kind}.',
  'narration.other.task': '{kind} para {task}.',

  // The timeline's own words: its label, lanes, axis and canvas, tooltip and legend.
  'narration.timeline.label':
    'Línea de tiempo de la ejecución: un carril por tarea, los polls como tramos',
  'narration.figure.title': 'Wakeline: {example} · {strategy} · semilla {seed} · t = {from} – {to}',
  'narration.figure.notDrawn': 'no se pudo dibujar la figura',
  'narration.timeline.lane.timers': 'temporizadores',
  'narration.timeline.lane.io': 'E/S',
  'narration.timeline.lane.runQueue': 'cola',
  'narration.timeline.lane.runQueues': 'colas',
  'narration.timeline.lane.executor': 'ejecutor',
  'narration.timeline.lane.blockOnThread': 'hilo de block_on',
  'narration.timeline.lane.thread': 'hilo {n}',
  'narration.timeline.maxDepth': 'máx. {count}',
  'narration.timeline.parked': 'aparcado',
  'narration.timeline.standsStill': 't = {time} (el tiempo no avanza)',
  'narration.timeline.instantAt': 'en {time}',
  'narration.timeline.deadlockFlag': 'interbloqueo',
  'narration.timeline.pollTitle': 'Poll n.º {n} de {task}: {result}',
  'narration.timeline.result.pending': 'devolvió Poll::Pending',
  'narration.timeline.result.ready': 'devolvió Poll::Ready',
  'narration.timeline.result.failed': 'lanzó una excepción: la tarea falló',
  'narration.timeline.result.running': 'aún en curso',
  'narration.timeline.result.other': 'terminó ({result})',
  'narration.timeline.row.when': 'cuándo',
  'narration.timeline.row.took': 'duración',
  'narration.timeline.row.thread': 'hilo',
  'narration.timeline.row.wokenBy': 'la despertó',
  'narration.timeline.row.waitsAt': 'espera en',
  'narration.timeline.row.then': 'después',
  'narration.timeline.row.runQueue': 'cola de ejecución',
  'narration.timeline.row.task': 'tarea',
  'narration.timeline.row.where': 'dónde',
  'narration.timeline.line': 'línea {line}{file}',
  'narration.timeline.inFile': ' de {file}',
  'narration.timeline.took': {
    one: '{time} de tiempo virtual ({count} evento)',
    other: '{time} de tiempo virtual ({count} eventos)',
  },
  'narration.timeline.took.stretched': {
    one: 'sin tiempo: empezó y terminó en el mismo instante; se dibuja tan ancho como su {count} evento',
    other:
      'sin tiempo: empezó y terminó en el mismo instante; se dibuja tan ancho como sus {count} eventos',
  },
  'narration.timeline.took.none': 'sin tiempo: empezó y terminó en el mismo instante',
  'narration.timeline.wokenBy.spawn': 'nadie: es su primer poll, tras el spawn en {at}',
  'narration.timeline.wokenBy.queued': 'en cola: {reason}',
  'narration.timeline.wokenBy': '{who}, en {at}',
  'narration.timeline.timer': 'el temporizador {id}',
  'narration.timeline.io': 'el recurso de E/S {id}',
  'narration.timeline.itself': 'ella misma',
  'narration.timeline.then.lost': 'no guardó ningún waker: nada podrá volver a despertarla',
  'narration.timeline.then.waits': 'espera a Waker::wake',
  'narration.timeline.queueEmptied': 'vacía tras sacarla',
  // An event's other fields, by the trace's name.
  'narration.timeline.field.branch': 'rama',
  'narration.timeline.field.budget': 'presupuesto',
  'narration.timeline.field.bytes': 'bytes',
  'narration.timeline.field.clock': 'reloj',
  'narration.timeline.field.count': 'cantidad',
  'narration.timeline.field.deadline': 'plazo',
  'narration.timeline.field.duration_ns': 'duración',
  'narration.timeline.field.events': 'eventos',
  'narration.timeline.field.from': 'origen',
  'narration.timeline.field.io': 'E/S',
  'narration.timeline.field.message': 'mensaje',
  'narration.timeline.field.op': 'operación',
  'narration.timeline.field.outcome': 'resultado',
  'narration.timeline.field.pool': 'pool',
  'narration.timeline.field.queue': 'cola',
  'narration.timeline.field.reason': 'motivo',
  'narration.timeline.field.state': 'estado',
  'narration.timeline.field.stuck': 'atascadas',
  'narration.timeline.field.timer': 'temporizador',
  'narration.timeline.field.until': 'hasta',
  'narration.timeline.field.victim': 'víctima',
  'narration.timeline.legend': 'Leyenda',
  'narration.timeline.legend.all': 'Todas las marcas',
  'narration.timeline.legend.every': 'Cada marca',
  'narration.timeline.legend.pending.label': 'Poll::Pending',
  'narration.timeline.legend.pending.title':
    'Un poll cuyo Future::poll devolvió Poll::Pending: la tarea espera a que la despierten.',
  'narration.timeline.legend.ready.label': 'Poll::Ready',
  'narration.timeline.legend.ready.title':
    'Un poll cuyo Future::poll devolvió Poll::Ready: el future de la tarea ha terminado.',
  'narration.timeline.legend.failed.label': 'poll fallido',
  'narration.timeline.legend.failed.title': 'Un poll que lanzó una excepción: la tarea falló.',
  'narration.timeline.legend.noTime.label': 'sin duración',
  'narration.timeline.legend.noTime.title':
    'Un poll dibujado solo con su contorno no consumió tiempo virtual: su anchura es el número de eventos que generó, no una duración. Las partes macizas son tiempo que pasó de verdad.',
  'narration.timeline.legend.stretched.label': 'el tiempo no avanza',
  'narration.timeline.legend.stretched.title':
    'Rayado: varios eventos de un mismo instante virtual, con sitio uno junto a otro (Estirar instantes). Sobre el rayado no pasa el tiempo; el eje se corta (//) a su alrededor.',
  'narration.timeline.legend.waiting.label': 'esperando',
  'narration.timeline.legend.waiting.title':
    'Discontinua: la tarea devolvió Poll::Pending y espera a que alguien despierte su Waker.',
  'narration.timeline.legend.wake.label': 'wake → poll',
  'narration.timeline.legend.wake.title':
    'Una flecha desde quien llamó a Waker::wake (un temporizador, la E/S, otra tarea, el runtime) hasta el poll que provocó ese despertar.',
  'narration.timeline.legend.taskTicks.label': 'eventos de la tarea',
  'narration.timeline.legend.taskTicks.title':
    'Marcas bajo el carril de una tarea: altas para spawn, Waker::wake y el final; cortas para los clones de cx.waker(), los drops de wakers y la entrada en una cola de ejecución.',
  'narration.timeline.legend.timer.label': 'temporizador armado, disparado, cancelado',
  'narration.timeline.legend.timer.title':
    'En el carril de temporizadores: una marca donde se arma un temporizador (empieza un sleep), un rombo donde se dispara y despierta a su tarea, una cruz donde recibe drop antes de su plazo.',
  'narration.timeline.legend.io.label': 'E/S registrada, lista',
  'narration.timeline.legend.io.title':
    'En el carril de E/S: una marca donde una tarea espera a un recurso, un rombo donde el recurso está listo.',
  'narration.timeline.legend.parked.label': 'aparcado',
  'narration.timeline.legend.parked.title':
    'El hilo del ejecutor duerme (park): no hay nada en cola hasta el siguiente evento de temporizador o de E/S.',
  'narration.timeline.legend.depth.label': 'longitud de la cola de ejecución',
  'narration.timeline.legend.depth.title':
    'El número de tareas que esperan en la cola (o colas) de ejecución, como una línea escalonada.',
  'narration.timeline.legend.playhead.label': 'cabezal',
  'narration.timeline.legend.playhead.title':
    'El evento que cuenta el texto de abajo y que muestran la cola de ejecución y la tabla de tareas.',
  'narration.timeline.legend.steal.label': 'robo',
  'narration.timeline.legend.steal.title':
    'Un triángulo en el carril de un hilo donde roba tareas, con una flecha desde el hilo al que se las robó.',
  'narration.timeline.legend.overflow.label': 'desbordamiento de cola',
  'narration.timeline.legend.overflow.title':
    'Un triángulo hacia abajo donde la cola local llena de un hilo pasa la mitad de sus tareas a una cola compartida.',
  'narration.timeline.legend.search.label': 'buscando',
  'narration.timeline.legend.search.title':
    'Una banda fina donde un hilo sin nada en cola busca en los demás trabajo que robar.',
  'narration.timeline.legend.batch.label': 'lote, pender',
  'narration.timeline.legend.batch.title':
    'Embassy: marcas donde el ejecutor toma un lote de tareas en cola y donde lo termina; un punto donde un despertar en una cola vacía llama al pender.',
  'narration.timeline.legend.deadlock.label': 'interbloqueo, tarea atascada',
  'narration.timeline.legend.deadlock.title':
    'Rojo: la ejecución no encontró nada ejecutable ni ningún waker que pudiera cambiarlo. La espera de cada tarea atascada está en rojo y acaba en una cruz.',
  'narration.timeline.legend.difference.label': 'primera diferencia',
  'narration.timeline.legend.difference.title':
    'Modo comparación: el primer evento en que las dos ejecuciones difieren.',
};
