// The JavaScript API in Chromium, where it runs the module in a Web Worker by default: traces equal
// the native CLI's, a run cancels mid-way, bad input rejects with a typed error, a trap ends the
// run in error and the next run works. Serves dist/ (the site ships the API) with
// scripts/serve.mjs under its Content-Security-Policy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { buildSite, launchBrowser, startServer } from '../web/support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nativeCli = path.join(repo, 'build/release/wakeline');

function nativeTrace(args) {
  const run = spawnSync(nativeCli, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  // 1 is a run that ended otherwise than completed (a pitfall example's deadlock): still a trace.
  assert.ok(run.status === 0 || run.status === 1, `wakeline ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

let server;
let browser;
let page;
const errors = [];

before(async () => {
  buildSite();
  // dist/ (the site, which ships the API) and a worker of the page's own, for the last test.
  server = await startServer([path.join(repo, 'dist'), path.join(repo, 'tests/wasm/fixtures')]);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  // A same-origin document with the served headers and nothing of the page's own (and no
  // favicon, whose 404 would be a console error).
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  await page.goto(`${server.url}wakeline.mjs`);
  await page.evaluate(async () => {
    window.api = await import('/wakeline.mjs');
    window.wl = await window.api.createWakeline();
    // The NDJSON of a run, header line included, as the CLI prints it.
    window.ndjson = async (id, options) => {
      const run = await window.wl.run(id, { ...options, format: 'ndjson' });
      let text = `${run.headerLine}\n`;
      for await (const batch of run) text += batch;
      return { text, summary: await run.done };
    };
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the default handle runs the module in a Web Worker', async () => {
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
  );
  assert.ok(loaded.includes('/worker.mjs'), `worker.mjs was loaded: ${loaded.join(', ')}`);
  // The module itself is imported by the worker, not by this document.
  const inPage = await page.evaluate(() => typeof window.createWakelineCore);
  assert.equal(inPage, 'undefined');
});

test('traces from the worker equal the native CLI, in both formats', async () => {
  const examples = await page.evaluate(async () => (await window.wl.examples()).map((e) => e.id));
  assert.ok(examples.length >= 7);
  for (const id of examples) {
    const native = nativeTrace(['run', id, '--seed', '3']);
    const { text, summary } = await page.evaluate(([id]) => window.ndjson(id, { seed: 3 }), [id]);
    assert.equal(text, native, `${id}: NDJSON from the worker`);
    assert.equal(summary.events, native.trimEnd().split('\n').length - 1);
    const lines = await page.evaluate(
      async ([id]) => {
        const run = await window.wl.run(id, { seed: 3 });
        const out = [run.headerLine];
        for await (const batch of run) for (const event of batch) out.push(JSON.stringify(event));
        return `${out.join('\n')}\n`;
      },
      [id],
    );
    assert.equal(lines, native, `${id}: event objects from the worker`);
  }
});

test('a run in the worker cancels mid-way, and a new run starts at once', async () => {
  const result = await page.evaluate(async () => {
    const run = await window.wl.run('concurrent', { params: { tasks: 10000 } });
    let received = 0;
    for await (const batch of run) {
      if (received === 0) run.cancel();
      received += batch.length;
    }
    const summary = await run.done;
    const begun = performance.now();
    const next = await window.ndjson('basic', {});
    return {
      summary,
      received,
      nextOutcome: next.summary.outcome,
      nextMs: performance.now() - begun,
    };
  });
  assert.equal(result.summary.outcome, 'cancelled');
  assert.ok(result.summary.events < 100000, `${result.summary.events} events before the cancel`);
  assert.equal(result.received, result.summary.events);
  assert.equal(result.nextOutcome, 'completed');
  assert.ok(result.nextMs < 2000, `the next run took ${result.nextMs} ms`);
});

test('bad input rejects in the page with a typed error', async () => {
  const rejected = await page.evaluate(async () => {
    const out = [];
    for (const [id, options] of [
      ['no-such-example', {}],
      ['concurrent', { params: { tasks: 0 } }],
      ['concurrent', { params: { nope: 1 } }],
      ['concurrent', { budget: -1 }],
    ]) {
      try {
        await window.wl.run(id, options);
        out.push('resolved');
      } catch (error) {
        out.push(`${error instanceof window.api.WakelineError}:${error.code}`);
      }
    }
    return out;
  });
  assert.deepEqual(rejected, [
    'true:unknown_example',
    'true:out_of_range',
    'true:unknown_parameter',
    'true:out_of_range',
  ]);
});

test('a trap in the worker ends the run in error, and the next run works', async () => {
  const result = await page.evaluate(async () => {
    const trapped = await window.ndjson('trap', { params: { steps: 500 } });
    const next = await window.ndjson('basic', {});
    return { trapped: trapped.summary, next: next.text };
  });
  assert.equal(result.trapped.outcome, 'error');
  assert.match(result.trapped.message, /^WebAssembly trap: unreachable/);
  assert.equal(result.next, nativeTrace(['run', 'basic']));
});

test("the API also loads inside a worker of the page's own", async () => {
  const nativeBasic = nativeTrace(['run', 'basic', '--seed', '3']);
  const text = await page.evaluate(async () => {
    const worker = new Worker('/own-worker.mjs', { type: 'module' });
    return new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
    });
  });
  assert.equal(text, nativeBasic);
});

test('nothing was thrown or logged as an error', () => {
  assert.deepEqual(errors, []);
});
