// The example picker's groups (catalogue-form.js's groupByTopic) in the order the module lists
// the examples: the topic order is the runtime's (examples/registry.cpp), not a copy in the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupByTopic } from '../../web/app/catalogue-form.js';
import { wakelineInNode } from './support/trace.mjs';

const productOrder = ['basics', 'timers', 'synchronisation', 'schedulers', 'pitfalls', 'I/O'];

test("the picker shows the topics in the product's order, each example once", async () => {
  const examples = await (await wakelineInNode()).examples();
  const groups = groupByTopic(examples);
  const topics = groups.map(([topic]) => topic);
  const known = topics.filter((topic) => productOrder.includes(topic));
  assert.deepEqual(
    known,
    productOrder.filter((topic) => known.includes(topic)),
  );
  assert.ok(known.length >= 5, `the catalogue spans the topics (${topics.join(', ')})`);
  // Topics the product does not name come after the ones it does.
  const firstUnknown = topics.findIndex((topic) => !productOrder.includes(topic));
  if (firstUnknown !== -1)
    assert.ok(topics.slice(firstUnknown).every((topic) => !productOrder.includes(topic)));
  assert.deepEqual(
    groups.flatMap(([, list]) => list.map((example) => example.id)).sort(),
    examples.map((example) => example.id).sort(),
  );
});

test("a topic's examples stay together and in the order given", () => {
  const examples = [
    { id: 'a', topic: 'timers' },
    { id: 'b', topic: 'timers' },
    { id: 'c', topic: 'I/O' },
    { id: 'd', topic: 'new' },
  ];
  assert.deepEqual(
    groupByTopic(examples).map(([topic, list]) => [topic, list.map((e) => e.id)]),
    [
      ['timers', ['a', 'b']],
      ['I/O', ['c']],
      ['new', ['d']],
    ],
  );
});
