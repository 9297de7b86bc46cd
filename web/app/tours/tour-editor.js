// The playground's tour editor: a "Tour" menu beside Share. "Add stop" takes the view on screen
// (playhead, selection, window) with the narration of the playhead's event as a first caption;
// each stop's caption is edited in a text field, stops are reordered or removed, and a click on
// a stop's number shows it. The menu writes the tour as an embed link (embed.html with a `tour`
// part) and as a <wakeline-player> snippet whose <ol data-tour> a post reads without JavaScript.
// A link that arrives with a tour fills the editor (link-tour.js reads it when the page starts;
// this module loads after the first timeline).
import { element } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { narrate } from '../narration.js';
import { restoreView } from '../share/link-state.js';
import {
  embedLanguage,
  embedTheme,
  onEmbedOptionsChange,
  withEmbedOptions,
} from '../share/embed-options.js';
import { formatTourLink, maxCaption, maxStops, splitTour, tourElementSnippet } from './tour.js';

function button(label, title, className = '') {
  return element('button', `button button-small ${className}`.trim(), label, {
    type: 'button',
    title,
    'aria-label': title,
  });
}

function field(text, rows) {
  const node = element('textarea', 'share-field', undefined, { readonly: '', rows: String(rows) });
  node.value = text;
  return node;
}

/**
 * Attaches the editor beside the page's Share menu. `page` is main.js's page object: its
 * timeline and playback are read when a stop is added or shown. `linked` is the link's tour, as
 * takeLinkTour (link-tour.js) read it before the page read its link.
 */
