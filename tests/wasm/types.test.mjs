// wasm/api/wakeline.d.mts declares what wakeline.mjs does: a usage file (tests/wasm/types/usage.ts)
// type-checks against it with `tsc --strict`, including lines that must be rejected.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('the declarations type-check the API as it is meant to be used', () => {
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--lib',
      'es2022,dom',
      '--skipLibCheck',
      'false',
      path.join(repo, 'tests/wasm/types/usage.ts'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, `tsc found errors:\n${result.stdout}${result.stderr}`);
});
