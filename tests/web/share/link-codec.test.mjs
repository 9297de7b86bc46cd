// The share link codec (web/app/share/link-codec.js): what valid links restore, what each kind of
// malformed part says while the rest still applies, the catalogue checks, and with fast-check that
// encoding then decoding gives the same scenario back and that no text makes decoding throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  decodeLink,
  emptyLinkState,
  encodeLink,
  formatLinkPosition,
  formatLinkTime,
  maxLinkLength,
  maxPairs,
  parseLinkPosition,
  parseLinkTime,
  resolveLink,
} from '../../../web/app/share/link-codec.js';

const examples = [
  {
    id: 'concurrent',
    strategies: ['local'],
    params: [
      { name: 'tasks', type: 'integer', default: 5, min: 1, max: 10000 },
      { name: 'steps', type: 'integer', default: 3, min: 1, max: 10 },
    ],
  },
  {
    id: 'state-machine',
    strategies: ['local', 'tokio-mt'],
    params: [
      { name: 'ticks', type: 'integer', default: 3, min: 0, max: 20 },
      { name: 'together', type: 'boolean', default: false },
    ],
  },
];

test('a full link restores example, strategy, parameters, seed, playhead and selection', () => {
  const { state, problems } = decodeLink(
    '#v=1&example=concurrent&strategy=local&tasks=5&seed=7&at=12ms&select=seq:40',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(state, {
    example: 'concurrent',
    strategy: 'local',
    params: { tasks: 5 },
    seed: 7,
    at: 12_000_000,
    playhead: null,
    select: { kind: 'seq', id: 40 },
    view: null,
    spread: null,
    lang: null,
  });
});

test('a link holds the window, the playhead and the selection as three parts', () => {
  const { state, problems } = decodeLink(
    '#v=1&example=basic&spread=false&view=-1.5ms..14.25ms&at=seq:35&select=seq:40',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(state.view, { x0: -1_500_000, x1: 14_250_000 });
  assert.equal(state.playhead, 35);
  assert.equal(state.at, null);
  assert.deepEqual(state.select, { kind: 'seq', id: 40 });
  assert.equal(state.spread, false);
  // A window edge that is no whole number of ms is written in ns with every digit.
  const edge = 100.1;
  assert.equal(formatLinkPosition(edge), '100.1ns');
  assert.equal(parseLinkPosition(formatLinkPosition(edge)).value, edge);
  assert.equal(formatLinkPosition(12_500_000), '12.5ms');
  for (const [part, problem] of [
    ['view=5ms..2ms', /The view "5ms\.\.2ms" is not two positions/],
    ['view=5ms', /The view "5ms"/],
    ['view=a..b', /The view "a\.\.b"/],
    ['at=seq:0', /The playhead: "seq:0"/],
    ['spread=maybe', /The spread "maybe" is not true or false/],
  ]) {
    assert.match(decodeLink(part).problems[0] ?? '', problem, part);
  }
});

test('an empty fragment and the older #example=ID form both read without problems', () => {
  assert.deepEqual(decodeLink(''), { state: emptyLinkState(), problems: [] });
  assert.deepEqual(decodeLink('#'), { state: emptyLinkState(), problems: [] });
  const old = decodeLink('#example=basic');
  assert.deepEqual(old.problems, []);
  assert.equal(old.state.example, 'basic');
});

test('encoding writes the documented readable form', () => {
  const text = encodeLink({
    example: 'concurrent',
    strategy: 'local',
    params: { tasks: 5, together: true },
    seed: 7,
    at: 12_000_000,
    select: { kind: 'task', id: 3 },
  });
  assert.equal(
    text,
    'v=1&example=concurrent&strategy=local&tasks=5&together=true&seed=7&at=12ms&select=task:3',
  );
  assert.equal(encodeLink(emptyLinkState()), 'v=1');
});

test('times take the largest whole unit and read back from every unit', () => {
  assert.equal(formatLinkTime(0), '0ns');
  assert.equal(formatLinkTime(7), '7ns');
  assert.equal(formatLinkTime(1500), '1500ns');
  assert.equal(formatLinkTime(2000), '2us');
  assert.equal(formatLinkTime(12_000_000), '12ms');
  assert.equal(formatLinkTime(3_000_000_000), '3s');
  assert.deepEqual(parseLinkTime('1.5s'), { value: 1_500_000_000 });
  assert.deepEqual(parseLinkTime('40µs'), { value: 40_000 });
  assert.deepEqual(parseLinkTime('40us'), { value: 40_000 });
  assert.deepEqual(parseLinkTime('9'), { value: 9 });
  for (const bad of [
    '',
    '-1ms',
    '1e3ns',
    '12 ms',
    '12min',
    '0x10',
    '1.5.2s',
    '99999999999999999999s',
  ]) {
    assert.ok(parseLinkTime(bad).error, `${JSON.stringify(bad)} is refused`);
  }
});

// Each malformed part is named in one message, and every other part still applies.
const malformed = [
  ['tasks=abc', /parameter "tasks".*not a whole number/],
  ['tasks=1.5', /parameter "tasks"/],
  ['tasks=1e3', /parameter "tasks"/],
  ['tasks=99999999999999999999', /parameter "tasks"/],
  ['seed=-1', /seed "-1"/],
  ['seed=abc', /seed "abc"/],
  ['seed=99999999999999999', /seed/],
  ['at=soon', /playhead: "soon"/],
  ['at=-5ms', /playhead/],
  ['select=poll:3', /selection "poll:3"/],
  ['select=seq:0', /selection "seq:0"/],
  ['select=seq', /selection "seq"/],
  ['example=<script>alert(1)</script>', /example "<script>alert\(1\)<\/script>" is not a valid id/],
  ['strategy=a%20b', /strategy "a b" is not a valid id/],
  ['v=2', /newer Wakeline \(version 2\)/],
  ['v=x', /version "x" is not a version number/],
  ['tasks', /"tasks" has no value/],
  ['%E0%A4%A=1', /not valid percent-encoding/],
  ['tasks=%ZZ', /not valid percent-encoding/],
  ['1bad=2', /"1bad" is not a parameter name/],
  ['__proto__=1', /"__proto__" is not a parameter name/],
  ['a.b=1', /"a.b" is not a parameter name/],
];

for (const [part, message] of malformed) {
  test(`the malformed part ${JSON.stringify(part)} gets a message and the rest still applies`, () => {
    const key = part.split('=')[0];
    const rest = ['v=1', 'example=concurrent', 'steps=4', 'seed=9', 'at=3ms'].filter(
      (p) => !p.startsWith(`${key}=`),
    );
    const { state, problems } = decodeLink(`#${[rest[0], part, ...rest.slice(1)].join('&')}`);
    assert.equal(problems.length, 1, problems.join(' | '));
    assert.match(problems[0], message);
    if (key !== 'example') assert.equal(state.example, 'concurrent');
    assert.equal(state.params.steps, 4);
    if (!part.startsWith('seed=')) assert.equal(state.seed, 9);
    if (!part.startsWith('at=')) assert.equal(state.at, 3_000_000);
  });
}

test('a part given twice keeps the first and says so', () => {
  const { state, problems } = decodeLink('example=basic&example=concurrent&tasks=2&p.tasks=3');
  assert.equal(state.example, 'basic');
  assert.equal(state.params.tasks, 2);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /"example" more than once/);
  assert.match(problems[1], /parameter "tasks" more than once/);
});

test('a link longer than the limit is ignored whole, with a message', () => {
  const { state, problems } = decodeLink(`example=basic&x=${'1'.repeat(maxLinkLength)}`);
  assert.deepEqual(state, emptyLinkState());
  assert.match(problems[0], /too long/);
});

test('only the first parts of a link with very many are read', () => {
  const parts = Array.from({ length: maxPairs + 50 }, (_, i) => `p${i}=${i}`);
  const { state, problems } = decodeLink(parts.join('&'));
  assert.equal(Object.keys(state.params).length, maxPairs);
  assert.match(problems[0], new RegExp(`only the first ${maxPairs}`));
});

test('parameter names the link reserves round-trip through p.NAME', () => {
  const state = { ...emptyLinkState(), params: { seed: 3, v: 1, at: 2 } };
  const text = encodeLink(state);
  assert.equal(text, 'v=1&p.seed=3&p.v=1&p.at=2');
  assert.deepEqual(decodeLink(text), { state, problems: [] });
});

test('messages quote at most 40 characters of what the link said', () => {
  const { problems } = decodeLink(`tasks=${'x'.repeat(500)}`);
  assert.ok(problems[0].length < 160, problems[0]);
});

test('resolving against the catalogue keeps valid values and names each wrong one', () => {
  const { state } = decodeLink(
    'example=state-machine&strategy=tokio-mt&ticks=50&together=1&speed=3&seed=4',
  );
  const { request, problems } = resolveLink(state, examples, 'concurrent');
  assert.deepEqual(request, {
    example: 'state-machine',
    strategy: 'tokio-mt',
    params: { ticks: 3, together: false },
    seed: 4,
  });
  assert.equal(problems.length, 3, problems.join(' | '));
  assert.match(problems[0], /ticks must be between 0 and 20, not 50/);
  assert.match(problems[1], /together must be true or false, not 1/);
  assert.match(problems[2], /no parameter "speed"/);
});

test('an unknown example falls back with a message; an unknown strategy uses the first', () => {
  const unknown = resolveLink(decodeLink('example=nope&tasks=2').state, examples, 'concurrent');
  assert.equal(unknown.request.example, 'concurrent');
  assert.equal(unknown.request.params.tasks, 2);
  assert.match(unknown.problems[0], /does not exist: "nope"/);
  const strategy = resolveLink(
    decodeLink('example=concurrent&strategy=tokio-mt').state,
    examples,
    'concurrent',
  );
  assert.equal(strategy.request.strategy, 'local');
  assert.match(strategy.problems[0], /no strategy "tokio-mt"/);
  const integer = resolveLink(
    decodeLink('example=concurrent&tasks=true').state,
    examples,
    'concurrent',
  );
  assert.match(integer.problems[0], /tasks must be a whole number, not true/);
});

// Scenarios as the page writes them.
const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
const nameArb = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/)
  .filter((name) => name !== '__proto__');
