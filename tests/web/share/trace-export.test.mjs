// Export and import in Chromium: the NDJSON and Chrome trace downloads equal the CLI's byte for
// byte (of a run, and of an imported trace), the PNG is a PNG of the canvas's size, a good NDJSON file
// imports and is shown without running, and bad files show their line and problem.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPage, startSession, waitForRun } from '../support/browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repo, 'build/release/wakeline');
const cliRun = (args) => spawnSync(cli, ['run', ...args], { encoding: 'utf8' }).stdout;

async function withPage(hash, body) {
  const session = await startSession();
  try {
    const page = await openPage(session.browser, session.url + hash);
    assert.equal(await waitForRun(page), 'done');
    await body(page);
  } finally {
    await session.close();
  }
}

async function exported(page, menu, button) {
  // Opened unless it is open already (a second export from the same menu).
  if (!(await page.locator(`#${menu}`).evaluate((details) => details.open))) {
    await page.click(`#${menu} summary`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${button}`)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

const link = '#v=1&example=concurrent&tasks=7&jitter_ms=3&seed=5';
const cliArgs = ['concurrent', '--set', 'tasks=7', '--set', 'jitter_ms=3', '--seed', '5'];

test('the NDJSON export equals the CLI trace of the same scenario byte for byte', async () => {
  await withPage(link, async (page) => {
    const { name, bytes } = await exported(page, 'export-menu', 'export-ndjson');
    assert.equal(name, 'wakeline-concurrent-local-seed-5.ndjson');
    assert.equal(bytes.toString('utf8'), cliRun(cliArgs));
  });
});

test("the Chrome trace export is byte for byte the CLI's --format chrome", async () => {
  await withPage(link, async (page) => {
    const { name, bytes } = await exported(page, 'export-menu', 'export-chrome');
    assert.equal(name, 'wakeline-concurrent-local-seed-5.json');
    assert.equal(bytes.toString('utf8'), cliRun([...cliArgs, '--format', 'chrome']));
  });
});

test('the PNG export is a PNG as large as the timeline canvas', async () => {
  await withPage(link, async (page) => {
    // The size drawn when the button is pressed (the message after it may reflow the toolbar).
    await page.click('#export-menu summary');
    const size = await page.evaluate(() => {
      const canvas = document.querySelector('#timeline canvas');
      return [canvas.width, canvas.height];
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-png'),
    ]);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], size);
    assert.ok(bytes.length > 2000, `a drawn timeline, not a blank one (${bytes.length} bytes)`);
  });
});

test('an imported NDJSON trace is shown without running, and exports back the same', async () => {
  const trace = execFileSync(cli, ['run', 'timers', '--set', 'sleepers=2'], { encoding: 'utf8' });
  await withPage('#example=basic', async (page) => {
    await page.setInputFiles('#import-file', {
      name: 'timers.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(trace),
    });
    await page.waitForFunction(() =>
      document.getElementById('share-message').textContent.startsWith('Imported'),
    );
    const events = trace.trimEnd().split('\n').length - 1;
    assert.equal(
      await page.locator('#share-message').textContent(),
      `Imported timers.ndjson: ${events} events.`,
    );
    assert.match(
      await page.locator('#run-status-text').textContent(),
      new RegExp(`^${events} events`),
    );
    assert.equal(await page.locator('#example-picker').inputValue(), 'timers');
    assert.match(
      await page.evaluate(() => location.hash),
      /example=timers&strategy=local&sleepers=2&/,
    );
    const { bytes } = await exported(page, 'export-menu', 'export-ndjson');
    assert.equal(bytes.toString('utf8'), trace);
    const chrome = await exported(page, 'export-menu', 'export-chrome');
    assert.equal(
      chrome.bytes.toString('utf8'),
      cliRun(['timers', '--set', 'sleepers=2', '--format', 'chrome']),
    );
  });
});

test('bad trace files are refused with their line and problem, and the page keeps working', async () => {
  const good = cliRun(['basic']).trimEnd().split('\n');
  const files = [
    ['not-json.ndjson', `${good[0]}\n{"seq":1,\n`, /^not-json\.ndjson: Line 2: not valid JSON/],
    [
      'newer.ndjson',
      `${good[0].replace('"version":1', '"version":7')}\n${good[1]}\n`,
      /Line 1: the trace is schema version 7, newer than this page reads/,
    ],
    ['other.ndjson', '{"hello":"world"}\n', /Line 1: this is not a Wakeline trace/],
    [
      'gap.ndjson',
      `${[good[0], good[1], good[3]].join('\n')}\n`,
      /Line 3: seq out of order: expected 2, found 3/,
    ],
    [
      'cut.ndjson',
      `${good.slice(0, 5).join('\n')}\n${good[5].slice(0, 15)}`,
      /Line 6: the line is cut short/,
    ],
    [
      'missing.ndjson',
      `${good[0]}\n{"seq":1,"kind":"runtime_start"}\n`,
      /Line 2: the event has no "t"/,
    ],
    [
      'xss.ndjson',
      `${good[0]}\n{"seq":1,"t":0,"kind":"x","task":"<img src=x onerror=window.__pwned=1>"}\n`,
      /Line 2: "task" should be a whole number/,
    ],
  ];
  await withPage('#example=basic', async (page) => {
    const status = await page.locator('#run-status-text').textContent();
    for (const [name, text, problem] of files) {
      await page.setInputFiles('#import-file', {
        name,
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(text),
      });
      await page.waitForFunction(
        (file) => document.getElementById('share-message').textContent.startsWith(file),
        name,
      );
      assert.match(await page.locator('#share-message').textContent(), problem);
      assert.equal(
        await page.locator('#run-status-text').textContent(),
        status,
        'the shown run stays',
      );
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('body img').count(), 0);
    await page.click('#run-button');
    assert.equal(await waitForRun(page), 'done');
  });
});
