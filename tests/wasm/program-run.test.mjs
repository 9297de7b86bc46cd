// Programs of the language through the JS API: run({ source }) streams the same trace, byte for
// byte, as `wakeline run PROGRAM.rs`, under every strategy; what the program prints is in the
// trace as `output` events; states(source) is `wakeline states --json`; a program with errors
// is refused with them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { builtOrFail, core, nativeCli, repo } from './support/builds.mjs';

const programsDir = path.join(repo, 'tests/lang/programs');
const examplesDir = path.join(repo, 'examples/programs');

async function apiTrace(api, program) {
  const run = await api.run({ ...program, format: 'ndjson' });
  let text = `${run.headerLine}\n`;
  for await (const batch of run) text += batch;
  return text;
}

// Run from the program's folder, so that its name in messages is the one the API is given.
function cliTrace(file, strategy) {
  const { stdout } = spawnSync(nativeCli, ['run', path.basename(file), '--strategy', strategy], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return stdout;
}

if (builtOrFail(nativeCli, core)) {
  const { createWakeline } = await import(
    pathToFileURL(path.join(repo, 'build/wasm/api/wakeline.mjs')).href
  );
  const api = await createWakeline();

  const files = [
    ...readdirSync(examplesDir).map((f) => path.join(examplesDir, f)),
    ...readdirSync(programsDir).map((f) => path.join(programsDir, f)),
  ].filter((f) => f.endsWith('.rs'));

  test('every program gives the CLI trace, byte for byte, under every strategy', async () => {
    const strategies = (await api.strategies()).map((s) => s.id ?? s.name);
    assert.ok(files.length >= 40, `${files.length} programs`);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const name = path.basename(file);
      for (const strategy of strategies) {
        const got = await apiTrace(api, { source, name, strategy });
        assert.equal(got, cliTrace(file, strategy), `${name} under ${strategy}`);
      }
    }
  });

  test('what a program prints is in its trace, with its task and line', async () => {
    const source =
      '#[tokio::main]\nasync fn main() {\n    let n = 6 * 7;\n    println!("n = {n}");\n' +
      '    eprintln!("done");\n}\n';
    const run = await api.run({ source });
    const events = [];
    for await (const batch of run) events.push(...batch);
    const printed = events.filter((e) => e.kind === 'output');
    assert.deepEqual(
      printed.map((e) => [e.task, e.stream, e.text, e.line]),
      [
        [1, 'stdout', 'n = 42\n', 4],
        [1, 'stderr', 'done\n', 5],
      ],
    );
  });

  test("a pending poll names its state, which states(source) lists at the await's line", async () => {
    const source = readFileSync(path.join(examplesDir, 'basic.rs'), 'utf8');
    const run = await api.run({ source, name: 'basic.rs' });
    const events = [];
    for await (const batch of run) events.push(...batch);
    const pending = events.filter((e) => e.kind === 'poll_end' && e.result === 'pending');
    assert.ok(pending.length > 0);
    const { machines } = await api.states(source);
    for (const e of pending) {
      const state = machines
        .flatMap((m) => m.states)
        .find((s) => s.state === e.state && s.await?.start.line === e.line);
      assert.ok(state, `poll_end at line ${e.line} with state ${e.state} is one of the states`);
    }
    const ready = events.filter((e) => e.kind === 'poll_end' && e.result !== 'pending');
    assert.ok(ready.every((e) => e.state === undefined));
  });

  test('states(source) is wakeline states --json', async () => {
    for (const file of files) {
      const { stdout } = spawnSync(nativeCli, ['states', file, '--json'], { encoding: 'utf8' });
      const cli = JSON.parse(stdout);
      const states = await api.states(readFileSync(file, 'utf8'));
      assert.deepEqual(states, cli, path.basename(file));
    }
    const basic = await api.states(readFileSync(path.join(examplesDir, 'basic.rs'), 'utf8'));
    const step = basic.machines.find((m) => m.name === 'step');
    assert.deepEqual(
      step.states.map((s) => [s.state, s.name]),
      [
        [0, 'unresumed'],
        [1, 'returned'],
        [2, 'poisoned'],
        [3, 'suspended'],
      ],
    );
    assert.equal(step.states[3].await.text, 'sleep(delay).await');
  });

  test('a program with errors is refused with them, by run() and by states()', async () => {
    const broken = '#[tokio::main]\nasync fn main() {\n    let x = y + 1;\n}\n';
    await assert.rejects(api.run({ source: broken }), (error) => {
      assert.equal(error.code, 'program_error');
      assert.match(error.message, /cannot find value `y` in this scope/);
      return true;
    });
    await assert.rejects(api.states(broken), (error) => {
      assert.equal(error.code, 'program_error');
      assert.equal(error.diagnostics[0].start.line, 3);
      return true;
    });
    await assert.rejects(api.run({ source: 42 }), { code: 'bad_value' });
    await assert.rejects(api.run({ source: 'fn main() {}', name: '' }), { code: 'bad_value' });
    // The engine goes on working.
    assert.equal((await api.states('fn main() {}')).machines.length, 0);
  });

  test('the examples with a program name it, and exampleProgram() gives its text', async () => {
    const examples = await api.examples();
    const withPrograms = examples.filter((e) => e.program !== undefined).map((e) => e.id);
    const files = readdirSync(examplesDir)
      .filter((f) => f.endsWith('.rs'))
      .map((f) => f.slice(0, -3))
      .filter((id) => examples.some((e) => e.id === id));
    assert.deepEqual(withPrograms.sort(), files.sort());
    assert.ok(withPrograms.includes('basic') && withPrograms.includes('concurrent'));
    for (const id of withPrograms) {
      const text = await api.exampleProgram(id);
      assert.equal(text, readFileSync(path.join(examplesDir, `${id}.rs`), 'utf8'), id);
    }
    await assert.rejects(api.exampleProgram('echo'), { code: 'unknown_example' });
    await assert.rejects(api.exampleProgram('no such example'), { code: 'unknown_example' });
  });

  test('without the full module, examples run and the rest is refused by name', async () => {
    const examplesOnly = await createWakeline({ fullEngineUrl: null });
    const run = await examplesOnly.run('basic');
    for await (const batch of run) void batch;
    assert.equal((await run.done).outcome, 'completed');
    await assert.rejects(examplesOnly.check('fn main() {}'), (error) => {
      assert.equal(error.code, 'unavailable');
      assert.match(error.message, /no full engine/);
      return true;
    });
    await assert.rejects(examplesOnly.run({ source: 'fn main() {}' }), { code: 'unavailable' });
    await assert.rejects(examplesOnly.chromeTrace('{}\n'), { code: 'unavailable' });
    examplesOnly.dispose();
  });

  // Text made of the language's own words and punctuation reaches far past the lexer; any other
  // text must be refused as cleanly.
  const words = [
    'async',
    'fn',
    'main',
    '()',
    '{',
    '}',
    '(',
    ')',
    ';',
    'let',
    'mut',
    'x',
    '=',
    '1',
    '+',
    '.await',
    'sleep(Duration::from_millis(1))',
    'tokio::spawn',
    'loop',
    'break',
    'if',
    'else',
    'match',
    '=>',
    ',',
    'println!("{}", x)',
    '#[tokio::main]',
    'use tokio::time::sleep;',
    'use std::time::Duration;',
    'return',
    'x += 1;',
    'u32',
    ':',
    '\n',
    '"',
    '0..3',
    'for',
    'in',
  ];
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((w) => w.join(' ')),
    fc
      .array(fc.constantFrom(...words), { maxLength: 40 })
      .map(
        (w) =>
          'use std::time::Duration;\nuse tokio::time::sleep;\n#[tokio::main]\nasync fn main() {\n' +
          w.join(' ') +
          '\n}\n',
      ),
  );

  test('property: any text is checked, and runs or is refused, never breaking the engine', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const diagnostics = await api.check(source);
        assert.ok(Array.isArray(diagnostics));
        const hasErrors = diagnostics.some((d) => d.severity === 'error');
        try {
          const run = await api.run({ source, budget: 2000 });
          for await (const batch of run) void batch;
          const summary = await run.done;
          assert.ok(
            ['completed', 'deadlock', 'budget_exhausted', 'failed', 'cancelled'].includes(
              summary.outcome,
            ),
            summary.outcome,
          );
          assert.ok(!hasErrors, 'a program with errors ran');
        } catch (error) {
          assert.equal(error.code, 'program_error', error.message);
          assert.ok(hasErrors || /`main`/.test(error.message), 'refused without an error');
        }
      }),
      { numRuns: 300 },
    );
    // The engine still works.
    assert.deepEqual(await api.check('fn main() {}'), []);
  });
}
