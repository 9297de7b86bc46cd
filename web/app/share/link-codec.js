// The share link's fragment, read and written: a readable, versioned `name=value` list such as
//   #v=1&example=concurrent&strategy=local&tasks=5&seed=7&view=10ms..14.5ms&at=seq:35&select=seq:40
// The view window (`view`), the playhead (`at`) and the selection (`select`) are three parts, so a
// link reopens the picture it was made from. `at` may also be a time (`at=12ms`, the older form:
// the playhead goes to the last event at or before it).
// Pure (no DOM), so node tests can throw any text at it. Reading never throws: every problem
// becomes one sentence, and whatever else the link says still applies. Catalogue checks (does
// the example exist, is 5 in range for `tasks`) are resolveLink's, given the examples.

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
  if (!match) return { error: `${quote(text)} is not a time such as 12ms, 1.5s, 40us or 7ns` };
  const ns = Math.round(Number(match[1]) * unitScale.get(match[2] ?? 'ns'));
  if (!Number.isSafeInteger(ns)) return { error: `${quote(text)} is too far in time` };
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
  if (!match) return { error: `${quote(text)} is not a position such as 12ms or -1.5ms` };
  const value = Number(match[1]) * unitScale.get(match[2] ?? 'ns');
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return { error: `${quote(text)} is too far in time` };
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
    return { error: `${quote(text)} is not seq:N or task:N` };
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
  return { error: `${quote(text)} is not a whole number, true or false` };
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
      `The link is too long (${rest.length} characters, at most ${maxLinkLength}); it was ignored.`,
    );
    return { state, problems };
  }
  if (program && program[1].length > maxProgramLinkLength) {
    problems.push(
      `The link's program is too long (${program[1].length} characters, at most ${maxProgramLinkLength}); it was ignored.`,
    );
    return { state, problems };
  }
  let pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > maxPairs) {
    problems.push(`The link has ${pairs.length} parts; only the first ${maxPairs} were read.`);
    pairs = pairs.slice(0, maxPairs);
  }
  const seen = new Set();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = decodePart(at === -1 ? pair : pair.slice(0, at));
    const value = at === -1 ? null : decodePart(pair.slice(at + 1));
    if (name === null || (at !== -1 && value === null)) {
      problems.push(`The link part ${quote(pair)} is not valid percent-encoding; it was ignored.`);
      continue;
    }
    if (value === null) {
      problems.push(
        `The link part ${quote(name)} has no value (expected ${quote(name)}=…); it was ignored.`,
      );
      continue;
    }
    if (seen.has(name)) {
      problems.push(`The link gives ${quote(name)} more than once; the first one counts.`);
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
          `The link version ${quote(value)} is not a version number; it was read as version ${linkVersion}.`,
        );
      } else if (version > linkVersion) {
        problems.push(
          `The link was made by a newer Wakeline (version ${version}); it was read as version ${linkVersion}, and parts may be missing.`,
        );
      }
      return;
    }
    case 'example':
    case 'strategy':
    case 'compare':
      if (idPattern.test(value)) state[name] = value;
      else problems.push(`The ${name} ${quote(value)} is not a valid id; it was ignored.`);
      return;
    case 'seed': {
      const seed = parseWhole(value);
      if (seed === null)
        problems.push(
          `The seed ${quote(value)} is not a whole number from 0 to 2^53; it was ignored.`,
        );
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
      if (time.error)
        problems.push(`The playhead: ${time.error}, or seq:N for an event; it was ignored.`);
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
        problems.push(
          `The view ${quote(value)} is not two positions such as 10ms..14.5ms, the first before the second; the whole run is shown.`,
        );
      else state.view = { x0: edges[0].value, x1: edges[1].value };
      return;
    }
    case 'program':
      if (/^[A-Za-z0-9_-]+$/.test(value)) state.program = value;
      else
        problems.push(
          'The link’s program holds characters that base64url does not use (the link was changed or mangled); it was ignored.',
        );
      return;
    case 'lang':
      if (languageOf(value)) state.lang = languageOf(value);
      else problems.push(t('page.link.language', { value: quote(value) }));
      return;
    case 'spread':
      if (value === 'true' || value === 'false') state.spread = value === 'true';
      else problems.push(`The spread ${quote(value)} is not true or false; it was ignored.`);
      return;
    case 'select': {
      const selection = parseSelection(value);
      if (selection.error) problems.push(`The selection ${selection.error}; it was ignored.`);
      else state.select = selection.value;
      return;
    }
    default: {
      // `p.NAME` spells a parameter whose name the link reserves for itself.
      const param = name.startsWith('p.') ? name.slice(2) : name;
      if (!isParamName(param)) {
        problems.push(`The link part ${quote(name)} is not a parameter name; it was ignored.`);
        return;
      }
      if (Object.hasOwn(state.params, param)) {
        problems.push(
          `The link gives the parameter ${quote(param)} more than once; the first one counts.`,
        );
        return;
      }
      const parsed = parseParamValue(value);
      if (parsed.error)
        problems.push(`The parameter ${quote(param)}: ${parsed.error}; its default is used.`);
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
      `The link names an example that does not exist: ${quote(state.example)}. Showing ${fallback}.`,
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
        `The example ${example.id} has no strategy ${quote(state.strategy)} (it has ${example.strategies.join(', ')}); using ${strategy}.`,
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
      ? `The setting ${name} of ${strategy}`
      : `The parameter ${name}`;
    if (!param) {
      const hasSettings = (strategies ?? []).length > 0;
      note(
        name,
        hasSettings
          ? `The example ${example.id} has no parameter ${quote(name)} and the strategy ${strategy} has no such setting; it was ignored.`
          : `The example ${example.id} has no parameter ${quote(name)}; it was ignored.`,
      );
    } else if (param.type === 'boolean') {
      if (typeof value === 'boolean') params[name] = value;
      else
        note(
          name,
          `${what} must be true or false, not ${value}; its default ${param.default} is used.`,
        );
    } else if (typeof value !== 'number') {
      note(
        name,
        `${what} must be a whole number, not ${value}; its default ${param.default} is used.`,
      );
    } else if (value < param.min || value > param.max) {
      note(
        name,
        `${what} must be between ${param.min} and ${param.max}, not ${value}; its default ${param.default} is used.`,
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
