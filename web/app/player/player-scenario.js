// What a <wakeline-player>'s attributes ask to run: the scenario they describe (example,
// strategy, parameters, seed, start), read as a share link's parts are, and then the example and
// strategy picked from the catalogue, or refused. Problems are makers of sentences (said in the
// player's language when shown); `where(name, value)` makes the words that name the value ("the
// attribute seed=…", or in embed.html the link's part).
import {
  emptyLinkState,
  isParamName,
  nearestId,
  parseLinkTime,
  parseParamValue,
  parseWhole,
} from '../share/link-codec.js';
import { say } from './player-words.js';

/**
 * The scenario the attributes (`attr(name)`: the value or null) describe, as link state (the
 * example and strategy as written, to be checked against the catalogue), with the problems
 * found reading them. `state.paramsWritten` says where each parameter was written (a maker
 * too), so that a problem with it names it: the whole `params` attribute, or with `eachParam`
 * (a link, where each parameter is a part of its own) that parameter alone.
 */
export function readScenario(attr, { where, eachParam = false }) {
  const state = emptyLinkState();
  const problems = [];
  state.example = attr('example');
  state.strategy = attr('strategy');
  // Each `name=value` of `params` (separated by spaces, `&` or `,`); `p.NAME` as links write it.
  const params = attr('params');
  const pairs = String(params ?? '')
    .trim()
    .split(/[\s,&]+/)
    .filter(Boolean);
  state.paramsWritten = {};
  for (const pair of pairs) {
    const written = () => (eachParam ? where('params', pair) : where('params', params));
    const at = pair.indexOf('=');
    if (at <= 0) {
      problems.push(() => say.notParamPair(written(), pair));
      continue;
    }
    const name = pair.slice(0, at).replace(/^p\./, '');
    if (!isParamName(name)) {
      problems.push(() => say.notParamName(written(), name));
      continue;
    }
    if (Object.hasOwn(state.params, name)) {
      problems.push(() => say.paramTwice(written(), name));
      continue;
    }
    const text = pair.slice(at + 1);
    const value = parseParamValue(text);
    if (value.error)
      // Made again when said: the sentence is in the language the player speaks then.
      problems.push(() => say.paramValue(written(), name, parseParamValue(text).error));
    else {
      state.params[name] = value.value;
      state.paramsWritten[name] = written;
    }
  }
  const seed = attr('seed');
  if (seed !== null) {
    state.seed = parseWhole(seed.trim());
    if (state.seed === null) problems.push(() => say.seed(where('seed', seed)));
  }
  const start = attr('start');
  if (start !== null) {
    const time = parseLinkTime(start.trim());
    if (time.error)
      problems.push(() => say.start(where('start', start), parseLinkTime(start.trim()).error));
    else state.at = time.value;
  }
  return { state, problems };
}

/**
 * The example and strategy `state` names, from the catalogue (`examples`, `strategies`; any
 * example's name for a `program`, which runs under any strategy): { example, strategy }, or
 * { refused } (a maker of a sentence) when either is not one of Wakeline's: a typo runs nothing
 * rather than another example under the author's caption.
 */
export function pickRun(state, { examples, strategies, program, where }) {
  let example;
  if (program) {
    example = {
      id: state.example ?? 'new',
      params: [],
      strategies: strategies.map((s) => s.name),
    };
  } else if (state.example === null) {
    example = examples.find((e) => e.id === 'concurrent') ?? examples[0];
  } else {
    example = examples.find((e) => e.id === state.example.trim());
    if (!example) {
      const ids = examples.map((e) => e.id);
      return {
        refused: () =>
          say.unknownExample(where('example', state.example), nearestId(state.example, ids), ids),
      };
    }
  }
  if (state.strategy === null) return { example, strategy: example.strategies[0] };
  const strategy = state.strategy.trim();
  if (example.strategies.includes(strategy)) return { example, strategy };
  const named = () => where('strategy', state.strategy);
  const names = strategies.map((s) => s.name);
  if (names.includes(strategy))
    return { refused: () => say.unsupportedStrategy(named(), example.id, example.strategies) };
  return { refused: () => say.unknownStrategy(named(), nearestId(strategy, names), names) };
}