const stateArb = fc
  .tuple(
    fc.oneof(
      fc.record({ at: fc.constant(null), playhead: fc.constant(null) }),
      fc.record({ at: fc.maxSafeNat(), playhead: fc.constant(null) }),
      fc.record({ at: fc.constant(null), playhead: fc.integer({ min: 1, max: 2 ** 53 - 1 }) }),
    ),
    fc.record({
      example: fc.option(idArb, { nil: null }),
      strategy: fc.option(idArb, { nil: null }),
      params: fc.dictionary(nameArb, fc.oneof(fc.boolean(), fc.integer({ min: -1e6, max: 1e15 })), {
        maxKeys: 8,
      }),
      seed: fc.option(fc.maxSafeNat(), { nil: null }),
      // The playhead is a time (older links) or an event, never both.
      at: fc.constant(null),
      playhead: fc.constant(null),
      view: fc.option(
        fc
          .tuple(
            fc.double({ min: -1e15, max: 1e15, noNaN: true }),
            fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          )
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ x0: Math.min(a, b) + 0, x1: Math.max(a, b) + 0 })),
        { nil: null },
      ),
      spread: fc.option(fc.boolean(), { nil: null }),
      lang: fc.option(fc.constantFrom('en', 'es'), { nil: null }),
      select: fc.option(
        fc.record({
          kind: fc.constantFrom('seq', 'task'),
          id: fc.integer({ min: 1, max: 2 ** 53 - 1 }),
        }),
        { nil: null },
      ),
    }),
  )
  .map(([playhead, rest]) => ({ ...rest, ...playhead }));

