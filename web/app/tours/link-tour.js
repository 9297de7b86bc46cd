// A link's tour, read when the page starts and before the page reads its link: the stops go to
// the tour editor (tour-editor.js, loaded after the first timeline), and the fragment goes on
// without its `tour` part (the page's link is the scenario; the tour is the embed's).
import { parseTourLink, splitTour } from './tour.js';

/** Takes the tour out of the address bar's fragment: { stops, problems } (none without one). */
export function takeLinkTour() {
  const { rest, tour } = splitTour(location.hash);
  if (tour === null) return { stops: [], problems: [] };
  const { stops, problems } = parseTourLink(tour);
  history.replaceState(history.state, '', rest ? `#${rest}` : location.pathname);
  return { stops, problems };
}
