// What a player's attributes ask to run (web/app/player/player-scenario.js), under plain node:
// the scenario read from them with every problem named where it was written, and the example
// and strategy picked from the catalogue or refused with the nearest name.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// player-engine.js (which the player's words import for the site's address) reads the script
// element it was loaded by as it loads: a page's, stood in for here.
globalThis.document ??= { currentScript: { src: 'https://wakeline.example/wakeline-player.js' } };
globalThis.location ??= { href: 'https://wakeline.example/' };
const { pickRun, readScenario } = await import('../../../web/app/player/player-scenario.js');
const { say } = await import('../../../web/app/player/player-words.js');

const attributes = (values) => (name) => values[name] ?? null;
const where = (name, value) => say.attribute(name, value);
const said = (problems) => problems.map((make) => make());

test('the attributes read as a scenario, each problem naming the attribute it came from', () => {
  const { state, problems } = readScenario(
    attributes({
      example: 'basic',
      strategy: 'local',
      params: 'steps=3 p.delay_ms=5 steps=4 =1 bad-name=2',
      seed: '12',
      start: '1.5ms',
    }),
    { where },
  );
  assert.equal(state.example, 'basic');
  assert.equal(state.strategy, 'local');
  assert.deepEqual(state.params, { steps: 3, delay_ms: 5 });
  assert.equal(state.seed, 12);
  assert.equal(state.at, 1_500_000);
  const sentences = said(problems);
  assert.equal(sentences.length, 3, sentences.join('\n'));
  for (const sentence of sentences) assert.match(sentence, /^attribute params="/);
  assert.match(sentences[0], /steps/);
  assert.match(sentences[1], /=1/);
  assert.match(sentences[2], /bad-name/);
});

test('a bad seed and start are named; a link names the one parameter, not the whole list', () => {
  const { state, problems } = readScenario(attributes({ seed: '-1', start: 'soon' }), { where });
  assert.equal(state.seed, null);
  assert.equal(state.at, null);
  const sentences = said(problems);
  assert.match(sentences[0], /^attribute seed="-1": /);
  assert.match(sentences[1], /^attribute start="soon": /);
  // As embed.html's player names a parameter: its own part of the link.
  const linkWhere = (name, value) => {
    const [part, ...rest] = value.split('=');
    return name === 'params' ? say.linkPart(part, rest.join('=')) : say.linkPart(name, value);
  };
  const link = readScenario(attributes({ params: 'steps=x delay_ms=5' }), {
    where: linkWhere,
    eachParam: true,
  });
  assert.deepEqual(link.state.params, { delay_ms: 5 });
  assert.match(said(link.problems)[0], /^link part steps=x: /);
});

test('the run is picked from the catalogue, or refused with the nearest name', () => {
  const examples = [
    { id: 'basic', strategies: ['local', 'tokio-current-thread'] },
    { id: 'concurrent', strategies: ['local', 'smol'] },
  ];
  const strategies = [{ name: 'local' }, { name: 'smol' }, { name: 'tokio-current-thread' }];
  const pick = (example, strategy, program = null) =>
    pickRun({ example, strategy }, { examples, strategies, program, where });
  assert.deepEqual(pick(null, null), { example: examples[1], strategy: 'local' });
  assert.deepEqual(pick(' basic ', 'tokio-current-thread'), {
    example: examples[0],
    strategy: 'tokio-current-thread',
  });
  assert.match(pick('concurent', null).refused(), /^attribute example="concurent": .*concurrent/);
  assert.match(pick('basic', 'smol').refused(), /^attribute strategy="smol": .*basic/);
  assert.match(pick('basic', 'smoll').refused(), /^attribute strategy="smoll": .*smol/);
  // A program runs under any strategy, named by `example` if given.
  const program = pick(null, 'smol', { name: 'main.rs' });
  assert.equal(program.example.id, 'new');
  assert.equal(program.strategy, 'smol');
});
