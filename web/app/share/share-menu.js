// The toolbar's Share, Export and Import controls. Share offers the link, an iframe snippet for
// embed.html and a <wakeline-player> snippet, each in a read-only field with a Copy button, and
// the embeds' theme (light, dark or the reader's setting), which both snippets carry.
// Export writes the shown trace as NDJSON or Chrome trace JSON, the visible timeline as PNG, and
// a figure of the window or the whole run as SVG or PNG (its options: figure-menu.js).
// Import reads an NDJSON trace file and shows it without running anything.
import { element } from '../dom.js';
import { LinkState } from './link-state.js';
import { TraceImportError, maxTraceBytes, parseNdjsonTraceAsync } from './ndjson-import.js';
import { canvasPng, chromeText, download, exportName, ndjsonText } from './trace-export.js';
import { formatLinkTime } from './link-codec.js';
import { attachFigureControls } from './figure-menu.js';
import { longLinkLength } from '../program/program-link.js';

const embedHeight = 360;

/** The embeds' themes, as `theme` values and as the menu names them. */
const embedThemes = [
  ['auto', 'Auto (each reader’s setting)'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** Where the blogger's choice of theme is kept, so that a light-only blog gets light embeds. */
const themeKey = 'wakeline.embed-theme';

function storage() {
  try {
    return window.localStorage;
  } catch {
    // A private window may refuse storage: the choice then lasts as long as the page.
    return null;
  }
}

/** The theme kept from the last choice, or auto. */
function keptTheme() {
  const kept = storage()?.getItem(themeKey);
  return embedThemes.some(([value]) => value === kept) ? kept : 'auto';
}

/**
 * `fragment` with the embed's theme (light, dark or auto) as its `theme` part: after the
 * scenario, before a program (a link cut short loses the program, which says so, not the theme).
 */
export function withTheme(fragment, theme) {
  if (!theme) return fragment;
  const part = `theme=${encodeURIComponent(theme)}`;
  const program = fragment.search(/(^|&)program=/);
  if (program === -1) return fragment ? `${fragment}&${part}` : part;
  const at = fragment[program] === '&' ? program : program - 1;
  return at < 0 ? `${part}&${fragment}` : `${fragment.slice(0, at)}&${part}${fragment.slice(at)}`;
}

/** `text` safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The iframe snippet that embeds `fragment`'s scenario from the site at `base`, in `theme`
 * (light, dark or auto; none: the link says nothing of it).
 */
export function iframeSnippet(base, fragment, title, theme = null) {
  const src = `${new URL('embed.html', base).href}#${withTheme(fragment, theme)}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Wakeline: ${title}`)}" ` +
    `width="100%" height="${embedHeight}" loading="lazy"></iframe>`
  );
}

/**
 * The <wakeline-player> snippet (script tag and element) for `request` and `view` (its start
 * time and selection), in `theme` (light, dark or auto; none: no `theme` attribute).
 */
export function playerSnippet(base, request, view = {}, theme = null) {
  const script = new URL('wakeline-player.js', base).href;
  const params = Object.entries(request.params)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const attributes = [
    ['example', request.example],
    ['strategy', request.strategy],
    ['params', params],
    ['seed', String(request.seed)],
  ];
  if (view.at != null) attributes.push(['start', formatLinkTime(view.at)]);
  if (view.select != null) attributes.push(['select', `${view.select.kind}:${view.select.id}`]);
  attributes.push(['height', String(embedHeight)]);
  if (theme) attributes.push(['theme', theme]);
  if (request.source != null) attributes.push(['name', request.name ?? 'main.rs']);
  const text = attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  // A program goes inline, in a <pre>: the host page shows it even without JavaScript.
  const program =
    request.source != null
      ? `\n<pre>${escapeAttribute(request.source.replace(/\n$/, ''))}</pre>\n`
      : '';
  return `<script src="${escapeAttribute(script)}"></script>\n<wakeline-player ${text}>${program}</wakeline-player>`;
}

