// The toolbar's Share, Export and Import controls. Share offers the link, an iframe snippet for
// embed.html and a <wakeline-player> snippet, each in a read-only field with a Copy button, and
// the embeds' theme (light, dark or the reader's setting) and language (English, Spanish or the
// reader's), which both snippets carry (embed-options.js).
// Export writes the shown trace as NDJSON or Chrome trace JSON, the visible timeline as PNG, and
// a figure of the window or the whole run as SVG or PNG (its options: figure-menu.js).
// Import reads an NDJSON trace file and shows it without running anything.
// Every word is the catalogue's (i18n/*/share.js), looked up when it is shown.
import { element } from '../dom.js';
import { formatNumber, languages, t } from '../i18n/i18n.js';
import { LinkState } from './link-state.js';
import { TraceImportError, maxTraceBytes, parseNdjsonTraceAsync } from './ndjson-import.js';
import { canvasPng, chromeText, download, exportName, ndjsonText } from './trace-export.js';
import { formatLinkTime } from './link-codec.js';
import { attachFigureControls } from './figure-menu.js';
import {
  embedLanguage,
  embedTheme,
  embedThemes,
  onEmbedOptionsChange,
  setEmbedLanguage,
  setEmbedTheme,
  withEmbedOptions,
} from './embed-options.js';
import { longLinkLength } from '../program/program-link.js';

const embedHeight = 360;

/** `text` safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The iframe snippet that embeds `fragment`'s scenario from the site at `base`, with the embed's
 * `theme` (light, dark or auto) and `lang` (a language code) in its link; a null one is left out,
 * and any `theme` or `lang` already in `fragment` gives way to them.
 */
export function iframeSnippet(base, fragment, title, { theme = null, lang = null } = {}) {
  const src = `${new URL('embed.html', base).href}#${withEmbedOptions(fragment, { theme, lang })}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Wakeline: ${title}`)}" ` +
    `width="100%" height="${embedHeight}" loading="lazy"></iframe>`
  );
}

/**
 * The <wakeline-player> snippet (script tag and element) for `request` and `view` (its start
 * time and selection), with `theme` (light, dark or auto) and `lang` attributes; a null one is
 * left out.
 */
export function playerSnippet(base, request, view = {}, { theme = null, lang = null } = {}) {
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
  if (lang) attributes.push(['lang', lang]);
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

/**
 * The line of the menus' messages; `say(text, isError)` puts a sentence in it. It is a line of
 * its own under the toolbar, hidden while empty, so that a long message never moves the buttons.
 */
function messageLine() {
  const node = element('p', 'share-message', undefined, { id: 'share-message', role: 'status' });
  const say = (text, isError = false) => {
    node.textContent = text;
    node.classList.toggle('is-error', isError);
  };
  return { node, say };
}

/**
 * A labelled <select> of the Share menu, appended to `row`: `options` are [value, text, lang],
 * `value` the one chosen.
 */
function picker(row, id, label, options, value) {
  const caption = element('label', 'share-choice');
  const node = element('select', '', undefined, { id });
  for (const [optionValue, text, lang] of options) {
    const option = element('option', '', text);
    option.value = optionValue;
    if (lang) option.lang = lang;
    node.append(option);
  }
  node.value = value;
  caption.append(element('span', 'share-label', label), node);
  row.append(caption);
  return node;
}

/**
 * Share: the link, an iframe snippet and a <wakeline-player> snippet of what is shown, each in a
 * read-only field with Copy, and the embeds' theme and language. Returns the menu and
 * refreshSnippets().
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
        t('share.longLink', {
          size: formatNumber(fields.link.value.length / 1024, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }),
          limit: longLinkLength / 1024,
        }),
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
    const options = { theme: embedTheme(), lang: embedLanguage() };
    fields.iframe.value = iframeSnippet(base, fragment, current.request.example, options);
    fields.player.value = playerSnippet(base, current.request, view, options);
  };

  const copyText = async (field, key) => {
    refreshSnippets();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard permission (an iframe, file://, an old browser): select it for Ctrl+C.
      field.select();
      say(t(`share.pressCopy.${key}`));
      return;
    }
    say(t(`share.copied.${key}`));
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
    const copy = element('button', 'button button-small', t('share.copy'));
    copy.type = 'button';
    copy.id = `${id}-copy`;
    copy.addEventListener('click', () => copyText(field, key));
    fields[key] = field;
    panel.append(caption, field, copy);
  };
  row('link', t('share.link.label'), false);
  // The embeds' theme: a light-only blog picks light, and its dark-mode readers get a light
  // player too; auto follows each reader's setting.
  const choices = element('div', 'share-choices');
  const themePicker = picker(
    choices,
    'share-theme',
    t('share.theme.label'),
    embedThemes.map((theme) => [theme, t(`share.theme.${theme}`)]),
    embedTheme(),
  );
  themePicker.addEventListener('change', () => setEmbedTheme(themePicker.value));
  // Their language: the page's when the reader chose it, else none (each reader's own); each
  // language is named in itself.
  const languagePicker = picker(
    choices,
    'share-language',
    t('share.language.label'),
    [
      ['', t('share.language.auto')],
      ...Object.entries(languages).map(([code, name]) => [code, name, code]),
    ],
    embedLanguage() ?? '',
  );
  languagePicker.addEventListener('change', () => setEmbedLanguage(languagePicker.value));
  panel.append(choices);
  onEmbedOptionsChange(() => {
    themePicker.value = embedTheme();
    languagePicker.value = embedLanguage() ?? '';
    refreshSnippets();
  });
  row('iframe', t('share.iframe.label'), true);
  row('player', t('share.player.label'), true);
  menu.append(element('summary', 'button button-small', t('share.menu')), panel);
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
        say(t('share.export.none'), true);
        return;
      }
      try {
        const [blob, name] = await make(model);
        download(blob, name);
        say(t('share.export.done', { name }));
      } catch (error) {
        say(t('share.export.failed', { message: error?.message ?? String(error) }), true);
      }
    });
    panel.append(button);
  };
  exportButton('export-ndjson', t('share.export.ndjson'), (model) => [
    new Blob([ndjsonText(model)], { type: 'application/x-ndjson' }),
    exportName(model, 'ndjson'),
  ]);
  exportButton('export-chrome', t('share.export.chrome'), async (model) => [
    new Blob([await chromeText(model, page.engine)], { type: 'application/json' }),
    exportName(model, 'json'),
  ]);
  exportButton('export-png', t('share.export.png'), async (model) => [
    await canvasPng(page.canvas),
    exportName(model, 'png'),
  ]);
  // Figures of the window or the whole run, SVG or PNG, at a width, scale and theme.
  attachFigureControls(panel, page, exportButton);
  menu.append(element('summary', 'button button-small', t('share.export.menu')), panel);
  return menu;
}

/** Import: a file picker that reads an NDJSON trace and hands it to the page to show. */
function importControl(page, say) {
  const label = element('label', 'button button-small share-import', t('share.import.button'));
  label.title = t('share.import.title');
  const input = element('input', 'share-file');
  input.type = 'file';
  input.id = 'import-file';
  input.accept = '.ndjson,.jsonl,.json,.txt,application/x-ndjson';
  label.append(input);
  // The import being read; a newer one (or a run started meanwhile, see page.importTrace) wins.
  let reading = 0;
  const problem = (file, text) => say(t('share.import.problem', { file, problem: text }), true);
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before reading: a 2 GB file should not be pulled into memory to be refused.
    if (file.size > maxTraceBytes) {
      problem(
        file.name,
        t('share.trace.tooLarge', {
          size: formatNumber(file.size / 1048576, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }),
          max: maxTraceBytes / 1048576,
        }),
      );
      return;
    }
    const mine = ++reading;
    const cancelled = () => mine !== reading;
    say(t('share.import.reading', { file: file.name }));
    let parsed;
    try {
      parsed = await parseNdjsonTraceAsync(await file.text(), {
        cancelled,
        progress: ({ read, total }) =>
          say(t('share.import.progress', { file: file.name, read, total })),
      });
    } catch (error) {
      if (cancelled()) return;
      problem(
        file.name,
        error instanceof TraceImportError
          ? error.message
          : t('share.import.unreadable', { message: error?.message ?? String(error) }),
      );
      return;
    }
    if (!parsed || cancelled()) return;
    if (!(await page.importTrace(parsed, file.name)) || cancelled()) return;
    const count = parsed.events.length;
    say(
      t(parsed.complete ? 'share.import.done' : 'share.import.doneIncomplete', {
        file: file.name,
        count,
      }),
    );
  });
  return label;
}

