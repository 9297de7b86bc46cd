// The JavaScript API (wasm/api/wakeline.mjs) in node: the catalogue it lists, traces that equal
// the native CLI's byte for byte, and typed errors for bad input. Needs build/release/wakeline
// and build/wasm/api/wakeline-core.mjs (scripts/build.sh builds both).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { pathToFileURL } from 'node:url';

import { WakelineError, createWakeline } from '../../wasm/api/wakeline.mjs';
import { builtOrFail, core, nativeCli } from './support/builds.mjs';

function runNative(args) {
  const run = spawnSync(nativeCli, args, { maxBuffer: 1 << 30 });
  assert.equal(run.error, undefined, `wakeline ${args.join(' ')} did not run: ${run.error}`);
  return run;
}

// The NDJSON the API produces, header line included, as the CLI would print it.
async function apiTrace(wl, id, options) {
  const run = await wl.run(id, { ...options, format: 'ndjson' });
  let text = `${run.headerLine}\n`;
  for await (const batch of run) text += batch;
  return { text, summary: await run.done };
}

// The events the API produces in its default format, and the header line.
async function apiObjects(wl, id, options) {
  const run = await wl.run(id, options);
  const events = [];
  for await (const batch of run) events.push(...batch);
  return { headerLine: run.headerLine, events, summary: await run.done };
}

function nativeArgs(id, { params = {}, seed, budget, strategy } = {}) {
  const args = ['run', id];
  if (strategy !== undefined) args.push('--strategy', strategy);
  for (const [name, value] of Object.entries(params)) args.push('--set', `${name}=${value}`);
  if (seed !== undefined) args.push('--seed', String(seed));
  if (budget !== undefined) args.push('--budget', String(budget));
  return args;
}

function assertSameText(actual, expected, shown) {
  if (actual === expected) return;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) ++i;
  assert.fail(`${shown}: trace differs at line ${i + 1}\n  native: ${a[i]}\n  api:    ${b[i]}`);
}

// Every parameter moved one step from its default (where its range allows), and a seed.
function otherSettings(example) {
  const params = {};
  for (const p of example.params) {
    if (p.type === 'boolean') params[p.name] = !p.default;
    else if (p.default + 1 <= p.max) params[p.name] = p.default + 1;
    else if (p.default - 1 >= p.min) params[p.name] = p.default - 1;
  }
  return { params, seed: 42 };
}

