// Serves the playground on 127.0.0.1 for local use: the built site in dist/ (see
// scripts/build-web.mjs), with the headers the page will have when hosted. No dependencies.
// Usage: node scripts/serve.mjs [DIR...]   (default dist/; PORT=8080 by default, the next free
// port if that one is taken)
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Looked up in order: the first root that holds the requested path serves it.
const args = process.argv.slice(2);
const roots = args.length > 0 ? args.map((dir) => path.resolve(dir)) : [path.join(repo, 'dist')];
const host = '127.0.0.1';
const portTries = 20;

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.cpp': 'text/plain; charset=utf-8',
  '.hpp': 'text/plain; charset=utf-8',
  '.rs': 'text/plain; charset=utf-8',
};

// Same-origin everything; wasm compilation allowed, no eval, no inline script or style.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// What another site's page needs to use the player from here (docs/embedding.md): the player
// imports wakeline.mjs and its core module and fetches the .wasm from this origin, which a
// browser allows cross-origin only with CORS. Everything here is public and sent without
// credentials, so any origin may read it.
const crossOriginHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

function send(res, status, text, head) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(head ? undefined : `${status} ${text}\n`);
}

// The file for a URL path inside `root`, or null. Refuses anything that resolves outside the
// root, through `..`, encoded separators, or symbolic links.
async function resolveInRoot(root, urlPath) {
  let realRoot;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  let file = path.join(realRoot, urlPath);
  if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return null;
  try {
    file = await realpath(file);
    if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return null;
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    return info.isFile() ? { file, size: info.size } : null;
  } catch {
    return null;
  }
}

async function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed', head);
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad Request', head);
  }
  const segments = urlPath.split('/');
  if (urlPath.includes('\0') || urlPath.includes('\\') || segments.includes('..')) {
    return send(res, 403, 'Forbidden', head);
  }
  for (const root of roots) {
    const found = await resolveInRoot(root, urlPath);
    if (!found) continue;
    const type = mimeTypes[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...securityHeaders,
      ...crossOriginHeaders,
      'Content-Type': type,
      'Content-Length': found.size,
    });
    if (head) return res.end();
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    return stream.pipe(res);
  }
  return send(res, 404, 'Not Found', head);
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const requested = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  console.error(`serve: PORT must be a port number, not '${process.env.PORT}'`);
  process.exit(2);
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, 'Internal Server Error', req.method === 'HEAD');
    else res.destroy();
  });
});

let port = null;
for (let i = 0; i < portTries && port === null; ++i) {
  const candidate = requested === 0 ? 0 : requested + i;
  if (candidate > 65535) break;
  try {
    port = await listen(server, candidate);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`serve: port ${candidate} is in use, trying the next one`);
  }
}
if (port === null) {
  console.error(`serve: no free port from ${requested} to ${requested + portTries - 1}`);
  process.exit(1);
}

console.log(`Wakeline playground: http://${host}:${port}/`);
console.log('Press Ctrl+C to stop.');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
