// Scrolling one panel's own scroller to a child, never the page: Element.scrollIntoView scrolls
// every scrollable ancestor too, the document included, which makes a phone's page jump.

/**
 * The scrollTop that puts `element` (a descendant of `scroller`) in view: the current one when it
 * is in view already, else one that centres it (`center`) or moves the least distance.
 */
export function verticalTarget(scroller, element, { center = false } = {}) {
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
  return Math.round(Math.min(Math.max(0, target), max));
}

/**
 * The scrollLeft that puts the text of `element` (a descendant, one line of code) in view beside
 * a `gutter` of CSS pixels on the left that stays put (the line numbers): the current one when
 * it is in view already; a line wider than the room shows from the start of its text (after its
 * indentation, `indent` pixels), where an await usually is.
 */
export function horizontalTarget(scroller, element, { gutter = 0, indent = 0 } = {}) {
  const box = scroller.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  const current = scroller.scrollLeft;
  const left = current + (rect.left - box.left) - scroller.clientLeft + indent;
  const right = current + (rect.right - box.left) - scroller.clientLeft;
  const margin = 12;
  if (left >= current + gutter && right <= current + scroller.clientWidth) return current;
  const fits = right - left + margin <= scroller.clientWidth - gutter;
  const target =
    fits && right > current + scroller.clientWidth
      ? right + margin - scroller.clientWidth
      : left - margin - gutter;
  const max = Math.max(0, scroller.scrollWidth - scroller.clientWidth);
  return Math.round(Math.min(Math.max(0, target), max));
}

/**
 * Sets `scroller.scrollTop` so that `element` (a descendant) is in view (see verticalTarget).
 * Returns the new scrollTop. `behavior` is 'auto' or 'smooth'.
 */
export function scrollWithin(scroller, element, { center = false, behavior = 'auto' } = {}) {
  const target = verticalTarget(scroller, element, { center });
  if (Math.abs(target - scroller.scrollTop) >= 1) scroller.scrollTo({ top: target, behavior });
  return target;
}
