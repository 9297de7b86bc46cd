// Runs recover in WebAssembly: a storm of runs started and cancelled part-way, and a runaway
// program stopped by its memory limit, leave the module as they found it. The next run
// completes, and the module's heap in use (RunSummary.memory_in_use, mallinfo's uordblks once a
// run is freed) comes back to its level from before. Needs build/wasm/api/wakeline-core.mjs
// (scripts/build.sh wasm builds it).
import assert from 'node:assert/strict';
import test from 'node:test';
import { pathToFileURL } from 'node:url';

import { createWakeline } from '../../wasm/api/wakeline.mjs';
import { builtOrFail, core } from './support/builds.mjs';

// What may differ between two quiet moments of the heap: the frame pool's free lists, once they
// are at their working size (the engine frees the text of each summary before measuring). A leaked trace (16 KiB at least) per cycle would be 1.6 MiB here.
const tolerance = 64 * 1024;

if (builtOrFail(core)) {
  const wl = await createWakeline({ worker: false, coreUrl: pathToFileURL(core), batchSize: 50 });

  // Runs `id` to its end, pulling every batch; resolves to its summary.
  async function finished(id, options = {}) {
    const run = await wl.run(id, options);
    for await (const batch of run) void batch;
    return run.done;
  }

  // Starts a long run, pulls a few batches, cancels it, and drains what is left.
  async function startAndCancel(i) {
    const run = await wl.run('concurrent', { params: { tasks: 1000 }, seed: i });
    let pulled = 0;
    let cancelled = false;
    for await (const batch of run) {
      pulled += batch.length;
      if (!cancelled && pulled >= 200) {
        run.cancel();
        cancelled = true;
      }
    }
    return run.done;
  }

  function assertClose(after, before, what) {
    assert.equal(typeof after, 'number', `${what}: memory_in_use missing`);
    assert.ok(
      Math.abs(after - before) <= tolerance,
      `${what}: ${after} bytes in use after, ${before} before (tolerance ${tolerance})`,
    );
  }

  test('a summary reports the heap in use once the run is freed', async () => {
    const summary = await finished('basic');
    assert.equal(summary.outcome, 'completed');
    assert.ok(Number.isSafeInteger(summary.memory_in_use) && summary.memory_in_use > 0);
  });

  test('each of 100 runs started and cancelled part-way gives the heap back, and the run after it completes', async () => {
    // One cycle first, so the frame pool and the module's buffers are at their working size.
    assert.equal((await startAndCancel(0)).outcome, 'cancelled');
    const before = (await finished('basic')).memory_in_use;
    for (let i = 1; i <= 100; ++i) {
      const summary = await startAndCancel(i);
      assert.equal(summary.outcome, 'cancelled', `cycle ${i}`);
      assert.ok(summary.events < 100000, `cycle ${i}: ${summary.events} events before the cancel`);
      assertClose(summary.memory_in_use, before, `once cancelled run ${i} is freed`);
      const next = await finished('basic');
      assert.equal(next.outcome, 'completed', `the run after cycle ${i}`);
      assertClose(next.memory_in_use, before, `the run after cycle ${i}`);
    }
  });

  // Every way a run can end short of completing, each followed by a run that must complete with
  // the heap where it was.
  for (const [ending, id, options, check] of [
    ['deadlock', 'lost-wakeup', {}, () => {}],
    // The budget stops the run at its 5,000th event; the tasks it cancels then add their ends.
    [
      'budget_exhausted',
      'concurrent',
      { params: { tasks: 1000 }, budget: 5000 },
      (s) => assert.ok(s.events > 5000, `${s.events} events`),
    ],
    // Without a limit, the runaway grows until the module's memory cannot: an allocation
    // throws, the run fails, and the summary says why in words.
    ['failed', 'runaway', { memoryLimit: 0 }, (s) => assert.match(s.message, /^out of memory/)],
  ]) {
    test(`a run that ends in ${ending} leaves the heap as it was, and the next run completes`, async () => {
      // Once first, so the frame pool's free lists are at this run's working size.
      assert.equal((await finished(id, options)).outcome, ending);
      const before = (await finished('basic')).memory_in_use;
      const summary = await finished(id, options);
      assert.equal(summary.outcome, ending);
      check(summary);
      assertClose(summary.memory_in_use, before, `once the ${ending} run is freed`);
      const after = await finished('basic');
      assert.equal(after.outcome, 'completed');
      assertClose(after.memory_in_use, before, `after the ${ending} run`);
    });
  }

  test('the runaway example stops at its memory limit, and the next run completes with the heap back', async () => {
    const before = (await finished('basic')).memory_in_use;
    const runaway = await finished('runaway');
    assert.equal(runaway.outcome, 'memory_exhausted');
    // 256 handlers of 1 MiB each: the limit, not the event budget, ended it.
    assert.equal(runaway.tasks.filter((t) => t.name === 'handler').length, 256);
    assertClose(runaway.memory_in_use, before, 'once the runaway is freed');
    const after = await finished('basic');
    assert.equal(after.outcome, 'completed');
    assertClose(after.memory_in_use, before, 'after the runaway');
  });

  test('a smaller memory limit from the API stops the runaway sooner', async () => {
    const run = await wl.run('runaway', { memoryLimit: 8 * 1024 * 1024 });
    assert.equal(run.header.memory_limit, 8 * 1024 * 1024);
    for await (const batch of run) void batch;
    const summary = await run.done;
    assert.equal(summary.outcome, 'memory_exhausted');
    assert.equal(summary.tasks.filter((t) => t.name === 'handler').length, 8);
  });
}
