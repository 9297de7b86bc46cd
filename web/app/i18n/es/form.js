// form: Spanish messages, with the same keys and {placeholders} as en/form.js.
export default {
  'form.seed.description': 'semilla de las elecciones aleatorias del ejemplo',
  'form.param.range': '{description} ({min}–{max})',
  'form.strategy.legend': 'Estrategia: {name}',
  'form.explanation.more': 'Leer más',
  'form.explanation.less': 'Mostrar menos',

  'form.number.empty': 'Escribe un número entero.',
  'form.number.notWhole': '«{text}» no es un número entero.',
  'form.number.tooLarge': 'Ese número es demasiado grande.',
  'form.number.range': 'Tiene que estar entre {min} y {max}.',

  'form.strategy.local.line': 'un hilo, una cola de ejecución FIFO: el runtime desde cero',
  'form.strategy.local.about':
    'El ejecutor más pequeño que funciona, tal como lo construye un runtime desde cero: ' +
    'block_on ejecuta un hilo con una sola cola de ejecución FIFO (el primero que entra es el ' +
    'primero que sale). Waker::wake pone la tarea al final de la cola; cuando la cola está ' +
    'vacía, el ejecutor se aparca (park) hasta que vence el siguiente temporizador, y mira los ' +
    'temporizadores cada 61 polls para que una cola siempre ocupada no los deje sin turno. No ' +
    'copia ningún runtime en concreto: compara los demás con él. Fíjate en la cola de ' +
    'ejecución en la posición del cabezal y en el ejecutor aparcado entre polls.',
  'form.strategy.current.line':
    'Tokio 1.24 current_thread: un hilo, el future de block_on se sondea aparte',
  'form.strategy.current.about':
    'El planificador current_thread de Tokio 1.24 ' +
    '(#[tokio::main(flavor = "current_thread")]). El future que recibe block_on no es una ' +
    'tarea de la cola: despertarlo activa un indicador, y se sondea al principio de la ' +
    'siguiente pasada. Una pasada sondea hasta event_interval (61) tareas y luego mira los ' +
    'temporizadores sin esperar; tokio::task::yield_now espera hasta después de ese vistazo; ' +
    'cada poll tiene un coop budget (presupuesto cooperativo) de 128 operaciones sobre ' +
    'recursos, tras las cuales estas devuelven Poll::Pending. Fíjate en la tarea raíz, ' +
    'sondeada aparte de la cola, y en el coop budget obligando a una tarea ocupada a ceder el ' +
    'paso.',
  'form.strategy.multi.line':
    'Tokio 1.24 multi_thread: hilos worker, LIFO slot, robo de trabajo (work stealing)',
  'form.strategy.multi.about':
    'El planificador multi_thread por defecto de Tokio 1.24, con sus hilos worker simulados ' +
    'en un solo hilo y en tiempo virtual (cada poll dura poll_cost_ns). Cada hilo worker tiene ' +
    'una cola local de 256 tareas y un LIFO slot: una tarea despertada en un hilo es la ' +
    'siguiente en ejecutarse en ese hilo. Los despertares desde fuera van a la inject queue ' +
    'compartida; un hilo sin nada que hacer busca en los demás y roba la mitad de una cola. El ' +
    'hilo que llamó a block_on solo sondea el future raíz. Fíjate en las flechas de robo entre ' +
    'hilos, en el LIFO slot (en naranja en la cola de ejecución) y en las bandas de búsqueda.',
  'form.strategy.smol.line':
    'smol (async-executor 1.5): una cola global y colas locales que se llenan robando',
  'form.strategy.smol.about':
    'El ejecutor de smol, async-executor 1.5, con N hilos worker simulados en tiempo virtual. ' +
    'Cada spawn y cada despertar van a una única cola global; un hilo toma una tarea de su ' +
    'cola local; si no hay, de la cola global (y pasa la mitad del resto a su cola local); y ' +
    'si tampoco, roba la mitad de la cola local de otro hilo. Tras 200 polls, un hilo cede y ' +
    'vuelve a mirar la cola global. Fíjate en las tareas que pasan de la cola global a las ' +
    'locales, y en los robos.',
  'form.strategy.embassy.line':
    'Embassy 0.5 (embebido): pools estáticos de tareas, lotes, un pender',
  'form.strategy.embassy.about':
    'embassy-executor 0.5, el ejecutor de Rust embebido. Las tareas viven en pools estáticos ' +
    '(de pool_size tareas cada uno); hacer spawn en un pool lleno falla con SpawnError::Busy. ' +
    'La cola de ejecución se vacía por lotes: el ejecutor toma de una vez todas las tareas ' +
    'encoladas y las sondea, de la última encolada a la primera, y una tarea despertada ' +
    'durante un lote espera al siguiente. Un despertar sobre una cola vacía llama al pender, ' +
    'que impide que el ejecutor se duerma. Fíjate en las marcas de lote y en los puntos del ' +
    'pender en el carril del ejecutor.',
  'form.strategy.other.line': 'una estrategia de planificación del runtime',
  'form.strategy.other.about': 'La estrategia {name} del runtime.',
};
