// Guided tours: an ordered list of stops, each a playhead position, optionally a selection and a
// view window, and the author's caption as plain text. A tour travels two ways:
// - in a link, as one `tour` part after the scenario, stops separated by `|`, each stop four
//   comma-separated fields (playhead, view, selection, caption; the caption percent-encoded):
//     &tour=seq:12,10ms..14ms,seq:40,The%20root%20is%20polled|5ms,,,The%20timer%20fires
// - in a <wakeline-player>, as a child list that a page without JavaScript reads as a list:
//     <ol data-tour><li data-at="seq:12" data-view="10ms..14ms" data-select="seq:40">The root…</li></ol>
// Captions are text: read with textContent, shown with textContent, never parsed as markup.
// Pure (no DOM but the element reader), like share/link-codec.js, whose time forms it reuses.
// Problems are sentences in the language in use (i18n/i18n.js).
import { formatNumber, t } from '../i18n/i18n.js';
import {
  formatLinkPosition,
  formatLinkTime,
  parseLinkPosition,
  parseLinkTime,
  quote,
} from '../share/link-codec.js';

/** Most stops a tour holds; the rest of a longer one are left out, and that is said. */
export const maxStops = 32;

/** Longest caption kept, in characters. */
export const maxCaption = 600;

/** Longest `tour` link part read at all. */
export const maxTourLink = 24000;

/** `n` as the locale writes digits, without thousands separators. */
const digits = (n) => formatNumber(n, { useGrouping: false });

/** `text` as a caption: collapsed white space, cut to maxCaption. */
function captionText(text) {
  const collapsed = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return collapsed.length > maxCaption ? `${collapsed.slice(0, maxCaption - 1)}…` : collapsed;
}

/** Reads a playhead: `seq:N` (an event) or a time: { playhead } / { at } / { error }. */
function readAt(text) {
  const event = /^seq:(\d{1,16})$/.exec(text);
  if (event) {
    const seq = Number(event[1]);
    if (Number.isSafeInteger(seq) && seq >= 1) return { playhead: seq };
    return { error: t('program.tour.notEvent', { value: quote(text) }) };
  }
  const time = parseLinkTime(text);
  return time.error ? { error: time.error } : { at: time.value };
}

function readView(text) {
  const edges = text.split('..').map(parseLinkPosition);
  if (edges.length !== 2 || edges.some((e) => e.error) || edges[1].value <= edges[0].value)
    return { error: t('program.tour.badView', { value: quote(text) }) };
  return { view: { x0: edges[0].value, x1: edges[1].value } };
}

function readSelect(text) {
  const match = /^(seq|task):(\d{1,16})$/.exec(text);
  const id = match ? Number(match[2]) : 0;
  if (!match || !Number.isSafeInteger(id) || id < 1)
    return { error: t('program.tour.badSelect', { value: quote(text) }) };
  return { select: { kind: match[1], id } };
}

/**
 * One stop from its four fields (text, as written): { stop } or { error }. A stop needs a
 * playhead; view and selection are optional and, when wrong, dropped with a problem.
 */
function readStop(fields, problems, number) {
  const [atText = '', viewText = '', selectText = '', caption = ''] = fields;
  const at = readAt(atText.trim());
  if (at.error) {
    problems.push(t('program.tour.badPlayhead', { number: digits(number), error: at.error }));
    return null;
  }
  const stop = {
    at: at.at ?? null,
    playhead: at.playhead ?? null,
    view: null,
    select: null,
    caption: captionText(caption),
  };
  if (viewText.trim()) {
    const view = readView(viewText.trim());
    if (view.error)
      problems.push(t('program.tour.ignored', { number: digits(number), error: view.error }));
    else stop.view = view.view;
  }
  if (selectText.trim()) {
    const select = readSelect(selectText.trim());
    if (select.error)
      problems.push(t('program.tour.ignored', { number: digits(number), error: select.error }));
    else stop.select = select.select;
  }
  return stop;
}

function limit(stops, problems) {
  if (stops.length <= maxStops) return stops;
  problems.push(t('program.tour.tooMany', { count: digits(stops.length), max: digits(maxStops) }));
  return stops.slice(0, maxStops);
}

/** Reads a link's `tour` part (as it stands in the fragment): { stops, problems }. */
export function parseTourLink(raw) {
  const problems = [];
  const text = String(raw ?? '');
  if (text.length > maxTourLink) {
    problems.push(
      t('program.tour.tooLong', { length: digits(text.length), max: digits(maxTourLink) }),
    );
    return { stops: [], problems };
  }
  const stops = [];
  text.split('|').forEach((part, k) => {
    if (part === '') return;
    const fields = part.split(',').map((field) => {
      try {
        return decodeURIComponent(field);
      } catch {
        return null;
      }
    });
    if (fields.length > 4 || fields.includes(null)) {
      problems.push(t('program.tour.badStop', { number: digits(k + 1) }));
      return;
    }
    const stop = readStop(fields, problems, k + 1);
    if (stop) stops.push(stop);
  });
  return { stops: limit(stops, problems), problems };
}

const encodeField = (text) => encodeURIComponent(text).replace(/%3A/g, ':');

function atText(stop) {
  return stop.playhead != null ? `seq:${stop.playhead}` : formatLinkTime(stop.at ?? 0);
}

function viewText(stop) {
  return stop.view
    ? `${formatLinkPosition(stop.view.x0)}..${formatLinkPosition(stop.view.x1)}`
    : '';
}

function selectText(stop) {
  return stop.select ? `${stop.select.kind}:${stop.select.id}` : '';
}

/** The `tour` link part for `stops` (without `tour=`); '' for none. */
export function formatTourLink(stops) {
  return stops
    .map((stop) =>
      [atText(stop), viewText(stop), selectText(stop), captionText(stop.caption)]
        .map(encodeField)
        .join(','),
    )
    .join('|');
}

/**
 * Takes the `tour` part out of a fragment: { rest (the fragment without it, for decodeLink),
 * tour (its raw text, or null) }.
 */
export function splitTour(fragment) {
  const text = String(fragment ?? '').replace(/^#/, '');
  const match = /(?:^|&)tour=([^&]*)/.exec(text);
  if (!match) return { rest: text, tour: null };
  const rest = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).replace(
    /^&/,
    '',
  );
  return { rest, tour: match[1] };
}

/** The stops of an <ol data-tour> (or any element whose children are the stops' <li>). */
export function readTourElement(list) {
  const problems = [];
  const stops = [];
  [...list.children].forEach((item, k) => {
    if (item.tagName !== 'LI') return;
    const fields = [
      item.getAttribute('data-at') ?? '',
      item.getAttribute('data-view') ?? '',
      item.getAttribute('data-select') ?? '',
      item.textContent,
    ];
    const stop = readStop(fields, problems, k + 1);
    if (stop) stops.push(stop);
  });
  return { stops: limit(stops, problems), problems };
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** The <ol data-tour> for `stops` as HTML text for a snippet, every value escaped. */
export function tourElementSnippet(stops, indent = '  ') {
  const items = stops.map((stop) => {
    const attributes = [['data-at', atText(stop)]];
    if (stop.view) attributes.push(['data-view', viewText(stop)]);
    if (stop.select) attributes.push(['data-select', selectText(stop)]);
    const written = attributes.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ');
    return `${indent}  <li ${written}>${escapeHtml(captionText(stop.caption))}</li>`;
  });
  return [`${indent}<ol data-tour>`, ...items, `${indent}</ol>`].join('\n');
}
