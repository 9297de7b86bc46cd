// The toolbar's Share, Export and Import controls. Share offers the link, an iframe snippet for
// embed.html and a <wakeline-player> snippet, each in a read-only field with a Copy button.
// Export writes the shown trace as NDJSON or Chrome trace JSON and the visible timeline as PNG.
// Import reads an NDJSON trace file and shows it without running anything.
import { LinkState } from './link-state.js';
import { TraceImportError, maxTraceBytes, parseNdjsonTraceAsync } from './ndjson-import.js';
import { canvasPng, chromeText, download, exportName, ndjsonText } from './trace-export.js';
import { formatLinkTime } from './link-codec.js';

const embedHeight = 360;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `text` safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe snippet that embeds `fragment`'s scenario from the site at `base`. */
export function iframeSnippet(base, fragment, title) {
  const src = `${new URL('embed.html', base).href}#${fragment}`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Wakeline: ${title}`)}" ` +
    `width="100%" height="${embedHeight}" loading="lazy" style="border:0"></iframe>`;
}

/** The <wakeline-player> snippet (script tag and element) for `request` and `view`. */
export function playerSnippet(base, request, view = {}) {
  const script = new URL('wakeline-player.js', base).href;
  const params = Object.entries(request.params).map(([name, value]) => `${name}=${value}`).join(' ');
  const attributes = [
    ['example', request.example], ['strategy', request.strategy], ['params', params],
    ['seed', String(request.seed)],
  ];
  if (view.at != null) attributes.push(['start', formatLinkTime(view.at)]);
  attributes.push(['height', String(embedHeight)]);
  const text = attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  return `<script src="${escapeAttribute(script)}"></script>\n<wakeline-player ${text}></wakeline-player>`;
}

/**
 * Builds the controls into `container`. `page` gives what they act on: { links (LinkState),
 * model() (the trace shown or null), canvas, importTrace(parsed, fileName) (resolves to whether
 * the trace was shown whole: false when a run or another import replaced it first) }.
 */
export function attachShareMenu(container, page) {
  const message = element('span', 'share-message');
  message.id = 'share-message';
  message.setAttribute('role', 'status');

  const say = (text, isError = false) => {
    message.textContent = text;
    message.classList.toggle('is-error', isError);
  };

  // Share.
  const share = element('details', 'share-menu');
  share.id = 'share-menu';
  const shareSummary = element('summary', 'button button-small', 'Share');
  const sharePanel = element('div', 'share-panel');
  const fields = {};
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
    sharePanel.append(caption, field, copy);
  };
  row('link', 'Link to this run and view', false);
  row('iframe', 'Embed as an iframe', true);
  row('player', 'Embed as <wakeline-player>', true);
  share.append(shareSummary, sharePanel);
  share.addEventListener('toggle', () => {
    if (share.open) refreshSnippets();
  });

  function refreshSnippets() {
    const current = page.links.current;
    const base = location.href.split('#')[0];
    fields.link.value = page.links.url;
    if (!current) {
      fields.iframe.value = '';
      fields.player.value = '';
      return;
    }
    const fragment = LinkState.fragment(current.request, current.view);
    fields.iframe.value = iframeSnippet(base, fragment, current.request.example);
    fields.player.value = playerSnippet(base, current.request, current.view);
  }

  async function copyText(field, label) {
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
  }

  // Export.
  const exporter = element('details', 'share-menu');
  exporter.id = 'export-menu';
  const exportPanel = element('div', 'share-panel share-buttons');
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
    exportPanel.append(button);
  };
  exportButton('export-ndjson', 'Trace as NDJSON', (model) =>
    [new Blob([ndjsonText(model)], { type: 'application/x-ndjson' }), exportName(model, 'ndjson')]);
  exportButton('export-chrome', 'Chrome trace JSON (Perfetto)', (model) =>
    [new Blob([chromeText(model)], { type: 'application/json' }), exportName(model, 'json')]);
  exportButton('export-png', 'Timeline as PNG', async (model) =>
    [await canvasPng(page.canvas), exportName(model, 'png')]);
  exporter.append(element('summary', 'button button-small', 'Export'), exportPanel);

  // Import.
  const importLabel = element('label', 'button button-small share-import', 'Import…');
  importLabel.title = 'Show an NDJSON trace file (from Export or `wakeline run`) without running';
  const input = element('input');
  input.type = 'file';
  input.id = 'import-file';
  input.accept = '.ndjson,.jsonl,.json,.txt,application/x-ndjson';
  input.className = 'share-file';
  importLabel.append(input);
  // The import being read; a newer one (or a run started meanwhile, see page.importTrace) wins.
  let reading = 0;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before reading: a 2 GB file should not be pulled into memory to be refused.
    if (file.size > maxTraceBytes) {
      say(`${file.name}: The file is too large (${(file.size / 1048576).toFixed(1)} MB; at most ${maxTraceBytes / 1048576} MB).`, true);
      return;
    }
    const mine = ++reading;
    const cancelled = () => mine !== reading;
    say(`Reading ${file.name}…`);
    let parsed;
    try {
      parsed = await parseNdjsonTraceAsync(await file.text(), {
        cancelled,
        progress: ({ read, total }) => say(`Reading ${file.name}: line ${read.toLocaleString('en')} of ${total.toLocaleString('en')}…`),
      });
    } catch (error) {
      if (cancelled()) return;
      const text = error instanceof TraceImportError ? error.message : `could not be read (${error?.message ?? error})`;
      say(`${file.name}: ${text}`, true);
      return;
    }
    if (!parsed || cancelled()) return;
    if (!(await page.importTrace(parsed, file.name)) || cancelled()) return;
    say(`Imported ${file.name}: ${parsed.events.length.toLocaleString('en')} events${parsed.complete ? '' : ' (the trace ends before the run did)'}.`);
  });

  container.append(share, exporter, importLabel, message);
  return { say, refreshSnippets };
}