export function attachTourEditor(
  page,
  linked = { stops: [], problems: [] },
  tools = document.getElementById('share-tools'),
) {
  let stops = [...linked.stops];
  const problems = [...linked.problems];
  const menu = element('details', 'share-menu tour-menu', undefined, { id: 'tour-menu' });
  const summary = element('summary', 'button button-small', t('program.tour.menu'));
  const panel = element('div', 'share-panel tour-panel');
  const add = button(t('program.tour.add'), t('program.tour.addTitle'), 'tour-add');
  const list = element('ol', 'tour-stops', undefined, {
    'aria-label': t('program.tour.stops'),
  });
  const messages = element('ul', 'tour-problems');
  const linkField = field('', 2);
  linkField.classList.add('tour-link');
  const snippetField = field('', 5);
  snippetField.classList.add('tour-snippet');
  const copy = (source) => {
    const node = button(t('program.tour.copy'), t('program.tour.copyTitle'));
    node.addEventListener('click', () => {
      source.select();
      navigator.clipboard?.writeText(source.value).catch(() => {});
    });
    return node;
  };
  panel.append(
    element('p', 'share-label', t('program.tour.about')),
    messages,
    add,
    list,
    element('span', 'share-label', t('program.tour.embedLink')),
    linkField,
    copy(linkField),
    element('span', 'share-label', t('program.tour.snippet')),
    snippetField,
    copy(snippetField),
  );
  menu.append(summary, panel);
  tools.prepend(menu);

  const model = () => page.timeline?.model ?? null;

  function currentStop() {
    const m = model();
    const i = page.playback?.clock.event ?? -1;
    if (!m || i < 0) return null;
    const selected = page.timeline.selection;
    return {
      at: null,
      playhead: m.store.seqOf(i),
      view: { x0: page.timeline.x0, x1: page.timeline.x1 },
      select:
        selected && selected.event >= 0 ? { kind: 'seq', id: m.store.seqOf(selected.event) } : null,
      caption: narrate(m, i, page.playback.replay).slice(0, maxCaption),
    };
  }

  function show(stop) {
    const m = model();
    if (!m) return;
    const restored = restoreView(page.timeline, m, stop);
    if (restored.playhead != null) page.playback.restore(restored.playhead);
  }

  function write() {
    summary.textContent = stops.length
      ? t('program.tour.menuCount', { count: String(stops.length) })
      : t('program.tour.menu');
    add.disabled = stops.length >= maxStops;
    // The embeds' theme and language are the Share menu's (share/embed-options.js).
    const options = { theme: embedTheme(), lang: embedLanguage() };
    const scenario = withEmbedOptions(splitTour(location.hash).rest, options);
    const tourPart = formatTourLink(stops);
    const embed = new URL('embed.html', location.href);
    embed.hash = tourPart ? `${scenario}&tour=${tourPart}` : scenario;
    linkField.value = stops.length ? embed.href : '';
    const player = new URL('wakeline-player.js', location.href).href;
    snippetField.value = stops.length
      ? `<script src="${player}"></script>\n<wakeline-player ${scenarioAttributes(scenario)}>\n${tourElementSnippet(stops)}\n</wakeline-player>`
      : '';
    messages.replaceChildren(...problems.map((text) => element('li', '', text)));
    messages.hidden = problems.length === 0;
  }

  function render() {
    list.replaceChildren(
      ...stops.map((stop, k) => {
        const item = element('li', 'tour-stop');
        const number = String(k + 1);
        const go = button(number, t('program.tour.show', { number }), 'tour-go');
        go.addEventListener('click', () => show(stop));
        const caption = element('textarea', 'share-field tour-caption-field', undefined, {
          rows: '2',
          maxlength: String(maxCaption),
          'aria-label': t('program.tour.caption', { number }),
        });
        caption.value = stop.caption;
        caption.addEventListener('input', () => {
          stop.caption = caption.value;
          write();
        });
        const up = button('↑', t('program.tour.up', { number }), 'tour-up');
        const down = button('↓', t('program.tour.down', { number }), 'tour-down');
        const remove = button('✕', t('program.tour.remove', { number }), 'tour-remove');
        up.disabled = k === 0;
        down.disabled = k === stops.length - 1;
        const move = (to) => {
          stops.splice(to, 0, ...stops.splice(k, 1));
          render();
        };
        up.addEventListener('click', () => move(k - 1));
        down.addEventListener('click', () => move(k + 1));
        remove.addEventListener('click', () => {
          stops.splice(k, 1);
          render();
        });
        const stopTools = element('div', 'tour-stop-tools');
        stopTools.append(up, down, remove);
        item.append(go, caption, stopTools);
        return item;
      }),
    );
    write();
  }

  add.addEventListener('click', () => {
    const stop = currentStop();
    if (!stop || stops.length >= maxStops) return;
    stops.push(stop);
    problems.length = 0;
    render();
    list.lastElementChild?.querySelector('textarea')?.focus();
  });
  // The link follows the page (example, parameters) while the menu is open.
  menu.addEventListener('toggle', () => menu.open && write());
  window.addEventListener('hashchange', write);
  onEmbedOptionsChange(write);
  render();
  return {
    get stops() {
      return stops;
    },
  };
}

/**
 * The element's attributes for a link's scenario, as the Share menu writes them: the scenario,
 * then its parameters, then the selection, theme and language the link names.
 */
function scenarioAttributes(fragment) {
  const attributes = [];
  const params = [];
  const view = [];
  for (const pair of fragment.split('&')) {
    const [name, value = ''] = pair.split('=');
    let text;
    try {
      text = decodeURIComponent(value);
    } catch {
      continue;
    }
    if (['example', 'strategy', 'seed', 'program'].includes(name)) attributes.push([name, text]);
    else if (['select', 'theme', 'lang'].includes(name)) view.push([name, text]);
    else if (!['v', 'at', 'view', 'spread', 'compare'].includes(name) && name)
      params.push(`${name.replace(/^p\./, '')}=${text}`);
  }
  if (params.length) attributes.push(['params', params.join(' ')]);
  // In the Share menu's order, whatever the link's.
  const order = ['select', 'theme', 'lang'];
  attributes.push(...view.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  return attributes
    .map(
      ([name, value]) =>
        `${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`,
    )
    .join(' ');
}
