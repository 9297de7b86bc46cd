// The runtime for <wakeline-player>. wakeline-player.js is one classic script that any page can
// include, so unlike the playground (engine.js) it cannot import the API statically: it imports
// wakeline.mjs from beside its own URL, wherever the site is hosted, once for every player on
// the page.

// Captured while this script runs: afterwards document.currentScript is someone else's.
const scriptUrl = document.currentScript?.src || location.href;

/** The address of `file` on the site this script came from (beside wakeline-player.js). */
export function siteUrl(file) {
  return new URL(file, scriptUrl).href;
}

let handle = null;

/** Loads the API once; resolves to its Wakeline handle, in a Web Worker where the page allows it. */
export function loadPlayerEngine() {
  handle ??= import(siteUrl('wakeline.mjs')).then(async (api) => {
    try {
      return await api.createWakeline();
    } catch {
      // A worker must come from the page's own origin: on another site, run in this thread.
      return api.createWakeline({ worker: false });
    }
  });
  return handle;
}
