// Making and finding the nodes the page builds from code. Text is always set as text, never as
// markup: catalogue strings, link values and messages end up in these nodes.

/** The element with `id`; throws if the page does not have it. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no element #${id}`);
  return node;
}

/** A new `tag` element with a class (if any), text content (if given) and attributes. */
export function element(tag, className = '', text = undefined, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
