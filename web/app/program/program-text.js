// An example's program text without the language: the build copies examples/programs/*.rs
// beside the page (dist/programs/), so the page shows an example's program at once while the
// full module (the language, wakeline-full) waits until after the first timeline. The engine's
// exampleProgram() (which loads that module) is the fallback: the single file opened from disk
// has nothing beside it to fetch, and the full module is its only one anyway.

const fetched = new Map();
let filesBeside = true;

/** Whether the programs lie beside the page (false in the single file: nothing to fetch). */
export function useProgramFiles(on) {
  filesBeside = on;
}

/** Starts fetching program file `name` (e.g. "concurrent.rs"); the text, or null. */
export function prefetchProgram(name) {
  if (!filesBeside || !/^[a-z0-9-]+\.rs$/.test(name)) return Promise.resolve(null);
  let text = fetched.get(name);
  if (!text) {
    text = fetch(`programs/${name}`)
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => null);
    fetched.set(name, text);
  }
  return text;
}

/** The program of `example` (a catalogue entry with `program`): fetched, else from `engine`. */
export async function exampleProgramText(engine, example) {
  const text = await prefetchProgram(example.program);
  return text ?? engine.exampleProgram(example.id);
}
