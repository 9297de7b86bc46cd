// Builds the playground into dist/: web/index.html, app.js (web/app bundled by esbuild, ES
// module), app.css (web/styles bundled), and the JavaScript API's files exactly as the wasm build
// ships them. The API is not bundled: it loads its core module (and worker) from beside itself.
// Usage: node scripts/build-web.mjs [--dev]   (--dev: no minification)
// Needs the wasm build first: bash scripts/build.sh wasm. WAKELINE_API_DIR=DIR ships the API
// files of another wasm build (e.g. one made from a clean checkout).
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'dist');
const dev = process.argv.includes('--dev');

// The wasm build's folder of files to ship; older builds left the API loose in build/wasm/.
const apiDir = path.resolve(repo, process.env.WAKELINE_API_DIR || 'build/wasm/api');
const legacyDir = path.join(repo, 'build/wasm');
const legacyFiles = ['wakeline.mjs', 'wakeline.d.ts', 'wakeline-core.mjs', 'wakeline-core.wasm'];

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
  if (await exists(apiDir)) {
    const names = await readdir(apiDir);
    for (const name of names) {
      await cp(path.join(apiDir, name), path.join(dist, name), { recursive: true });
    }
    return names;
  }
  const missing = [];
  for (const name of legacyFiles) {
    if (!(await exists(path.join(legacyDir, name)))) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`build-web: the JavaScript API is not built (no build/wasm/api/, and build/wasm/ lacks ${missing.join(', ')}); run: bash scripts/build.sh wasm`);
  }
  for (const name of legacyFiles) await cp(path.join(legacyDir, name), path.join(dist, name));
  return legacyFiles;
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
  bundle: true,
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  minify: !dev,
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [apiExternal],
});
await cp(path.join(repo, 'web/index.html'), path.join(dist, 'index.html'));

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map'))
  .map(([file, info]) => `${path.basename(file)} ${(info.bytes / 1024).toFixed(1)} KB`);
console.log(`build-web: dist/ holds index.html, ${sizes.join(', ')}, and the API: ${api.join(', ')}`);
