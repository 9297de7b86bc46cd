// embed.html: one <wakeline-player> filling the frame, set from the page's fragment (the same
// share link as the playground's), so `embed.html#v=1&example=...` shows that run.
import { decodeLink, formatLinkTime } from '../share/link-codec.js';

const player = document.getElementById('player');

function apply() {
  const { state } = decodeLink(location.hash);
  const set = (name, value) => (value == null ? player.removeAttribute(name) : player.setAttribute(name, value));
  set('example', state.example);
  set('strategy', state.strategy);
  set('params', Object.entries(state.params).map(([name, value]) => `${name}=${value}`).join(' ') || null);
  set('seed', state.seed == null ? null : String(state.seed));
  set('start', state.at == null ? null : formatLinkTime(state.at));
  // The frame is the embedder's to size: the player takes all of it.
  set('height', String(Math.max(120, window.innerHeight - 2)));
}

apply();
window.addEventListener('hashchange', apply);
window.addEventListener('resize', () => player.setAttribute('height', String(Math.max(120, window.innerHeight - 2))));