test('property: encoding then decoding gives the same scenario, with no problems', () => {
  fc.assert(
    fc.property(stateArb, (state) => {
      const decoded = decodeLink(`#${encodeLink(state)}`);
      assert.deepEqual(decoded.problems, []);
      // fast-check may build objects without a prototype; compare plain copies.
      assert.deepEqual(decoded.state, JSON.parse(JSON.stringify(state)));
    }),
    { numRuns: 2000 },
  );
});

test('property: any text decodes without throwing to a well-typed state and string problems', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'v',
            'example',
            'strategy',
            'seed',
            'at',
            'select',
            'tasks',
            'p.seed',
            '',
            '%',
          ),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 12 },
      )
      .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&')),
  );
  fc.assert(
    fc.property(text, (fragment) => {
      const { state, problems } = decodeLink(fragment);
      assert.ok(problems.every((problem) => typeof problem === 'string'));
      assert.ok(state.example === null || typeof state.example === 'string');
      assert.ok(state.seed === null || Number.isSafeInteger(state.seed));
      assert.ok(state.at === null || Number.isSafeInteger(state.at));
      for (const value of Object.values(state.params)) {
        assert.ok(typeof value === 'boolean' || Number.isSafeInteger(value));
      }
      assert.equal(Object.getPrototypeOf(state.params), Object.prototype);
      // What was read re-encodes to a link that reads back the same, problem-free.
      assert.deepEqual(decodeLink(encodeLink(state)), { state, problems: [] });
    }),
    { numRuns: 3000 },
  );
});

test('property: resolving any decoded link gives a request the catalogue accepts', () => {
  fc.assert(
    fc.property(stateArb, (state) => {
      const { request } = resolveLink(state, examples, 'concurrent');
      const example = examples.find((e) => e.id === request.example);
      assert.ok(example.strategies.includes(request.strategy));
      for (const param of example.params) {
        const value = request.params[param.name];
        if (param.type === 'boolean') assert.equal(typeof value, 'boolean');
        else assert.ok(value >= param.min && value <= param.max);
      }
    }),
    { numRuns: 1000 },
  );
});

test('the interface language: en or es, anything else is named and ignored', () => {
  assert.equal(decodeLink('#example=basic&lang=es').state.lang, 'es');
  assert.equal(decodeLink('#example=basic&lang=es-AR').state.lang, 'es');
  const { state, problems } = decodeLink('#example=basic&lang=%3Cb%3Efr');
  assert.equal(state.lang, null);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /"<b>fr".*\(en for English, es for Spanish\)/);
  assert.match(encodeLink({ ...decodeLink('#example=basic').state, lang: 'es' }), /&lang=es$/);
});
