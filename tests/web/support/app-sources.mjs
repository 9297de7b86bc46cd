// The sources of web/app, read as text, for the tests that check how the page is put together.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const app = path.join(repo, 'web/app');

/** Every .js file under `dir`, as paths relative to web/app, sorted. */
export async function sources(dir = app) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sources(full)));
    else if (entry.name.endsWith('.js')) files.push(path.relative(app, full));
  }
  return files.sort();
}

/** The code of `text` without its comments (roughly: enough to tell a call from a mention). */
export function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** The files of web/app whose code (comments left out) matches `pattern`. */
export async function filesMatching(pattern) {
  const found = [];
  for (const file of await sources()) {
    if (pattern.test(code(await readFile(path.join(app, file), 'utf8')))) found.push(file);
  }
  return found;
}
