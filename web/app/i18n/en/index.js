// The English catalogue: every message, by key, gathered from one file per part of the interface.
// Keys start with their part's name, so the files never share one (tests/web/i18n checks).
import page from './page.js';
import program from './program.js';
import narration from './narration.js';
import warnings from './warnings.js';
import player from './player.js';
import form from './form.js';
import share from './share.js';

export const english = Object.freeze({
  ...page,
  ...program,
  ...narration,
  ...warnings,
  ...player,
  ...form,
  ...share,
});

/** The parts, by name, as the files give them (for the catalogue test). */
export const parts = { page, program, narration, warnings, player, form, share };
