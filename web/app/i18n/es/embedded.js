// The Spanish of <wakeline-player> and embed.html (wakeline-player-es.mjs): the parts their code
// says, as en/embedded.js has them, with the examples' words; none of the playground's page and
// form. Exports what index.js exports.
import narration from './narration.js';
import player from './player.js';
import program from './program.js';
import share from './share.js';
import warnings from './warnings.js';
import examples, { strategies, topics } from './examples.js';

export const spanish = Object.freeze({
  ...narration,
  ...player,
  ...program,
  ...share,
  ...warnings,
});

export const spanishExamples = examples;
export const spanishTopics = topics;
export const spanishStrategies = strategies;