/** `view` for an embed, which starts at a time (`start`): a playhead event becomes its time. */
function embedView(model, view) {
  if (view.playhead == null || !model) return view;
  const i = model.indexOfSeq(view.playhead);
  if (i < 0) return { ...view, playhead: null };
  return { ...view, playhead: null, at: model.t.data[i] };
}

/** The status line beside the menus; `say(text, isError)` puts a sentence in it. */
function messageLine() {
  const node = element('span', 'share-message', undefined, { id: 'share-message', role: 'status' });
  const say = (text, isError = false) => {
    node.textContent = text;
    node.classList.toggle('is-error', isError);
  };
  return { node, say };
}

/**
 * Share: the link, an iframe snippet and a <wakeline-player> snippet of what is shown, each in a
 * read-only field with Copy. Returns the menu and refreshSnippets().
 */
function shareMenu(page, say) {
  const menu = element('details', 'share-menu', undefined, { id: 'share-menu' });
  const panel = element('div', 'share-panel');
  const fields = {};

  const refreshSnippets = () => {
    const current = page.links.current;
    const base = location.href.split('#')[0];
    fields.link.value = page.links.url;
    if (fields.link.value.length > longLinkLength)
      say(
        `This link is ${(fields.link.value.length / 1024).toFixed(1)} KB long: some sites and chat programs cut links longer than 8 KB. Save the program as a .rs file to be sure it arrives whole.`,
        true,
      );
    if (!current) {
      fields.iframe.value = '';
      fields.player.value = '';
      return;
    }
    // Embeds start at a time: the playhead's event becomes the time it happened.
    const view = embedView(page.model(), current.view);
    const fragment = LinkState.fragment(current.request, view);
    const theme = themePicker.value;
    fields.iframe.value = iframeSnippet(base, fragment, current.request.example, theme);
    fields.player.value = playerSnippet(base, current.request, view, theme);
  };

  const copyText = async (field, label) => {
    refreshSnippets();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard permission (an iframe, file://, an old browser): select it for Ctrl+C.
      field.select();
      say(`Press Ctrl+C to copy: ${label.toLowerCase()}.`);
      return;
    }
    say(`Copied: ${label.toLowerCase()}.`);
  };

  const row = (key, label, multiline) => {
    const id = `share-${key}`;
    const caption = element('label', 'share-label', label);
    caption.htmlFor = id;
    const field = element(multiline ? 'textarea' : 'input', 'share-field');
    field.id = id;
    field.readOnly = true;
    field.spellcheck = false;
    if (multiline) field.rows = 3;
    const copy = element('button', 'button button-small', 'Copy');
    copy.type = 'button';
    copy.id = `${id}-copy`;
    copy.addEventListener('click', () => copyText(field, label));
    fields[key] = field;
    panel.append(caption, field, copy);
  };
  row('link', 'Link to this run and view', false);
  // The embeds' theme: a light-only blog picks light, and its dark-mode readers get a light
  // player too; auto follows each reader's setting.
  const themeLabel = element('label', 'share-label', 'Theme of the embeds');
  themeLabel.htmlFor = 'share-theme';
  const themePicker = element('select', 'share-theme', undefined, { id: 'share-theme' });
  for (const [value, label] of embedThemes) {
    const option = element('option', '', label);
    option.value = value;
    themePicker.append(option);
  }
  themePicker.value = keptTheme();
  themePicker.addEventListener('change', () => {
    try {
      storage()?.setItem(themeKey, themePicker.value);
    } catch {
      // Storage full or refused: the choice holds for this page.
    }
    refreshSnippets();
  });
  panel.append(themeLabel, themePicker);
  row('iframe', 'Embed as an iframe', true);
  row('player', 'Embed as <wakeline-player>', true);
  menu.append(element('summary', 'button button-small', 'Share'), panel);
  menu.addEventListener('toggle', () => {
    if (menu.open) refreshSnippets();
  });
  return { menu, refreshSnippets };
}

