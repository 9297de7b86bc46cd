// Shared by the browser tests: builds dist/ once, serves it with scripts/serve.mjs on a free port,
// and opens the page in Debian's Chromium through playwright-core, collecting console errors.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Chromium's flags for this machine (docs: TOOLCHAIN.md). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let built = false;

/**
 * Builds dist/ from web/ and the wasm build's API, once per test file; not at all when the caller
 * says it is built (scripts/test.sh builds it once, so test files running side by side do not
 * rebuild it under each other).
 */
export function buildSite() {
  if (built || process.env.WAKELINE_SITE_BUILT === '1') return;
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/build-web.mjs')], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build-web failed:\n${result.stdout}${result.stderr}`);
  built = true;
}

/**
 * Starts scripts/serve.mjs on a free port: { url, close() }. It serves dist/, or the folders in
 * `roots` (looked up in order).
 */
export function startServer(roots = []) {
  const child = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs'), ...roots], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const close = () => {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve({ url: match[0], close });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
}

/** Launches Chromium. */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

/**
 * Opens `url` at 1280x720 in a new page of `browser`; `page.errors` collects console errors,
 * uncaught exceptions and failed requests (CSP violations are console errors too).
 */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => page.errors.push(`request failed: ${request.url()}`));
  await page.goto(url);
  return page;
}

/**
 * A new 1280x720 page of `browser` that records every CSP violation in `window.__violations`
 * (directive, blocked URI, source:line) from before its first script; `page.errors` collects
 * uncaught exceptions and console errors.
 */
export async function watchedPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  return page;
}

/**
 * Waits until every <wakeline-player> of the page has ended its run (or refused one), then two
 * animation frames, in which their drawing lands.
 */
export async function waitForPlayers(page, timeout = 20000) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('wakeline-player')].every((player) =>
        ['done', 'error'].includes(player.state),
      ),
    null,
    { timeout },
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Serves `body` as the site's host.html to `page`, opens it and waits for its players. */
export async function openHostPage(page, session, body) {
  await page.route(`${session.url}host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body }),
  );
  await page.goto(`${session.url}host.html`);
  await waitForPlayers(page);
  return page;
}

/**
 * A new page of `session`'s browser in a context of its own (its own storage: a first visit),
 * at `locale` and `viewport`, with downloads accepted and `permissions` (e.g. the clipboard's)
 * granted to the site, open at the site's `hash` once its run has ended; `page.errors` collects
 * uncaught exceptions.
 */
export async function openFirstVisit(
  session,
  hash,
  { locale = 'en-US', viewport = { width: 1440, height: 900 }, permissions = [] } = {},
) {
  const context = await session.browser.newContext({ locale, viewport, acceptDownloads: true });
  if (permissions.length > 0) await context.grantPermissions(permissions, { origin: session.url });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(session.url + hash);
  const state = await waitForRun(page);
  if (state !== 'done') throw new Error(`${hash}: the run ended ${state}`);
  return page;
}

/** Waits until the run of the page's <wakeline-player id="player"> ended and is drawn; returns its state. */
export async function waitForPlayer(page, timeout = 20000) {
  await page.waitForFunction(
    () => ['done', 'error'].includes(document.getElementById('player')?.state),
    null,
    { timeout },
  );
  // As with the page (waitForRun): the run's last drawing, and a redraw after the frame's height
  // fits the run (a resized canvas is cleared), land in the frames after the state changes.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => document.getElementById('player').state);
}

/**
 * Waits until the page's run ended (body[data-run-state] done or error) and the timeline has
 * drawn it; returns the state. The page draws in its animation frames (frame-scheduler.js), so
 * the run's last drawing lands in a frame after the state changes: two frames later it is on
 * the canvas.
 */
export async function waitForRun(page, timeout = 20000) {
  // A program's first timeline may come from its C++ twin (body[data-program-run="preview"]),
  // which the program's own run then replaces: that one is waited for too.
  await page.waitForFunction(
    () =>
      ['done', 'error'].includes(document.body.dataset.runState) &&
      document.body.dataset.programRun !== 'preview',
    null,
    { timeout },
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => document.body.dataset.runState);
}

/**
 * Opens the Share menu and waits until its snippets are written: the menu fills them on its
 * `toggle` event, which the browser fires after the click, not during it.
 */
export async function openShareMenu(page) {
  await page.click('#share-menu summary');
  await page.waitForFunction(() => document.getElementById('share-iframe')?.value !== '');
}

/** Sets up a server and a browser for a test file: { url, browser, close() }. */
export async function startSession() {
  buildSite();
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    url: server.url,
    browser,
    async close() {
      try {
        await browser.close();
      } finally {
        server.close();
      }
    },
  };
}

/** Opens the page at `hash` in a fresh session, runs `body(page, session)`, then closes it. */
export async function withPage(hash, body) {
  const session = await startSession();
  try {
    const page = await openPage(session.browser, session.url + hash);
    await body(page, session);
  } finally {
    await session.close();
  }
}
