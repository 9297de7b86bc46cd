// The API's check(source): a program of the language's diagnostics, as `wakeline check` prints
// them (lexer, parser, checker), with byte offsets and lines and columns for an editor; hostile
// text gets messages, never a crash, and the engine goes on working.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { builtOrFail, core, nativeCli, repo } from './support/builds.mjs';

const good = '#[tokio::main]\nasync fn main() {\n    println!("hi");\n}\n';

if (builtOrFail(nativeCli, core)) {
  const { createWakeline } = await import(
    pathToFileURL(path.join(repo, 'build/wasm/api/wakeline.mjs')).href
  );
  const api = await createWakeline();
  const dir = mkdtempSync(path.join(tmpdir(), 'wakeline-check-'));

  // The headline and location of each diagnostic the CLI prints for `source`.
  function cliDiagnostics(source) {
    const file = path.join(dir, 'main.rs');
    writeFileSync(file, source);
    const { stderr } = spawnSync(nativeCli, ['check', file], { encoding: 'utf8' });
    const found = [];
    const lines = stderr.split('\n');
    for (let i = 0; i < lines.length; ++i) {
      const headline = /^(error|warning): (.*)$/.exec(lines[i]);
      const where = /--> .*:(\d+):(\d+)$/.exec(lines[i + 1] ?? '');
      if (headline && where) found.push(`${headline[1]} ${where[1]}:${where[2]} ${headline[2]}`);
    }
    return found;
  }
  const apiDiagnostics = (list) =>
    list.map((d) => `${d.severity} ${d.start.line}:${d.start.column} ${d.message}`);

  test('a program without mistakes has no diagnostics', async () => {
    assert.deepEqual(await api.check(good), []);
  });

  test('diagnostics carry the span as bytes and as lines and columns', async () => {
    const [d, ...rest] = await api.check('fn main() {\n    let é = 5\n}\n');
    assert.equal(rest.length, 1); // é is not ASCII: an unknown start of token, then the `;`
    assert.deepEqual(d, {
      severity: 'error',
      message: 'unknown start of token: é',
      label: '',
      from: 20,
      to: 22,
      start: { line: 2, column: 9 },
      end: { line: 2, column: 10 },
    });
  });

  test('the API and the CLI report the same diagnostics', async () => {
    const programs = [
      good,
      'fn main() {\n    let x = 5\n    let y = ;\n}\n',
      'fn main() {\n    work().await;\n}\n',
      'async fn main() { let n = 300u8; let m = 4294967296u32; }',
      'enum E { A }\nfn main() { let f = |x| x; }',
      'struct S { a: u32 }\n',
      '#[tokio::main]\nasync fn main() { tokio::select! { biased; v = rx.recv() => {} } }',
    ];
    for (const source of programs) {
      assert.deepEqual(apiDiagnostics(await api.check(source)), cliDiagnostics(source), source);
    }
  });

  test('hostile text gets messages and the engine goes on', async () => {
    const deep = 'fn main() { let x = ' + '('.repeat(100000) + '; }';
    const cases = [
      ['\0', /unknown start of token/],
      [deep, /nests too deeply/],
      [' '.repeat(600 * 1024), /too large/],
      ['<script>alert(1)</script>', /./],
    ];
    for (const [source, pattern] of cases) {
      const diagnostics = await api.check(source);
      assert.ok(diagnostics.length >= 1, source.slice(0, 40));
      assert.match(diagnostics[0].message, pattern);
    }
    // A lone surrogate reaches the module as U+FFFD: a valid string literal.
    assert.deepEqual(await api.check('fn main() { let s = "\uD800"; }'), []);
    assert.deepEqual(await api.check(good), []);
    await assert.rejects(api.check(42), { code: 'bad_value' });
  });
}
