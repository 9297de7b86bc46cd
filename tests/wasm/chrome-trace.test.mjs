// The API's chromeTrace() (the page's Chrome trace export) against the native CLI: for every
// example under each strategy it supports, for runs cut short by the budget and for other
// settings, the JSON it writes from the CLI's NDJSON trace is byte for byte what
// `wakeline run EXAMPLE --format chrome` writes. One writer, core/trace/chrome_writer.cpp, does
// both; the trace is read back by the event schema (core/trace/ndjson_reader.cpp).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { builtOrFail, core, nativeCli, repo } from './support/builds.mjs';

function wakeline(args) {
  // Exit status 1 means a run that did not complete (budget, deadlock): still a trace.
  const result = spawnSync(nativeCli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`wakeline ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

if (builtOrFail(nativeCli, core)) {
  const { createWakeline } = await import(
    pathToFileURL(path.join(repo, 'build/wasm/api/wakeline.mjs')).href
  );
  const api = await createWakeline();
  const ids = execFileSync(nativeCli, ['list'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /^\S/.test(line))
    .map((line) => line.split(/\s+/)[0]);

  async function assertSameAsCli(args) {
    const expected = wakeline(['run', ...args, '--format', 'chrome']);
    const actual = await api.chromeTrace(wakeline(['run', ...args]));
    if (actual !== expected) {
      // The first differing line, rather than two whole files.
      const a = actual.split('\n');
      const e = expected.split('\n');
      const i = a.findIndex((line, k) => line !== e[k]);
      assert.equal(a[i], e[i], `${args.join(' ')}: line ${i + 1}`);
    }
    return expected.length;
  }

  test("the Chrome traces of every example under every strategy it supports equal the CLI's", async () => {
    const strategies = execFileSync(nativeCli, ['strategies'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^\S/.test(line));
    let compared = 0;
    for (const id of ids) {
      for (const strategy of strategies) {
        const probe = spawnSync(nativeCli, ['run', id, '--strategy', strategy, '--budget', '1'], {
          encoding: 'utf8',
        });
        if (probe.status === 2 && probe.stderr.includes('does not support strategy')) continue;
        assert.ok((await assertSameAsCli([id, '--strategy', strategy])) > 1000);
        ++compared;
      }
    }
    assert.ok(compared > ids.length * 3, `compared ${compared} runs`);
  });

  test("runs cut short by the budget, and other settings and seeds, equal the CLI's", async () => {
    for (const id of ids)
      for (const budget of ['7', '40']) await assertSameAsCli([id, '--budget', budget]);
    await assertSameAsCli([
      'concurrent',
      '--set',
      'tasks=40',
      '--set',
      'jitter_ms=7',
      '--seed',
      '3',
    ]);
    await assertSameAsCli(['state-machine', '--set', 'together=true']);
    await assertSameAsCli(['concurrent', '--set', 'tasks=2000']);
  });

  test('text that is not a trace is refused with the line and the problem', async () => {
    const header = wakeline(['run', 'basic']).split('\n')[0];
    await assert.rejects(api.chromeTrace(''), { code: 'bad_trace', message: /no header line/ });
    await assert.rejects(api.chromeTrace(`${header}\n{"seq":1,"t":0,"kind":"nap"}\n`), {
      code: 'bad_trace',
      message: /line 2 has no known event kind/,
    });
    await assert.rejects(api.chromeTrace(`${header}\n<script>alert(1)</script>\n`), {
      code: 'bad_trace',
      message: /line 2 is not JSON/,
    });
    await assert.rejects(api.chromeTrace(42), { code: 'bad_value' });
    // The module is still usable after a refusal.
    assert.match(await api.chromeTrace(wakeline(['run', 'basic'])), /^\{"traceEvents":\[/);
  });
}
