// Nothing lost: a run exported and imported again shows the same view (task table, status,
// warnings, the drawn timeline), and a stream cut at any byte of its last events shows whole
// events only. The streams are the page's two: the engine's binary batches (wasm/api/wire.mjs)
// and NDJSON text into the timeline model (appendNdjson).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TraceModel } from '../../web/app/timeline/model.js';
import { withPage, waitForRun } from './support/browser.mjs';
import { traceLines } from './support/hostile-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiDir = path.join(repo, 'build/wasm/api');

/** What the page shows of the trace on screen, and a hash of the timeline's pixels. */
function view(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('#timeline canvas');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < pixels.length; ++i) hash = (Math.imul(hash, 31) + pixels[i]) | 0;
    const text = (id) => document.getElementById(id).innerText;
    return {
      status: text('run-status-text'),
      taskTable: [...document.querySelectorAll('#task-table tr')].map((row) => row.innerText),
      warnings: text('warnings'),
      pixels: hash,
    };
  });
}

test('a run exported as NDJSON and imported again shows the same view', async () => {
  await withPage('#v=1&example=lost-wakeup&seed=2', async (page) => {
    assert.equal(await waitForRun(page), 'done');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    const before = await view(page);
    assert.ok(
      before.taskTable.length > 2 && before.warnings.includes('Deadlock'),
      JSON.stringify(before),
    );
    await page.click('#export-menu summary');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-ndjson'),
    ]);
    const buffer = await readFile(await download.path());
    await page.click('#export-menu summary');
    await page.setInputFiles('#import-file', {
      name: 'again.ndjson',
      mimeType: 'application/x-ndjson',
      buffer,
    });
    await page.waitForFunction(() =>
      document.getElementById('share-message').textContent.startsWith('Imported again.ndjson'),
    );
    await page.waitForFunction(() => document.body.dataset.runState === 'done');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    assert.deepEqual(await view(page), before);
  });
});

/** The engine's binary batches of a run, as the page's decoder receives them: { decoder, calls }. */
async function recordedBatches(example) {
  const { WireDecoder } = await import(pathToFileURL(path.join(apiDir, 'wire.mjs')).href);
  const { createWakeline } = await import(pathToFileURL(path.join(apiDir, 'wakeline.mjs')).href);
  const decode = WireDecoder.prototype.decode;
  const calls = [];
  let decoder;
  WireDecoder.prototype.decode = function record(buffer, count, strings) {
    decoder = this;
    calls.push({ records: buffer.slice(0), count });
    return decode.call(this, buffer, count, strings);
  };
  const wakeline = await createWakeline({ worker: false, batchSize: 1_000_000 });
  try {
    const run = await wakeline.run(example);
    const events = [];
    for await (const batch of run) events.push(...batch);
    await run.done;
    return { decoder, calls, events, decode };
  } finally {
    WireDecoder.prototype.decode = decode;
    wakeline.dispose();
  }
}

test('a binary batch cut at any byte of its last events is refused, never decoded in part', async () => {
  const { decoder, calls, events, decode } = await recordedBatches('lost-wakeup');
  assert.equal(calls.length, 1, 'one batch holds the whole run');
  const { records, count } = calls[0];
  assert.equal(count, events.length);
  const recordSize = records.byteLength / count;
  for (let cut = (count - 4) * recordSize; cut < count * recordSize; ++cut) {
    // Its strings were added to the decoder's table by the first decode: none are sent again.
    assert.throws(
      () => decode.call(decoder, records.slice(0, cut), count, null),
      RangeError,
      `cut at byte ${cut}`,
    );
    const whole = Math.floor(cut / recordSize);
    assert.deepEqual(
      decode.call(decoder, records.slice(0, cut), whole, null),
      events.slice(0, whole),
    );
  }
});

test('NDJSON streamed into the timeline model and cut at any byte keeps whole events only', async () => {
  const lines = (await traceLines('lost-wakeup')).slice(1);
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  const lastFour = Buffer.byteLength(`${lines.slice(-4).join('\n')}\n`);
  for (let cut = bytes.length - lastFour; cut <= bytes.length; ++cut) {
    const model = new TraceModel();
    // Decoded as a stream decoder would: a cut UTF-8 sequence is held back, not replaced.
    model.appendNdjson(new TextDecoder().decode(bytes.subarray(0, cut), { stream: true }));
    const whole = bytes.subarray(0, cut).toString('latin1').split('\n').length - 1;
    assert.equal(model.count, whole, `cut at byte ${cut}`);
    for (let i = Math.max(0, whole - 4); i < whole; ++i)
      assert.equal(JSON.stringify(model.fieldsOf(i)), lines[i]);
  }
});
