// The examples in Spanish: each one's title, explanation and parameters, by example id. English
// comes from the core's catalogue (examples/*.cpp); `from` is a fingerprint of the English text
// each translation was made from, so a test names the translations an English edit left behind.
// `node scripts/example-fingerprints.mjs` prints the current fingerprints and which ones changed.
//
// Rust's and Tokio's names stay as Rust writes them (Future, Poll::Pending, Waker::wake,
// block_on, spawn, the LIFO slot), and so do parameters, task names and strategies.
export default {
  basic: {
    from: 'd73bc0db7400',
    title: 'Funciones async que se ejecutan una tras otra',
    explanation:
      'El runtime desde cero, versión básica: block_on sondea un único future, la tarea main. ' +
      'Cada co_await de un paso devuelve Poll::Pending mientras corre su temporizador; el ' +
      'temporizador se dispara, Waker::wake devuelve la tarea a la cola de ejecución y el ' +
      'ejecutor la vuelve a sondear. Fíjate en un solo carril: poll, el ejecutor se aparca ' +
      '(park), el temporizador se dispara, otro poll. Los pasos nunca se solapan, así que la ' +
      'ejecución dura steps x delay_ms.',
    params: {
      steps: 'cuántos pasos esperar con await',
      delay_ms: 'cuánto espera cada paso, en ms',
    },
  },
  concurrent: {
    from: '291009c0bdcf',
    title: 'Muchos futures avanzan a la vez',
    explanation:
      'El runtime desde cero, versión avanzada: main lanza todos los workers antes de esperar a ' +
      'ninguno. Cada worker duerme un tiempo distinto, así que mientras uno espera a su ' +
      'temporizador el ejecutor sondea a los demás, todo en un solo hilo. Mira cómo se llena la ' +
      'cola de ejecución al principio; después llegan los despertares de los temporizadores, por ' +
      'orden de vencimiento, y entrelazan los pasos de los workers. La ejecución dura más o ' +
      'menos lo que el worker más lento, no la suma; jitter_ms añade a cada worker un retraso ' +
      'aleatorio que --seed hace reproducible.',
    params: {
      tasks: 'cuántos workers lanzar',
      steps: 'cuántas veces duerme cada worker',
      jitter_ms:
        'hasta cuántos ms de retraso aleatorio, según la semilla, se suman a la siesta de cada worker',
    },
  },
  'state-machine': {
    from: 'fef00e68bedf',
    title: 'Una función async es una máquina de estados',
    explanation:
      'Una función async se compila a una máquina de estados: cada await es un estado, y ' +
      'Future::poll retoma donde se quedó. La misma función se ejecuta dos veces, una como ' +
      'corrutina y otra como un future escrito a mano con un enum de estado explícito, cada una ' +
      'en su propia tarea. Compara las dos mitades de la traza: los mismos polls, temporizadores ' +
      'armados, despertares y resultados Poll::Pending, en el mismo orden. Activa together para ' +
      'ejecutar las dos a la vez y verlas entrelazarse.',
    params: {
      connect_ms: 'cuánto duerme el paso de conexión, en ms',
      tick_ms: 'cuánto duerme cada tick, en ms',
      ticks: 'cuántos ticks contar',
      together: 'ejecutar las dos versiones a la vez en lugar de una tras otra',
    },
  },
  'select-timeout': {
    from: '5af83b4afd40',
    title: 'select: una operación lenta contra un timeout',
    explanation:
      'select sondea los dos futures en una sola tarea, en el orden de sus argumentos, cada vez ' +
      'que la tarea se despierta. La operación duerme por pasos; el timeout es un único sleep. ' +
      'Gana el que termina primero, y al perdedor se le hace drop en el acto: la narración dice ' +
      'que select descarta su rama perdedora, y el temporizador armado del perdedor se cancela ' +
      '(una cruz en el carril de temporizadores), porque hacer drop de un future lo cancela. Haz ' +
      'work_ms menor que timeout_ms para ver perder al timeout.',
    params: {
      work_ms: 'cuánto tarda la operación, en ms',
      timeout_ms: 'cuándo se dispara el timeout, en ms',
      steps: 'en cuántos sleeps se divide la operación',
    },
  },
  timers: {
    from: '838211b8699f',
    title: 'Sleeps, un intervalo y un timeout comparten una rueda de temporizadores',
    explanation:
      'Cada sleep arma un temporizador en la rueda del runtime y devuelve Poll::Pending. Cuando ' +
      'ninguna tarea puede ejecutarse, el ejecutor se aparca (park) hasta el siguiente ' +
      'vencimiento, y el tiempo virtual salta directamente hasta él: el temporizador se dispara, ' +
      'Waker::wake encola la tarea y la tarea se vuelve a sondear. Las tareas que duermen se ' +
      'lanzan de la que más duerme a la que menos, pero despiertan al revés. El primer tick del ' +
      'ticker es inmediato; después, uno por periodo. La tarea acotada enfrenta work_ms de ' +
      'trabajo a timeout_ms: fíjate en qué temporizador se dispara y cuál se cancela.',
    params: {
      sleepers: 'cuántas tareas que duermen',
      step_ms: 'la tarea dormida i duerme i x step_ms',
      ticks: 'cuántos ticks del intervalo',
      period_ms: 'el periodo del intervalo, en ms',
      work_ms: 'cuánto tarda la operación acotada, en ms',
      timeout_ms: 'el timeout de la operación acotada, en ms',
    },
  },
  channel: {
    from: 'c22da2730077',
    title: 'Contrapresión (backpressure) con un canal acotado',
    explanation:
      'Los productores envían a un canal mpsc que guarda como mucho `capacity` mensajes; un ' +
      'único consumidor los va sacando, despacio. Cuando el búfer se llena, el send de un ' +
      'productor devuelve Poll::Pending y el productor se pone a la cola para conseguir un hueco ' +
      '(clona cx.waker() dentro del canal). Cada recv libera un hueco y se lo da al productor ' +
      'que lleva más tiempo esperando: sigue la flecha de despertar del consumidor a ese ' +
      'productor, y luego del productor de vuelta al consumidor cuando llega su mensaje. Los ' +
      'productores se atienden por orden de llegada. Sube la capacidad y los productores ' +
      'terminan pronto en lugar de turnarse.',
    params: {
      producers: 'cuántas tareas productoras',
      messages: 'cuántos mensajes envía cada productor',
      capacity: 'cuántos mensajes guarda el canal',
      consumer_delay_ms: 'cuánto tarda el consumidor con cada mensaje, en ms',
    },
  },
  'mutex-contention': {
    from: 'dc234b9291ea',
    title: 'Tareas que se turnan para usar un mutex async',
    explanation:
      'Cada worker bloquea el mutex, lo retiene a través de un await (un sleep de hold_ms o, con ' +
      'compute activado, hold_ms de cálculo y luego un yield_now), incrementa el contador ' +
      'compartido y lo libera. El worker 1 obtiene el lock al instante; los demás se sondean, lo ' +
      'encuentran ocupado, clonan cx.waker() en la cola del mutex y devuelven Poll::Pending: ' +
      'esperan. Cuando quien lo tiene hace drop de su guard, el lock no queda libre para el ' +
      'primero que llegue: se entrega al primero de la fila, y la flecha de quien lo tenía a esa ' +
      'tarea es su Waker::wake. Después, quien lo tenía lo vuelve a pedir y se pone al final de ' +
      'la fila, así que el lock va pasando por los workers en orden (1, 2, 3, ... 1, 2, 3) y la ' +
      'ejecución dura tasks x iterations x hold_ms: retener un lock a través de un await ' +
      'serializa a todos los que esperan detrás.',
    params: {
      tasks: 'cuántos workers compiten',
      hold_ms: 'cuánto retiene el lock un worker, en ms',
      iterations: 'cuántas veces toma el lock cada worker',
      compute: 'retener el lock calculando (ocupado) y cediendo con yield_now en lugar de dormir',
    },
  },
  'coop-budget': {
    from: '3abbfac09a61',
    title: 'Una tarea que nunca espera, y el presupuesto que la frena',
    explanation:
      '`drain` recibe de un canal que ya contiene todos los mensajes, así que cada recv está ' +
      'listo y la tarea nunca devuelve Poll::Pending por sí misma. Con la estrategia `local` ' +
      'vacía el canal en un solo poll mientras los tickers esperan en la cola de ejecución. ' +
      'Cambia a `tokio-current-thread`: como en Tokio, cada poll recibe un presupuesto de 128 ' +
      'operaciones sobre recursos; cuando se agota (la narración dice que se ha gastado el coop ' +
      'budget, el presupuesto cooperativo), recv devuelve Poll::Pending y despierta la tarea en ' +
      'el acto, así que la tarea pasa al final de la cola y los tickers se ejecutan entremedias.',
    params: {
      messages: 'cuántos mensajes esperan en el canal',
      tickers: 'cuántas otras tareas quieren su turno',
    },
  },
  'embassy-blinky': {
    from: '643c8878d3d0',
    title: 'Blinky en un ejecutor de embassy: pools estáticos, interrupciones y sleep',
    explanation:
      'Firmware al estilo de embassy. Cada tarea de LED duerme entre parpadeos, así que sus ' +
      'despertares vienen de la interrupción de alarma del temporizador; la tarea del botón ' +
      'espera la interrupción de su pin (un rombo en el carril de E/S), que se pulsa en momentos ' +
      'que decide la semilla. El despertar de una interrupción encola la tarea y, como la cola ' +
      'de ejecución estaba vacía, llama al pender (un punto en el carril del ejecutor): el ' +
      'ejecutor despierta, toma toda la cola de ejecución como un solo lote (marcas donde el ' +
      'lote empieza y termina) y la sondea en orden inverso al de llegada; una tarea despertada ' +
      'durante un lote espera al siguiente. Sin nada en la cola, el ejecutor duerme (parked, ' +
      'WFE) hasta la siguiente interrupción. Todos los blinkers se lanzan desde el mismo punto ' +
      'de spawn, un único pool estático de pool_size tareas: main lo llena con blinkers de sobra ' +
      'hasta que un spawn falla (un aviso: SpawnError::Busy). Pon pool_size por debajo de leds ' +
      'para ver cómo también se rechazan LEDs reales.',
    params: {
      leds: 'LEDs que parpadean, cada uno en su propia tarea',
      blinks: 'parpadeos de cada LED',
      period_ms: 'el LED i duerme (i + 1) x period_ms entre parpadeos',
      presses:
        'pulsaciones del botón, en momentos que decide la semilla mientras parpadean los LEDs',
    },
  },
  'lifo-slot': {
    from: 'e94c703ea8f9',
    title: 'Paso de mensajes con y sin el LIFO slot',
    explanation:
      'El pinger envía un número por un canal y espera a que el ponger se lo devuelva, ' +
      'round_trips veces, mientras `background` tareas calculan durante background_us y vuelven ' +
      'al final de la cola de su hilo, una y otra vez, para que las colas nunca estén vacías. ' +
      'Todo se lanza desde un mismo hilo worker, y los hilos ociosos roban su parte al ' +
      'principio; la pareja, lanzada la última, se queda en el primer hilo. Enviar despierta al ' +
      'receptor, y con tokio-multi-thread una tarea despertada en un hilo worker va al LIFO slot ' +
      'de ese hilo (la narración lo dice, y la cola de ejecución lo muestra en naranja): en ' +
      'cuanto termina el poll del emisor, el receptor se ejecuta en el mismo hilo, por delante ' +
      'de toda la cola. Pero solo pueden encadenarse 3 polls LIFO seguidos (max_lifo_polls): el ' +
      '4.º despertar va al final de la cola local, y ese mensaje espera detrás de las tareas de ' +
      'fondo. Así que el patrón es LIFO, LIFO, LIFO, cola: uno de cada dos viajes de ida y ' +
      'vuelta tarda 2 µs, y el otro espera a la cola. Pon lifo_slot a false: cada despertar va ' +
      'al final de la cola, cada mensaje espera, y la tarea llamada "round trip ... on average" ' +
      'informa al final de unas 2,5 veces el viaje de ida y vuelta (86 µs frente a 33,5 µs con ' +
      'los valores por defecto). Con max_lifo_polls a 1000, la pareja se ejecuta en el slot ' +
      'hasta que se agota el coop budget que comparten los polls LIFO (128 operaciones de ' +
      'canal): entonces la tarea del slot va a la cola, con el coop budget de su hilo gastado, ' +
      'más o menos cada 64 viajes de ida y vuelta.',
    params: {
      round_trips: 'cuántas veces va y vuelve el número',
      background: 'tareas que mantienen ocupadas las colas',
      background_us: 'cuánto calcula una tarea de fondo en cada turno, en µs',
    },
  },
  starvation: {
    from: '984afa2f491e',
    title: 'Una tarea que calcula sin ceder el turno mata de hambre a las demás',
    explanation:
      '`hog` ejecuta `jobs` trabajos de cálculo puro (cada uno ocupa job_us del tiempo de su ' +
      'hilo); `ticker` quiere un turno cada 1 ms. Con fix 0, hog nunca hace await: su primer ' +
      'poll dura hasta que termina todos los trabajos, el temporizador del ticker se dispara con ' +
      'unos 99 ms de retraso, y el ticker se pone al día en un solo instante (rayado: ahí no ' +
      'pasa el tiempo). El nombre de la última tarea dice el peor retraso. Con fix 1, hog hace ' +
      'await de yield_now cada yield_every trabajos: devuelve Poll::Pending y pasa al final de ' +
      'la cola de ejecución, y el ticker consigue su turno en cuanto se miran los temporizadores ' +
      '(con local, cada 61 polls). Con fix 2, hog toma los trabajos de un canal: con ' +
      'tokio-current-thread, el coop budget hace que recv devuelva Poll::Pending cada 128 ' +
      'trabajos; pon event_interval a 1 y el ticker entra tras cada presupuesto, con unos 25 ms ' +
      'de retraso en lugar de 99. Con local no hay presupuesto, y el ticker se queda sin turno ' +
      'como con fix 0.',
    params: {
      fix: '0 ninguno, 1 yield_now cada yield_every trabajos, 2 trabajos a través de un canal (coop budget)',
      jobs: 'cuántos trabajos ejecuta hog',
      job_us: 'tiempo de cálculo de un trabajo, en µs',
      yield_every: 'con fix 1, trabajos entre dos yields',
      ticks: 'cuántos ticks de 1 ms espera el ticker',
    },
  },
  'work-stealing': {
    from: '725baef31dd7',
    title: 'Los workers ociosos roban trabajo al que está ocupado',
    explanation:
      'El dispatcher se ejecuta en un hilo worker y lanza `jobs` trabajos de golpe, cada uno ' +
      'calculando (wakeline::busy) durante un tiempo entre min_job_us y max_job_us que elige la ' +
      'semilla. Con tokio-multi-thread cada spawn cae en el LIFO slot de ese hilo y empuja al ' +
      'anterior al final de su cola local; con smol van todos a la cola global, y el primer hilo ' +
      'que toma uno pasa la mitad del resto a su propia cola. Con más de 256 trabajos, la cola ' +
      'local de tokio se desborda: la mitad pasa a la inject queue (un triángulo hacia abajo en ' +
      'el carril del hilo). Fíjate en los demás hilos: cada uno despierta, busca (la banda de su ' +
      'carril) y roba la mitad de la cola del hilo ocupado (el triángulo de robo, con su flecha ' +
      'desde la víctima): es el robo de trabajo (work stealing). Un hilo que no encuentra nada ' +
      'se aparca. Como los trabajos son desiguales, los hilos se quedan sin trabajo en momentos ' +
      'distintos y vuelven a robar a quien aún tenga cola. La tarea llamada "makespan ... for ' +
      '... of jobs" compara al final el tiempo que tardaron las ráfagas con el cálculo que ' +
      'contenían: con workers=1 son iguales (más 1 µs por poll), con 4 workers el makespan es ' +
      'más o menos la cuarta parte. Si bursts es mayor que 1, el dispatcher duerme pause_ms ' +
      'entre ráfagas: todos los hilos se aparcan, el temporizador despierta al dispatcher en el ' +
      'hilo que duerme sobre el driver, y la siguiente ráfaga empieza desde ahí.',
    params: {
      jobs: 'cuántos trabajos lanza cada ráfaga',
      min_job_us: 'el trabajo más corto, en µs de cálculo',
      max_job_us: 'el trabajo más largo, en µs de cálculo',
      bursts: 'cuántas ráfagas',
      pause_ms: 'cuánto duerme el dispatcher entre dos ráfagas, en ms',
    },
  },
  'lost-wakeup': {
    from: 'bf6efac4e79d',
    title: 'Un future que olvida su waker',
    explanation:
      'El lector (reader) hace await de un Future escrito a mano que mira un buzón y, al ' +
      'encontrarlo vacío, devuelve Poll::Pending sin guardar cx.waker(): tras su poll no se ' +
      'clona ningún waker. El cartero (postman) entrega la carta más tarde y no tiene ningún ' +
      'Waker con el que despertarlo: el lector no se vuelve a sondear, main lo espera para ' +
      'siempre y la ejecución acaba en un interbloqueo (deadlock) que muestra al lector con 0 ' +
      'wakers vivos, la firma de un despertar perdido (lost wakeup). Pon keep_waker a true y el ' +
      'future guarda su waker, el cartero llama a Waker::wake y la ejecución termina.',
    params: {
      keep_waker: 'dejar que el future guarde su waker, lo que corrige el bug',
      delay_ms: 'cuándo entrega el cartero, en ms',
    },
  },
  runaway: {
    from: '8112284e3430',
    title: 'Un servidor con fuga de tareas',
    explanation:
      'Cada interval_ms llega una petición y recibe una tarea manejadora (handler) que retiene ' +
      'un búfer de 1 MiB mientras espera una hora una respuesta que nunca llega. Los handlers ' +
      'empiezan más deprisa de lo que terminan, así que la memoria crece sin límite: la ' +
      'ejecución se detiene, con un aviso, en cuanto el programa ocupa más memoria que el límite ' +
      '(256 MiB por defecto). En la traza, una fuga son tareas lanzadas que nunca terminan: las ' +
      'tareas vivas solo aumentan, hasta que el runtime las cancela todas al final.',
    params: {
      interval_ms: 'tiempo entre dos peticiones, en ms',
    },
  },
  echo: {
    from: '3436522f92fb',
    title: 'Un servidor de eco sobre TCP',
    explanation:
      'Una tarea servidor acepta conexiones y lanza una tarea por cada una; las tareas cliente ' +
      'se conectan, envían mensajes y los vuelven a leer. Cada operación de socket que no puede ' +
      'terminar en el acto se registra en el reactor (una marca en el carril de E/S) y devuelve ' +
      'Poll::Pending; el reactor avisa de que el socket está listo (un rombo) y despierta la ' +
      'tarea. Con el reloj virtual, la red es simulada y cada salto tarda latency_ms: una ' +
      'conexión se acepta un salto después de empezar y se completa tras dos. Con --clock real, ' +
      'el servidor escucha en 127.0.0.1 (el puerto 0 elige uno libre) y los clientes se conectan ' +
      'por loopback.',
    params: {
      clients: 'cuántos clientes se conectan',
      messages: 'cuántos mensajes envía cada cliente',
      latency_ms: 'latencia en un sentido de la red simulada, en ms',
      port: 'puerto en el que escuchar (0: cualquier puerto libre)',
    },
  },
  'fan-out': {
    from: '40264bac1f7f',
    title: 'Muchas peticiones, unas pocas a la vez',
    explanation:
      'main lanza una tarea por petición, todas de golpe, y un semáforo con `limit` permisos ' +
      'deja que solo ese número de peticiones hable con el servidor a la vez. Las primeras ' +
      '`limit` peticiones obtienen un permiso y se conectan (una marca en el carril de E/S); las ' +
      'demás se sondean una vez, se ponen a la cola para conseguir un permiso y devuelven ' +
      'Poll::Pending. Por la red simulada (1 ms por salto), cada petición se conecta, envía una ' +
      'línea y lee la respuesta, que el servidor escribe tras una latencia entre min_latency_ms ' +
      'y max_latency_ms que elige la semilla. Cuando una petición tiene su respuesta, hace drop ' +
      'de su permiso, y la flecha de ella a la siguiente petición de la fila es el semáforo ' +
      'pasándole el permiso. Nunca hay más de `limit` peticiones conectadas a la vez; una ' +
      'respuesta lenta retiene un permiso más tiempo, y la semilla decide cuáles son lentas.',
    params: {
      requests: 'cuántas peticiones',
      limit: 'cuántas peticiones pueden estar en curso a la vez',
      min_latency_ms: 'lo menos que tarda el servidor en responder, en ms',
      max_latency_ms: 'lo más que tarda el servidor en responder, en ms',
    },
  },
  // The blank program, an entry of the picker of its own (program/program-panel.js).
  new: {
    from: '1bda46dd6851',
    title: 'Nuevo programa',
    explanation:
      'Tu propio programa en el lenguaje: un subconjunto de Rust async con la API de Tokio ' +
      '(async fn, .await, tokio::spawn, select!, join!, canales, Mutex, futures escritos a ' +
      'mano). Escribe y los errores aparecen mientras escribes; Ctrl o Cmd+Enter lo ejecuta.',
    params: {},
  },
};

