// A blog on an origin of its own for the embedding tests: a node:http server on 127.0.0.1 (a
// port of its own, so another origin than the Wakeline site's, both in the loopback address
// space, which Chromium's local network checks require) that serves the pages a test sets,
// each with the Content-Security-Policy the test gives.
import { createServer } from 'node:http';

/** Starts the blog: { url, set(path, { html, csp }), close() }. */
export async function startBlog() {
  const pages = new Map();
  const server = createServer((req, res) => {
    const page = pages.get(new URL(req.url, 'http://blog').pathname);
    if (!page) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': page.csp,
      'Cache-Control': 'no-store',
    });
    res.end(page.html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    set(path, page) {
      pages.set(path, page);
    },
    close() {
      server.closeAllConnections?.();
      server.close();
    },
  };
}
