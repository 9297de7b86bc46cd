// The WebAssembly build must print the same trace as the native CLI, byte for byte, for every
// example and for non-default parameters, seeds and budgets: a link and a command line with the
// same inputs give the same run. Needs build/release/wakeline and build/wasm/wakeline.js
// (scripts/build.sh builds both).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import { builtOrFail, nativeCli, repo } from './support/builds.mjs';

const wasmCli = path.join(repo, 'build/wasm/wakeline.js');

function runNative(args) {
  return spawnSync(nativeCli, args, { maxBuffer: 1 << 30 });
}

function runWasm(args) {
  return spawnSync(process.execPath, [wasmCli, ...args], { maxBuffer: 1 << 30 });
}

// `wakeline list` prints `id  [topic]  title`, then one indented `--set name=default  (range)`
// line per parameter.
function parseList(text) {
  const examples = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const id = line.split(/\s+/)[0];
      examples.push({ id, params: [] });
      continue;
    }
    const match = /^\s+--set ([\w-]+)=(\S+)\s+\((?:(true\|false)|(-?\d+)\.\.(-?\d+))\)/.exec(line);
    assert.ok(match, `cannot parse parameter line of 'wakeline list': ${JSON.stringify(line)}`);
    const [, name, value, boolean, min, max] = match;
    assert.ok(examples.length > 0, `parameter line before any example: ${line}`);
    examples
      .at(-1)
      .params.push(
        boolean
          ? { name, boolean: true, default: value }
          : { name, boolean: false, default: Number(value), min: Number(min), max: Number(max) },
      );
  }
  return examples;
}

// A value other than the default, close to it so that runs stay short.
function otherValue(param) {
  if (param.boolean) return param.default === 'true' ? 'false' : 'true';
  if (param.default + 1 <= param.max) return String(param.default + 1);
  if (param.default - 1 >= param.min) return String(param.default - 1);
  return null;
}

function assertSameRun(args) {
  const native = runNative(args);
  const wasm = runWasm(args);
  const shown = `wakeline ${args.join(' ')}`;
  assert.equal(native.error, undefined, `${shown}: native CLI did not run: ${native.error}`);
  assert.equal(wasm.error, undefined, `${shown}: wasm program did not run: ${wasm.error}`);
  assert.equal(wasm.stderr.toString(), native.stderr.toString(), `${shown}: stderr differs`);
  assert.equal(wasm.status, native.status, `${shown}: exit status differs`);
  // Compare bytes, and on failure show the first line that differs rather than megabytes.
  if (!wasm.stdout.equals(native.stdout)) {
    const a = native.stdout.toString().split('\n');
    const b = wasm.stdout.toString().split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) ++i;
    assert.fail(`${shown}: trace differs at line ${i + 1}\n  native: ${a[i]}\n  wasm:   ${b[i]}`);
  }
  return native;
}

if (builtOrFail(nativeCli, wasmCli)) {
  const list = runNative(['list']);
  const examples = list.status === 0 ? parseList(list.stdout.toString()) : [];
  // `wakeline strategies` lists each strategy's name, then its settings as `list` does.
  const strategies = parseList(runNative(['strategies']).stdout.toString()).map((s) => s.id);

  test('the wasm build has the same strategies and settings as the native CLI', () => {
    assert.ok(strategies.includes('tokio-multi-thread'), `strategies: ${strategies}`);
    assert.equal(
      runWasm(['strategies']).stdout.toString(),
      runNative(['strategies']).stdout.toString(),
    );
  });

  test('the native CLI lists at least one example', () => {
    assert.equal(list.status, 0, `wakeline list failed: ${list.stderr}`);
    assert.ok(examples.length > 0, 'wakeline list printed no example');
  });

  test('the wasm build registers the same examples as the native CLI', () => {
    const wasmList = runWasm(['list']);
    assert.equal(wasmList.status, 0, `node wakeline.js list failed: ${wasmList.stderr}`);
    assert.equal(wasmList.stdout.toString(), list.stdout.toString());
  });

  for (const example of examples) {
    test(`${example.id}: wasm trace equals native trace`, async (t) => {
      await t.test('defaults', () => {
        const run = assertSameRun(['run', example.id]);
        assert.ok(run.stdout.length > 0, 'empty trace');
      });
      await t.test('seed 42', () => {
        assertSameRun(['run', example.id, '--seed', '42']);
      });
      await t.test('budget of 20 events', () => {
        assertSameRun(['run', example.id, '--budget', '20']);
      });
      // Each strategy, or the same refusal for one the example does not support.
      for (const strategy of strategies) {
        await t.test(`strategy ${strategy}, seed 7`, () => {
          assertSameRun(['run', example.id, '--strategy', strategy, '--seed', '7']);
        });
      }
      for (const param of example.params) {
        const value = otherValue(param);
        if (value === null) {
          await t.test(`--set ${param.name}`, { skip: 'its range holds one value' }, () => {});
          continue;
        }
        await t.test(`--set ${param.name}=${value}`, () => {
          assertSameRun(['run', example.id, '--set', `${param.name}=${value}`]);
        });
      }
    });
  }

  test('bad input fails the same way in both builds', async (t) => {
    const id = examples[0]?.id ?? 'basic';
    for (const args of [
      ['run', 'no-such-example'],
      ['run', id, '--set', 'no_such_parameter=1'],
      ['run', id, '--seed', '-1'],
      ['run', id, '--budget', '0'],
    ]) {
      await t.test(args.join(' '), () => {
        const run = assertSameRun(args);
        assert.equal(run.status, 2);
      });
    }
  });
}
