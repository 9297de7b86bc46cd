// The Spanish catalogue: every message, by key, gathered from one file per part of the interface
// (a part in two files as in en/: what <wakeline-player> says, es/embedded.js, and the rest).
// Keys start with their part's name, so the files never share one (tests/web/i18n checks).
import page from './page.js';
import program from './program.js';
import programViews from './program-views.js';
import narration from './narration.js';
import warnings from './warnings.js';
import warningsList from './warnings-list.js';
import player from './player.js';
import form from './form.js';
import share from './share.js';
import shareMenu from './share-menu.js';
import examples, { strategies, topics } from './examples.js';

export const spanish = Object.freeze({
  ...page,
  ...program,
  ...programViews,
  ...narration,
  ...warnings,
  ...warningsList,
  ...player,
  ...form,
  ...share,
  ...shareMenu,
});

/** The examples' titles, explanations and parameters, by example id (examples.js). */
export const spanishExamples = examples;

/** The names of the examples' topics, by English name (examples.js). */
export const spanishTopics = topics;

/** The strategies' settings, by strategy name (examples.js). */
export const spanishStrategies = strategies;

/** The parts, by name, as the files give them (for the catalogue test). */
export const parts = {
  page,
  program: { ...program, ...programViews },
  narration,
  warnings: { ...warnings, ...warningsList },
  player,
  form,
  share: { ...share, ...shareMenu },
};
