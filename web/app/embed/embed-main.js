// embed.html: one <wakeline-player> filling the frame, set from the page's fragment (the same
// share link as the playground's), so `embed.html#v=1&example=...` shows that run; the player
// lists what was wrong with the link, as text, above its timeline.
import { decodeLink, formatLinkTime } from '../share/link-codec.js';
import { splitTour } from '../tours/tour.js';

const player = document.getElementById('player');

function apply() {
  // A tour is the player's to read (tours/tour.js); the rest is the scenario.
  const { rest, tour } = splitTour(location.hash);
  const { state, problems } = decodeLink(rest);
  // What was wrong with the link (a part ignored, a value refused) is the reader's to see.
  player.linkProblems = problems;
  const set = (name, value) =>
    value == null ? player.removeAttribute(name) : player.setAttribute(name, value);
  set('example', state.example);
  set('strategy', state.strategy);
  set(
    'params',
    Object.entries(state.params)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ') || null,
  );
  set('seed', state.seed == null ? null : String(state.seed));
  set('start', state.at == null ? null : formatLinkTime(state.at));
  // A program travels as the link carries it; the player reads it (and says if it cannot).
  set('program', state.program);
  set('tour', tour);
  // The frame is the embedder's to size: the player takes all of it.
  set('height', String(Math.max(120, window.innerHeight - 2)));
}

apply();
window.addEventListener('hashchange', apply);
window.addEventListener('resize', () =>
  player.setAttribute('height', String(Math.max(120, window.innerHeight - 2))),
);