/**
 * The menus of `container` (Share's, Export's and any other `details.share-menu` put there, such
 * as the Tour menu) open one at a time, their panels anchored to the container's right edge
 * (share.css), and a panel opened is made no wider than the room left of that edge in the
 * column that holds it (the timeline's column clips what crosses it) or the window.
 */
function keepPanelsInView(container) {
  const margin = 8;
  const fit = (menu) => {
    const panel = menu.querySelector(':scope > .share-panel');
    if (!panel) return;
    panel.style.maxWidth = '';
    const column = container.closest('.timeline-panel');
    const clipped = column && getComputedStyle(column).overflowX !== 'visible';
    const left = Math.max(clipped ? column.getBoundingClientRect().left : 0, 0) + margin;
    const right = panel.getBoundingClientRect().right;
    if (right - left < panel.offsetWidth) panel.style.maxWidth = `${Math.max(0, right - left)}px`;
  };
  // `toggle` does not bubble: the container hears it on the way down.
  container.addEventListener(
    'toggle',
    (event) => {
      const menu = event.target;
      if (!(menu instanceof HTMLDetailsElement) || !menu.open) return;
      for (const other of container.querySelectorAll('details.share-menu[open]'))
        if (other !== menu) other.open = false;
      fit(menu);
    },
    true,
  );
  window.addEventListener('resize', () => {
    const open = container.querySelector('details.share-menu[open]');
    if (open) fit(open);
  });
}

/**
 * Builds the controls into `container`, and the line of their messages under the toolbar that
 * holds it (or in it, outside a toolbar). `page` gives what they act on: { links (LinkState),
 * model() (the trace shown or null), canvas, timeline (for figures), importTrace(parsed,
 * fileName) (resolves to whether the trace was shown whole: false when a run or another import
 * replaced it first) }.
 */
export function attachShareMenu(container, page) {
  keepPanelsInView(container);
  const message = messageLine();
  const share = shareMenu(page, message.say);
  container.append(share.menu, exportMenu(page, message.say), importControl(page, message.say));
  const toolbar = container.closest('.timeline-toolbar');
  if (toolbar) toolbar.after(message.node);
  else container.append(message.node);
  return { say: message.say, refreshSnippets: share.refreshSnippets };
}