/** The picker's groups (the examples' topics), by their English name. */
export const topics = {
  basics: 'fundamentos',
  timers: 'temporizadores',
  synchronisation: 'sincronización',
  schedulers: 'planificadores',
  pitfalls: 'errores frecuentes',
  'I/O': 'E/S',
  'your program': 'tu programa',
};

/**
 * The strategies' settings (the core's strategies()), by strategy name: each setting's
 * description by its name, and `from`, the fingerprint of the English as for the examples.
 */
export const strategies = {
  local: {
    from: '38d01f63ef4f',
    settings: {
      poll_cost_ns: 'tiempo virtual que dura cada poll, en ns',
    },
  },
  'tokio-current-thread': {
    from: '0c84f486f690',
    settings: {
      poll_cost_ns: 'tiempo virtual que dura cada poll, en ns',
      event_interval: 'polls entre dos vistazos a los temporizadores y la E/S',
      coop_budget:
        'operaciones sobre recursos que un poll puede completar antes de que devuelvan Poll::Pending (0: sin presupuesto)',
    },
  },
  'tokio-multi-thread': {
    from: '97cd2faf7901',
    settings: {
      workers: 'hilos worker',
      poll_cost_ns: 'tiempo virtual que dura cada poll, en ns',
      event_interval: 'polls entre dos vistazos a los temporizadores y la E/S',
      global_queue_interval: 'polls entre dos vistazos a la inject queue antes que a la cola local',
      self_tuning:
        'ajustar el intervalo de la inject queue al tiempo que duran los polls, como Tokio 1.29 y posteriores',
      local_queue_capacity:
        'tareas que caben en la cola local de un worker antes de que la mitad se desborde',
      lifo_slot: 'una tarea despertada por un worker es la siguiente en ejecutarse en ese worker',
      max_lifo_polls:
        'polls seguidos desde el LIFO slot antes de que la tarea del slot vaya a la cola',
      coop_budget:
        'operaciones sobre recursos que un poll puede completar antes de que devuelvan Poll::Pending (0: sin presupuesto)',
    },
  },
  smol: {
    from: '24d30c8f62e1',
    settings: {
      workers: 'hilos worker',
      poll_cost_ns: 'tiempo virtual que dura cada poll, en ns',
      local_queue_capacity: 'tareas que caben en la cola local de un worker',
      polls_per_yield: 'polls que hace un worker antes de ceder y mirar la cola global',
    },
  },
  embassy: {
    from: '0ecc4e836be3',
    settings: {
      poll_cost_ns: 'tiempo virtual que dura cada poll, en ns',
      pool_size: 'tareas que caben en el pool estático de cada punto de spawn',
    },
  },
};
