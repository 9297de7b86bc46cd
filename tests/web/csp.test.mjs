// The strict Content-Security-Policy holds while the page is used: served by scripts/serve.mjs
// (the policy as an HTTP header) and as dist/wakeline-standalone.html from disk (the policy in a
// meta tag), a run, playback, the Share menu and an import raise no securitypolicyviolation.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSession, waitForRun } from './support/browser.mjs';
import { traceLines } from './support/hostile-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let session;
let trace;
before(async () => {
  trace = `${(await traceLines('timers')).join('\n')}\n`;
  session = await startSession();
});
after(() => session?.close());

/** Uses the page at `url` the way a visitor would; resolves to the CSP violations it raised. */
async function useThePage(url) {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    assert.equal(await waitForRun(page), 'done');
    await page.selectOption('#example-picker', 'channel');
    await page.click('#run-button');
    await page.waitForFunction(() => location.hash.includes('example=channel'));
    assert.equal(await waitForRun(page), 'done');
    await page.click('.playback-play');
    await page.waitForFunction(() => Number(document.body.dataset.playhead) > 0);
    await page.click('.playback-play');
    await page.click('#share-menu summary');
    assert.match(await page.locator('#share-iframe').inputValue(), /^<iframe src=/);
    await page.click('#share-menu summary');
    await page.setInputFiles('#import-file', { name: 'timers.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(trace) });
    await page.waitForFunction(() => document.getElementById('share-message').textContent.startsWith('Imported timers.ndjson'));
    await page.click('#export-menu summary');
    await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    assert.deepEqual(errors, []);
    // Awaited here: a bare return would let `finally` close the page while evaluate runs.
    return await page.evaluate(() => window.__violations);
  } finally {
    await page.close();
  }
}

test('the served policy allows no inline script, no eval, only wasm compilation', async () => {
  const response = await fetch(session.url);
  const policy = response.headers.get('content-security-policy');
  assert.ok(policy, 'the page is served with a Content-Security-Policy');
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /object-src 'none'/);
});

test('the served page raises no CSP violation through run, play, share, import and export', async () => {
  assert.deepEqual(await useThePage(`${session.url}#example=basic`), []);
});

test('the single file raises no CSP violation through run, play, share, import and export', async () => {
  const file = pathToFileURL(path.join(repo, 'dist/wakeline-standalone.html')).href;
  assert.deepEqual(await useThePage(`${file}#example=basic`), []);
});
