// Builds the playground into dist/: web/index.html, app.js (web/app bundled by esbuild, ES
// module), app.css (web/styles bundled), and the JavaScript API's files exactly as the wasm build
// ships them. The API is not bundled: it loads its core module (and worker) from beside itself.
// Also: wakeline-player.js (the <wakeline-player> element, one classic script) and its Spanish
// catalogue wakeline-player-es.mjs (loaded only by a player that speaks Spanish), embed.html with
// embed.js and embed.css, and wakeline-standalone.html, the whole page in one file that works
// when opened from disk (see buildStandalone).
// Usage: node scripts/build-web.mjs [--dev]   (--dev: no minification)
// Needs the wasm build first: bash scripts/build.sh wasm. WAKELINE_API_DIR=DIR ships the API
// files of another wasm build (e.g. one made from a clean checkout).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'dist');
const dev = process.argv.includes('--dev');

// The wasm build's folder of files to ship.
const apiDir = path.resolve(repo, process.env.WAKELINE_API_DIR || 'build/wasm/api');

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Copies the API's files into dist/ and returns their names. */
async function copyApi() {
  if (!(await exists(path.join(apiDir, 'wakeline.mjs')))) {
    throw new Error(
      `build-web: the JavaScript API is not built (${path.relative(repo, apiDir)}/wakeline.mjs is missing); run: bash scripts/build.sh wasm`,
    );
  }
  const names = await readdir(apiDir);
  for (const name of names) {
    await cp(path.join(apiDir, name), path.join(dist, name), { recursive: true });
  }
  return names;
}

// engine.js imports the API from its source folder so editors see its types; in the bundle the
// import stays a URL to the copy beside app.js.
const apiExternal = {
  name: 'wakeline-api-external',
  setup(builder) {
    builder.onResolve({ filter: /(^|\/)wasm\/api\/wakeline\.mjs$/ }, () => ({
      path: './wakeline.mjs',
      external: true,
    }));
  },
};

/** A plugin that gives i18n.js the English catalogue `file` (in web/app/i18n/en/) for index.js. */
function englishFrom(file) {
  return {
    name: `english-${file}`,
    setup(builder) {
      builder.onResolve({ filter: /^\.\/en\/index\.js$/ }, (args) =>
        args.importer.endsWith(path.join('i18n', 'i18n.js'))
          ? { path: path.join(path.dirname(args.importer), 'en', file) }
          : undefined,
      );
    },
  };
}

// app.js carries the English its first timeline needs (web/app/i18n/en/first.js) in place of the
// whole catalogue; the code loaded after the first timeline brings the rest
// (web/app/i18n/later-english.js). The player and embed.html carry the parts they say
// (en/embedded.js); the standalone page keeps all of it.
const englishFirst = englishFrom('first.js');
const englishEmbedded = englishFrom('embedded.js');

// What every file dist/ ships is built with: minified for browsers of 2023 on, with source maps.
const target = ['es2022', 'chrome110', 'firefox110', 'safari16'];
const shipped = {
  bundle: true,
  target,
  minify: !dev,
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const api = await copyApi();
const result = await build({
  absWorkingDir: repo,
  entryPoints: [
    { in: 'web/app/main.js', out: 'app' },
    { in: 'web/styles/main.css', out: 'app' },
  ],
  outdir: dist,
  ...shipped,
  format: 'esm',
  // The program editor (web/app/editor/, CodeMirror) is a dynamic import: its own chunk, loaded
  // after the first timeline, so app.js stays what the first timeline needs.
  splitting: true,
  chunkNames: '[name]-[hash]',
  plugins: [apiExternal, englishFirst],
});
await cp(path.join(repo, 'web/index.html'), path.join(dist, 'index.html'));
// The examples' programs as text (web/app/program/program-text.js): the page shows an example's
// .rs at once, before the language (the full module) has loaded.
await mkdir(path.join(dist, 'programs'));
for (const name of await readdir(path.join(repo, 'examples/programs'))) {
  if (name.endsWith('.rs'))
    await cp(path.join(repo, 'examples/programs', name), path.join(dist, 'programs', name));
}

// The player and the embed page: classic scripts, so one <script src> works on any page; the
// player finds the API beside its own URL. Its CSS goes into its shadow root, as text.
const extra = await build({
  absWorkingDir: repo,
  entryPoints: [
    { in: 'web/app/player/player-element.js', out: 'wakeline-player' },
    { in: 'web/app/embed/embed-main.js', out: 'embed' },
    { in: 'web/styles/embed.css', out: 'embed' },
  ],
  outdir: dist,
  ...shipped,
  format: 'iife',
  loader: { '.css': 'text' },
  plugins: [
    englishEmbedded,
    {
      // The Spanish catalogue is not bundled into the player: a classic script cannot have
      // chunks, and esbuild would inline i18n.js's import('./es/index.js'), making every player
      // carry it. Here that import is a module that throws if loaded; the player imports
      // wakeline-player-es.mjs (built below) from beside itself instead (setLanguageLoader).
      name: 'spanish-apart',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/es\/index\.js$/ }, (args) =>
          args.importer.endsWith(path.join('i18n', 'i18n.js'))
            ? { path: 'es-catalogue', namespace: 'spanish-apart' }
            : undefined,
        );
        builder.onLoad({ filter: /.*/, namespace: 'spanish-apart' }, () => ({
          contents:
            "throw new Error('the Spanish catalogue is wakeline-player-es.mjs, not in this script');",
          loader: 'js',
        }));
      },
    },
    {
      // embed.css is the page's own stylesheet, not text for a shadow root.
      name: 'embed-css-as-css',
      setup(builder) {
        builder.onLoad({ filter: /embed\.css$/ }, async (args) => ({
          contents: await readFile(args.path, 'utf8'),
          loader: 'css',
        }));
      },
    },
  ],
});
await cp(path.join(repo, 'web/embed.html'), path.join(dist, 'embed.html'));
// The player's Spanish catalogue, beside it: an ES module of the parts it says (es/embedded.js: its words, no
// code of the player's), imported by a player that speaks Spanish (player-element.js).
const playerSpanish = await build({
  absWorkingDir: repo,
  entryPoints: ['web/app/i18n/es/embedded.js'],
  outfile: path.join(dist, 'wakeline-player-es.mjs'),
  ...shipped,
  format: 'esm',
});

