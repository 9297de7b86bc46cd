// The JavaScript API after its WebAssembly instance traps or aborts: the run ends with outcome
// `error` and the message, and the next run gets a fresh instance whose trace equals the native
// CLI's. The test-only example `trap` (examples/trap.cpp, unlisted) does the trapping.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { pathToFileURL } from 'node:url';

import { createWakeline } from '../../wasm/api/wakeline.mjs';
import { builtOrFail, core, nativeCli } from './support/builds.mjs';

function nativeTrace(args) {
  const run = spawnSync(nativeCli, args, { maxBuffer: 1 << 30 });
  assert.equal(run.error, undefined, `wakeline ${args.join(' ')} did not run: ${run.error}`);
  assert.equal(run.status, 0, `wakeline ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.toString();
}

// Every batch of a run (NDJSON text) with its summary.
async function drain(run) {
  const batches = [];
  for await (const batch of run) batches.push(batch);
  return { batches, summary: await run.done };
}

async function apiTrace(wl, id, options = {}) {
  const run = await wl.run(id, { ...options, format: 'ndjson' });
  const { batches, summary } = await drain(run);
  return { text: `${run.headerLine}\n${batches.join('')}`, summary };
}

function lineCount(batches) {
  return batches.join('').split('\n').length - 1;
}

if (builtOrFail(nativeCli, core)) {
  // The engine behind a counter of the instances made, to see that a trapped one is replaced (a
  // trapped instance may well seem to work on: its stack and heap are just no longer trusted).
  const counting =
    'data:text/javascript,' +
    encodeURIComponent(
      `import createCore from ${JSON.stringify(String(pathToFileURL(core)))};\n` +
        'export default (options) => { globalThis.wakelineCoreInstances += 1; return createCore(options); };',
    );
  globalThis.wakelineCoreInstances = 0;
  const instancesSince = (before) => globalThis.wakelineCoreInstances - before;
  const open = () => createWakeline({ worker: false, coreUrl: counting, batchSize: 5 });
  const basicNative = nativeTrace(['run', 'basic', '--set', 'steps=4', '--seed', '7']);
  const basicOptions = { params: { steps: 4 }, seed: 7 };

  test('the trap example is test-only: examples() does not list it', async () => {
    const wl = await open();
    assert.ok(!(await wl.examples()).some((e) => e.id === 'trap'));
    assert.ok(!nativeTrace(['list']).includes('trap'));
  });

  for (const [name, params, message] of [
    ['a trap instruction', { steps: 500 }, /^WebAssembly trap: unreachable/],
    ['std::abort()', { steps: 500, abort: true }, /^Aborted\(/],
  ]) {
    test(`a run stopped by ${name} ends in error with its message, and the next run works`, async () => {
      const before = globalThis.wakelineCoreInstances;
      const wl = await open();
      // The run before the trap leaves its instance in use: the recovery must not depend on a
      // fresh handle.
      assert.equal((await apiTrace(wl, 'basic', basicOptions)).text, basicNative);

      const { batches, summary } = await drain(await wl.run('trap', { params, format: 'ndjson' }));
      assert.equal(summary.outcome, 'error');
      assert.match(summary.message, message);
      // The slices before the one that trapped streamed their events, and the summary counts them.
      assert.ok(batches.length > 0, 'batches before the trap');
      assert.equal(summary.events, lineCount(batches));
      assert.equal(instancesSince(before), 1, 'no new instance until one is needed');

      const next = await apiTrace(wl, 'basic', basicOptions);
      assert.equal(next.summary.outcome, 'completed');
      assert.equal(next.text, basicNative);
      assert.equal(instancesSince(before), 2, 'the run after the trap had a fresh instance');
      await apiTrace(wl, 'basic', basicOptions);
      assert.equal(instancesSince(before), 2, 'the fresh instance is kept');
    });
  }

  test('runs queued behind a trapping run start on a fresh instance', async () => {
    const before = globalThis.wakelineCoreInstances;
    const wl = await open();
    const trapped = await wl.run('trap', { format: 'ndjson' });
    const second = await wl.run('basic', { ...basicOptions, format: 'ndjson' });
    const third = await wl.run('trap', { params: { steps: 0 }, format: 'ndjson' });
    const fourth = await wl.run('basic', { ...basicOptions, format: 'ndjson' });
    assert.equal((await drain(trapped)).summary.outcome, 'error');
    const after = await drain(second);
    assert.equal(after.summary.outcome, 'completed');
    assert.equal(`${second.headerLine}\n${after.batches.join('')}`, basicNative);
    const again = await drain(third);
    assert.equal(again.summary.outcome, 'error');
    assert.equal(again.summary.events, lineCount(again.batches));
    const last = await drain(fourth);
    assert.equal(`${fourth.headerLine}\n${last.batches.join('')}`, basicNative);
    assert.equal(instancesSince(before), 3, 'one instance at first, one after each trap');
  });
}
