// The catalogues <wakeline-player> and embed.html carry (web/app/i18n/en/embedded.js and
// es/embedded.js): every message their modules ask for is in them, and the two languages carry
// the same keys. Their modules are the ones esbuild bundles for them, found as the build finds
// them (scripts/build-web.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { english as embeddedEnglish } from '../../../web/app/i18n/en/embedded.js';
import { english } from '../../../web/app/i18n/en/index.js';
import { spanish as embeddedSpanish } from '../../../web/app/i18n/es/embedded.js';
import { spanish } from '../../../web/app/i18n/es/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The source files (repo-relative) that esbuild bundles into the player and the embed page. */
async function embeddedModules() {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: ['web/app/player/player-element.js', 'web/app/embed/embed-main.js'],
    bundle: true,
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
    loader: { '.css': 'text' },
    // The API is loaded beside the player at run time, not bundled.
    external: ['*/wasm/api/wakeline.mjs'],
  });
  return Object.keys(result.metafile.inputs).filter(
    (file) =>
      file.startsWith('web/app/') && !file.startsWith('web/app/i18n/') && file.endsWith('.js'),
  );
}

// A message key of any part, as code writes one: in t('…'), in a table of keys given to t()
// later, or as the start of a template (`narration.outcome.${outcome}`).
const keyPattern =
  /['`]((?:page|form|program|narration|warnings|player|share)\.[\w.]*?)(?:'|`|\$\{)/g;

test("every message the player's and embed.html's modules ask for is in their catalogue", async () => {
  const modules = await embeddedModules();
  assert.ok(modules.includes('web/app/player/player-element.js'), modules.join(' '));
  assert.ok(modules.includes('web/app/narration.js'), 'the narration is bundled');
  const keys = Object.keys(embeddedEnglish);
  let asked = 0;
  for (const file of modules) {
    const text = readFileSync(path.join(repo, file), 'utf8');
    for (const m of text.matchAll(keyPattern)) {
      const key = m[1];
      ++asked;
      // A template's start, or a prefix a helper completes (word('narration.queueName', name)),
      // names a family of keys: one of them at least must be there.
      const family = key.endsWith('.') ? key : `${key}.`;
      const found = Object.hasOwn(embeddedEnglish, key) || keys.some((k) => k.startsWith(family));
      assert.ok(found, `${file} asks for "${key}", which en/embedded.js does not carry`);
    }
  }
  assert.ok(asked > 300, `${asked} keys asked for: the scan found the modules' messages`);
});

test("the embedded catalogues are the full ones' messages, the same keys in both languages", () => {
  for (const [key, message] of Object.entries(embeddedEnglish))
    assert.deepEqual(message, english[key], key);
  for (const [key, message] of Object.entries(embeddedSpanish))
    assert.deepEqual(message, spanish[key], key);
  assert.deepEqual(Object.keys(embeddedSpanish).sort(), Object.keys(embeddedEnglish).sort());
  // They leave out the playground's own parts: what makes them smaller.
  for (const part of ['page.', 'form.'])
    assert.ok(!Object.keys(embeddedEnglish).some((key) => key.startsWith(part)), part);
  assert.ok(Object.keys(embeddedEnglish).length < Object.keys(english).length * 0.8);
});
