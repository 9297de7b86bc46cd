// scripts/serve.mjs: serves files with the right types and headers, never anything outside its
// roots, and moves to the next port when one is taken.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const serveScript = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../scripts/serve.mjs',
);

// Starts the server on `port` over `roots`; resolves with its URL and process.
function startServer(port, roots) {
  const child = spawn(process.execPath, [serveScript, ...roots], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve({ child, url: match[0], port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
}

function stopServer(server) {
  server.child.removeAllListeners('exit');
  server.child.kill('SIGTERM');
}

// A raw GET that keeps the path exactly as written (fetch would normalise `..` away).
function rawGet(url, rawPath) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        assert.doesNotMatch(body, /outside the root/, `${rawPath} served a file outside the root`);
        resolve(res.statusCode);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

let dir;
let server;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wakeline-serve-'));
  const root = path.join(dir, 'root');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(root, 'app.mjs'), 'export {};');
  writeFileSync(path.join(root, 'app.js'), ';');
  writeFileSync(path.join(root, 'module.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(path.join(root, 'trace.ndjson'), '{}\n');
  writeFileSync(path.join(root, 'data.json'), '{}');
  writeFileSync(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer(0, [root]);
});

after(() => {
  if (server) stopServer(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('serves index.html for a directory, with a strict Content-Security-Policy', async () => {
  for (const [urlPath, title] of [
    ['', '<title>t</title>'],
    ['sub/', '<title>sub</title>'],
  ]) {
    const res = await fetch(server.url + urlPath);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await res.text(), new RegExp(title));
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  }
});

test('gives modules, wasm, JSON and NDJSON their MIME types', async () => {
  const expected = {
    'app.mjs': 'text/javascript; charset=utf-8',
    'app.js': 'text/javascript; charset=utf-8',
    'module.wasm': 'application/wasm',
    'data.json': 'application/json; charset=utf-8',
    'trace.ndjson': 'application/x-ndjson; charset=utf-8',
  };
  for (const [file, type] of Object.entries(expected)) {
    const res = await fetch(server.url + file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type'), type, file);
    await res.arrayBuffer();
  }
});

test('refuses paths that leave the root', async () => {
  // Plain `..` segments are resolved by URL parsing before the root is applied, so they land
  // inside the root (404); encoded ones survive parsing and are refused (403).
  assert.equal(await rawGet(server.url, '/../secret.txt'), 404);
  assert.equal(await rawGet(server.url, '/sub/../../secret.txt'), 404);
  assert.equal(await rawGet(server.url, '/..%2fsecret.txt'), 403);
  assert.equal(await rawGet(server.url, '/%2e%2e%2fsecret.txt'), 403);
  assert.equal(await rawGet(server.url, '/sub%5c..%5c..%5csecret.txt'), 403);
  assert.equal(await rawGet(server.url, '/link.txt'), 404, 'a symlink out of the root');
  assert.equal(await rawGet(server.url, '/%00'), 403);
});

test('answers 404 for a missing file and 405 for a POST', async () => {
  assert.equal((await fetch(server.url + 'missing.js')).status, 404);
  assert.equal((await fetch(server.url, { method: 'POST' })).status, 405);
});

test('moves to the next port when the requested one is taken', async () => {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = blocker.address().port;
  let second;
  try {
    second = await startServer(taken, [path.join(dir, 'root')]);
    assert.notEqual(second.port, taken);
    assert.ok(second.port > taken && second.port < taken + 20, `port ${second.port}`);
    assert.equal((await fetch(second.url)).status, 200);
  } finally {
    if (second) stopServer(second);
    blocker.close();
  }
});
