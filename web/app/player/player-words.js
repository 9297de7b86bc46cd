// What <wakeline-player> says: its messages about the values an author gave it, a program that
// could not be read, how a run ended and why the API could not be loaded. The words are the
// catalogue's (i18n/en/player.js, i18n/es/player.js), made in the language in use when called:
// the player calls these inside its own language (player-element.js, #speak).
import { formatNumber, t } from '../i18n/i18n.js';
import { maxEncodedLength } from '../program/program-link.js';
import { quote } from '../share/link-codec.js';
import { siteUrl } from './player-engine.js';

/**
 * What the player says about the values it was given, in one place; the words are the
 * catalogue's (i18n/en/player.js and i18n/es/player.js), in the language in use when called (the player's: see #speak).
 * `where` is the value's name as the author wrote it: `attribute example="concurent"` on a host
 * page, `link part example=concurent` in embed.html (whose attributes come from its link; see
 * `fromLink`).
 */
export const say = {
  attribute: (name, value) =>
    value == null
      ? t('player.where.attribute', { name })
      : t('player.where.attributeValue', { name, value: quote(value) }),
  // As a link writes it, unquoted (quote() still cuts it short and escapes control characters).
  linkPart: (name, value) =>
    value == null
      ? t('player.where.linkPart', { name })
      : t('player.where.linkPartValue', { name, value: quote(value).slice(1, -1) }),
  problem: (where, problem) => t('player.problem', { where, problem }),
  noExample: (fromLink, example) =>
    fromLink
      ? t('player.noExample.link', { example })
      : t('player.noExample.attribute', { example }),
  unknownExample: (where, near, ids) =>
    near
      ? t('player.example.near', { where, near })
      : t('player.example.list', { where, ids: ids.join(', ') }),
  unknownStrategy: (where, near, names) =>
    near
      ? t('player.strategy.near', { where, near })
      : t('player.strategy.list', { where, names: names.join(', ') }),
  unsupportedStrategy: (where, example, names) =>
    t('player.strategy.unsupported', { where, example, names: names.join(', ') }),
  notParamPair: (where, pair) => t('player.param.notPair', { where, pair: quote(pair) }),
  notParamName: (where, name) => t('player.param.notName', { where, name: quote(name) }),
  paramTwice: (where, name) => t('player.param.twice', { where, name: quote(name) }),
  paramValue: (where, name, error) => t('player.param.value', { where, name: quote(name), error }),
  seed: (where) => t('player.seed', { where }),
  start: (where, error) => t('player.start', { where, error }),
  startAfterEnd: (where, end) => t('player.start.afterEnd', { where, end }),
  // Ids are written as the author wrote them (no grouping); counts as the locale writes numbers.
  playheadMissing: (where, seq, model) =>
    t('player.start.noEvent', { where, id: String(seq), count: model.count }),
  select: (where, error) => t('player.select', { where, error }),
  selectMissing: (where, select, model) =>
    select.kind === 'seq'
      ? t('player.select.noEvent', { where, id: String(select.id), count: model.count })
      : t('player.select.noTask', {
          where,
          id: String(select.id),
          count: model.taskLanes.length,
        }),
  height: (where, px) => t('player.height', { where, px: String(px) }),
  speed: (where) => t('player.speed', { where }),
  theme: (where, theme) => t('player.theme', { where, theme }),
  lang: (where) => t('player.lang', { where }),
  compare: (where) => t('player.compare', { where }),
  nothingRun: () => t('player.status.nothingRun'),
  programUnread: () => t('player.status.programUnread'),
};

/** The problems decodeProgram (program/program-link.js) names, by the last part of their key. */
const programProblems = ['empty', 'alphabet', 'cut', 'damaged', 'tooLarge', 'notUtf8'];

/**
 * Which of decodeProgram's problems `error` (a sentence in the language in use) is, for the
 * program `encoded`: one of programProblems, 'tooLong', or null.
 */
export function programProblem(encoded, error) {
  if (encoded.length > maxEncodedLength) return 'tooLong';
  return programProblems.find((kind) => error === programSentence(kind, true, encoded)) ?? null;
}

/**
 * The sentence for a program problem `kind`: worded for a link's program part (`fromLink`) as
 * program-link.js words it, else for the `program` attribute.
 */
export function programSentence(kind, fromLink, encoded) {
  const sizes = {
    length: formatNumber(encoded.length, { useGrouping: false }),
    max: formatNumber(maxEncodedLength, { useGrouping: false }),
  };
  switch (kind) {
    case 'empty':
      return fromLink ? t('program.link.empty') : t('player.program.empty');
    case 'tooLong':
      return fromLink ? t('program.link.tooLong', sizes) : t('player.program.tooLong', sizes);
    case 'alphabet':
      return fromLink ? t('program.link.alphabet') : t('player.program.alphabet');
    case 'cut':
      return fromLink ? t('program.link.cut') : t('player.program.cut');
    case 'damaged':
      return fromLink ? t('program.link.damaged') : t('player.program.damaged');
    case 'tooLarge':
      return fromLink ? t('program.link.tooLarge') : t('player.program.tooLarge');
    default:
      return fromLink ? t('program.link.notUtf8') : t('player.program.notUtf8');
  }
}

/** How a run ended (a summary's outcome), in words; the trace's own name when it has none. */
export function outcomeWords(outcome) {
  const key = `narration.outcome.${outcome}`;
  const words = t(key);
  return words === key ? String(outcome) : words;
}

/**
 * What a reader (and the post's author) is told when the API cannot be loaded: the error (`why`),
 * and what the two sites must send when the player comes from another one (docs/embedding.md).
 */
export function loadFailure(why) {
  const site = new URL(siteUrl('wakeline.mjs')).origin;
  return site !== location.origin
    ? t('player.unloaded.crossOrigin', { site, why })
    : t('player.unloaded.sameOrigin', { why });
}
