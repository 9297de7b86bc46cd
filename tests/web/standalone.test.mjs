// dist/wakeline-standalone.html opened from disk (file://) in Chromium with no special flags:
// the runtime loads from the file itself, a share link in its fragment runs, the timeline is
// drawn, the module runs in a Web Worker, and the page's own Content-Security-Policy holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSite, launchBrowser, openPage, waitForRun, watchedPage } from './support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(repo, 'dist/wakeline-standalone.html');

test('the single file is one HTML file with a CSP and no external script, style or module', () => {
  buildSite();
  const html = readFileSync(file, 'utf8');
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' data: 'wasm-unsafe-eval'; worker-src data:; style-src 'sha256-[^']+';/,
  );
  // The markup around the inlined script and style (their text may quote tags).
  const markup = html
    .replace(/<script>[^]*?<\/script>/g, '<script></script>')
    .replace(/<style>[^]*?<\/style>/g, '<style></style>');
  assert.equal((markup.match(/<script>/g) ?? []).length, 1);
  assert.ok(!/<script[^>]+src=|<link rel="stylesheet"|type="module"/.test(markup), markup);
  // index.html's own markup, its data-i18n attributes included, is about 11 KB.
  assert.ok(markup.length < 12000, 'everything else is inlined');
});

test('the single file runs from file:// without flags, in a worker, with the link applied', async () => {
  buildSite();
  const browser = await launchBrowser();
  try {
    const url = `${pathToFileURL(file).href}#v=1&example=basic&steps=2&seed=4&select=seq:5`;
    const page = await openPage(browser, url);
    assert.equal(await waitForRun(page), 'done');
    assert.match(await page.locator('#run-status-text').textContent(), /^\d+ events · 20 ms$/);
    assert.equal(await page.locator('#param-steps').inputValue(), '2');
    assert.match(await page.locator('#selection-details').textContent(), /^Selected event 5: /);
    assert.equal(page.workers().length, 1, 'the module runs in a Web Worker');
    const pending = await page.evaluate(() => {
      const canvas = document.querySelector('#timeline canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i] - 0xe6) < 3 && Math.abs(data[i + 1] - 0x9f) < 3) ++count;
      return count;
    });
    assert.ok(pending > 20, `pending polls drawn (${pending} pixels)`);
    // Another example runs too, and nothing broke the page's policy on the way.
    await page.selectOption('#example-picker', 'timers');
    await page.click('#run-button');
    await page.waitForFunction(() => location.hash.includes('example=timers'));
    assert.equal(await waitForRun(page), 'done');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('the single file opens on a program and its editor checks, runs and prints it', async () => {
  buildSite();
  const browser = await launchBrowser();
  try {
    const page = await watchedPage(browser);
    await page.goto(pathToFileURL(file).href);
    assert.equal(await waitForRun(page), 'done');
    assert.equal(await page.evaluate(() => document.body.dataset.source), 'rust');
    assert.equal(await page.evaluate(() => document.body.dataset.programRun), 'program');
    await page.waitForSelector('#program-editor[data-ready="true"]');

    // An error, underlined and listed; Run says why it is disabled.
    await page.click('#program-editor .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nfn broken( {}\n');
    await page.waitForSelector(
      '#program-editor .cm-lintRange-error, #program-editor .cm-lintPoint-error',
      { state: 'attached' },
    );
    await page.waitForFunction(() => document.getElementById('run-button').disabled);
    assert.match(
      await page.textContent('#program-diagnostics-summary'),
      /concurrent\.rs: \d+ error/,
    );
    // The run on screen is the program before the edit: the note says so.
    assert.match(await page.textContent('#stale-note'), /program was edited since this run/);

    // Fixed, with a line printed; Ctrl+Enter runs it and the console shows the line.
    for (let i = 0; i < 'fn broken( {}\n'.length; ++i) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Home');
    const text = await page.evaluate(() =>
      [...document.getElementById('program-editor').shadowRoot.querySelectorAll('.cm-line')]
        .map((line) => line.textContent)
        .join('\n'),
    );
    const mainLine = text.split('\n').findIndex((line) => /async fn main/.test(line));
    for (let i = 0; i < mainLine; ++i) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.insertText('\n    println!("from the single file");');
    await page.waitForFunction(() => !document.getElementById('run-button').disabled);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () =>
        document.getElementById('stale-note').hidden && document.body.dataset.runState === 'done',
    );
    await page.waitForFunction(() =>
      document.getElementById('console').textContent.includes('from the single file'),
    );
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  } finally {
    await browser.close();
  }
});
