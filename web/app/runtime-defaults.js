// Defaults that the C++ runtime owns and the page has to know. Everything else it takes from the
// module at run time: the event budget is in every trace header, and the order of the example
// topics is the order of examples() (catalogue-form.js keeps it).

/**
 * The memory limit of a run whose header names none: the header leaves the default out
 * (core/runtime.hpp, runtime_options::default_memory_limit). The module does not export it
 * yet, so this is the one copy of it in the page; it should be read from the module's handle
 * once that says it.
 */
export const defaultMemoryLimit = 256 * 1024 * 1024;

/** The memory limit, in bytes, of the run that wrote `header` (0: none). */
export function memoryLimitOf(header) {
  return header?.memory_limit ?? defaultMemoryLimit;
}
