// embed.html: one <wakeline-player> filling the frame, set from the page's fragment (the same
// share link as the playground's), so `embed.html#v=1&example=...` shows that run. The player
// reads the link itself (showLink, player/player-link.js): it lists what was wrong with the link,
// as text, above its timeline, naming the link's parts (`link part example=concurent`) rather
// than attributes, and speaks the link's `lang`, else the browser's language. This page follows
// it: its <html lang>, its title, and its colour scheme (the frame's background and scrollbars).
const player = document.getElementById('player');

let shown = 0;

function show() {
  const id = ++shown;
  player.showLink(location.hash).then(({ locale, title, theme }) => {
    // A newer fragment came while the language loaded: it has the last word.
    if (id !== shown) return;
    document.documentElement.lang = locale;
    document.title = title;
    document.documentElement.style.colorScheme = theme ?? 'light dark';
  });
  fit();
}

/** The frame is the embedder's to size: the player takes all of it. */
function fit() {
  player.setAttribute('height', String(Math.max(120, window.innerHeight - 2)));
}

show();
window.addEventListener('hashchange', show);
window.addEventListener('resize', fit);
