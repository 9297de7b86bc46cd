// The builds the API tests run against, and the one failing test a file registers when they are
// missing, so that a file never passes by having nothing to test.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The native CLI. */
export const nativeCli = path.join(repo, 'build/release/wakeline');
/** The wasm core that the JS API loads. */
export const core = path.join(repo, 'build/wasm/api/wakeline-core.mjs');

/**
 * True when every file exists. Otherwise registers one test that fails naming the missing
 * builds and how to make them.
 */
export function builtOrFail(...files) {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length === 0) return true;
  test('the builds under test exist', () => {
    assert.fail(
      `missing ${missing.map((f) => path.relative(repo, f)).join(' and ')}: ` +
        'build them with `bash scripts/build.sh release wasm` (npm test does this)',
    );
  });
  return false;
}
