// program/story-map.js on real runs: every example that has a program, run as C++ and as its
// program (the JavaScript API in node), and every story event and every poll of the C++ run
// mapped onto the program's run lands on an event of the same kind, task and time. Two
// examples tell their story differently in the end (tests/examples/programs_test.cpp:
// lifo-slot's last drop, runaway's memory limit): there the mapping only keeps the order.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mapEvent, storyKinds } from '../../../web/app/program/story-map.js';
import { TraceModel } from '../../../web/app/timeline/model.js';
import { wakelineInNode } from '../support/trace.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function modelOf(run) {
  const model = new TraceModel();
  model.header = run.header;
  for await (const batch of run) model.appendEvents(batch);
  await run.done;
  model.finish();
  return model;
}

test('the C++ run maps onto the program run: same kind, task and time', async () => {
  const wl = await wakelineInNode();
  const examples = (await wl.examples()).filter((example) => example.program);
  assert.ok(examples.length >= 10);
  for (const example of examples) {
    const exact = !['lifo-slot', 'runaway'].includes(example.id);
    const source = await readFile(path.join(repo, 'examples/programs', example.program), 'utf8');
    // The page's first run: the example's first strategy, its defaults.
    const strategy = example.strategies[0];
    const cpp = await modelOf(await wl.run(example.id, { strategy }));
    const program = await modelOf(await wl.run({ source, name: example.program, strategy }));
    let checked = 0;
    let last = -1;
    for (let i = 0; i < cpp.count; ++i) {
      const kind = cpp.kindOf(i);
      if (!storyKinds.has(kind) && kind !== 'poll_begin') continue;
      const j = mapEvent(cpp, program, i);
      const where = `${example.id}: event ${i} (${kind})`;
      assert.ok(j >= last && j < program.count, where);
      last = j;
      ++checked;
      if (!exact) continue;
      assert.equal(program.kindOf(j), kind, where);
      assert.equal(program.task.data[j], cpp.task.data[i], where);
      assert.equal(program.t.data[j], cpp.t.data[i], where);
    }
    assert.ok(checked > 0, example.id);
    assert.equal(mapEvent(cpp, program, -1), -1);
  }
});
