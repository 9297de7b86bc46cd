// Scrolling one panel's own scroller to a child, never the page: Element.scrollIntoView scrolls
// every scrollable ancestor too, the document included, which makes a phone's page jump.

/**
 * Sets `scroller.scrollTop` so that `element` (a descendant) is in view: nothing happens when it
 * is in view already, else it is centred (`center`) or moved the least distance. Returns the new
 * scrollTop. `behavior` is 'auto' or 'smooth'.
 */
export function scrollWithin(scroller, element, { center = false, behavior = 'auto' } = {}) {
  const box = scroller.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  // Where the element's top is in the scroller's content, whatever lies between them.
  const top = scroller.scrollTop + (rect.top - box.top) - scroller.clientTop;
  const room = scroller.clientHeight;
  const current = scroller.scrollTop;
  const above = top < current;
  const below = top + rect.height > current + room;
  if (!above && !below) return current;
  let target;
  if (center) target = top - (room - rect.height) / 2;
  else target = above ? top : top + rect.height - room;
  const max = Math.max(0, scroller.scrollHeight - room);
  target = Math.round(Math.min(Math.max(0, target), max));
  if (Math.abs(target - current) >= 1) scroller.scrollTo({ top: target, behavior });
  return target;
}
