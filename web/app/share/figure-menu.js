// The Export menu's figures (timeline/figure.js): the visible window or the whole run, as SVG or
// as PNG, at a width (empty: as on screen) and, for the PNG, a scale from 1× to 4×, in the page's
// theme or in light or dark whatever the page shows, with or without the playhead.
import { element } from '../dom.js';
import { exportName } from './trace-export.js';
import {
  figurePng,
  figureSvgText,
  maxFigureWidth,
  minFigureWidth,
  timelineFigure,
} from '../timeline/figure.js';

// Everything the figure controls say, in one place for translation.
const labels = {
  heading: 'Figure',
  view: 'Figure shows',
  window: 'the visible window',
  whole: 'the whole run',
  width: 'Width',
  widthTitle: 'Figure width in pixels (empty: as on screen)',
  widthPlaceholder: 'as shown',
  scale: 'PNG scale',
  theme: 'Figure theme',
  pageTheme: 'page’s theme',
  light: 'light',
  dark: 'dark',
  playhead: 'playhead',
  playheadTitle: 'Draw the playhead where it is (on by default for the visible window)',
  svg: 'Figure as SVG',
  png: 'Figure as PNG (at the scale chosen)',
};

const scales = [1, 2, 3, 4];

/** A <select> with `id`, `label` and options [value, text], set to `value`. */
function select(id, label, options, value) {
  const node = element('select', 'figure-select', undefined, { id, 'aria-label': label });
  for (const [optionValue, text] of options) {
    const option = element('option', '', text);
    option.value = optionValue;
    node.append(option);
  }
  node.value = value;
  return node;
}

/**
 * The figure controls, appended to the Export menu's `panel`, and their buttons made with
 * `exportButton(id, label, make)` (share-menu.js: `make(model)` resolves to [blob, name]).
 * `page.timeline` is the timeline a figure is made of.
 */
export function attachFigureControls(panel, page, exportButton) {
  const view = select(
    'figure-view',
    labels.view,
    [
      ['window', labels.window],
      ['whole', labels.whole],
    ],
    'window',
  );
  const widthInput = element('input', 'share-field figure-width', undefined, {
    id: 'figure-width',
    type: 'number',
    min: String(minFigureWidth),
    max: String(maxFigureWidth),
    step: '10',
    placeholder: labels.widthPlaceholder,
    'aria-label': labels.widthTitle,
    title: labels.widthTitle,
  });
  const scaleSelect = select(
    'figure-scale',
    labels.scale,
    scales.map((value) => [String(value), `${value}×`]),
    '2',
  );
  const theme = select(
    'figure-theme',
    labels.theme,
    [
      ['', labels.pageTheme],
      ['light', labels.light],
      ['dark', labels.dark],
    ],
    '',
  );
  const playhead = element('input', '', undefined, {
    id: 'figure-playhead',
    type: 'checkbox',
  });
  playhead.checked = true;
  const playheadLabel = element('label', 'figure-check', undefined, {
    title: labels.playheadTitle,
  });
  playheadLabel.append(playhead, ` ${labels.playhead}`);
  // The playhead belongs to the window on screen: the whole run starts without it.
  view.addEventListener('change', () => (playhead.checked = view.value === 'window'));

  const rows = element('div', 'figure-options', undefined, {
    role: 'group',
    'aria-label': labels.heading,
  });
  const row = (...children) => {
    const line = element('div', 'figure-size');
    line.append(...children);
    rows.append(line);
  };
  row(element('span', 'figure-heading', labels.heading), view);
  row(element('span', '', labels.width), widthInput, scaleSelect);
  row(theme, playheadLabel);
  panel.append(rows);

  const figure = () => {
    const wanted = Number(widthInput.value);
    const width =
      widthInput.value && Number.isFinite(wanted)
        ? Math.min(maxFigureWidth, Math.max(minFigureWidth, wanted))
        : undefined;
    return timelineFigure(page.timeline, {
      whole: view.value === 'whole',
      width,
      theme: theme.value || undefined,
      playhead: playhead.checked,
    });
  };
  // The whole run's files say so: NAME.run.svg, NAME.run.figure.png.
  const name = (model, extension) =>
    exportName(model, view.value === 'whole' ? `run.${extension}` : extension);
  exportButton('export-svg', labels.svg, (model) => [
    new Blob([figureSvgText(figure())], { type: 'image/svg+xml' }),
    name(model, 'svg'),
  ]);
  exportButton('export-figure-png', labels.png, async (model) => [
    await figurePng(figure(), Number(scaleSelect.value)),
    name(model, 'figure.png'),
  ]);
}
