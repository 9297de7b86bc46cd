// embed.html: one <wakeline-player> filling the frame, set from the page's fragment (the same
// share link as the playground's), so `embed.html#v=1&example=...` shows that run; the player
// lists what was wrong with the link, as text, above its timeline, naming the link's parts
// (`link part example=concurent`) rather than its own attributes.
import { decodeLink, formatLinkTime } from '../share/link-codec.js';
import { splitTour } from '../tours/tour.js';

const player = document.getElementById('player');
player.fromLink = true;

/** The link's `theme` part (light, dark, auto), decoded, and the rest of the link. */
function splitTheme(fragment) {
  const match = /(?:^|&)theme=([^&]*)/.exec(fragment);
  if (!match) return { rest: fragment, theme: null };
  const rest = (
    fragment.slice(0, match.index) + fragment.slice(match.index + match[0].length)
  ).replace(/^&/, '');
  let theme = match[1];
  try {
    theme = decodeURIComponent(theme);
  } catch {
    // Left as written: the player names it as a theme it does not know.
  }
  return { rest, theme };
}

function apply() {
  // A tour is the player's to read (tours/tour.js); the rest is the scenario.
  const { rest, tour } = splitTour(location.hash);
  // So is the theme, which is how the player looks, not what it runs.
  const { rest: scenario, theme } = splitTheme(rest);
  const { state, problems } = decodeLink(scenario);
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
  // The selection: the player puts it on the run, or says the run has no such event or task.
  set('select', state.select == null ? null : `${state.select.kind}:${state.select.id}`);
  // A program travels as the link carries it; the player reads it (and says if it cannot).
  set('program', state.program);
  set('tour', tour);
  // A value the player cannot read is named by it, in its message list.
  set('theme', theme);
  const shown = player.shadowRoot.querySelector('.player-theme')?.dataset.theme;
  // The frame's own background and scrollbars follow the player's theme, not only the reader's.
  document.documentElement.style.colorScheme = shown ?? 'light dark';
  // The frame is the embedder's to size: the player takes all of it.
  set('height', String(Math.max(120, window.innerHeight - 2)));
}

apply();
window.addEventListener('hashchange', apply);
window.addEventListener('resize', () =>
  player.setAttribute('height', String(Math.max(120, window.innerHeight - 2))),
);
