// The Export menu's figures (timeline/figure.js): the visible window or the whole run, as SVG or
// as PNG, at a width (empty: as on screen) and, for the PNG, a scale from 1× to 4×, in the page's
// theme or in light or dark whatever the page shows, with or without the playhead. Its words are
// the catalogue's (share.figure.*), looked up when the menu is built.
import { element } from '../dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { exportName } from './trace-export.js';
import {
  figurePng,
  figureSvgText,
  maxFigureWidth,
  minFigureWidth,
  timelineFigure,
} from '../timeline/figure.js';

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
    t('share.figure.view'),
    [
      ['window', t('share.figure.window')],
      ['whole', t('share.figure.whole')],
    ],
    'window',
  );
  const widthInput = element('input', 'share-field figure-width', undefined, {
    id: 'figure-width',
    type: 'number',
    min: String(minFigureWidth),
    max: String(maxFigureWidth),
    step: '10',
    placeholder: t('share.figure.widthPlaceholder'),
    'aria-label': t('share.figure.widthTitle'),
    title: t('share.figure.widthTitle'),
  });
  const scaleSelect = select(
    'figure-scale',
    t('share.figure.scale'),
    scales.map((value) => [String(value), `${formatNumber(value)}×`]),
    '2',
  );
  const theme = select(
    'figure-theme',
    t('share.figure.theme'),
    [
      ['', t('share.figure.pageTheme')],
      ['light', t('share.figure.light')],
      ['dark', t('share.figure.dark')],
    ],
    '',
  );
  const playhead = element('input', '', undefined, {
    id: 'figure-playhead',
    type: 'checkbox',
  });
  playhead.checked = true;
  const playheadLabel = element('label', 'figure-check', undefined, {
    title: t('share.figure.playheadTitle'),
  });
  playheadLabel.append(playhead, ` ${t('share.figure.playhead')}`);
  // The playhead belongs to the window on screen: the whole run starts without it.
  view.addEventListener('change', () => (playhead.checked = view.value === 'window'));

  const rows = element('div', 'figure-options', undefined, {
    role: 'group',
    'aria-label': t('share.figure.heading'),
  });
  const row = (...children) => {
    const line = element('div', 'figure-size');
    line.append(...children);
    rows.append(line);
  };
  row(element('span', 'figure-heading', t('share.figure.heading')), view);
  row(element('span', '', t('share.figure.width')), widthInput, scaleSelect);
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
  exportButton('export-svg', t('share.figure.svg'), (model) => [
    new Blob([figureSvgText(figure())], { type: 'image/svg+xml' }),
    name(model, 'svg'),
  ]);
  exportButton('export-figure-png', t('share.figure.png'), async (model) => [
    await figurePng(figure(), Number(scaleSelect.value)),
    name(model, 'figure.png'),
  ]);
}
