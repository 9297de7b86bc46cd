// Imported first by the modules the playground loads after its first timeline: puts their
// English (en/later.js) into the catalogue before their code asks for it. Where the catalogue is
// whole already (tests, the player, the standalone page) this changes nothing.
import { addEnglish } from './i18n.js';
import { later } from './en/later.js';

addEnglish(later);