/** Export: the trace shown as NDJSON or Chrome trace JSON, the timeline as PNG, a figure as SVG. */
function exportMenu(page, say) {
  const menu = element('details', 'share-menu', undefined, { id: 'export-menu' });
  const panel = element('div', 'share-panel share-buttons');
  const exportButton = (id, label, make) => {
    const button = element('button', 'button button-small', label);
    button.type = 'button';
    button.id = id;
    button.addEventListener('click', async () => {
      const model = page.model();
      if (!model || model.count === 0) {
        say('There is no trace to export yet.', true);
        return;
      }
      try {
        const [blob, name] = await make(model);
        download(blob, name);
        say(`Exported ${name}.`);
      } catch (error) {
        say(`The export failed: ${error?.message ?? error}`, true);
      }
    });
    panel.append(button);
  };
  exportButton('export-ndjson', 'Trace as NDJSON', (model) => [
    new Blob([ndjsonText(model)], { type: 'application/x-ndjson' }),
    exportName(model, 'ndjson'),
  ]);
  exportButton('export-chrome', 'Chrome trace JSON (Perfetto)', async (model) => [
    new Blob([await chromeText(model, page.engine)], { type: 'application/json' }),
    exportName(model, 'json'),
  ]);
  exportButton('export-png', 'Timeline as PNG', async (model) => [
    await canvasPng(page.canvas),
    exportName(model, 'png'),
  ]);
  // Figures of the window or the whole run, SVG or PNG, at a width, scale and theme.
  attachFigureControls(panel, page, exportButton);
  menu.append(element('summary', 'button button-small', 'Export'), panel);
  return menu;
}

/** Import: a file picker that reads an NDJSON trace and hands it to the page to show. */
function importControl(page, say) {
  const label = element('label', 'button button-small share-import', 'Import…');
  label.title = 'Show an NDJSON trace file (from Export or `wakeline run`) without running';
  const input = element('input', 'share-file');
  input.type = 'file';
  input.id = 'import-file';
  input.accept = '.ndjson,.jsonl,.json,.txt,application/x-ndjson';
  label.append(input);
  // The import being read; a newer one (or a run started meanwhile, see page.importTrace) wins.
  let reading = 0;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before reading: a 2 GB file should not be pulled into memory to be refused.
    if (file.size > maxTraceBytes) {
      say(
        `${file.name}: The file is too large (${(file.size / 1048576).toFixed(1)} MB; at most ${maxTraceBytes / 1048576} MB).`,
        true,
      );
      return;
    }
    const mine = ++reading;
    const cancelled = () => mine !== reading;
    say(`Reading ${file.name}…`);
    let parsed;
    try {
      parsed = await parseNdjsonTraceAsync(await file.text(), {
        cancelled,
        progress: ({ read, total }) =>
          say(
            `Reading ${file.name}: line ${read.toLocaleString('en')} of ${total.toLocaleString('en')}…`,
          ),
      });
    } catch (error) {
      if (cancelled()) return;
      const text =
        error instanceof TraceImportError
          ? error.message
          : `could not be read (${error?.message ?? error})`;
      say(`${file.name}: ${text}`, true);
      return;
    }
    if (!parsed || cancelled()) return;
    if (!(await page.importTrace(parsed, file.name)) || cancelled()) return;
    say(
      `Imported ${file.name}: ${parsed.events.length.toLocaleString('en')} events${parsed.complete ? '' : ' (the trace ends before the run did)'}.`,
    );
  });
  return label;
}

/**
 * Builds the controls into `container`. `page` gives what they act on: { links (LinkState),
 * model() (the trace shown or null), canvas, timeline (for figures), importTrace(parsed, fileName) (resolves to whether
 * the trace was shown whole: false when a run or another import replaced it first) }.
 */
export function attachShareMenu(container, page) {
  const message = messageLine();
  const share = shareMenu(page, message.say);
  container.append(
    share.menu,
    exportMenu(page, message.say),
    importControl(page, message.say),
    message.node,
  );
  return { say: message.say, refreshSnippets: share.refreshSnippets };
}