/** `text` as a data: URL of JavaScript. */
function javascriptDataUrl(text) {
  return `data:text/javascript;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

/** The CSP source for an inline element's exact text. */
function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * dist/wakeline-standalone.html: index.html with app.css and the page's script inlined, the API
 * bundled into that script (one classic script: ES modules do not load from file://), and the
 * worker and the full module (examples, programs, the Chrome export) inlined as data: URLs and the
 * wasm bytes as base64, all handed to the API by standalone-engine.js.
 */
async function buildStandalone() {
  // The full module as the one module: a file opened from disk cannot fetch a second one later.
  const coreText = await readFile(path.join(dist, 'wakeline-full.mjs'), 'utf8');
  const wasm = await readFile(path.join(dist, 'wakeline-full.wasm'));
  const worker = await build({
    absWorkingDir: repo,
    // The API files as shipped in dist/, so the worker, the API and the core are one build.
    entryPoints: [path.join(dist, 'worker.mjs')],
    bundle: true,
    format: 'esm',
    target,
    minify: !dev,
    write: false,
    logLevel: 'warning',
  });
  const inlineEngine = {
    name: 'wakeline-inline-engine',
    setup(builder) {
      builder.onResolve({ filter: /^wakeline:inline-engine$/ }, () => ({
        path: 'inline-engine',
        namespace: 'wakeline',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'wakeline' }, () => ({
        contents:
          `export const coreUrl = ${JSON.stringify(javascriptDataUrl(coreText))};\n` +
          `export const workerUrl = ${JSON.stringify(javascriptDataUrl(worker.outputFiles[0].text))};\n` +
          `export const wasmBase64 = ${JSON.stringify(wasm.toString('base64'))};\n`,
        loader: 'js',
      }));
      // The API as shipped beside the core in dist/, not its source (which may be newer).
      builder.onResolve({ filter: /(^|\/)wasm\/api\/wakeline\.mjs$/ }, () => ({
        path: path.join(dist, 'wakeline.mjs'),
      }));
      // main.js's engine.js becomes the standalone engine.
      builder.onResolve({ filter: /^\.\/engine\.js$/ }, (args) =>
        args.importer.endsWith(path.join('web', 'app', 'main.js'))
          ? { path: path.join(repo, 'web/app/standalone/standalone-engine.js') }
          : undefined,
      );
    },
  };
  const page = await build({
    absWorkingDir: repo,
    entryPoints: ['web/app/main.js'],
    bundle: true,
    format: 'iife',
    target,
    minify: !dev,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    // The API's defaults read import.meta.url; the standalone engine passes every URL itself.
    logOverride: { 'empty-import-meta': 'silent' },
    plugins: [inlineEngine],
  });
  const script = page.outputFiles[0].text;
  const style = await readFile(path.join(dist, 'app.css'), 'utf8');
  for (const [name, text] of [
    ['script', script],
    ['style', style],
  ]) {
    if (/<\/(script|style)|<!--/i.test(text))
      throw new Error(`build-web: the inlined ${name} holds text that would end its element early`);
  }
  // Inline script and style are allowed by their hashes only; data: for the inlined modules and
  // worker; 'wasm-unsafe-eval' to compile the module. Nothing is fetched from anywhere.
  const policy = [
    "default-src 'none'",
    `script-src ${hashSource(script)} data: 'wasm-unsafe-eval'`,
    'worker-src data:',
    `style-src ${hashSource(style)}`,
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  let html = await readFile(path.join(repo, 'web/index.html'), 'utf8');
  const take = (pattern, replacement) => {
    if (!pattern.test(html)) throw new Error(`build-web: web/index.html has no ${pattern}`);
    html = html.replace(pattern, replacement);
  };
  take(/[ \t]*<link rel="stylesheet" href="app\.css">\n/, '');
  take(/[ \t]*<script type="module" src="app\.js"><\/script>\n/, '');
  // The preloads name files beside index.html, which the single file has inline.
  take(
    /[ \t]*<!-- Fetched while app\.js loads[\s\S]*?-->\n(?:[ \t]*<link rel="(?:module)?preload"[^>]*>\n)+/,
    '',
  );
  take(
    /<meta charset="utf-8">\n/,
    (line) =>
      `${line}  <meta http-equiv="Content-Security-Policy" content="${policy}">\n  <style>${style}</style>\n`,
  );
  take(/<\/body>/, () => `<script>${script}</script>\n</body>`);
  await writeFile(path.join(dist, 'wakeline-standalone.html'), html);
  return html.length;
}
const standaloneBytes = await buildStandalone();

const sizes = Object.entries({
  ...result.metafile.outputs,
  ...extra.metafile.outputs,
  ...playerSpanish.metafile.outputs,
})
  .filter(([file]) => !file.endsWith('.map'))
  .map(([file, info]) => `${path.basename(file)} ${(info.bytes / 1024).toFixed(1)} KB`);
console.log(
  `build-web: dist/ holds index.html, embed.html, ${sizes.join(', ')}, ` +
    `wakeline-standalone.html ${(standaloneBytes / 1024).toFixed(1)} KB, and the API: ${api.join(', ')}`,
);
