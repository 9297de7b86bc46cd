// Prepended to wakeline-core.mjs (--extern-pre-js). Emscripten 3.1.6's node code path expects
// CommonJS's `require` and `__dirname`, which an ES module does not have, and it fetches the
// .wasm from a file:// URL, which node's fetch cannot read. Under node, give it module-scoped
// stand-ins; in a page or a worker they are the usual globals.
var require,
  __dirname,
  fetch = globalThis.fetch;
if (typeof process === 'object' && typeof process.versions?.node === 'string') {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  require = createRequire(import.meta.url);
  __dirname = fileURLToPath(new URL('.', import.meta.url));
  const webFetch = fetch;
  fetch = async (url, init) => {
    if (!String(url).startsWith('file:')) return webFetch(url, init);
    const bytes = await require('node:fs/promises').readFile(new URL(url));
    return new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } });
  };
}
