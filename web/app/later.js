// The playground's code that waits for its first timeline, one chunk of the build (app.js loads it
// after the first timeline: after-first-timeline.js): the Share, Export and Import menus with
// figures, the tour editor, the compare panel, and the inspect views (run queue, task table,
// warnings, waker history, a program's console and states), with their English (i18n/en/later.js), which
// is in the catalogue before any of their code runs. A link that compares loads it at once.
import './i18n/later-english.js';

export { attachShareMenu } from './share/share-menu.js';
export { attachTourEditor } from './tours/tour-editor.js';
export { ComparePanel } from './compare/compare-panel.js';
export { RunQueueView } from './playback/run-queue-view.js';
export { TaskTable } from './task-table.js';
export { WarningsView, findWarnings } from './warnings.js';
export { WakerHistoryView } from './inspect/waker-history.js';
export { ConsoleView } from './program/console-view.js';
export { StateView } from './program/state-view.js';