if (builtOrFail(nativeCli, core)) {
  const wl = await createWakeline({ worker: false, coreUrl: pathToFileURL(core), batchSize: 50 });
  const examples = await wl.examples();
  const strategies = await wl.strategies();
  const strategyNames = strategies.map((s) => s.name);

  test('version names Wakeline and the trace schema', () => {
    assert.match(wl.version.wakeline, /^\d+\.\d+\.\d+$/);
    assert.equal(wl.version.schema, 'wakeline-trace');
    assert.equal(wl.version.schemaVersion, 1);
  });

  test("defaults are the runtime's, and a run that leaves them out gets them", async () => {
    assert.deepEqual(wl.defaults, { budget: 1_000_000, memoryLimit: 256 * 1024 * 1024 });
    const run = await wl.run('basic');
    for await (const batch of run) void batch;
    await run.done;
    assert.equal(run.header.budget, wl.defaults.budget);
    // The header names a memory limit only when it is not the default.
    assert.equal(run.header.memory_limit, undefined);
    const limited = await wl.run('basic', { budget: 5, memoryLimit: 1 << 20 });
    for await (const batch of limited) void batch;
    assert.equal((await limited.done).outcome, 'budget_exhausted');
    assert.equal(limited.header.memory_limit, 1 << 20);
  });

  test('strategies() lists what `wakeline strategies` lists, with their settings', () => {
    const list = runNative(['strategies']).stdout.toString();
    const names = list.split('\n').filter((l) => /^\S/.test(l));
    assert.deepEqual(strategyNames, names);
    for (const strategy of strategies) {
      for (const p of strategy.settings) {
        const shown =
          p.type === 'boolean'
            ? `${p.default}  (true|false)`
            : `${p.default}  (${p.min}..${p.max})`;
        assert.ok(
          list.includes(`--set ${p.name}=${shown}  ${p.description}\n`),
          `${strategy.name}: ${p.name}`,
        );
      }
    }
  });

  test('a strategy setting given as a parameter reaches the header and the run', async () => {
    const options = { strategy: 'tokio-multi-thread', params: { workers: 2, lifo_slot: false } };
    const { text } = await apiTrace(wl, 'concurrent', options);
    assertSameText(
      text,
      runNative(nativeArgs('concurrent', options)).stdout.toString(),
      'workers=2',
    );
    const header = JSON.parse(text.split('\n')[0]);
    assert.equal(header.strategy_params.workers, 2);
    assert.equal(header.strategy_params.lifo_slot, false);
    await assert.rejects(wl.run('concurrent', { strategy: 'local', params: { workers: 2 } }), {
      name: 'WakelineError',
      code: 'unknown_parameter',
    });
    await assert.rejects(wl.run('concurrent', { strategy: 'smol', params: { workers: 0 } }), {
      name: 'WakelineError',
      code: 'out_of_range',
    });
  });

  test('examples() lists what `wakeline list` lists, with params and source text', () => {
    const list = runNative(['list']).stdout.toString();
    const ids = list
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/\s+/)[0]);
    assert.deepEqual(
      examples.map((e) => e.id),
      ids,
    );
    for (const e of examples) {
      assert.ok(e.title && e.topic && e.explanation, `${e.id}: title, topic, explanation`);
      assert.ok(
        list.includes(`${e.id}  [${e.topic}]  ${e.title}\n`),
        `${e.id}: title and topic as listed`,
      );
      assert.ok(e.strategies.length > 0, `${e.id}: strategies`);
      for (const name of e.strategies)
        assert.ok(strategyNames.includes(name), `${e.id}: strategy ${name}`);
      assert.match(e.source, /register_example/, `${e.id}: source text`);
      assert.ok(e.source.includes(`"${e.id}"`), `${e.id}: source registers its id`);
      for (const p of e.params) {
        const shown =
          p.type === 'boolean'
            ? `${p.default}  (true|false)`
            : `${p.default}  (${p.min}..${p.max})`;
        assert.ok(
          list.includes(`--set ${p.name}=${shown}  ${p.description}\n`),
          `${e.id}: param ${p.name}`,
        );
      }
    }
  });

  for (const example of examples) {
    test(`${example.id}: API trace equals native trace`, async (t) => {
      const cases = [
        ['defaults', {}],
        ['other parameters and seed', otherSettings(example)],
        ['budget of 20 events', { budget: 20 }],
        ...example.strategies.map((strategy) => [`strategy ${strategy}`, { strategy, seed: 7 }]),
      ];
      for (const [name, options] of cases) {
        await t.test(name, async () => {
          const native = runNative(nativeArgs(example.id, options));
          const { text, summary } = await apiTrace(wl, example.id, options);
          assertSameText(text, native.stdout.toString(), `${example.id} ${name}`);
          // The objects format, decoded from binary records, has each line's fields in its order.
          const objects = await apiObjects(wl, example.id, options);
          const rewritten = [objects.headerLine, ...objects.events.map((e) => JSON.stringify(e))];
          assertSameText(
            `${rewritten.join('\n')}\n`,
            native.stdout.toString(),
            `${example.id} ${name} (objects)`,
          );
          const lines = native.stdout
            .toString()
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l));
          const end = lines.at(-1);
          assert.equal(summary.events, lines.length - 1);
          assert.equal(summary.duration_ns, end.t);
          if (end.kind === 'runtime_end') assert.equal(summary.outcome, end.outcome);
          if (name.startsWith('budget')) assert.equal(summary.outcome, 'budget_exhausted');
          const polls = lines.filter((l) => l.kind === 'poll_begin').length;
          assert.equal(
            summary.tasks.reduce((n, task) => n + task.polls, 0),
            polls,
          );
        });
      }
    });
  }

  test('batches hold parsed events of at most batchSize, in seq order', async () => {
    const run = await wl.run(examples[0].id);
    const seqs = [];
    for await (const batch of run) {
      assert.ok(batch.length >= 1 && batch.length <= 50, `batch of ${batch.length}`);
      for (const event of batch) seqs.push(event.seq);
    }
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
    );
    assert.equal((await run.done).events, seqs.length);
    assert.equal(run.header.example, examples[0].id);
  });

  test('a run cancelled before it starts ends as cancelled, and the next run works', async () => {
    const run = await wl.run(examples[0].id);
    run.cancel();
    const batches = [];
    for await (const batch of run) batches.push(batch);
    assert.deepEqual(batches, []);
    assert.equal((await run.done).outcome, 'cancelled');
    const next = await wl.run(examples[0].id);
    assert.equal((await next.done).outcome, 'completed');
  });

  test('a run cancelled mid-way stops within a slice, keeps what it sent, and the next run works', async () => {
    const run = await wl.run('concurrent', { params: { tasks: 10000 } });
    let events = 0;
    let last = 0;
    for await (const batch of run) {
      if (events === 0) run.cancel();
      events += batch.length;
      last = batch.at(-1).seq;
    }
    const summary = await run.done;
    assert.equal(summary.outcome, 'cancelled');
    // The whole run has about 354,000 events; a cancel after the first batch stops far earlier.
    assert.ok(summary.events < 100000, `${summary.events} events before the cancel took effect`);
    assert.equal(events, summary.events, 'every recorded event reached JS, up to runtime_end');
    assert.equal(last, summary.events);
    const next = await apiTrace(wl, 'basic', {});
    assertSameText(
      next.text,
      runNative(['run', 'basic']).stdout.toString(),
      'basic after a cancel',
    );
  });

  test('a long run streams partial batches every flushInterval, and one batch when it is long', async () => {
    const count = async (options) => {
      const handle = await createWakeline({
        worker: false,
        coreUrl: pathToFileURL(core),
        ...options,
      });
      const run = await handle.run('concurrent', { params: { tasks: 2000 } });
      let batches = 0;
      for await (const batch of run) batches += batch.length > 0 ? 1 : 0;
      handle.dispose();
      return batches;
    };
    assert.ok(
      (await count({ batchSize: 1e9, flushInterval: 0 })) > 1,
      'partial batches while running',
    );
    assert.equal(await count({ batchSize: 1e9, flushInterval: 1e9 }), 1, 'one batch at the end');
  });

  test('a run in this thread returns to the event loop between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ++ticks, 1);
    try {
      const run = await wl.run('concurrent', { params: { tasks: 10000 } });
      let ticksBeforeTheEnd = 0;
      for await (const batch of run) {
        if (batch.at(-1).kind !== 'runtime_end') ticksBeforeTheEnd = ticks;
      }
      assert.equal((await run.done).outcome, 'completed');
      assert.ok(ticksBeforeTheEnd > 0, 'timers fired while the run went on');
    } finally {
      clearInterval(timer);
    }
  });

  test('worker: true needs Web Workers, which node does not have', async () => {
    await assert.rejects(createWakeline({ worker: true, coreUrl: pathToFileURL(core) }), {
      name: 'WakelineError',
      code: 'unsupported',
    });
  });

  test('bad options to createWakeline reject with a typed error', async () => {
    for (const options of [
      { batchSize: 0 },
      { batchSize: 1.5 },
      { flushInterval: -1 },
      { flushInterval: 'soon' },
    ]) {
      await assert.rejects(
        createWakeline({ worker: false, coreUrl: pathToFileURL(core), ...options }),
        {
          name: 'WakelineError',
          code: 'bad_value',
        },
      );
    }
  });

  test('bad input rejects with a typed error naming the problem', async (t) => {
    const withInt = examples.find((e) => e.params.some((p) => p.type === 'integer'));
    const int = withInt.params.find((p) => p.type === 'integer');
    const withBool = examples.find((e) => e.params.some((p) => p.type === 'boolean'));
    const cases = [
      ['unknown example', ['no-such-example'], 'unknown_example', /no-such-example/],
      [
        'unknown parameter',
        [withInt.id, { params: { no_such: 1 } }],
        'unknown_parameter',
        /no_such/,
      ],
      ['unknown strategy', [withInt.id, { strategy: 'nope' }], 'unknown_strategy', /nope/],
      [
        'string for an integer',
        [withInt.id, { params: { [int.name]: '3' } }],
        'bad_value',
        new RegExp(int.name),
      ],
      [
        'fraction for an integer',
        [withInt.id, { params: { [int.name]: 1.5 } }],
        'bad_value',
        new RegExp(`${int.name}.*integer`),
      ],
      [
        'boolean for an integer',
        [withInt.id, { params: { [int.name]: true } }],
        'bad_value',
        new RegExp(int.name),
      ],
      [
        'above the maximum',
        [withInt.id, { params: { [int.name]: int.max + 1 } }],
        'out_of_range',
        new RegExp(`${int.name}' must be between ${int.min} and ${int.max}, not ${int.max + 1}`),
      ],
      [
        'below the minimum',
        [withInt.id, { params: { [int.name]: int.min - 1 } }],
        'out_of_range',
        new RegExp(int.name),
      ],
      [
        'far beyond int64',
        [withInt.id, { params: { [int.name]: 1e30 } }],
        'out_of_range',
        new RegExp(int.name),
      ],
      ['negative budget', [withInt.id, { budget: -1 }], 'out_of_range', /budget/],
      ['zero budget', [withInt.id, { budget: 0 }], 'out_of_range', /budget/],
      ['fractional budget', [withInt.id, { budget: 2.5 }], 'bad_value', /budget/],
      ['negative seed', [withInt.id, { seed: -1 }], 'out_of_range', /seed/],
      ['params not an object', [withInt.id, { params: [1] }], 'bad_value', /params/],
    ];
    if (withBool) {
      const flag = withBool.params.find((p) => p.type === 'boolean');
      cases.push([
        'number for a boolean',
        [withBool.id, { params: { [flag.name]: 1 } }],
        'bad_value',
        new RegExp(`${flag.name}' must be true or false`),
      ]);
    }
    for (const [name, args, code, message] of cases) {
      await t.test(name, async () => {
        await assert.rejects(wl.run(...args), (error) => {
          assert.ok(error instanceof WakelineError, `${error} is a WakelineError`);
          assert.equal(error.code, code);
          assert.match(error.message, message);
          return true;
        });
      });
    }
  });

  test('a disposed handle rejects run() and examples()', async () => {
    const other = await createWakeline({ worker: false, coreUrl: pathToFileURL(core) });
    const started = await other.run(examples[0].id);
    other.dispose();
    assert.equal((await started.done).outcome, 'cancelled');
    await assert.rejects(other.run(examples[0].id), { name: 'WakelineError', code: 'disposed' });
    await assert.rejects(other.examples(), { name: 'WakelineError', code: 'disposed' });
  });
}
