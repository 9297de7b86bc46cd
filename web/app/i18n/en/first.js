// The English the playground needs before its first timeline: everything but later.js's parts.
// In the playground's build i18n.js imports this in place of index.js (scripts/build-web.mjs).
import page from './page.js';
import program from './program.js';
import narration from './narration.js';
import warnings from './warnings.js';
import form from './form.js';
import share from './share.js';

export const first = { ...page, ...program, ...narration, ...warnings, ...form, ...share };

/** The same, under index.js's name, for i18n.js in the playground's build. */
export const english = first;
