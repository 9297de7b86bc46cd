// The English of <wakeline-player> and embed.html: the parts their code says, without the
// playground's page, form, menus, console, state view and warnings list. Their build uses this
// in place of index.js (scripts/build-web.mjs); tests/web/i18n/embedded-catalogue.test.mjs
// checks that every message their modules ask for is here.
import narration from './narration.js';
import narrationEvents from './narration-events.js';
import player from './player.js';
import program from './program.js';
import share from './share.js';
import warnings from './warnings.js';

export const english = Object.freeze({
  ...narration,
  ...narrationEvents,
  ...player,
  ...program,
  ...share,
  ...warnings,
});
