// The share link's fragment, read and written: a readable, versioned `name=value` list such as
//   #v=1&example=concurrent&strategy=local&tasks=5&seed=7&view=10ms..14.5ms&at=seq:35&select=seq:40
// The view window (`view`), the playhead (`at`) and the selection (`select`) are three parts, so a
// link reopens the picture it was made from. `at` may also be a time (`at=12ms`, the older form:
// the playhead goes to the last event at or before it).
// Pure (no DOM), so node tests can throw any text at it. Reading never throws: every problem
// becomes one sentence, and whatever else the link says still applies. Catalogue checks (does
// the example exist, is 5 in range for `tasks`) are resolveLink's, given the examples.
// Problems are sentences in the language in use (i18n/*/share.js, share.codec.*), made when
// the link is read; numbers in them are written as the link writes them, digits only.

import { languageOf, t } from '../i18n/i18n.js';

/** The newest link version this page writes; older ones (and none, `#example=ID`) still read. */
export const linkVersion = 1;

/** Longest fragment read at all; anything longer is refused whole rather than half read. */
export const maxLinkLength = 4096;

/** Longest program part read: a program of at most 512 KiB, compressed, in base64url. */
export const maxProgramLinkLength = 1_000_000;

/** Most `name=value` pairs read; a link needs a dozen, a hostile one may bring thousands. */
export const maxPairs = 64;

const reserved = new Set([
  'v',
  'example',
  'strategy',
  'compare',
  'seed',
  'at',
  'select',
  'view',
  'spread',
  'program',
  'lang',
]);
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const namePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const timeUnits = [
  ['s', 1e9],
  ['ms', 1e6],
  ['us', 1e3],
  ['ns', 1],
];
const unitScale = new Map([...timeUnits, ['µs', 1e3]]);
const selectKinds = new Set(['seq', 'task']);

/**
 * An empty scenario: nothing chosen, so the page's defaults apply. `at` is the playhead as a
 * time (ns), `playhead` as an event (its seq); `view` is { x0, x1 } on the layout axis
 * (timeline/model.js), `spread` false for a layout of pure virtual time, `lang` the interface's
 * language (i18n/page-language.js reads it before the rest of the link). A link with a program
 * adds `program`: its text as the link carries it (compressed, base64url:
 * program/program-link.js), read by decodeProgram, which is asynchronous.
 */
export function emptyLinkState() {
  return {
    example: null,
    strategy: null,
    params: {},
    seed: null,
    at: null,
    playhead: null,
    select: null,
    view: null,
    spread: null,
    lang: null,
  };
}

/** `text` for a message: quoted, cut short, with control characters shown as escapes. */
export function quote(text) {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(cut);
}

/** A time in ns written with the largest unit that keeps it a whole number: 12ms, 1500us, 7ns. */
export function formatLinkTime(ns) {
  for (const [unit, scale] of timeUnits) {
    if (ns !== 0 && ns % scale === 0) return `${ns / scale}${unit}`;
  }
  return `${ns}ns`;
}

/** Reads `12ms`, `1.5s`, `40us`, `40µs`, `7ns` or a bare number of ns: { value } or { error }. */
export function parseLinkTime(text) {
  const match = /^(\d{1,20}(?:\.\d{1,9})?)(ns|us|µs|ms|s)?$/.exec(text);
  if (!match) return { error: t('share.codec.notTime', { value: quote(text) }) };
  const ns = Math.round(Number(match[1]) * unitScale.get(match[2] ?? 'ns'));
  if (!Number.isSafeInteger(ns)) return { error: t('share.codec.tooFar', { value: quote(text) }) };
  return { value: ns };
}

/**
 * A position on the layout axis (ns of virtual time, plus the slots of stretched instants) as a
 * link writes it: in ms or us when that reads back to the very same number, else in ns with
 * every digit, so a reopened link draws the same pixels.
 */
export function formatLinkPosition(x) {
  for (const [unit, scale] of timeUnits.slice(1, 3)) {
    const value = x / scale;
    if (Math.abs(x) >= scale && Number(String(value)) * scale === x) return `${value}${unit}`;
  }
  return `${String(x)}ns`;
}

