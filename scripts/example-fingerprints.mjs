// The fingerprint of each example's and each strategy's English words (web/app/i18n/
// fingerprint.js), beside the one each translation says it was made from: a line per example and
// per strategy, "ok", "changed" or "missing" per language, then, with --english, the current
// English of every one that is not "ok" (what to translate again; once done, its `from` becomes
// the fingerprint printed here). Exits with 1 when one is not "ok". Reads the catalogue from the
// wasm build (scripts/build.sh wasm).
//   node scripts/example-fingerprints.mjs [--english]
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exampleFingerprint, strategyFingerprint } from '../web/app/i18n/fingerprint.js';
import { newProgramEntry } from '../web/app/program/program-panel.js';
import spanishExamples, { strategies as spanishStrategies } from '../web/app/i18n/es/examples.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(repo, 'build/wasm/api');
const { createWakeline } = await import(pathToFileURL(path.join(api, 'wakeline.mjs')).href);

const translations = {
  es: { examples: spanishExamples, strategies: spanishStrategies },
};
const showEnglish = process.argv.includes('--english');

const handle = await createWakeline({
  worker: false,
  coreUrl: pathToFileURL(path.join(api, 'wakeline-core.mjs')),
});
let examples;
let strategies;
try {
  examples = [...(await handle.examples()), newProgramEntry([])];
  strategies = await handle.strategies();
} finally {
  handle.dispose();
}

// Each entry: [kind, id, fingerprint, English words].
const entries = [
  ...examples.map((example) => [
    'examples',
    example.id,
    exampleFingerprint(example),
    [
      example.title,
      example.explanation,
      ...example.params.map((param) => `  ${param.name}: ${param.description}`),
    ],
  ]),
  ...strategies.map((strategy) => [
    'strategies',
    strategy.name,
    strategyFingerprint(strategy),
    strategy.settings.map((setting) => `  ${setting.name}: ${setting.description}`),
  ]),
];

const width = Math.max(...entries.map(([, id]) => id.length));
const stale = new Map();
for (const [kind, id, print, words] of entries) {
  const states = Object.entries(translations).map(([lang, catalogue]) => {
    const entry = Object.hasOwn(catalogue[kind], id) ? catalogue[kind][id] : null;
    const state = !entry ? 'missing' : entry.from === print ? 'ok' : 'changed';
    if (state !== 'ok') stale.set(`${kind} ${id}`, [print, words]);
    return `${lang}: ${state}`;
  });
  console.log(`${kind.padEnd(10)}  ${id.padEnd(width)}  ${print}  ${states.join('  ')}`);
}
if (showEnglish) {
  for (const [name, [print, words]] of stale) {
    console.log(`\n== ${name} (${print})\n${words.join('\n')}`);
  }
}
if (stale.size > 0) process.exitCode = 1;
