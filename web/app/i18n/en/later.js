// The English of the code the playground loads after its first timeline: the Share, Export and
// Import menus with figures (share-menu.js), the player's words, which figures use (player.*),
// the caption's sentences (narration-events.js: the page narrates once this part is in), the
// console, state view and tours (program-views.js) and the warnings (warnings-list.js).
import narrationEvents from './narration-events.js';
import player from './player.js';
import programViews from './program-views.js';
import shareMenu from './share-menu.js';
import warningsList from './warnings-list.js';

export const later = {
  ...narrationEvents,
  ...player,
  ...programViews,
  ...shareMenu,
  ...warningsList,
};