/** Reads a position written by formatLinkPosition (or any time such as -1.5ms): { value } or { error }. */
export function parseLinkPosition(text) {
  const match = /^(-?\d{1,20}(?:\.\d{1,30})?(?:e[-+]?\d{1,3})?)(ns|us|µs|ms|s)?$/.exec(text);
  if (!match) return { error: t('share.codec.notPosition', { value: quote(text) }) };
  const value = Number(match[1]) * unitScale.get(match[2] ?? 'ns');
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return { error: t('share.codec.tooFar', { value: quote(text) }) };
  return { value };
}

/** A whole number from 0 to 2^53 written in digits, or null. */
export function parseWhole(text) {
  if (!/^\d{1,16}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Whether `name` can name a parameter (a link's part, a player's `params`). */
export function isParamName(name) {
  // `__proto__` would set the params object's prototype instead of a key.
  return namePattern.test(name) && name !== '__proto__';
}

/** Reads a selection, `seq:N` (an event) or `task:N`: { value: { kind, id } } or { error }. */
export function parseSelection(text) {
  const match = /^([a-z]+):(\d{1,16})$/.exec(text);
  const id = match ? parseWhole(match[2]) : null;
  if (!match || !selectKinds.has(match[1]) || id === null || id < 1)
    return { error: t('share.codec.notSelection', { value: quote(text) }) };
  return { value: { kind: match[1], id } };
}

/**
 * The id of `ids` that `text` was most likely meant to be (a typo: a letter or two off, another
 * case, or the start of it), or null when none is close.
 */
export function nearestId(text, ids) {
  const wanted = String(text).trim().toLowerCase();
  if (wanted === '') return null;
  let best = null;
  let bestDistance = Infinity;
  for (const id of ids) {
    const candidate = id.toLowerCase();
    const distance =
      wanted.length >= 3 && candidate.startsWith(wanted) ? 1 : editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  return bestDistance <= allowed ? best : null;
}

/** Letters inserted, deleted, replaced or two swapped to turn `a` into `b` (Damerau). */
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Infinity;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; ++j) rows[0][j] = j;
  for (let i = 1; i <= a.length; ++i) {
    for (let j = 1; j <= b.length; ++j) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** A parameter's value as the link writes it: true, false or a whole number (maybe negative). */
export function parseParamValue(text) {
  if (text === 'true') return { value: true };
  if (text === 'false') return { value: false };
  const match = /^(-?)(\d{1,16})$/.exec(text);
  if (match) {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return { value: Object.is(value, -0) ? 0 : value };
  }
  return { error: t('share.codec.notValue', { value: quote(text) }) };
}

function decodePart(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Reads a fragment (with or without its leading `#`): { state, problems }. `state` is
 * emptyLinkState() with what the link validly says; `problems` are sentences for the reader.
 */
export function decodeLink(fragment) {
  const state = emptyLinkState();
  const problems = [];
  const text = String(fragment ?? '').replace(/^#/, '');
  if (text === '') return { state, problems };
  // A program makes a link long; the limit holds for the rest of it, and the program has its own.
  const program = /(?:^|&)program=([^&]*)/.exec(text);
  const rest = program
    ? text.slice(0, program.index) + text.slice(program.index + program[0].length)
    : text;
  if (rest.length > maxLinkLength) {
    problems.push(
      t('share.codec.tooLong', { length: String(rest.length), max: String(maxLinkLength) }),
    );
    return { state, problems };
  }
  if (program && program[1].length > maxProgramLinkLength) {
    problems.push(
      t('share.codec.programTooLong', {
        length: String(program[1].length),
        max: String(maxProgramLinkLength),
      }),
    );
    return { state, problems };
  }
  let pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > maxPairs) {
    problems.push(
      t('share.codec.tooManyParts', { count: String(pairs.length), max: String(maxPairs) }),
    );
    pairs = pairs.slice(0, maxPairs);
  }
  const seen = new Set();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = decodePart(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? null : decodePart(pair.slice(at + 1));
    if (name === null || (at !== -1 && value === null)) {
      problems.push(t('share.codec.badEncoding', { part: quote(pair) }));
      continue;
    }
    if (value === null) {
      problems.push(t('share.codec.noValue', { name: quote(name) }));
      continue;
    }
    if (seen.has(name)) {
      problems.push(t('share.codec.twice', { name: quote(name) }));
      continue;
    }
    seen.add(name);
    readPair(state, problems, name, value);
  }
  return { state, problems };
}

function readPair(state, problems, name, value) {
  switch (name) {
    case 'v': {
      const version = parseWhole(value);
      if (version === null || version < 1) {
        problems.push(
          t('share.codec.badVersion', { value: quote(value), version: String(linkVersion) }),
        );
      } else if (version > linkVersion) {
        problems.push(
          t('share.codec.newerVersion', {
            newer: String(version),
            version: String(linkVersion),
          }),
        );
      }
      return;
    }
    case 'example':
    case 'strategy':
    case 'compare':
      if (idPattern.test(value)) state[name] = value;
      else problems.push(t(`share.codec.badId.${name}`, { value: quote(value) }));
      return;
    case 'seed': {
      const seed = parseWhole(value);
      if (seed === null) problems.push(t('share.codec.badSeed', { value: quote(value) }));
      else state.seed = seed;
      return;
    }
    case 'at': {
      const event = /^seq:(\d{1,16})$/.exec(value);
      const seq = event ? parseWhole(event[1]) : null;
      if (event && seq !== null && seq >= 1) {
        state.playhead = seq;
        return;
      }
      const time = parseLinkTime(value);
      if (time.error) problems.push(t('share.codec.badPlayhead', { error: time.error }));
      else state.at = time.value;
      return;
    }
    case 'view': {
      const parts = value.split('..');
      const edges = parts.length === 2 ? parts.map(parseLinkPosition) : [];
      if (
        edges.length !== 2 ||
        edges.some((edge) => edge.error) ||
        edges[1].value <= edges[0].value
      )
        problems.push(t('share.codec.badView', { value: quote(value) }));
      else state.view = { x0: edges[0].value, x1: edges[1].value };
      return;
    }
    case 'program':
      if (/^[A-Za-z0-9_-]+$/.test(value)) state.program = value;
      else problems.push(t('share.codec.badProgram'));
      return;
    case 'lang':
      if (languageOf(value)) state.lang = languageOf(value);
      else problems.push(t('share.link.language', { value: quote(value) }));
      return;
    case 'spread':
      if (value === 'true' || value === 'false') state.spread = value === 'true';
      else problems.push(t('share.codec.badSpread', { value: quote(value) }));
      return;
    case 'select': {
      const selection = parseSelection(value);
      if (selection.error) problems.push(t('share.codec.badSelect', { error: selection.error }));
      else state.select = selection.value;
      return;
    }
    default: {
      // `p.NAME` spells a parameter whose name the link reserves for itself.
      const param = name.startsWith('p.') ? name.slice(2) : name;
      if (!isParamName(param)) {
        problems.push(t('share.codec.notParamName', { name: quote(name) }));
        return;
      }
      if (Object.hasOwn(state.params, param)) {
        problems.push(t('share.codec.paramTwice', { name: quote(param) }));
        return;
      }
      const parsed = parseParamValue(value);
      if (parsed.error)
        problems.push(t('share.codec.badParam', { name: quote(param), error: parsed.error }));
      else state.params[param] = parsed.value;
    }
  }
}

/** Writes `state` (the shape of emptyLinkState) as a fragment, without the `#`; nulls are left out. */
export function encodeLink(state) {
  const parts = [`v=${linkVersion}`];
  // `:` is safe in a fragment and keeps `select=seq:40` readable.
  const add = (name, value) =>
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value).replace(/%3A/g, ':')}`);
  if (state.example != null) add('example', state.example);
  if (state.strategy != null) add('strategy', state.strategy);
  if (state.compare != null) add('compare', state.compare);
  for (const [name, value] of Object.entries(state.params ?? {})) {
    add(reserved.has(name) || name.startsWith('p.') ? `p.${name}` : name, String(value));
  }
  if (state.seed != null) add('seed', String(state.seed));
  if (state.spread != null) add('spread', String(state.spread));
  if (state.view != null)
    add('view', `${formatLinkPosition(state.view.x0)}..${formatLinkPosition(state.view.x1)}`);
  if (state.playhead != null) add('at', `seq:${state.playhead}`);
  else if (state.at != null) add('at', formatLinkTime(state.at));
  if (state.select != null) add('select', `${state.select.kind}:${state.select.id}`);
  if (state.lang != null) add('lang', state.lang);
  // Last: a link cut short by a site loses the program (which then says so), not the rest.
  if (state.program != null) add('program', state.program);
  return parts.join('&');
}

/**
 * Checks a decoded state against the catalogue: { request, problems, issues }. `request` is
 * { example, strategy, params, seed } with every value valid (defaults where the link was wrong
 * or silent), or null when `examples` is empty. `fallback` is the example used when the link
 * names none or an unknown one. `strategies` (the API's strategies(), optional) gives each
 * strategy's settings: a link names them like parameters, and `params` then holds those the link
 * set validly (an example's own parameter wins a shared name); without it every name must be one
 * of the example's parameters. `issues` are the same problems as { part, text }, `part` the link's
 * part each is about (`example`, `strategy` or the parameter's name), for a reader that names the
 * parts its own way (the player names its attributes).
 */
export function resolveLink(state, examples, fallback, strategies = []) {
  const problems = [];
  const issues = [];
  const note = (part, text) => {
    problems.push(text);
    issues.push({ part, text });
  };
  const byId = new Map(examples.map((example) => [example.id, example]));
  let example = state.example != null ? byId.get(state.example) : undefined;
  if (state.example != null && !example) {
    note(
      'example',
      t('share.codec.unknownExample', { value: quote(state.example), fallback: String(fallback) }),
    );
  }
  example ??= byId.get(fallback) ?? examples[0];
  if (!example) return { request: null, problems, issues };

  let strategy = example.strategies[0];
  if (state.strategy != null) {
    if (example.strategies.includes(state.strategy)) strategy = state.strategy;
    else
      note(
        'strategy',
        t('share.codec.unknownStrategy', {
          example: example.id,
          value: quote(state.strategy),
          list: example.strategies.join(', '),
          strategy,
        }),
      );
  }

  const params = {};
  const known = new Map(example.params.map((param) => [param.name, param]));
  const own = new Set(known.keys());
  const settings = ((strategies ?? []).find((s) => s.name === strategy)?.settings ?? []).filter(
    (setting) => !own.has(setting.name),
  );
  const settingNames = new Set(settings.map((setting) => setting.name));
  for (const setting of settings) known.set(setting.name, setting);
  for (const param of example.params) params[param.name] = param.default;
  for (const [name, value] of Object.entries(state.params)) {
    const param = known.get(name);
    const what = settingNames.has(name)
      ? t('share.codec.what.setting', { name, strategy })
      : t('share.codec.what.param', { name });
    if (!param) {
      const hasSettings = (strategies ?? []).length > 0;
      note(
        name,
        hasSettings
          ? t('share.codec.unknownParamOrSetting', {
              example: example.id,
              name: quote(name),
              strategy,
            })
          : t('share.codec.unknownParam', { example: example.id, name: quote(name) }),
      );
    } else if (param.type === 'boolean') {
      if (typeof value === 'boolean') params[name] = value;
      else
        note(
          name,
          t('share.codec.notBoolean', {
            what,
            value: String(value),
            default: String(param.default),
          }),
        );
    } else if (typeof value !== 'number') {
      note(
        name,
        t('share.codec.notWhole', { what, value: String(value), default: String(param.default) }),
      );
    } else if (value < param.min || value > param.max) {
      note(
        name,
        t('share.codec.outOfRange', {
          what,
          min: String(param.min),
          max: String(param.max),
          value: String(value),
          default: String(param.default),
        }),
      );
    } else {
      params[name] = value;
    }
  }
  return {
    request: { example: example.id, strategy, params, seed: state.seed ?? 0 },
    problems,
    issues,
  };
}
