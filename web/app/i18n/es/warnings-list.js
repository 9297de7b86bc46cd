// warnings: the lints over a finished run and their list, in Spanish, with the same keys and
// {placeholders} as en/warnings-list.js. Same part as warnings.js (keys warnings.*).
export default {
  'warnings.atLine': ' en la línea {line}',
  'warnings.lineNote': ' (línea {line})',
  'warnings.spawnedAt': ' (lanzada en la línea {line})',
  'warnings.events': { one: '{count} evento', other: '{count} eventos' },
  'warnings.holder.thread': 'su hilo',
  'warnings.holder.executor': 'el ejecutor',
  'warnings.othersWaited': {
    one: ' mientras otra tarea esperaba',
    other: ' mientras otras {count} tareas esperaban',
  },
  'warnings.runtime': 'El runtime',
  'warnings.aTask': 'una tarea',
  'warnings.noMessage': 'sin mensaje',
  'warnings.memoryLimit': 'su límite de memoria',

  'warnings.lostWaker':
    '{task} devolvió Poll::Pending{at} sin guardar cx.waker(): no le queda ningún waker vivo, así que nada podrá volver a despertarla (un despertar perdido).',
  'warnings.longPoll': '{task} acaparó {holder} durante {what} en un solo poll{where}{waiting}.',
  'warnings.longPoll.late':
    '{task} acaparó {holder} durante {what} en un solo poll{where}{waiting}: {other} se ejecutó con {late} de retraso, porque su temporizador, previsto para t = {due}{line}, no se disparó hasta t = {fired}.',
  'warnings.spawnFailed': {
    one: '{parent} no pudo lanzar {what}{at}: su pool de {count} tarea estaba lleno (SpawnError::Busy), así que esa tarea nunca llegó a ejecutarse.',
    other:
      '{parent} no pudo lanzar {what}{at}: su pool de {count} tareas estaba lleno (SpawnError::Busy), así que esa tarea nunca llegó a ejecutarse.',
  },
  'warnings.panic':
    '{task} entró en pánico{at}: {message}. Su future queda envenenado y la tarea terminó.',
  'warnings.memoryExhausted': {
    one: 'Límite de memoria: el programa ocupó más de {limit} (los frames de las tareas y la traza), así que la ejecución se detuvo y canceló la única tarea que seguía viva. Lanzar tareas más deprisa de lo que terminan, y que nunca terminen, es una fuga.',
    other:
      'Límite de memoria: el programa ocupó más de {limit} (los frames de las tareas y la traza), así que la ejecución se detuvo y canceló las {count} tareas que seguían vivas. Lanzar tareas más deprisa de lo que terminan, y que nunca terminen, es una fuga.',
  },
  'warnings.stuckTask': {
    one: '{task}{at} ({count} waker vivo)',
    other: '{task}{at} ({count} wakers vivos)',
  },
  'warnings.deadlock': {
    one: 'Interbloqueo: {count} tarea atascada, nada puede despertarla: {stuck}.',
    other: 'Interbloqueo: {count} tareas atascadas, nada puede despertarlas: {stuck}.',
  },
  'warnings.selfWake': {
    one: '{task} llamó a Waker::wake sobre su propio waker (un yield o una espera activa): pasa al final de la cola en lugar de esperar a que ocurra algo.',
    other:
      '{task} llamó a Waker::wake sobre su propio waker {count} veces (un yield o una espera activa): pasa al final de la cola en lugar de esperar a que ocurra algo.',
  },

  // The list.
  'warnings.none': 'No hay avisos en esta ejecución.',
  'warnings.select': 'Selecciona el evento que lo muestra',
  'warnings.more': 'y {count} más',
};
