// The English catalogue: every message, by key, gathered from one file per part of the interface.
// Keys start with their part's name, so the files never share one (tests/web/i18n checks). The
// playground's app.js carries first.js's parts only; later.js's come with the code that loads
// after the first timeline (scripts/build-web.mjs, i18n.js's addEnglish).
import { first } from './first.js';
import { later } from './later.js';
import page from './page.js';
import program from './program.js';
import programViews from './program-views.js';
import narration from './narration.js';
import narrationEvents from './narration-events.js';
import warnings from './warnings.js';
import warningsList from './warnings-list.js';
import player from './player.js';
import form from './form.js';
import share from './share.js';
import shareMenu from './share-menu.js';

export const english = Object.freeze({ ...first, ...later });

/** The parts, by name, as the files give them (for the catalogue test). */
export const parts = {
  page,
  program: { ...program, ...programViews },
  narration: { ...narration, ...narrationEvents },
  warnings: { ...warnings, ...warningsList },
  player,
  form,
  share: { ...share, ...shareMenu },
};
