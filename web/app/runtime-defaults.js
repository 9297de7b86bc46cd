// Defaults that the C++ runtime owns and the page has to know, read from the engine: the API's
// handle says them (`defaults`, from the module). Nothing here repeats a number: the event
// budget is in every trace header, and the order of the example topics is the order of
// examples() (catalogue-form.js keeps it).

let engineDefaults = null;

/** Remembers the loaded engine's defaults; every run goes through RunController, which calls it. */
export function rememberEngineDefaults(engine) {
  engineDefaults = engine?.defaults ?? engineDefaults;
}

/**
 * The memory limit, in bytes, of the run that wrote `header` (0: none). A header leaves the
 * default out; null when no engine has said it yet (a trace imported before one loaded).
 */
export function memoryLimitOf(header) {
  return header?.memory_limit ?? engineDefaults?.memoryLimit ?? null;
}
